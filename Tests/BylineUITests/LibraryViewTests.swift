import BylineCore
import BylineLibrary
import Foundation
import Testing

@testable import BylineUI

/// A library of three small articles, a duplicate and a broken file, analysed without a cache.
final class SmallLibrary {
  let folder: String
  let library: Library

  init() {
    let folder = NSTemporaryDirectory() + "byline-ui-lib-" + UUID().uuidString
    self.folder = folder
    let fm = FileManager.default
    try! fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let write = { (name: String, text: String) in
      try! text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    write(
      "a.md",
      """
      ---
      title: Talks in Almaty with a very long headline that will not fit in a narrow window at all
      date: 2022-02-01
      ---

      President Kassym-Jomart Tokayev met the envoy.

      "The talks were useful," Tokayev said.
      """)
    write(
      "b.md",
      """
      ---
      title: Kazakhstan protests
      date: 2022-01-10
      ---

      Kassym-Jomart Tokayev spoke on Monday.

      "We will restore order," Tokayev said.
      """)
    write(
      "c.txt",
      "Budget day\n\nGordon Brown presented the budget on Wednesday.\n\n\"This is a budget for families,\" Brown said.\n"
    )
    write(
      "d.txt",
      "Budget day\n\nGordon Brown presented the budget on Wednesday.\n\n\"This is a budget for families,\" Brown said.\n"
    )
    write("e.txt", "   \n")
    library = Library(paths: [folder], useCache: false)
    library.waitUntilFinished()
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite("Library screens on a virtual screen")
struct LibraryViewTests {
  @Test func listAt80x24() {
    let lib = SmallLibrary()
    let state = LibraryState(library: lib.library, width: 80, height: 24)
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Byline library · 4 articles · by date")
    // Never opened: unread, marked in the margin; a file that failed has no mark.
    #expect(frame.text(row: 1) == "•Talks in Almaty with a very long he… 2022-02-01  1 min   1” Kassym-Jomart Tok…")
    #expect(frame.text(row: 2) == "•Kazakhstan protests                  2022-01-10  1 min   1” Kassym-Jomart Tok…")
    #expect(frame.text(row: 3) == "•Budget day (×2)                                  1 min   1” Gordon Brown")
    #expect(frame.text(row: 4) == " e.txt ⚠ is empty")
    #expect(frame[1, 1].role == .selection)
    #expect(frame.text(row: 23).hasPrefix(" Enter open · s sort · / search · p people"))
  }

  @Test func aCursorOnTheFirstRowStaysThereWhileTheListFillsIn() throws {
    let lib = SmallLibrary()
    let library = Library(paths: [lib.folder], useCache: false)  // not analysed yet
    var state = LibraryState(library: library, width: 80, height: 24)
    state.apply(.cycleSort)  // by title: file names until the titles are known
    #expect(state.rows.first?.path.hasSuffix("/a.md") == true)
    library.waitUntilFinished()
    state.apply(.snapshot(library.snapshot()))
    #expect(state.selected == 0)
    #expect(LibraryView.render(state).text(row: 1).hasPrefix("•Budget day (×2)"))
    // Moved by the reader, the cursor follows its article instead.
    state.apply(.down)
    let path = state.rows[state.selected].path
    state.apply(.cycleSort)
    #expect(state.rows[state.selected].path == path)
  }

  @Test func listAt120x40SortsByTitleAndNarrows() {
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 120, height: 40)
    state.apply(.cycleSort)
    #expect(state.sort == .title)
    var frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Byline library · 4 articles · by title")
    #expect(frame.text(row: 1).hasPrefix("•Budget day (×2) "))
    #expect(
      frame.text(row: 4)
        == "•Talks in Almaty with a very long headline that will not fit in…  2022-02-01  1 min   1” Kassym-Jomart Tokayev"
    )
    state.apply(.startSearch)
    for c in "KAZ" { state.apply(.type(c)) }
    frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Byline library · 1 of 4 articles · by title")
    #expect(frame.text(row: 39).hasPrefix(" /KAZ▏ Enter: search the text too"))
    state.apply(.back)
    #expect(state.rows.count == 4)
  }

  @Test func pickerNarrowsAndFiltersTheList() {
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 80, height: 24)
    state.apply(.openPicker)
    var frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " People · 2 in the library · Enter: their articles · Tab: their quotes")
    #expect(frame.text(row: 2) == " Kassym-Jomart Tokayev                                        2 art. · 2 quotes")
    #expect(frame.text(row: 3) == " Gordon Brown                                                  1 art. · 1 quote")
    for c in "tokáy" { state.apply(.type(c)) }
    frame = LibraryView.render(state)
    #expect(frame.text(row: 1) == " person: tokáy▏")
    #expect(frame.text(row: 3) == "")
    state.apply(.open)
    #expect(state.mode == .list)
    frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Byline library · 2 of 4 articles · by date · Kassym-Jomart Tokayev")
    #expect(frame.text(row: 23).hasPrefix("  Kassym-Jomart Tokayev — x to clear "))
    state.apply(.clearFilter)
    #expect(state.rows.count == 4)
  }

  @Test func enterSearchesTheTextInTheBackgroundWithoutACacheToo() {
    let lib = SmallLibrary()  // no cache: the texts are indexed in memory
    var state = LibraryState(library: lib.library, width: 80, height: 24)
    state.apply(.startSearch)
    for c in "restore" { state.apply(.type(c)) }
    #expect(state.rows.isEmpty, "no title has the word")
    let commands = state.apply(.open)
    #expect(commands == [.searchText("restore")])
    #expect(state.isSearchingText)
    #expect(LibraryView.render(state).text(row: 23).hasPrefix("  /restore  searching the text…"))
    let effects = LibraryEffects(library: lib.library)
    for result in effects.runAndWait(.searchText("restore")) { state.apply(result) }
    #expect(!state.isSearchingText)
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Byline library · 1 of 4 articles · by date")
    #expect(frame.text(row: 1).hasPrefix("•Kazakhstan protests [1] "))
    #expect(frame.text(row: 23).hasPrefix("  /restore  Enter open"))
    #expect(state.readerSearch == "restore")
  }

  @Test func typingNarrowsAsARebuildWould() {
    let lib = SmallLibrary()
    var typed = LibraryState(library: lib.library, width: 80, height: 24)
    typed.apply(.startSearch)
    for c in "ta" { typed.apply(.type(c)) }
    #expect(
      typed.rows.map(\.title) == [
        "Talks in Almaty with a very long headline that will not fit in a narrow window at all", "Kazakhstan protests",
      ])
    typed.apply(.type("l"))
    #expect(
      typed.rows.map(\.title) == [
        "Talks in Almaty with a very long headline that will not fit in a narrow window at all"
      ])
    typed.apply(.deleteBackward)
    typed.apply(.deleteBackward)
    var fresh = LibraryState(library: lib.library, width: 80, height: 24)
    fresh.apply(.startSearch)
    fresh.apply(.type("t"))
    #expect(typed.rows == fresh.rows)
    #expect(
      typed.rows.map(\.title) == [
        "Talks in Almaty with a very long headline that will not fit in a narrow window at all",
        "Kazakhstan protests", "Budget day", "e.txt",
      ])
  }

  @Test func quotesViewAt120x40OpensTheArticleAtTheQuote() {
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 120, height: 40)
    state.apply(.openPicker)
    let commands = state.apply(.showQuotes)
    guard case .loadQuotes(let person)? = commands.first else {
      Issue.record("no quotes asked for: \(commands)")
      return
    }
    #expect(person.name == "Kassym-Jomart Tokayev")
    for result in LibraryEffects(library: lib.library).run(.loadQuotes(person)) { state.apply(result) }
    let frame = LibraryView.render(state)
    #expect(frame.text(row: 0) == " Kassym-Jomart Tokayev · 2 quotes, newest first")
    #expect(
      frame.text(row: 1)
        == " 2022-02-01 · Talks in Almaty with a very long headline that will not fit in a narrow window at all")
    #expect(frame.text(row: 2) == "   “The talks were useful,”")
    #expect(frame.text(row: 4) == " 2022-01-10 · Kazakhstan protests")
    state.apply(.down)
    guard case .openArticle(let path, let offset, let search)? = state.apply(.open).first else {
      Issue.record("no article opened")
      return
    }
    #expect(path.filePath?.hasSuffix("/b.md") == true)
    #expect(offset > 0)
    #expect(search == nil)
    state.apply(.back)
    #expect(state.mode == .list)
    #expect(state.apply(.quit) == [.quit])
  }

  @Test func helpListsTheLibraryKeysAndAnyKeyClosesIt() {
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 80, height: 24)
    state.apply(.toggleHelp)
    let text = LibraryView.render(state).plainText
    #expect(text.contains("Keys: library"))
    for (keys, description) in LibraryView.helpRows {
      #expect(text.contains(keys))
      #expect(text.contains(description))
    }
    state.apply(.down)
    #expect(!state.showingHelp)
    #expect(state.selected == 0)
  }

  @Test func fitCutsByDisplayWidth() {
    #expect(LibraryView.fit("東京の天気", width: 6) == "東京…")
    #expect(LibraryView.fit("short", width: 6) == "short")
  }
}
