import BylineCore
import BylineLibrary
import Foundation
import Testing

@testable import BylineUI

/// The library screen with feeds: literal snapshots in, commands and frames out.
@Suite("Library screen with feeds: rows, marks, keys, progress")
struct FeedScreenTests {
  static let rss = "https://harbour.example/rss"
  static let broken = "https://broken.example/feed"

  static func item(_ id: String, _ title: String, day: Int, unread: Bool, note: String? = nil) -> LibraryEntry {
    var entry = LibraryEntry(
      reference: .feedItem(feed: rss, item: id), hash: id,
      state: .ready(
        ArticleListing(
          title: title, date: ArticleDate(year: 2026, month: 11, day: day), readMinutes: 3, quoteCount: 2,
          mainPeople: ["Moira Keane"])))
    entry.feed = rss
    entry.unread = unread
    entry.note = note
    return entry
  }

  static func feedRow(
    _ location: String, _ name: String, items: Int, unread: Int, error: String? = nil, newest: ArticleDate? = nil,
    unreadMinutes: Int = 0
  ) -> LibraryEntry {
    var row = LibraryEntry(reference: ArticleReference(key: location), hash: nil, state: .pending)
    row.feed = location
    row.feedRow = LibraryEntry.FeedRow(
      location: location, name: name, items: items, unread: unread, error: error, newest: newest,
      unreadMinutes: unreadMinutes)
    if let error { row.state = .failed(.unavailable(source: location, reason: error)) }
    return row
  }

  static func snapshot(version: Int = 1, progress: FeedRefreshProgress? = nil) -> LibrarySnapshot {
    var almaty = LibraryEntry(
      path: "/news/a.txt", hash: "a",
      state: .ready(
        ArticleListing(
          title: "Almaty talks", date: ArticleDate(year: 2022, month: 2, day: 1), readMinutes: 2, quoteCount: 1,
          mainPeople: [])))
    almaty.unread = true
    return LibrarySnapshot(
      entries: [
        almaty,
        feedRow(
          rss, "Harbour Times", items: 2, unread: 1, newest: ArticleDate(year: 2026, month: 11, day: 30),
          unreadMinutes: 3),
        item("n1", "Night crew strike", day: 30, unread: true),
        item("g1", "Gate closed", day: 29, unread: false, note: "summary only: 404 Not Found"),
        feedRow(broken, "Broken", items: 0, unread: 0, error: "not a feed"),
      ],
      progress: LibraryProgress(step: nil, done: 5, total: 5), version: version, feedProgress: progress)
  }

  @Test func feedRowsComeFirstThenArticlesAndItemsByDate() {
    let state = LibraryState(snapshot: Self.snapshot(), width: 100, height: 10)
    #expect(state.rows.map(\.title) == ["Harbour Times", "Broken", "Night crew strike", "Gate closed", "Almaty talks"])
  }

  @Test func theListShowsUnreadCountsMarksErrorsNotesAndRefreshProgress() {
    let state = LibraryState(
      snapshot: Self.snapshot(progress: FeedRefreshProgress(phase: .feeds, done: 3, total: 12)),
      width: 100, height: 8)
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 1).hasPrefix(" ▸ Harbour Times"))
    #expect(frame.text(row: 1).contains("1 unread · 2 items"))
    #expect(frame.text(row: 2).hasPrefix(" ▸ Broken ⚠ not a feed"))
    #expect(frame.text(row: 3).hasPrefix("•Night crew strike"))
    #expect(frame.text(row: 4).hasPrefix(" Gate closed"))
    #expect(frame.text(row: 4).contains("⚠ summary only: 404 Not Found"))
    #expect(frame.text(row: 7).hasPrefix(" refreshing 3/12 feeds"))
    let fetching = LibraryState(
      snapshot: Self.snapshot(progress: FeedRefreshProgress(phase: .articles, done: 5, total: 40)),
      width: 100, height: 8)
    #expect(LibraryView.render(fetching).text(row: 7).hasPrefix(" fetching 5/40 articles"))
  }

  @Test func aFeedNeverReadAndAFailedFeedWithStoredItemsSaySo() {
    var quiet = Self.feedRow("https://quiet.example/rss", "Quiet", items: 0, unread: 0)
    quiet.feedRow?.neverRead = true
    let failedWithItems = Self.feedRow(Self.rss, "Harbour Times", items: 2, unread: 1, error: "404 Not Found")
    let snapshot = LibrarySnapshot(
      entries: [quiet, failedWithItems], progress: LibraryProgress(step: nil, done: 2, total: 2), version: 1)
    var state = LibraryState(snapshot: snapshot, width: 100, height: 6)
    let frame = LibraryView.render(state)
    // Neither has a dated item: by name.
    #expect(frame.text(row: 1).hasPrefix(" ▸ Harbour Times ⚠ 404 Not Found"))
    #expect(frame.text(row: 1).contains("1 unread · 2 items"))
    #expect(frame.text(row: 2).hasPrefix(" ▸ Quiet"))
    #expect(frame.text(row: 2).contains("not read yet"))
    state.apply(.down)
    #expect(state.apply(.open) == [])
    #expect(state.message == "Quiet: not read yet (r reads the feeds)")
  }

  @Test func keysForFeedsGiveTheirCommands() {
    var state = LibraryState(snapshot: Self.snapshot(), width: 100, height: 10)
    #expect(state.apply(.refreshFeeds) == [.refreshFeeds])
    // Enter on a feed's row lists its items.
    #expect(state.apply(.open) == [])
    #expect(state.rows.map(\.title) == ["Night crew strike", "Gate closed"])
    #expect(state.apply(.toggleRead) == [.setRead([.feedItem(feed: Self.rss, item: "n1")], read: true)])
    #expect(state.apply(.markFeedRead) == [.markFeedRead(Self.rss)])
    #expect(
      state.apply(.open) == [.openArticle(reference: .feedItem(feed: Self.rss, item: "n1"), offset: 0, search: nil)])
    state.apply(.down)
    #expect(state.apply(.toggleRead) == [.setRead([.feedItem(feed: Self.rss, item: "g1")], read: false)])
    // x: everything again; u: only unread items (files stay, feeds with unread or errors stay).
    state.apply(.clearFilter)
    #expect(state.rows.count == 5)
    state.apply(.toggleUnreadOnly)
    #expect(state.rows.map(\.title) == ["Harbour Times", "Broken", "Night crew strike", "Almaty talks"])
    #expect(state.message == "only unread articles (u: everything)")
    // Enter on a feed that failed says why.
    state.apply(.first)
    state.apply(.down)
    #expect(state.apply(.open) == [])
    #expect(state.message == "Broken: not a feed")
    // A refresh under way is not started twice.
    var busy = LibraryState(
      snapshot: Self.snapshot(progress: FeedRefreshProgress(phase: .feeds, done: 0, total: 2)),
      width: 100, height: 10)
    #expect(busy.apply(.refreshFeeds) == [])
    #expect(busy.message == "a refresh is under way")
  }

  @Test func openingAnItemFromTheAppMarksItReadAndQBringsTheListBack() throws {
    let folder = NSTemporaryDirectory() + "byline-feed-app-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let feed = folder + "/ledger.atom"
    try """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Port Ledger</title><id>urn:ledger</id>
    <updated>2026-11-29T10:00:00Z</updated>
    <entry><title>Cranes arrive</title><id>urn:ledger:1</id><updated>2026-11-29T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The new cranes arrived on Sunday.&lt;/p&gt;&lt;p&gt;"They are the biggest we have ever had," said Tomas Reyes, the harbour master.&lt;/p&gt;</content>
    </entry></feed>
    """.write(toFile: feed, atomically: true, encoding: .utf8)
    let library = Library(paths: [feed], useCache: false)
    library.waitUntilFinished()
    let positions = URL(fileURLWithPath: folder + "/state/positions.json")
    let backend = VirtualBackend(
      width: 80, height: 12,
      script: [
        .key(.enter), .key(.enter), .key(.character("q")), .key(.character("q")), .key(.character("Q")),
      ])
    let app = App(start: .library(library), positions: ReadingPositionStore(fileURL: positions))
    #expect(app.run(on: backend) == .quit)
    #expect(backend.frames[0].text(row: 1).contains("1 unread · 1 item"))
    #expect(backend.frames[0].text(row: 2).hasPrefix("•Cranes arrive"))
    #expect(backend.frames[1].text(row: 0).contains("Port Ledger"), "Enter on the feed lists its items")
    #expect(backend.frames[2].text(row: 0).contains("Cranes arrive"), "Enter opens the item in the reader")
    #expect(backend.frames[3].text(row: 1).hasPrefix(" Cranes arrive"), "back in the list, read: no mark")
    #expect(backend.frames[4].text(row: 1).contains("0 unread · 1 item"))
    #expect(
      ReadingPositionStore(fileURL: positions).position(
        for: ArticleReference.fileItem(path: feed, item: "urn:ledger:1")) != nil)
  }
}
