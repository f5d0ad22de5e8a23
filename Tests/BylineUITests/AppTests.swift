import BylineCore
import BylineLibrary
import Foundation
import Testing

@testable import BylineUI

/// A library folder with the reader's test article (several pages at 40x12), a short article
/// and an empty file; analysed without a cache.
final class AppLibrary {
  let folder: String
  let library: Library
  let positionsFile: URL

  init() {
    folder = NSTemporaryDirectory() + "byline-app-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try! readerTestArticle.write(toFile: folder + "/lighthouse.txt", atomically: true, encoding: .utf8)
    try! "---\ntitle: Budget day\ndate: 2020-03-11\n---\n\n\"This is a budget for families,\" Gordon Brown said.\n"
      .write(toFile: folder + "/budget.md", atomically: true, encoding: .utf8)
    try! "   \n".write(toFile: folder + "/empty.txt", atomically: true, encoding: .utf8)
    positionsFile = URL(fileURLWithPath: folder + "-state/positions.json")
    library = Library(paths: [folder], useCache: false)
    library.waitUntilFinished()
  }

  var lighthouse: String { folder + "/lighthouse.txt" }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.removeItem(atPath: folder + "-state")
  }

  func app(themes: [Theme] = [.builtInDefault]) -> App {
    App(
      start: .library(library), settings: AppSettings(themes: themes),
      positions: ReadingPositionStore(fileURL: positionsFile))
  }
}

/// A second theme, to see `t` switch.
let paperTheme = Theme(name: "paper", styles: Theme.builtInDefault.styles, monochrome: Theme.monochromeStyles)

@Suite("The whole app on a virtual backend")
struct AppTests {
  @Test func libraryOpenArticleTurnPagesBackAndQuit() {
    let lib = AppLibrary()
    var shots: [String] = []
    let backend = VirtualBackend(
      width: 40, height: 12,
      script: [
        .key(.enter), .key(.character(" ")), .key(.character(" ")), .key(.character("b")),
        .key(.character("q")), .key(.character("q")),
      ])
    let exit = lib.app().run(on: backend)
    #expect(exit == .quit)
    for frame in backend.frames { shots.append(frame.text(row: frame.height - 1)) }
    // Newest first: the lighthouse (2024), the budget (2020), then the empty file.
    #expect(backend.frames[0].text(row: 0) == " Byline library · 3 articles · by date")
    #expect(backend.frames[0].text(row: 1).hasPrefix("•Lighthouse kee… 2024-03-08"), "unread until opened")
    #expect(shots[1].hasPrefix(" page 1/"))
    #expect(shots[2].hasPrefix(" page 2/"))
    #expect(shots[3].hasPrefix(" page 3/"))
    #expect(shots[4].hasPrefix(" page 2/"))
    // q goes back to the list, on the same row; q again quits.
    #expect(backend.frames[5].text(row: 0) == " Byline library · 3 articles · by date")
    #expect(backend.frames[5][1, 1].role == .selection)
    #expect(backend.frames[5].text(row: 1).hasPrefix(" Lighthouse kee…"), "opened: read, no mark")
    #expect(backend.frames[5].text(row: 2).hasPrefix("•Budget day"))
    #expect(backend.frames.count == 6, "the last q quits without drawing")
  }

  @Test func theReadingPositionIsSavedAndRestoredHoweverTheArticleOpens() throws {
    let lib = AppLibrary()
    let first = VirtualBackend(
      width: 40, height: 12,
      script: [
        .key(.enter), .key(.character(" ")), .key(.character(" ")), .key(.escape),  // Esc: back too
        .key(.enter), .key(.character("Q")),
      ])
    #expect(lib.app().run(on: first) == .quit)
    #expect(first.frames[4].text(row: 0).hasPrefix(" Byline library"))
    #expect(first.status.hasPrefix(" page 3/"), "reopened from the library where it was left")
    // `byline FILE` finds the same position, and saves where it is left.
    let store = ReadingPositionStore(fileURL: lib.positionsFile)
    let article = try ArticleLoader.load(path: lib.lighthouse)
    let app = App(start: .article(article, path: lib.lighthouse), positions: store)
    let alone = VirtualBackend(width: 40, height: 12, script: [.key(.character("b")), .key(.character("q"))])
    #expect(app.run(on: alone) == .quit)
    #expect(alone.frames[0].text(row: 11).hasPrefix(" page 3/"))
    #expect(alone.frames[1].text(row: 11).hasPrefix(" page 2/"))
    let again = VirtualBackend(
      width: 40, height: 12, script: [.key(.enter), .key(.character("q")), .key(.character("q"))])
    #expect(lib.app().run(on: again) == .quit)
    #expect(again.frames[1].text(row: 11).hasPrefix(" page 2/"))
  }

  @Test func aClosedTerminalSavesThePositionAndEndsTheApp() {
    let lib = AppLibrary()
    let backend = VirtualBackend(
      width: 40, height: 12, script: [.key(.enter), .key(.character(" ")), .key(.character(" ")), .close])
    #expect(lib.app().run(on: backend) == .closed)
    let saved = ReadingPositionStore(fileURL: lib.positionsFile).position(for: lib.lighthouse)
    #expect(saved != nil && saved!.wordIndex > 0)
  }

  @Test func tCyclesThemesInTheLibraryAndInTheReaderOpenedFromIt() {
    let lib = AppLibrary()
    let backend = VirtualBackend(
      width: 60, height: 12,
      script: [
        .key(.character("t")), .key(.enter), .key(.character("t")), .key(.character("q")), .key(.character("q")),
      ])
    _ = lib.app(themes: [.builtInDefault, paperTheme]).run(on: backend)
    #expect(backend.themeNames == ["default", "paper", "paper", "default", "default"])
    #expect(backend.frames[1].text(row: 11).contains("theme paper (2/2)"))
    #expect(backend.frames[3].text(row: 11).contains("theme default (1/2)"))
    #expect(backend.frames[3].text(row: 11).hasPrefix(" page 1/"))
  }

  @Test func enterOnABrokenRowShowsItsError() {
    let lib = AppLibrary()
    let backend = VirtualBackend(width: 120, height: 12, script: [.key(.end), .key(.enter), .key(.character("Q"))])
    _ = lib.app().run(on: backend)
    #expect(backend.frames[1].text(row: 3).hasPrefix(" empty.txt ⚠ is empty"))
    #expect(backend.frames[2].text(row: 11) == " \(lib.folder)/empty.txt: is empty")
  }

  @Test func anArticleDeletedSinceTheListWasMadeSaysWhy() throws {
    let lib = AppLibrary()
    try FileManager.default.removeItem(atPath: lib.lighthouse)
    let backend = VirtualBackend(width: 120, height: 12, script: [.key(.enter), .key(.character("Q"))])
    _ = lib.app().run(on: backend)
    #expect(backend.frames[1].text(row: 0).hasPrefix(" Byline library"))
    #expect(backend.frames[1].text(row: 11) == " \(lib.lighthouse): no such file")
  }

  @Test func aLargeArticleSaysItIsOpeningBeforeItsFirstPage() {
    let lib = AppLibrary()
    var settings = AppSettings()
    settings.progressLineBytes = 500  // the lighthouse article is larger; budget.md is not
    let app = App(start: .library(lib.library), settings: settings)
    let backend = VirtualBackend(
      width: 60, height: 12,
      script: [
        .key(.enter), .key(.character("q")), .key(.down), .key(.enter), .key(.character("Q")),
      ])
    _ = app.run(on: backend)
    #expect(backend.frames[1].text(row: 11) == " opening lighthouse.txt…")
    #expect(backend.frames[2].text(row: 11).hasPrefix(" page 1/"))
    #expect(backend.frames[5].text(row: 11).hasPrefix(" page 1/"), "a small one opens without the line")
  }

  @Test func wWithNoPersonChosenSaysHowToChooseOne() {
    let lib = AppLibrary()
    let backend = VirtualBackend(width: 80, height: 12, script: [.key(.character("w")), .key(.character("Q"))])
    _ = lib.app().run(on: backend)
    #expect(backend.frames[1].text(row: 11) == " choose a person first: p opens the people, Enter chooses")
  }

  @Test func peoplePickerQuotesAndAQuoteOpensInTheReader() {
    let lib = AppLibrary()
    let backend = VirtualBackend(
      width: 80, height: 16,
      script: [
        .key(.character("p")), .waitFor { $0.plainText.contains("Gordon Brown") },
      ] + typing("brown") + [.key(.tab), .key(.enter), .key(.character("q")), .key(.character("Q"))])
    _ = lib.app().run(on: backend)
    let quotes = backend.frames.first { $0.text(row: 0).hasPrefix(" Gordon Brown · 1 quote") }
    #expect(quotes != nil)
    let reader = backend.frames.first { $0.text(row: 15).contains("quote 1/1") }
    #expect(reader?.text(row: 15).contains("Gordon Brown") == true)
    #expect(backend.frames.last?.text(row: 0).hasPrefix(" Gordon Brown · 1 quote") == true, "q goes back to the quotes")
  }

  @Test func theReaderOfOneFileQuitsOnQAndStaysOnEsc() throws {
    let article = ArticleParser.parse(readerTestArticle, source: "lighthouse.txt")
    let backend = VirtualBackend(
      width: 40, height: 12,
      script: [
        .key(.escape), .key(.character(" ")), .resize(width: 60, height: 20), .key(.character("?")),
        .key(.character("x")), .key(.character("q")),
      ])
    let app = App(start: .article(article, path: nil), settings: AppSettings(message: "hello"))
    #expect(app.run(on: backend) == .quit)
    #expect(backend.frames[0].text(row: 11).contains("hello"))
    #expect(backend.frames[1].text(row: 11).hasPrefix(" page 1/"))
    #expect(backend.frames[3].width == 60)
    #expect(backend.frames[4].plainText.contains("Keys: reading"), "the help")
    #expect(!backend.frames[5].plainText.contains("show or hide this help"), "any key closes the help")
  }
}

@Suite("Help scrolls in a small window")
struct HelpScrollTests {
  @Test func theReaderHelpScrollsWithTheMovingKeysAndAnyOtherKeyClosesIt() {
    var state = readerState(width: 60, height: 12)
    state.apply(.toggleHelp)
    let rows = HelpOverlay.rows(.text)
    var frame = ReaderView.render(state)
    #expect(frame.plainText.contains(rows[0].1))
    #expect(frame.plainText.contains("↓ more"))
    #expect(!frame.plainText.contains(rows[rows.count - 1].1))
    for _ in 0..<rows.count { state.apply(.nextPage) }  // scrolls to the end, no further
    frame = ReaderView.render(state)
    #expect(state.helpTop == HelpOverlay.maximumTop(count: rows.count, height: 12))
    #expect(frame.plainText.contains(rows[rows.count - 1].1))
    #expect(!frame.plainText.contains(rows[0].1 + " "))
    #expect(frame.plainText.contains("↑ more"))
    state.apply(.previousPage)
    #expect(state.helpTop == HelpOverlay.maximumTop(count: rows.count, height: 12) - 1)
    state.apply(.togglePanel)
    #expect(!state.showingHelp)
    #expect(!state.panel.isVisible, "the key that closes the help does nothing else")
  }

  @Test func aHelpThatFitsClosesOnAnyKeyAndTheLibrarysScrollsToo() {
    var reader = readerState(width: 100, height: 40)
    reader.apply(.toggleHelp)
    reader.apply(.nextPage)
    #expect(!reader.showingHelp)
    let lib = SmallLibrary()
    var state = LibraryState(library: lib.library, width: 80, height: 10)
    state.apply(.toggleHelp)
    #expect(LibraryView.render(state).plainText.contains("↓ more"))
    state.apply(.down)
    state.apply(.down)
    #expect(state.showingHelp)
    #expect(state.helpTop == 2)
    #expect(state.selected == 0, "the list did not move")
    state.apply(.cycleSort)
    #expect(!state.showingHelp)
    #expect(state.sort == .date, "the key that closes the help does nothing else")
  }
}
