import Foundation
import Testing

/// A library folder holding an article and a feed file, in tmux: the feed is a row of the
/// library, and read marks on the article and the item outlive the process.
@Suite(
  "A feed file in a library folder, and read marks, in a real terminal", .serialized,
  .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct FolderFeedEndToEndTests {
  @Test func aFeedFileInTheFolderIsAFeedRowAndMarksOutliveTheProcess() throws {
    let folder = NSTemporaryDirectory() + "byline-e2e-folderfeed-\(UUID().uuidString)"
    let cache = folder + "-cache"
    let fm = FileManager.default
    defer {
      try? fm.removeItem(atPath: folder)
      try? fm.removeItem(atPath: cache)
    }
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "---\ntitle: Budget day\ndate: 2020-03-11\n---\n\n\"This is a budget for families,\" Gordon Brown said.\n"
      .write(toFile: folder + "/budget.md", atomically: true, encoding: .utf8)
    // Links to a port nothing listens on: a folder's feed never fetches pages.
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Harbour Times</title><link>http://127.0.0.1:9/</link>
    <item><title>Night crew strike</title><link>http://127.0.0.1:9/night.html</link><guid>night-1</guid>
    <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description>The night crew walked out at midnight.</description></item>
    </channel></rss>
    """.write(toFile: folder + "/harbour.rss", atomically: true, encoding: .utf8)
    let environment = ["XDG_CACHE_HOME": cache, "XDG_STATE_HOME": cache + "/state"]
    do {
      let session = try TmuxSession(arguments: [folder], width: 100, height: 12, environment: environment)
      let first = session.waitFor { $0.contains("1 unread · 1 item") && $0.contains("Budget day") }
      let lines = first.split(separator: "\n").map(String.init)
      // The feed's row first, then the item and the article by date, both unread.
      #expect(lines[1].hasPrefix(" ▸ Harbour Times"))
      #expect(lines[2].hasPrefix("•Night crew strike"))
      #expect(lines[3].hasPrefix("•Budget day"))
      #expect(!first.contains("⚠"), "no page fetched, nothing failed")
      session.send("j")
      session.send("j")
      session.send("Enter")
      session.waitFor("page 1/")
      session.send("q")
      let back = session.waitFor { $0.contains("Byline library") }
      #expect(back.split(separator: "\n").map(String.init)[3].hasPrefix(" Budget day"), "opened: read")
      session.send("Q")
      #expect(session.exitStatus() == 0)
    }
    // A new process on the same cache: the marks are there; u shows only the unread item.
    let again = try TmuxSession(arguments: [folder], width: 100, height: 12, environment: environment)
    let screen = again.waitFor { $0.contains("1 unread · 1 item") && $0.contains("Budget day") }
    #expect(screen.contains("•Night crew strike"))
    #expect(screen.contains(" Budget day") && !screen.contains("•Budget day"))
    again.send("u")
    let unread = again.waitFor("unread only")
    #expect(unread.contains("•Night crew strike"))
    #expect(!unread.contains("Budget day"))
    again.send("Q")
    #expect(again.exitStatus() == 0)
  }
}
