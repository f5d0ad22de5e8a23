import BylineCore
import BylineUI
import Testing

/// An article with people, places and quotes, and real entities from the analysis.
private let article = """
  Mayor and union meet over ferry strike

  The mayor of Portwick, Ines Calder, met the ferry union on Monday.

  "We will find a way through this," Calder said after the meeting in Portwick.

  Union leader Bram Ostler said his members would stay out until the rota was withdrawn.

  "Nobody wants a long strike," Ostler said. "But nobody wants unsafe shifts either."

  The ferries to Skerry were cancelled again on Tuesday.

  """

private func state(width: Int = 80, height: Int = 24) -> ReaderState {
  ReaderState(
    analysis: ArticleAnalysis(article: ArticleParser.parse(article, source: "t.txt")),
    width: width, height: height)
}

@Suite("Reader features: panel, filter, picker, search")
struct ReaderFeatureTests {
  @Test func panelListsPeopleWithCountsAndReflowsTheText() throws {
    var s = state(width: 120, height: 40)
    let widthBefore = s.layout.width
    s.apply(.togglePanel)
    #expect(s.panel.isVisible)
    #expect(s.layout.width < widthBefore)
    let frame = ReaderView.render(s)
    let text = frame.plainText
    #expect(text.contains("People ("))
    #expect(text.contains("Ines Calder"))
    #expect(text.contains("Bram Ostler"))
    #expect(text.contains("Places ("))
    #expect(text.contains("Portwick"))
  }

  @Test func narrowWindowShowsThePanelAsAnOverlay() {
    var s = state(width: 60, height: 20)
    s.apply(.togglePanel)
    #expect(s.geometry.panelIsOverlay)
    #expect(s.layout.width == ReaderState.geometry(width: 60, height: 20).textWidth)
    #expect(ReaderView.render(s).plainText.contains("People ("))
  }

  @Test func choosingAPersonFiltersTheParagraphs() throws {
    var s = state()
    s.apply(.switchFocus)
    #expect(s.keyContext == .panel)
    let ostler = try #require(s.panel.entries.firstIndex { $0.name == "Bram Ostler" })
    for _ in 0..<ostler { s.apply(.panelDown) }
    s.apply(.choose)
    #expect(s.filterName == "Bram Ostler")
    #expect(s.filterCounts?.shown == 2)
    #expect(s.filterCounts?.total == 5)
    let frame = ReaderView.render(s)
    #expect(!frame.plainText.contains("ferries to Skerry"))
    // Short of room, the filter's label shortens before the time left goes.
    #expect(frame.text(row: 23) == " page 1/1 · 0% · filtered: Bram Ostler, 2/5 ¶, x clears              1 min left")
    // Quote jumps stay within his quotes.
    s.apply(.nextQuote)
    #expect(s.focusedQuotePosition?.count == 2)
    s.apply(.clearFilter)
    #expect(s.filterName == nil)
    #expect(ReaderView.render(s).plainText.contains("ferries to Skerry"))
  }

  @Test func pickerNarrowsIgnoringCaseAndAccents() {
    var s = state()
    s.apply(.openPicker)
    #expect(s.keyContext == .input)
    for c in "OST" { s.apply(.type(c)) }
    #expect(s.picker?.matches.count == 1)
    s.apply(.choose)
    #expect(s.filterName == "Bram Ostler")
    #expect(s.picker == nil)
  }

  @Test func nAfterPagingAwayGoesToTheNextMatchFromTheFirstWordOnScreen() {
    var s = state(width: 40, height: 8)
    s.apply(.startSearch)
    for c in "the" { s.apply(.type(c)) }
    s.apply(.choose)
    let matches = s.search?.matches ?? []
    #expect(matches.count > 3)
    #expect(s.search?.current == 0)
    s.apply(.lastPage)
    let top = s.visibleRange.lowerBound
    let expected = matches.firstIndex { $0.lowerBound >= top }
    #expect(expected != nil && expected! > 1, "the last page has a match that is not the second")
    s.apply(.nextMatchOrQuote)
    #expect(s.search?.current == expected)
    // Back at the top, N from the first page wraps to the last match.
    s.apply(.firstPage)
    s.apply(.previousMatchOrQuote)
    #expect(s.search?.current == matches.count - 1)
    #expect(s.message == "search wrapped to the bottom")
  }

  @Test func searchFindsMatchesAndCountsThem() {
    var s = state(width: 40, height: 12)
    s.apply(.startSearch)
    for c in "nobody wants" { s.apply(.type(c)) }
    s.apply(.choose)
    #expect(s.search?.matches.count == 2)
    #expect(s.search?.current == 0)
    let frame = ReaderView.render(s)
    #expect(frame.text(row: 11).contains("match 1/2"))
    s.apply(.nextMatchOrQuote)
    #expect(s.search?.current == 1)
    s.apply(.cancel)
    #expect(s.search == nil)
    s.apply(.nextMatchOrQuote)
    #expect(s.focusedQuote != nil)
  }

  @Test func searchHighlightsSurviveResize() {
    var s = state(width: 40, height: 12)
    s.apply(.startSearch)
    for c in "unsafe" { s.apply(.type(c)) }
    s.apply(.choose)
    let match = s.search!.matches[0]
    s.apply(.resize(width: 100, height: 30))
    #expect(s.search?.matches == [match])
    #expect(s.visibleRange.contains(match.lowerBound))
  }

  @Test func focusedQuoteMarksItsSpeaker() {
    var s = state()
    s.apply(.nextQuote)
    let frame = ReaderView.render(s)
    let speakerCells = (0..<24).flatMap { row in (0..<80).filter { frame[row, $0].role == .speaker } }
    #expect(!speakerCells.isEmpty)
    #expect(frame.text(row: 23).contains("quote 1/3 — Ines Calder (said)"))
  }
}
