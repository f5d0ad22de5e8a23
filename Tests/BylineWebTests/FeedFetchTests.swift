import BylineCore
import Foundation
import TestHTTPServer
import Testing

@testable import BylineWeb

/// Feeds fetched from a server the test starts on 127.0.0.1.
@Suite("Fetching feeds over HTTP", .serialized)
struct FeedFetchTests {
  static let rss = Data(
    """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Times</title><link>/</link>
    <item><title>Dockers strike</title><link>/strike.html</link><description>Port closed.</description></item>
    </channel></rss>
    """.utf8)
  static let atom = Data(
    """
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Pier notes</title>
    <entry><id>urn:1</id><title>Tide</title><link href="tide.html"/><content type="html">&lt;p&gt;High water.&lt;/p&gt;</content></entry>
    </feed>
    """.utf8)

  func withServer(_ body: (TestHTTPServer) throws -> Void) throws {
    let server = try TestHTTPServer(routes: [
      "/feed.xml": .init(headers: [("Content-Type", "application/rss+xml; charset=utf-8")], body: FeedFetchTests.rss),
      "/blog/atom": .init(headers: [("Content-Type", "application/atom+xml")], body: FeedFetchTests.atom),
      // Served as text/plain by a careless server: the bytes say it is a feed.
      "/plain-feed": .init(headers: [("Content-Type", "text/plain")], body: FeedFetchTests.rss),
      "/broken.xml": .init(headers: [("Content-Type", "application/xml")], body: Data("<note>not a feed</note>".utf8)),
      "/page.html": .init(body: Data("<html><head><title>A page</title></head><body><p>Text.</p></body></html>".utf8)),
    ])
    defer { server.stop() }
    try body(server)
  }

  func feed(_ result: FeedOrArticle) -> Feed? {
    if case .feed(let feed) = result { return feed }
    return nil
  }

  @Test func feedsAreFetchedAndLinksResolveAgainstTheirURL() throws {
    try withServer { server in
      let rss = try #require(feed(try ArticleSource.loadFeedOrArticle(server.url("/feed.xml"))))
      #expect(rss.title == "Coastal Times")
      #expect(rss.link == server.url("/"))
      #expect(rss.items.map(\.link) == [server.url("/strike.html")])
      #expect(rss.items.map(\.summary) == ["Port closed."])
      let atom = try #require(feed(try ArticleSource.loadFeedOrArticle(server.url("/blog/atom"))))
      #expect(atom.items.map(\.link) == [server.url("/blog/tide.html")])
      #expect(atom.items.map(\.content) == ["High water."])
      #expect(feed(try ArticleSource.loadFeedOrArticle(server.url("/plain-feed")))?.title == "Coastal Times")
    }
  }

  @Test func pagesStayArticlesAndBadFeedsSayWhy() throws {
    try withServer { server in
      guard case .article(let article) = try ArticleSource.loadFeedOrArticle(server.url("/page.html")) else {
        Issue.record("a page read as a feed")
        return
      }
      #expect(article.title == "A page")
      #expect(throws: ArticleSourceError.self) { try ArticleSource.loadFeedOrArticle(server.url("/broken.xml")) }
      do throws(ArticleSourceError) {
        _ = try ArticleSource.loadFeedOrArticle(server.url("/broken.xml"))
      } catch {
        #expect(
          error.description == "\(server.url("/broken.xml")): not a feed: the document is <note>, not RSS, RDF or Atom")
      }
      // One article wanted, XML that is no feed: as before feeds were read.
      do throws(ArticleSourceError) {
        _ = try ArticleSource.load(server.url("/broken.xml"))
        Issue.record("XML read as an article")
      } catch {
        #expect(error.description == "\(server.url("/broken.xml")): is application/xml, not a web page or text")
      }
      // One article wanted, a feed given: say so.
      do throws(ArticleSourceError) {
        _ = try ArticleSource.load(server.url("/feed.xml"))
        Issue.record("a feed read as one article")
      } catch {
        #expect(
          error.description == "\(server.url("/feed.xml")): is a feed, not one article (byline export prints its items)"
        )
      }
    }
  }
}
