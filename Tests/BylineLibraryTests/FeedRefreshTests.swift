import BylineCore
import Foundation
import TestHTTPServer
import Testing

@testable import BylineLibrary

/// Three feeds on a server on 127.0.0.1: an RSS feed with summaries only (one item's page is
/// there, one is gone), an Atom feed with full content, and a URL that is not a feed.
final class ThreeFeeds {
  let server: TestHTTPServer
  let folder = TempFolder()

  init() throws {
    server = try TestHTTPServer(routes: [:])
    server.set(
      "/harbour.rss",
      TestHTTPServer.Response(type: "application/rss+xml", body: rss(items: [night, gone]), etag: "\"r1\""))
    server.set("/night.html", TestHTTPServer.Response(body: ThreeFeeds.nightPage))
    server.set("/ledger.atom", TestHTTPServer.Response(type: "application/atom+xml", body: ThreeFeeds.atom))
    server.set("/broken.xml", TestHTTPServer.Response(body: "<html><body><p>Our feed moved.</p></body></html>"))
  }

  deinit { server.stop() }

  var subscriptions: [FeedSubscription] {
    [
      FeedSubscription(location: server.url("/harbour.rss")),
      FeedSubscription(location: server.url("/ledger.atom"), name: "Ledger"),
      FeedSubscription(location: server.url("/broken.xml")),
    ]
  }

  func library(cache: Bool = true) -> Library {
    Library(paths: [], feeds: subscriptions, cacheDirectory: folder.path + "/cache", useCache: cache)
  }

  var night: String {
    item(
      id: "night-1", title: "Night crew strike", link: server.url("/night.html"), summary: "The night crew walked out.")
  }
  var gone: String {
    item(
      id: "gone-1", title: "Gate closed", link: server.url("/gone.html"), summary: "The north gate closed for repairs.")
  }
  var dawn: String {
    item(id: "dawn-1", title: "Dawn shift", link: server.url("/gone.html"), summary: "The dawn shift came in early.")
  }

  func item(id: String, title: String, link: String, summary: String) -> String {
    "<item><title>\(title)</title><link>\(link)</link><guid isPermaLink=\"false\">\(id)</guid>"
      + "<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description>\(summary)</description></item>"
  }

  func rss(items: [String]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Harbour Times</title><link>http://127.0.0.1/</link>
    \(items.joined(separator: "\n"))
    </channel></rss>
    """
  }

  static let nightPage = """
    <html><head><title>Night crew strike | Harbour Times</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Night crew strike</h1>
    <p>Moira Keane met the night crew at the harbour gate on Monday, where the strike began at midnight and the cranes fell silent one by one.</p>
    <p>"We have waited long enough for the new cranes, and we will not wait any longer," Keane said, standing beside the union's banner at the gate.</p>
    <p>The port authority said talks would resume on Thursday, according to a spokesperson, and that ships would be turned away until then.</p>
    <p>Dockworkers have asked for safer equipment since the spring, when two cranes failed within a week of each other during the night shift.</p>
    </article></body></html>
    """

  static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Port Ledger</title><id>urn:ledger</id>
    <updated>2026-11-29T10:00:00Z</updated>
    <entry><title>Cranes arrive</title><id>urn:ledger:1</id><updated>2026-11-29T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The new cranes arrived at the harbour on Sunday morning.&lt;/p&gt;&lt;p&gt;"They are the biggest we have ever had," said Tomas Reyes, the harbour master.&lt;/p&gt;</content>
    </entry></feed>
    """
}

@Suite("Feeds: refresh, full articles, read marks, history")
struct FeedRefreshTests {
  @Test func aRefreshStoresEveryFeedsItemsFetchesSummaryOnlyPagesAndReportsEachFeed() throws {
    let feeds = try ThreeFeeds()
    let library = feeds.library()
    let reports = library.refreshFeedsAndWait()
    #expect(
      reports.map(\.line) == [
        "Harbour Times: 2 new items (2 in the feed), 1 full article fetched, 1 kept as summary (page fetch failed)",
        "Ledger: 1 new item (1 in the feed)",
        "\(feeds.server.url("/broken.xml")): not a feed: the document is <html>, not RSS, RDF or Atom",
      ])
    let entries = library.snapshot().entries
    #expect(
      entries.map(\.title) == [
        "Harbour Times", "Night crew strike", "Gate closed", "Ledger", "Cranes arrive", feeds.server.url("/broken.xml"),
      ])
    #expect(
      entries.compactMap(\.feedRow).map { "\($0.name) \($0.unread)/\($0.items) \($0.error ?? "")" } == [
        "Harbour Times 2/2 ", "Ledger 1/1 ", "\(feeds.server.url("/broken.xml")) 0/0 not a feed",
      ])
    #expect(entries[2].note == "summary only: 404 Not Found")
    #expect(entries[1].note == nil)
    #expect(entries.filter { $0.feedRow == nil }.allSatisfy { $0.unread })
    // The summary-only item opens as the page's article, with its quote and speaker.
    let night = try library.article(for: entries[1].reference)
    #expect(night.title == "Night crew strike")
    #expect(night.paragraphs.count == 4)
    let analysis = ArticleAnalysis(article: night)
    #expect(analysis.quotes.map(\.speaker) == ["Moira Keane"])
    #expect(entries[1].listing?.quoteCount == 1)
    // The other keeps its summary.
    #expect(try library.article(for: entries[2].reference).text.contains("The north gate closed for repairs."))
    #expect(library.search("cranes").map(\.entry.title).sorted() == ["Cranes arrive", "Night crew strike"])
    #expect(library.people().search("reyes").first?.quoteCount == 1)
    library.close()
  }

  @Test func aSecondRefreshAsksConditionallyAndFetchesNothingTwice() throws {
    let feeds = try ThreeFeeds()
    let library = feeds.library()
    _ = library.refreshFeedsAndWait()
    #expect(feeds.server.count("/night.html") == 1)
    let again = library.refreshFeedsAndWait()
    #expect(again.map(\.line)[0...1] == ["Harbour Times: unchanged", "Ledger: unchanged"])
    #expect(feeds.server.notModifiedCount("/harbour.rss") == 1, "the ETag was sent back")
    #expect(feeds.server.count("/harbour.rss") == 1)
    #expect(feeds.server.count("/night.html") == 1, "a page fetched is never fetched again")
    // A new item, and one that left the feed: the history stays.
    feeds.server.set(
      "/harbour.rss",
      TestHTTPServer.Response(
        type: "application/rss+xml", body: feeds.rss(items: [feeds.dawn, feeds.night]), etag: "\"r2\""))
    let third = library.refreshFeedsAndWait()
    #expect(third[0].line == "Harbour Times: 1 new item (2 in the feed), 1 kept as summary (page fetch failed)")
    #expect(feeds.server.count("/night.html") == 1)
    let titles = library.snapshot().entries.filter { $0.feed == feeds.server.url("/harbour.rss") }.map(\.title)
    #expect(titles == ["Harbour Times", "Dawn shift", "Night crew strike", "Gate closed"])
    library.close()
    // Stored: a new library on the same cache shows them before any refresh.
    let reopened = feeds.library()
    #expect(reopened.snapshot().entries.filter { $0.feed == feeds.server.url("/harbour.rss") }.map(\.title) == titles)
    reopened.close()
  }

  @Test func readMarksAreKeptPerItemAndAFeedCanBeMarkedRead() throws {
    let feeds = try ThreeFeeds()
    let library = feeds.library()
    _ = library.refreshFeedsAndWait()
    let rss = feeds.server.url("/harbour.rss")
    let items = library.snapshot().entries.filter { $0.feed == rss && $0.feedRow == nil }
    library.setRead([items[0].reference], read: true)
    func row(_ library: Library) -> String {
      library.snapshot().entries.compactMap(\.feedRow).first.map { "\($0.unread)/\($0.items)" } ?? ""
    }
    #expect(row(library) == "1/2")
    library.markFeedRead(rss)
    #expect(row(library) == "0/2")
    library.setRead([items[1].reference], read: false)
    #expect(row(library) == "1/2")
    library.close()
    let reopened = feeds.library()
    #expect(row(reopened) == "1/2")
    #expect(reopened.snapshot().entries.filter { $0.feed == rss && $0.feedRow == nil }.map(\.unread) == [false, true])
    reopened.close()
  }

  @Test func withoutACacheItemsLiveInMemoryForTheRun() throws {
    let feeds = try ThreeFeeds()
    let library = feeds.library(cache: false)
    _ = library.refreshFeedsAndWait()
    let entries = library.snapshot().entries.filter { $0.feedRow == nil }
    #expect(entries.map(\.title) == ["Night crew strike", "Gate closed", "Cranes arrive"])
    #expect(try library.article(for: entries[2].reference).text.contains("Tomas Reyes"))
    #expect(library.search("cranes").count == 2)
  }

  @Test func aFeedFileOpensAsTheLibraryOfItsItemsWithoutNetwork() throws {
    let folder = TempFolder()
    let path = folder.write("ledger.atom", ThreeFeeds.atom)
    let library = Library(paths: [path], cacheDirectory: folder.path + "/cache")
    library.waitUntilFinished()
    let entries = library.snapshot().entries
    #expect(entries.map(\.title) == ["Port Ledger", "Cranes arrive"])
    #expect(entries[1].reference == .fileItem(path: path, item: "urn:ledger:1"))
    #expect(library.people().search("tomas reyes").first?.quoteCount == 1)
    library.close()
  }

  @Test func aPageURLIsAOneArticleLibraryStoredLikeAnItem() throws {
    let feeds = try ThreeFeeds()
    let page = feeds.server.url("/night.html")
    let library = Library(paths: [page], cacheDirectory: feeds.folder.path + "/cache")
    library.waitUntilFinished()
    let entries = library.snapshot().entries
    #expect(entries.map(\.reference) == [.url(page)], "one row, no feed row")
    #expect(entries.first?.listing?.quoteCount == 1)
    #expect(try library.article(for: .url(page)).paragraphs.count == 4)
    library.close()
    // Stored: the next library shows it without fetching it again.
    let again = Library(paths: [page], cacheDirectory: feeds.folder.path + "/cache")
    again.waitUntilFinished()
    #expect(again.snapshot().entries.map(\.reference) == [.url(page)])
    #expect(feeds.server.count("/night.html") == 1)
    again.close()
    // A URL that is neither a feed nor a page is a row that says why.
    let missing = Library(paths: [feeds.server.url("/nothing.xml")], useCache: false)
    missing.waitUntilFinished()
    #expect(missing.snapshot().entries.compactMap(\.feedRow?.error) == ["404 Not Found"])
  }
}
