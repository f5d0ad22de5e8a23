import BylineUI
import Testing

@testable import BylineTerminal

@Suite("Emoji sequences written whole over curses")
struct GraphemeOverlayTests {
  @Test(arguments: ["👩‍🔬", "🇯🇵", "💪🏽", "👨‍👩‍👧"])
  func sequencesOfSeveralSpacingCharactersNeedTheOverlay(text: String) {
    #expect(GraphemeOverlay.needsOverlay(text))
  }

  @Test(arguments: ["a", "é", "e\u{301}", "東", "❤️", "🙂", " "])
  func oneSpacingCharacterWithItsMarksDoesNot(text: String) {
    #expect(!GraphemeOverlay.needsOverlay(text))
  }

  @Test func theStyleBecomesSGRAtEveryDepth() {
    let bold = Style(bold: true)
    #expect(GraphemeOverlay.sgr(bold, foreground: -1, background: -1, directColour: false) == "0;1")
    #expect(
      GraphemeOverlay.sgr(Style(reverse: true), foreground: 3, background: 12, directColour: false) == "0;7;33;104")
    #expect(GraphemeOverlay.sgr(.plain, foreground: 222, background: 237, directColour: false) == "0;38;5;222;48;5;237")
    #expect(
      GraphemeOverlay.sgr(.plain, foreground: 0x12_34_56, background: 1, directColour: true) == "0;38;2;18;52;86;41")
  }

  @Test func theSequenceSavesMovesWritesAndRestores() {
    let cells = [
      GraphemeOverlay.Cell(row: 0, column: 4, text: "🇯🇵", sgr: "0"),
      GraphemeOverlay.Cell(row: 9, column: 0, text: "👩‍🔬", sgr: "0;1"),
    ]
    #expect(GraphemeOverlay.sequence(cells) == "\u{1B}7\u{1B}[1;5H\u{1B}[0m🇯🇵\u{1B}[10;1H\u{1B}[0;1m👩‍🔬\u{1B}8")
    #expect(GraphemeOverlay.sequence([]) == "")
  }
}
