import BylineCore
import BylineLibrary
import Testing

@testable import BylineUI

@Suite("Library list order")
struct LibraryOrderTests {
  func ready(_ path: String, _ title: String, date: ArticleDate? = nil, minutes: Int = 1) -> LibraryEntry {
    LibraryEntry(
      path: path, hash: path,
      state: .ready(
        ArticleListing(
          title: title, date: date, readMinutes: minutes, quoteCount: 0, mainPeople: [])))
  }

  var entries: [LibraryEntry] {
    [
      ready("/l/a.txt", "budget day", date: ArticleDate(year: 2022, month: 1, day: 10), minutes: 2),
      LibraryEntry(path: "/l/pending.txt", hash: nil, state: .pending),
      ready("/l/b.txt", "Almaty talks", minutes: 5),
      ready("/l/c.txt", "Budget Day", date: ArticleDate(year: 2022, month: 2, day: 1), minutes: 2),
      ready("/l/d.txt", "almaty talks", minutes: 3),
      ready("/l/e.txt", "Budget day", date: ArticleDate(year: 2022, month: 1, day: 10), minutes: 2),
    ]
  }

  func paths(_ sort: LibraryState.Sort) -> [String] {
    LibraryState.order(entries, by: sort).map { entries[$0].path.dropFirst(3).description }
  }

  @Test func byDateNewestFirstThenTitleIgnoringCaseThenLibraryOrder() {
    // Undated and pending rows last, by title: "almaty talks" (b, d), "pending.txt".
    #expect(paths(.date) == ["c.txt", "e.txt", "a.txt", "b.txt", "d.txt", "pending.txt"])
  }

  @Test func byTitleIgnoringCaseTheExactSpellingThenLibraryOrder() {
    // Same title but for case: capitals first ("Budget Day", "Budget day", "budget day").
    #expect(paths(.title) == ["b.txt", "d.txt", "c.txt", "e.txt", "a.txt", "pending.txt"])
  }

  @Test func byReadTimeLongestFirstPendingLast() {
    #expect(paths(.readTime) == ["b.txt", "d.txt", "c.txt", "e.txt", "a.txt", "pending.txt"])
  }
}
