import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A page of our own with quotes and a speaker, as a newspaper would serve it.
private let storyPage = """
  <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <title>Dockers strike at Port Ellery as pay talks fail - The Coastal Times</title>
  <meta name="author" content="Jane Smith"><meta property="article:published_time" content="2024-03-05T06:00:00Z">
  <script>document.write("\\u001b[31m not text")</script></head><body>
  <nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article><h1>Dockers strike at Port Ellery as pay talks fail</h1>
  <p>Dock workers at Port Ellery walked out at dawn on Tuesday, after talks over pay and night shifts broke down late on Monday evening.</p>
  <p>\u{201C}Nobody here wanted to be standing in the rain at five in the morning,\u{201D} said Moira Keane, the union\u{2019}s branch secretary at the port.</p>
  <p>The harbour authority said it would meet the union again next week, and that ships would wait offshore until then, at some cost.</p>
  </article><div class="comments"><p>Comments are closed.</p></div></body></html>
  """

/// Web pages from a file and from a server on 127.0.0.1, through the real binary.
@Suite("Web pages in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct WebEndToEndTests {
  @Test func aPageByURLOpensInTheReaderWithItsQuote() throws {
    let server = try #require(StaticServer(serving: ["story.html": storyPage]), "python3 could not serve on 127.0.0.1")
    defer { server.stop() }
    let session = try TmuxSession(arguments: [server.url("story.html")], width: 100, height: 30)
    let screen = session.waitFor("page 1/")
    #expect(screen.contains("Dockers strike at Port Ellery as pay talks fail"))
    #expect(screen.contains("By Jane Smith"))
    #expect(!screen.contains("Sport") && !screen.contains("Comments are closed") && !screen.contains("not text"))
    session.send("]")
    #expect(session.waitFor("Moira Keane (said)").contains("quote 1/1 — Moira Keane (said)"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func exportAFileAndAURL() throws {
    let binary = try #require(E2E.binary)
    let server = try #require(StaticServer(serving: ["story.html": storyPage]), "python3 could not serve on 127.0.0.1")
    defer { server.stop() }
    let result = run(binary, ["export", "--format", "json", server.url("story.html")])
    #expect(result.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["title"] as? String == "Dockers strike at Port Ellery as pay talks fail")
    #expect(json["author"] as? String == "Jane Smith")
    #expect(json["date"] as? String == "2024-03-05")
    #expect(json["source"] as? String == server.url("story.html"))
    #expect((json["paragraphs"] as? [String])?.count == 3)
    #expect((json["captions"] as? [String]) == [])
    let missing = run(binary, ["export", server.url("gone.html")])
    #expect(missing.status == 1)
    #expect(missing.stderr == "byline: \(server.url("gone.html")): the server answered 404 Not Found\n")
    let text = run(binary, ["export", server.folder + "/story.html"])
    #expect(
      text.stdout.hasPrefix(
        "Dockers strike at Port Ellery as pay talks fail\n\n5 March 2024 · By Jane Smith\n\nDock workers"))
  }

  /// A feed of our own, served and from a file: `byline export` prints its items.
  @Test func exportAFeed() throws {
    let binary = try #require(E2E.binary)
    let feed = """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>The Coastal Times</title><link>/</link>
      <item><title>Dockers strike at Port Ellery</title><link>/story.html</link><guid>strike-1</guid>
      <author>desk@coastal.example (Jane Smith)</author><pubDate>Tue, 05 Mar 2024 06:00:00 GMT</pubDate>
      <description>Dock workers walked out at dawn.\u{1B}[31m</description>
      <enclosure url="/strike.mp3" type="audio/mpeg" length="1000"/></item>
      </channel></rss>
      """
    let server = try #require(
      StaticServer(serving: ["feed.xml": feed, "note.xml": "<?xml version=\"1.0\"?><note>hi</note>"]),
      "python3 could not serve on 127.0.0.1")
    defer { server.stop() }
    let result = run(binary, ["export", "--format", "json", server.url("feed.xml")])
    #expect(result.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["title"] as? String == "The Coastal Times")
    #expect(json["link"] as? String == server.url(""))
    let items = try #require(json["items"] as? [[String: Any]])
    #expect(items.count == 1)
    #expect(items.first?["title"] as? String == "Dockers strike at Port Ellery")
    #expect(items.first?["link"] as? String == server.url("story.html"))
    #expect(items.first?["id"] as? String == "strike-1")
    #expect(items.first?["author"] as? String == "desk@coastal.example (Jane Smith)")
    #expect(items.first?["published"] as? String == "2024-03-05T06:00:00Z")
    #expect(items.first?["summary"] as? String == "Dock workers walked out at dawn.")
    #expect(items.first?["content"] is NSNull)
    #expect(
      (items.first?["enclosures"] as? [[String: Any]])?.first?["url"] as? String == server.url("strike.mp3"))
    // From a file and standard input, as text.
    let text = run(binary, ["export", server.folder + "/feed.xml"])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("The Coastal Times\n/\n\n1 item\n"))
    #expect(
      text.stdout.contains(
        "Dockers strike at Port Ellery\n2024-03-05T06:00:00Z · By desk@coastal.example (Jane Smith) · summary only\n/story.html\n\nDock workers walked out at dawn.\n"
      ))
    let piped = run(binary, ["export", "-", "--format", "markdown"], stdin: Data(feed.utf8))
    #expect(piped.stdout.hasPrefix("# The Coastal Times\n\n</>\n\n## [Dockers strike at Port Ellery](</story.html>)\n"))
    let broken = run(binary, ["export", "-"], stdin: Data("<rss><channel><title>x</title>".utf8))
    #expect(broken.status == 0)
    #expect(broken.stdout == "x\n\n0 items\n")
    let notFeed = run(binary, ["export", server.url("note.xml")])
    #expect(notFeed.status == 1)
    #expect(
      notFeed.stderr == "byline: \(server.url("note.xml")): not a feed: the document is <note>, not RSS, RDF or Atom\n")
  }
}
