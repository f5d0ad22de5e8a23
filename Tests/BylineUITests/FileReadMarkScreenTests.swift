import BylineCore
import BylineLibrary
import Foundation
import Testing

@testable import BylineUI

/// Read marks on files in the library screen, and the order of the feeds' rows.
@Suite("Library screen: read marks on files, feeds' rows sorted among themselves")
struct FileReadMarkScreenTests {
  static func file(_ path: String, _ title: String, day: Int, unread: Bool) -> LibraryEntry {
    var entry = LibraryEntry(
      path: path, hash: path,
      state: .ready(
        ArticleListing(
          title: title, date: ArticleDate(year: 2026, month: 10, day: day), readMinutes: 2, quoteCount: 0,
          mainPeople: [])))
    entry.unread = unread
    return entry
  }

  static var snapshot: LibrarySnapshot {
    var broken = LibraryEntry(
      path: "/news/bad.txt", hash: nil, state: .failed(.invalidUTF8(path: "/news/bad.txt", byteOffset: 2)))
    broken.unread = false
    return LibrarySnapshot(
      entries: [
        file("/news/a.txt", "Almaty talks", day: 3, unread: true),
        file("/news/b.txt", "Budget day", day: 2, unread: false),
        broken,
      ],
      progress: LibraryProgress(step: nil, done: 3, total: 3), version: 1)
  }

  @Test func unreadFilesAreMarkedAndNTogglesThem() {
    var state = LibraryState(snapshot: Self.snapshot, width: 80, height: 8)
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 1).hasPrefix("•Almaty talks"))
    #expect(frame.text(row: 2).hasPrefix(" Budget day"))
    #expect(frame.text(row: 3).hasPrefix(" bad.txt ⚠"))
    #expect(state.apply(.toggleRead) == [.setRead([.file(path: "/news/a.txt")], read: true)])
    state.apply(.down)
    #expect(state.apply(.toggleRead) == [.setRead([.file(path: "/news/b.txt")], read: false)])
    state.apply(.down)
    #expect(state.apply(.toggleRead) == [])
    #expect(state.message == "N: this file could not be read, so it has no read mark")
  }

  @Test func onlyUnreadKeepsUnreadFilesAndFilesThatFailed() {
    var state = LibraryState(snapshot: Self.snapshot, width: 80, height: 8)
    state.apply(.toggleUnreadOnly)
    #expect(state.rows.map(\.title) == ["Almaty talks", "bad.txt"])
    #expect(LibraryView.render(state).text(row: 0).hasSuffix("· unread only"))
    state.apply(.toggleUnreadOnly)
    #expect(state.rows.count == 3)
  }

  @Test func feedsRowsStayFirstSortedAmongThemselvesByTheListsKey() {
    let a = "https://a.example/rss"
    let b = "https://b.example/rss"
    let c = "https://c.example/rss"
    let rows = [
      FeedScreenTests.feedRow(
        a, "Zephyr Post", items: 3, unread: 1, newest: ArticleDate(year: 2026, month: 11, day: 2), unreadMinutes: 4),
      FeedScreenTests.feedRow(
        b, "Atlas Daily", items: 5, unread: 5, newest: ArticleDate(year: 2026, month: 11, day: 29), unreadMinutes: 30),
      FeedScreenTests.feedRow(c, "Mill Gazette", items: 0, unread: 0, error: "404 Not Found"),
    ]
    let snapshot = LibrarySnapshot(
      entries: [Self.file("/news/a.txt", "Almaty talks", day: 3, unread: true)] + rows,
      progress: LibraryProgress(step: nil, done: 4, total: 4), version: 1)
    var state = LibraryState(snapshot: snapshot, width: 100, height: 10)
    // By date: the feed with the newest item first, the one without items last.
    #expect(state.rows.map(\.title) == ["Atlas Daily", "Zephyr Post", "Mill Gazette", "Almaty talks"])
    state.apply(.cycleSort)
    #expect(state.sort == .title)
    #expect(state.rows.map(\.title) == ["Atlas Daily", "Mill Gazette", "Zephyr Post", "Almaty talks"])
    state.apply(.cycleSort)
    #expect(state.sort == .readTime)
    // By read time: the most unread reading first; no unread items (0 minutes) last.
    #expect(state.rows.map(\.title) == ["Atlas Daily", "Zephyr Post", "Mill Gazette", "Almaty talks"])
    #expect(LibraryView.render(state).text(row: 1).hasPrefix(" ▸ Atlas Daily"))
  }

  @Test func anOpenedFileIsReadInTheListAndAfterARestart() throws {
    let folder = NSTemporaryDirectory() + "byline-marks-app-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/lib", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "---\ntitle: Budget day\ndate: 2020-03-11\n---\n\n\"This is a budget for families,\" Gordon Brown said.\n"
      .write(toFile: folder + "/lib/budget.md", atomically: true, encoding: .utf8)
    try "---\ntitle: Harbour night\ndate: 2021-05-02\n---\n\nThe cranes stopped at midnight.\n"
      .write(toFile: folder + "/lib/harbour.md", atomically: true, encoding: .utf8)
    func run(_ script: [VirtualBackend.Step]) -> VirtualBackend {
      let library = Library(paths: [folder + "/lib"], cacheDirectory: folder + "/cache")
      library.waitUntilFinished()
      let backend = VirtualBackend(width: 60, height: 8, script: script)
      let app = App(
        start: .library(library), positions: ReadingPositionStore(fileURL: URL(fileURLWithPath: folder + "/p.json")))
      #expect(app.run(on: backend) == .quit)
      library.close()
      return backend
    }
    // Open the first (newest: Harbour night), come back; N on the second.
    let first = run([.key(.enter), .key(.character("q")), .key(.down), .key(.character("N")), .key(.character("Q"))])
    #expect(first.frames[0].text(row: 1).hasPrefix("•Harbour night"))
    #expect(first.frames[0].text(row: 2).hasPrefix("•Budget day"))
    #expect(first.frames[2].text(row: 1).hasPrefix(" Harbour night"), "opened: read")
    #expect(first.frames[4].text(row: 2).hasPrefix(" Budget day"), "N: read")
    // A new run on the same cache: both read; N makes one unread again, u shows only it.
    let second = run([.key(.character("N")), .key(.character("u")), .key(.character("Q"))])
    #expect(second.frames[0].text(row: 1).hasPrefix(" Harbour night"))
    #expect(second.frames[0].text(row: 2).hasPrefix(" Budget day"))
    #expect(second.frames[1].text(row: 1).hasPrefix("•Harbour night"))
    #expect(second.frames[2].text(row: 1).hasPrefix("•Harbour night"))
    #expect(second.frames[2].text(row: 2).trimmingCharacters(in: .whitespaces).isEmpty, "only the unread one")
  }
}
