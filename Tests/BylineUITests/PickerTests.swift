import BylineCore
import BylineLibrary
import Foundation
import Testing

@testable import BylineUI

/// An article whose people have an apostrophe and a hyphen in their names.
private let irishArticle = """
  Harbour talks resume

  Siobhan O'Connor, the union's negotiator, met Mary-Kate Dunne on Monday.

  "We are closer than we were," O'Connor said.

  Dunne said the board would answer by Friday.
  """

@Suite("Pickers: empty on opening, Ctrl-U, punctuation ignored")
struct PickerTests {
  func readerWithPicker() -> ReaderState {
    let analysis = ArticleAnalysis(article: ArticleParser.parse(irishArticle, source: "talks.txt"))
    var state = ReaderState(analysis: analysis, width: 80, height: 24)
    state.apply(.openPicker)
    return state
  }

  func pickerNames(_ state: ReaderState) -> [String] {
    (state.picker?.matches ?? []).map { state.analysis.entities[$0].name }
  }

  @Test(arguments: ["oconnor", "o'connor", "O’Connor", "siobhan oc"])
  func theReaderPickerIgnoresPunctuation(query: String) {
    var state = readerWithPicker()
    for c in query { state.apply(.type(c)) }
    #expect(pickerNames(state) == ["Siobhan O'Connor"])
  }

  @Test func ctrlUEmptiesTheReaderPickerAndTheSearchLine() {
    var state = readerWithPicker()
    #expect(state.picker?.query == "")
    for c in "dunne" { state.apply(.type(c)) }
    #expect(pickerNames(state) == ["Mary-Kate Dunne"])
    state.apply(ReaderKeyMap.action(for: .control("u"), in: state.keyContext)!)
    #expect(state.picker?.query == "")
    #expect(pickerNames(state).count == 2)
    state.apply(.cancel)
    state.apply(.startSearch)
    for c in "board" { state.apply(.type(c)) }
    state.apply(ReaderKeyMap.action(for: .control("u"), in: .input)!)
    #expect(state.searchInput == "")
  }

  @Test func theLibraryPickerOpensEmptyAndTakesCtrlU() {
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 80, height: 24)
    state.apply(.openPicker)
    for c in "brown" { state.apply(.type(c)) }
    #expect(state.pickerResults.map(\.name) == ["Gordon Brown"])
    state.apply(LibraryKeyMap.action(for: .control("u"), typing: state.isTyping)!)
    #expect(state.pickerQuery == "")
    #expect(state.pickerResults.count == 2)
    for c in "brown" { state.apply(.type(c)) }
    state.apply(.open)
    state.apply(.openPicker)
    #expect(state.pickerQuery == "", "opens empty again")
    #expect(LibraryView.render(state).text(row: 1) == " person: ▏")
    state.apply(.back)
    state.apply(.startSearch)
    for c in "budget" { state.apply(.type(c)) }
    state.apply(LibraryKeyMap.action(for: .control("u"), typing: true)!)
    #expect(state.searchText == "")
    #expect(LibraryKeyMap.action(for: .control("u"), typing: false) == nil)
  }
}
