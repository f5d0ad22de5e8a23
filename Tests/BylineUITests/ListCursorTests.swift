import BylineCore
import Testing

@testable import BylineLibrary
@testable import BylineUI

@Suite("One list cursor: every list's selection and scrolling")
struct ListCursorTests {
  @Test func stepsScrollOneRowAtATimeAndStopAtTheEnds() {
    var cursor = ListCursor(count: 10)
    cursor.move(by: -1, height: 4)
    #expect((cursor.selected, cursor.top) == (0, 0))
    for _ in 0..<4 { cursor.move(by: 1, height: 4) }
    #expect((cursor.selected, cursor.top) == (4, 1), "the view follows one row at a time")
    cursor.move(by: -2, height: 4)
    #expect((cursor.selected, cursor.top) == (2, 1), "no scrolling while the selection is in sight")
    cursor.move(by: 100, height: 4)
    #expect((cursor.selected, cursor.top) == (9, 6))
    #expect(cursor.visible(height: 4) == 6..<10)
  }

  @Test func aTallerWindowOrAShorterListNeverShowsRowsPastTheEnd() {
    var cursor = ListCursor(count: 10)
    cursor.select(9, height: 4)
    cursor.fit(height: 8)
    #expect(cursor.top == 2)
    cursor.reset(count: 3, selected: 2, height: 8)
    #expect((cursor.selected, cursor.top) == (2, 0))
    cursor.reset(count: 0, height: 8)
    #expect((cursor.selected, cursor.top, cursor.visible(height: 8)) == (0, 0, 0..<0))
  }

  @Test func theLibraryQuotesViewKeepsTheSelectedQuoteOnScreen() {
    // A quote takes up to five rows: at 12 rows (10 for the body) two always fit. Moving down
    // used to leave the view where it was, the selection off screen.
    let snapshot = LibrarySnapshot(
      entries: [], progress: LibraryProgress(step: nil, done: 0, total: 0),
      messages: [], version: 0, people: nil, peopleVersion: 0)
    var state = LibraryState(snapshot: snapshot, width: 60, height: 12)
    let person = LibraryPerson(name: "Isla Tarbet", aliases: [], articleCount: 1, quoteCount: 6, appearances: [:])
    let quotes = (1...6).map { day in
      PersonQuote(
        reference: .file(path: "/news/\(day).txt"), path: "/news/\(day).txt", title: "Day \(day)",
        date: ArticleDate(year: 2024, month: 3, day: day),
        quote: ArticleSummary.QuoteRecord(text: "Quote \(day).", speaker: "Isla Tarbet", start: 0, end: 8))
    }
    state.apply(.quotesLoaded(person: person, quotes: quotes))
    #expect(state.quotesPerScreen == 2)
    for _ in 0..<4 { state.apply(.down) }
    #expect((state.quotesSelected, state.quotesTop) == (4, 3))
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 1) == " 2024-03-04 · Day 4")
    #expect(frame.text(row: 2) == "   “Quote 4.”")
    #expect(frame.text(row: 4) == " 2024-03-05 · Day 5")
    #expect(frame[4, 1].role == .selection)
  }
}
