import BylineCore
import BylineLibrary
import Testing

@testable import BylineUI

/// The library screen as a value: literal snapshots in, commands out. No folder, no thread.
@Suite("Library state: pure, commands out, results in")
struct LibraryStatePureTests {
  static func entry(_ name: String, _ title: String, day: Int) -> LibraryEntry {
    LibraryEntry(
      path: "/news/\(name)", hash: name,
      state: .ready(
        ArticleListing(
          title: title, date: ArticleDate(year: 2024, month: 3, day: day), readMinutes: 2, quoteCount: 1, mainPeople: []
        )))
  }

  static let first = LibrarySnapshot(
    entries: [
      entry("a.txt", "Alpha", day: 1), entry("b.txt", "Bravo", day: 2),
      LibraryEntry(path: "/news/c.txt", hash: nil, state: .failed(.empty(path: "/news/c.txt"))),
    ],
    progress: LibraryProgress(step: .analysing, done: 3, total: 4), version: 1)

  @Test func enterOpensTheSelectedArticleAsACommand() {
    var state = LibraryState(snapshot: Self.first, width: 80, height: 10)
    #expect(
      state.rows.map(\.path) == ["/news/b.txt", "/news/a.txt", "/news/c.txt"], "newest first, the failed file last")
    #expect(state.apply(.down) == [])
    #expect(state.apply(.open) == [.openArticle(reference: .file(path: "/news/a.txt"), offset: 0, search: nil)])
    #expect(state.apply(.last) == [])
    #expect(state.apply(.open) == [], "a broken row opens nothing")
    #expect(state.message == "/news/c.txt: is empty", "and says why")
    #expect(state.apply(.back) == [.quit])
  }

  @Test func aNewerSnapshotKeepsTheCursorOnItsArticleAndAnOlderOneIsIgnored() {
    var state = LibraryState(snapshot: Self.first, width: 80, height: 10)
    state.apply(.down)  // on Alpha
    var next = Self.first
    next.entries.insert(Self.entry("d.txt", "Delta", day: 9), at: 0)
    next.version = 2
    state.apply(.snapshot(next))
    #expect(state.rows.map(\.path) == ["/news/d.txt", "/news/b.txt", "/news/a.txt", "/news/c.txt"])
    #expect(state.rows[state.selected].path == "/news/a.txt")
    state.apply(.snapshot(Self.first))  // an older version comes late
    #expect(state.rows.count == 4)
  }

  @Test func aCommittedSearchAsksForTheTextAndTakesOnlyItsOwnMatches() {
    var state = LibraryState(snapshot: Self.first, width: 80, height: 10)
    state.apply(.startSearch)
    for c in "zulu" { state.apply(.type(c)) }
    #expect(state.rows.isEmpty)
    #expect(state.apply(.open) == [.searchText("zulu")])
    #expect(state.isSearchingText)
    state.apply(.textMatches(query: "older", matches: ["a.txt": 9]))
    #expect(state.isSearchingText, "matches of another search are not these")
    state.apply(.textMatches(query: "zulu", matches: ["a.txt": 3]))
    #expect(!state.isSearchingText)
    #expect(state.rows.map(\.path) == ["/news/a.txt"])
    #expect(state.apply(.open) == [.openArticle(reference: .file(path: "/news/a.txt"), offset: 0, search: "zulu")])
  }

  @Test func theKeyTableFeedsTheHelpAndTheHint() {
    #expect(LibraryKeyMap.listHint == "Enter open · s sort · / search · p people · w quotes · Q quit")
    #expect(LibraryView.helpRows.count == LibraryKeyMap.bindings.count)
    for binding in LibraryKeyMap.bindings {
      for (key, action) in binding.keys where key != .control("u") {
        #expect(LibraryKeyMap.action(for: key, typing: false) == action, "\(binding.label)")
      }
    }
    #expect(LibraryKeyMap.action(for: .character("s"), typing: true) == .type("s"))
    #expect(LibraryKeyMap.action(for: .control("u"), typing: true) == .clearInput)
    #expect(LibraryKeyMap.action(for: .control("u"), typing: false) == nil)
  }
}
