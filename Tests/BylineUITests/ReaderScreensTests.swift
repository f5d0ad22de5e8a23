import BylineCore
import BylineUI
import Testing

/// Every reader screen rendered at 80x24 and 120x40: what it must show, and in which style.
@Suite("Every reader screen at 80x24 and 120x40")
struct ReaderScreensTests {
  static let sizes = [(80, 24), (120, 40)]

  private func roles(_ frame: Frame) -> Set<StyleRole> {
    Set(frame.cells.map(\.role))
  }

  @Test(arguments: sizes)
  func reading(width: Int, height: Int) {
    let frame = ReaderView.render(readerState(width: width, height: height))
    #expect(frame.text(row: 0).contains("Lighthouse keeper retires after forty"))
    #expect(frame.text(row: height - 1).hasPrefix(" page 1/"))
    #expect(roles(frame).isSuperset(of: [.title, .standfirst, .meta, .caption, .quote, .status]))
  }

  @Test(arguments: sizes)
  func focusedQuote(width: Int, height: Int) {
    var state = readerState(width: width, height: height)
    state.apply(.nextQuote)
    let frame = ReaderView.render(state)
    #expect(frame.text(row: height - 1).contains("quote 1/"))
    #expect(roles(frame).contains(.quoteFocused))
  }

  @Test(arguments: sizes)
  func entityPanel(width: Int, height: Int) {
    var state = readerState(width: width, height: height)
    state.apply(.switchFocus)
    let frame = ReaderView.render(state)
    #expect(frame.plainText.contains("People ("))
    #expect(frame.plainText.contains("Places ("))
    #expect(frame.plainText.contains("Organisations ("))
    #expect(roles(frame).isSuperset(of: [.panel, .panelHeading, .selection]))
    // Beside the text at both sizes: 80 columns leave the text its readable 50.
    #expect(!state.geometry.panelIsOverlay)
    #expect(state.geometry.textWidth >= ReaderState.minimumReadableWidth)
  }

  @Test(arguments: sizes)
  func filtered(width: Int, height: Int) throws {
    var state = readerState(width: width, height: height)
    let person = try #require(state.analysis.entities.first { $0.kind == .person })
    state.apply(.filterByName(person.name))
    let frame = ReaderView.render(state)
    #expect(frame.text(row: height - 1).contains("filtered: \(person.name)"))
    #expect(roles(frame).isSuperset(of: [.filterBadge, .person]))
  }

  @Test(arguments: sizes)
  func picker(width: Int, height: Int) {
    var state = readerState(width: width, height: height)
    state.apply(.openPicker)
    let frame = ReaderView.render(state)
    #expect(frame.plainText.contains("Person:"))
    #expect(frame.plainText.contains("Enter filters · Ctrl-U clears · Esc closes"))
    #expect(roles(frame).contains(.selection))
  }

  @Test(arguments: sizes)
  func searchLineAndMatches(width: Int, height: Int) {
    var state = readerState(width: width, height: height)
    state.apply(.startSearch)
    for c in "light" { state.apply(.type(c)) }
    #expect(ReaderView.render(state).text(row: height - 1).hasPrefix("/light"))
    state.apply(.choose)
    let frame = ReaderView.render(state)
    #expect(frame.text(row: height - 1).contains("match 1/"))
    #expect(roles(frame).contains(.searchMatch))
  }

  @Test(arguments: sizes)
  func help(width: Int, height: Int) {
    var state = readerState(width: width, height: height)
    state.apply(.toggleHelp)
    let frame = ReaderView.render(state)
    #expect(frame.plainText.contains("Keys: reading"))
    #expect(roles(frame).isSuperset(of: [.help, .helpKey]))
  }
}
