import BylineCore
import BylineLibrary
import BylineUI
import Foundation
import Testing

/// Role letters for compact style assertions.
private let legend: [StyleRole: Character] = [
  .text: "-", .title: "T", .standfirst: "s", .meta: "m", .caption: "c", .quote: "q",
  .quoteFocused: "F", .status: "S", .statusAccent: "A",
]

@Suite("The reader screen at fixed sizes")
struct ReaderViewTests {
  @Test func pagesAt40x12() {
    var state = readerState(width: 40, height: 12)
    #expect(state.pageCount == 4)
    #expect(
      ReaderView.render(state).plainText
        == [
          " Lighthouse keeper retires after forty",
          " years",
          "",
          " The last keeper of the Skerry light",
          " hands over the keys on Friday.",
          "",
          " 8 March 2024 · 2 min read",
          " Byline: 1 min, 88 words",
          " ────────────────────────",
          "",
          "",
          " page 1/4 · 0%  est. 1 min · 1 min left",
        ].joined(separator: "\n"))
    state.apply(.nextPage)
    #expect(
      ReaderView.render(state).plainText
        == [
          "   The Skerry light at dusk [source:",
          "   Harbour Press]",
          "",
          " Ewan Tarbet climbed the 112 steps of",
          " the Skerry light every evening for",
          " forty years.",
          "",
          " \"I never once missed a night,\" he",
          " said, standing at the foot of the",
          " tower.",
          "",
          " page 2/4 · 0%  est. 1 min · 1 min left",
        ].joined(separator: "\n"))
    state.apply(.nextPage)
    #expect(
      ReaderView.render(state).plainText
        == [
          " The harbour board called him",
          " \"irreplaceable\" and said the light",
          " would now run itself.",
          "",
          " His daughter, Isla Tarbet, said the",
          " family would miss the view.",
          "",
          " \"We grew up with the sea in the",
          " window. It is hard to give that back.\"",
          "",
          "",
          " page 3/4 · 34%              1 min left",
        ].joined(separator: "\n"))
  }

  @Test func wholeArticleAt80x24WithQuoteStyles() {
    let frame = ReaderView.render(readerState(width: 80, height: 24))
    #expect(frame.text(row: 0) == "  Lighthouse keeper retires after forty years")
    #expect(frame.text(row: 4) == "  8 March 2024 · 2 min read · Byline: 1 min, 88 words")
    #expect(frame.text(row: 7) == "    The Skerry light at dusk [source: Harbour Press]")
    #expect(frame.text(row: 12) == "  \"I never once missed a night,\" he said, standing at the foot of the tower.")
    #expect(frame.text(row: 23) == " page 1/1 · 0%                  stated 2 min · est. 1 min · 1 min left · ? help")
    #expect(frame.roleMap(row: 0, legend: legend).hasPrefix("--TTTT"))
    #expect(frame.roleMap(row: 2, legend: legend).hasPrefix("--ssss"))
    #expect(frame.roleMap(row: 7, legend: legend).hasPrefix("----cccc"))
    // The quote, its marks included, in the quote style; the rest in the text style.
    #expect(
      frame.roleMap(row: 12, legend: legend)
        == "--" + String(repeating: "q", count: 30) + String(repeating: "-", count: 48))
    #expect(frame.roleMap(row: 23, legend: legend) == String(repeating: "S", count: 80))
  }

  @Test func focusedQuoteIsDrawnStrongerAndCounted() {
    var state = readerState(width: 80, height: 24)
    state.apply(.nextQuote)
    let frame = ReaderView.render(state)
    #expect(
      frame.roleMap(row: 12, legend: legend).dropFirst(2).prefix(30) == Substring(String(repeating: "F", count: 30)))
    #expect(frame.roleMap(row: 14, legend: legend).contains("qqqqqqqqqqqqqqq"))
    #expect(frame.text(row: 23).hasPrefix(" page 1/1 · 0% · quote 1/3"))
    #expect(frame.roleMap(row: 23, legend: legend).contains("AAAAAAAAA"))
  }

  var emptySnapshot: LibrarySnapshot {
    LibrarySnapshot(
      entries: [], progress: LibraryProgress(step: nil, done: 0, total: 0), messages: [], version: 0,
      people: nil, peopleVersion: 0)
  }

  @Test func tooSmallWindowAsksToEnlarge() {
    let frame = ReaderView.render(readerState(width: 20, height: 5))
    #expect(frame.plainText.contains("Window too small"))
    #expect(
      frame.plainText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        == ["Window too small", "needs 24×6", "now 20×5", "q quits"])
    // However small, the window shows the size it needs, never a cut number.
    #expect(TooSmall.lines(width: 8, height: 1, needs: (24, 6)) == ["24×6"])
    #expect(TooSmall.lines(width: 30, height: 1, needs: (24, 6)) == ["too small: 24×6"])
    #expect(TooSmall.lines(width: 8, height: 3, needs: (24, 6)) == ["too small", "24×6", "now 8×3"])
    #expect(
      LibraryView.render(LibraryState(snapshot: emptySnapshot, width: 15, height: 3)).plainText
        .contains("needs 20×4"))
    // Even absurd sizes render without trapping.
    for (w, h) in [(0, 0), (1, 1), (3, 2), (23, 40), (200, 5)] {
      _ = ReaderView.render(readerState(width: w, height: h))
    }
  }

  @Test func helpOverlayListsEveryKey() {
    // 40 rows: the whole help fits (at 24 it scrolls: HelpScrollTests).
    var state = readerState(width: 80, height: 40)
    state.apply(.toggleHelp)
    let text = ReaderView.render(state).plainText
    for binding in ReaderKeyMap.bindings(in: .text) {
      #expect(text.contains(binding.label))
      #expect(text.contains(binding.description))
    }
    state.apply(.nextPage)  // any key closes the help and does nothing else
    #expect(!state.showingHelp)
    #expect(state.pageIndex == 0)
  }

  @Test func multilingualTextRendersByDisplayWidth() {
    let article = ArticleParser.parse("東京の朝\n\nАнна Петрова said “こんにちは” to 👩\u{200D}🔬 José.\n", source: "m.txt")
    let state = ReaderState(analysis: ArticleAnalysis(article: article), width: 30, height: 14)
    let frame = ReaderView.render(state)
    #expect(frame.text(row: 0) == " 東京の朝")
    // Japanese breaks between characters; the emoji takes two columns, the accent none.
    #expect(frame.text(row: 5) == " Анна Петрова said “こんにち")
    #expect(frame.text(row: 6) == " は” to 👩\u{200D}🔬 José.")
    #expect(frame[6, 1].text == "は" && frame[6, 2].isContinuation)
  }
}
