import Foundation
import Testing

/// Three feeds on a server on 127.0.0.1: RSS with summaries only (one item's page is there, the
/// other's is gone), Atom with full content (answered slowly, so that a refresh is seen under
/// way), and a URL that is not a feed.
private final class LocalFeeds {
  let server: StaticServer
  let home = NSTemporaryDirectory() + "byline-feeds-e2e-\(UUID().uuidString)"

  init?() {
    guard let server = StaticServer(serving: [:]) else { return nil }
    self.server = server
    let files = [
      "harbour.rss": """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Harbour Times</title><link>\(server.url(""))</link>
      <item><title>Night crew strike</title><link>\(server.url("night.html"))</link><guid>night-1</guid>
      <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description>The night crew walked out.</description></item>
      <item><title>Gate closed</title><link>\(server.url("gone.html"))</link><guid>gone-1</guid>
      <pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate><description>The north gate closed for repairs.</description></item>
      </channel></rss>
      """,
      "night.html": """
      <html><head><title>Night crew strike | Harbour Times</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Night crew strike</h1>
      <p>Moira Keane met the night crew at the harbour gate on Monday, where the strike began at midnight and the cranes fell silent one by one.</p>
      <p>"We have waited long enough for the new cranes, and we will not wait any longer," Keane said, standing beside the union's banner at the gate.</p>
      <p>The port authority said talks would resume on Thursday, according to a spokesperson, and that ships would be turned away until then.</p>
      </article></body></html>
      """,
      "slow/ledger.atom": """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Port Ledger</title><id>urn:ledger</id>
      <updated>2026-11-28T10:00:00Z</updated>
      <entry><title>Cranes arrive</title><id>urn:ledger:1</id><updated>2026-11-28T10:00:00Z</updated>
      <content type="html">&lt;p&gt;The new cranes arrived at the harbour on Saturday morning.&lt;/p&gt;&lt;p&gt;"They are the biggest we have ever had," said Tomas Reyes, the harbour master.&lt;/p&gt;</content>
      </entry></feed>
      """,
      "broken.xml": "<?xml version=\"1.0\"?><html><body><p>Our feed has moved.</p></body></html>",
    ]
    for (name, text) in files {
      let path = server.folder + "/" + name
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
    try? FileManager.default.createDirectory(atPath: home + "/config/byline", withIntermediateDirectories: true)
  }

  var urls: [String] { [server.url("harbour.rss"), server.url("slow/ledger.atom"), server.url("broken.xml")] }

  /// A cache and a config of the test's own.
  var environment: [String: String] {
    ["XDG_CACHE_HOME": home + "/cache", "XDG_CONFIG_HOME": home + "/config", "HOME": home]
  }

  func writeConfig(_ feeds: [String]) {
    let text = feeds.map { "[[feeds]]\nurl = \"\($0)\"\n" }.joined(separator: "\n")
    _ = FileManager.default.createFile(atPath: home + "/config/byline/config.toml", contents: Data(text.utf8))
  }

  func stop() {
    server.stop()
    try? FileManager.default.removeItem(atPath: home)
  }
}

@Suite(
  "Feeds in a real terminal and from cron", .serialized,
  .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct FeedEndToEndTests {
  @Test func threeLocalFeedsShowUnreadItemsRefreshWithProgressAndASummaryOpensAsTheFullArticle() throws {
    let feeds = try #require(LocalFeeds(), "python3 could not serve on 127.0.0.1")
    defer { feeds.stop() }
    let session = try TmuxSession(
      arguments: ["library"] + feeds.urls, width: 100, height: 16,
      environment: feeds.environment)
    // Feeds never read are read at once; each has its row, the broken one its error.
    let first = session.waitFor(timeout: 20) { $0.contains("1 unread · 1 item") && $0.contains("2 unread · 2 items") }
    #expect(first.contains("▸ Harbour Times"))
    #expect(first.contains("▸ Port Ledger"))
    #expect(first.contains("⚠ not a feed"))
    #expect(first.contains("•Night crew strike"))
    #expect(first.contains("•Cranes arrive"))
    #expect(first.contains("⚠ summary only: 404 Not Found"), "the item whose page is gone says so")
    // r refreshes in the background, with progress in the status bar.
    session.send("r")
    let during = session.waitFor(timeout: 10) { $0.contains("refreshing") }
    #expect(session.statusLine(during).contains("refreshing"))
    let after = session.waitFor(timeout: 20) { !$0.contains("refreshing") && !$0.contains("fetching") }
    #expect(after.contains("2 unread · 2 items"))
    #expect(session.statusLine(after).contains("refreshed 3 feeds: nothing new, 1 failed"))
    // The summary-only item opens as the page's whole article, quote and speaker included.
    session.send("/")
    session.send("Night")
    session.send("Enter")
    session.waitFor { !$0.contains("searching the text") }
    session.send("Enter")
    let reader = session.waitFor("page 1/")
    #expect(reader.contains("We have waited long enough for the new cranes"))
    #expect(!reader.contains("World"), "the page's navigation is left out")
    session.send("]")
    #expect(session.waitFor("Moira Keane").contains("quote 1/1 — Moira Keane"))
    // Back in the list (x clears the search): the item is read now.
    session.send("q")
    session.send("x")
    let list = session.waitFor { $0.contains("1 unread · 2 items") }
    #expect(list.contains(" Night crew strike"))
    #expect(!list.contains("•Night crew strike"))
    session.send("Q")
    #expect(session.exitStatus() == 0)
  }

  @Test func feedRefreshWorksWithoutATerminalAndFailsOnlyWhenEveryFeedFails() throws {
    let binary = try #require(E2E.binary)
    let feeds = try #require(LocalFeeds(), "python3 could not serve on 127.0.0.1")
    defer { feeds.stop() }
    feeds.writeConfig(feeds.urls)
    var environment = ProcessInfo.processInfo.environment
    environment.merge(feeds.environment) { $1 }
    let first = run(binary, ["feed", "refresh"], environment: environment)
    #expect(first.status == 0)
    #expect(
      first.stdout == """
        Harbour Times: 2 new items (2 in the feed), 1 full article fetched, 1 kept as summary (page fetch failed)
        Port Ledger: 1 new item (1 in the feed)

        """)
    #expect(first.stderr == "byline: \(feeds.urls[2]): not a feed: the document is <html>, not RSS, RDF or Atom\n")
    // Python's server sends Last-Modified: the next refresh asks conditionally.
    let second = run(binary, ["feed", "refresh"], environment: environment)
    #expect(second.stdout == "Harbour Times: unchanged\nPort Ledger: unchanged\n")
    let list = run(binary, ["feed", "list"], environment: environment)
    #expect(list.stdout.contains("Harbour Times  \(feeds.urls[0])  2 items, 2 unread"))
    // byline quotes takes a feed as it takes a folder (its stored items).
    let quotes = run(binary, ["quotes", "--format", "csv", feeds.urls[0]], environment: environment)
    #expect(quotes.status == 0)
    #expect(quotes.stdout.contains("Moira Keane,\"We have waited long enough for the new cranes"))
    #expect(quotes.stdout.contains(",Night crew strike,\(feeds.server.url("night.html"))\n"))
    feeds.writeConfig([feeds.urls[2]])
    let broken = run(binary, ["feed", "refresh"], environment: environment)
    #expect(broken.status == 1)
  }

  @Test func addRemoveImportAndExportEditOnlyTheFeedsOfTheConfig() throws {
    let binary = try #require(E2E.binary)
    let feeds = try #require(LocalFeeds(), "python3 could not serve on 127.0.0.1")
    defer { feeds.stop() }
    var environment = ProcessInfo.processInfo.environment
    environment.merge(feeds.environment) { $1 }
    let config = feeds.home + "/config/byline/config.toml"
    _ = FileManager.default.createFile(atPath: config, contents: Data("# my settings\nwpm = 250 # slow\n".utf8))
    let add = run(
      binary, ["feed", "add", "https://news.example/rss", "--name", "News", "--tag", "world"], environment: environment)
    #expect(add.status == 0)
    #expect(
      run(binary, ["feed", "add", "https://news.example/rss"], environment: environment).stderr
        == "byline: already following https://news.example/rss (News)\n")
    let opml = feeds.home + "/subs.opml"
    _ = FileManager.default.createFile(
      atPath: opml,
      contents: Data(
        """
        <?xml version="1.0"?><opml version="1.0"><body>
        <outline text="Ports"><outline type="rss" text="Harbour" xmlUrl="https://harbour.example/atom"/></outline>
        <outline type="rss" text="News again" xmlUrl="https://news.example/rss"/>
        </body></opml>
        """.utf8))
    let imported = run(binary, ["feed", "import", opml], environment: environment)
    #expect(imported.stdout == "imported 1 feed from \(opml) (1 already followed)\n")
    #expect(
      try String(contentsOfFile: config, encoding: .utf8) == """
        # my settings
        wpm = 250 # slow

        [[feeds]]
        url = "https://news.example/rss"
        name = "News"
        tags = ["world"]

        [[feeds]]
        url = "https://harbour.example/atom"
        name = "Harbour"
        tags = ["Ports"]

        """)
    let export = run(binary, ["feed", "export"], environment: environment)
    #expect(
      export.stdout.contains(
        "<outline type=\"rss\" text=\"Harbour\" title=\"Harbour\" xmlUrl=\"https://harbour.example/atom\" category=\"Ports\"/>"
      ))
    #expect(
      run(binary, ["feed", "remove", "News"], environment: environment).stdout
        == "no longer following https://news.example/rss\n")
    #expect(
      try String(contentsOfFile: config, encoding: .utf8) == """
        # my settings
        wpm = 250 # slow

        [[feeds]]
        url = "https://harbour.example/atom"
        name = "Harbour"
        tags = ["Ports"]

        """)
    // Feeds written inline are left to the person; a broken feeds entry names the file.
    _ = FileManager.default.createFile(atPath: config, contents: Data("feeds = [\"https://a.example/rss\"]\n".utf8))
    let inline = run(binary, ["feed", "add", "https://b.example/rss"], environment: environment)
    #expect(inline.status == 1)
    #expect(inline.stderr.contains("lists its feeds inline (feeds = [...])"))
    _ = FileManager.default.createFile(atPath: config, contents: Data("feeds = [42]\n".utf8))
    let bad = run(binary, ["feed", "list"], environment: environment)
    #expect(bad.status == 1)
    #expect(bad.stderr == "byline: \(config): feeds entry 1 must be a URL or a { url, name, tags } table\n")
  }

  @Test func aFeedFileAndAFeedURLOnTheCommandLineOpenAsLibrariesOfTheirItems() throws {
    let feeds = try #require(LocalFeeds(), "python3 could not serve on 127.0.0.1")
    defer { feeds.stop() }
    let file = try TmuxSession(
      arguments: [feeds.server.folder + "/slow/ledger.atom"], width: 100, height: 12,
      environment: feeds.environment)
    let fileScreen = file.waitFor("1 unread · 1 item")
    #expect(fileScreen.contains("▸ Port Ledger"))
    #expect(fileScreen.contains("•Cranes arrive"))
    file.send("Q")
    #expect(file.exitStatus() == 0)
    let url = try TmuxSession(arguments: [feeds.urls[0]], width: 100, height: 12, environment: feeds.environment)
    let urlScreen = url.waitFor(timeout: 20) { $0.contains("2 unread · 2 items") }
    #expect(urlScreen.contains("▸ Harbour Times"))
    url.send("Q")
    #expect(url.exitStatus() == 0)
  }
}
