import BylineCore
import Foundation
import TestHTTPServer
import Testing

@testable import BylineWeb

#if canImport(Glibc)
  import Glibc
#endif

/// Fetching pages from a server the test starts on 127.0.0.1.
@Suite("Fetching pages over HTTP", .serialized)
struct PageFetcherTests {
  static let pageBody = Data(
    """
    <!DOCTYPE html><html><head><title>Dockers strike at Port Ellery - Coastal Times</title>
    <meta name="author" content="Jane Smith"></head><body><article>
    <p>\(prose[0])</p><p>\(prose[1])</p><p>\(prose[2])</p><p><a href="/more.html">More</a> on the strike.</p>
    </article></body></html>
    """.utf8)

  func withServer(_ body: (TestHTTPServer) throws -> Void) throws {
    var latin = Array("<html><head><meta charset=\"utf-8\"><title>Caf".utf8) + [0xE9]
    latin += Array(" strike</title></head><body><p>\(prose[0])</p></body></html>".utf8)
    let server = try TestHTTPServer(routes: [
      "/page.html": .init(body: PageFetcherTests.pageBody),
      "/latin1.html": .init(headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: Data(latin)),
      "/moved": .init(status: 302, headers: [("Location", "/page.html")]),
      "/loop": .init(status: 302, headers: [("Location", "/loop")]),
      "/image.png": .init(headers: [("Content-Type", "image/png")], body: Data([0x89, 0x50, 0x4E, 0x47])),
      "/big.html": .init(body: Data(repeating: 0x61, count: 200_000)),
      "/slow.html": .init(body: PageFetcherTests.pageBody, delay: 3),
      "/trickle.html": .init(body: Data(repeating: 0x61, count: 100), byteInterval: 0.1),
      "/notes.txt": .init(headers: [("Content-Type", "text/plain")], body: Data("Port strike\n\n\(prose[0])\n".utf8)),
    ])
    defer { server.stop() }
    try body(server)
  }

  @Test func pageRedirectAndCharset() throws {
    try withServer { server in
      let article = try ArticleSource.load(server.url("/page.html"))
      #expect(article.title == "Dockers strike at Port Ellery")
      #expect(article.author == "Jane Smith")
      #expect(article.source == server.url("/page.html"))
      #expect(paragraphs(article) == [prose[0], prose[1], prose[2], "More on the strike."])
      // Links resolve against the page's URL.
      #expect(article.links == [ArticleLink(text: "More", url: server.url("/more.html"))])
      // A redirect is followed; the links resolve against where it led.
      let moved = try ArticleSource.load(server.url("/moved"))
      #expect(moved.title == "Dockers strike at Port Ellery")
      #expect(moved.links.first?.url == server.url("/more.html"))
      // The header's charset wins over the page's <meta>.
      #expect(try ArticleSource.load(server.url("/latin1.html")).title == "Café strike")
      // Plain text is read as a text article.
      #expect(try ArticleSource.load(server.url("/notes.txt")).title == "Port strike")
    }
  }

  @Test func failuresAreOneLineErrors() throws {
    try withServer { server in
      func error(_ path: String, _ fetcher: PageFetcher = PageFetcher(timeout: 5)) -> String? {
        do {
          _ = try ArticleSource.load(server.url(path), fetcher: fetcher)
          return nil
        } catch {
          return error.description
        }
      }
      #expect(error("/missing.html") == "\(server.url("/missing.html")): the server answered 404 Not Found")
      #expect(error("/image.png") == "\(server.url("/image.png")): is image/png, not a web page or text")
      #expect(error("/loop") == "\(server.url("/loop")): too many redirects")
      #expect(
        error("/big.html", PageFetcher(timeout: 5, maximumBytes: 65536))
          == "\(server.url("/big.html")): is larger than the 64 KB limit")
      #expect(error("/slow.html", PageFetcher(timeout: 0.5)) == "\(server.url("/slow.html")): no answer within 0.5 s")
      // A byte every 0.1 s never lets the idle time-out fire; the whole page has three.
      #expect(
        error("/trickle.html", PageFetcher(timeout: 1))
          == "\(server.url("/trickle.html")): the page did not arrive within 3 s (the server sends too slowly)")
    }
    // Nothing listens on a port just closed.
    let probe = try TestHTTPServer(routes: [:])
    let closed = probe.url("/page.html")
    probe.stop()
    let refused: String? = {
      do {
        _ = try ArticleSource.load(closed, fetcher: PageFetcher(timeout: 5))
        return nil
      } catch { return (error as? ArticleSourceError)?.description }
    }()
    #expect(refused == "\(closed): 127.0.0.1 refused the connection (is the server running?)")
    #expect(throws: FetchError.unsupportedScheme(url: "ftp://x.org/a", scheme: "ftp")) {
      try PageFetcher().fetch("ftp://x.org/a")
    }
    #expect(throws: FetchError.invalidURL("http://")) { try PageFetcher().fetch("http://") }
    let gopher: String
    do {
      _ = try ArticleSource.load("gopher://x.org/a")
      gopher = "loaded"
    } catch {
      gopher = error.description
    }
    #expect(gopher == "gopher://x.org/a: uses gopher:, but only http: and https: pages can be read")
  }
}
