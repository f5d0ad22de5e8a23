import Foundation
import Testing

@testable import BylineCore

/// The narrow stores of the article model (issue 14: no input needs more than ten times its
/// size): literal inputs, exact answers.
@Suite struct CompactStorageTests {
  // MARK: - ScalarText

  @Test func textOfLatinScriptKeepsOneByteAScalar() {
    let text = ScalarText("“Ça va,” said José — 12°")
    #expect(!text.isWide)
    #expect(text.narrow.count == 24)
    #expect(text.count == 24)
    #expect(text[0] == "“" && text[1] == "Ç" && text[7] == "”" && text[22] == "2" && text[23] == "°")
    #expect(text.string(0..<24) == "“Ça va,” said José — 12°")
    #expect(text.string(9..<13) == "said")
    #expect(String(String.UnicodeScalarView(text[14..<18])) == "José")
  }

  @Test func textWithMoreThan128OtherScalarsWidensKeepingEveryScalar() {
    // 0x400..<0x4A0: 160 Cyrillic scalars, after some ASCII and a curly quote.
    let cyrillic = (0x400..<0x4A0).map { Unicode.Scalar($0)! }
    var text = ScalarText("ab“")
    text.append(contentsOf: cyrillic)
    text.append("z")
    #expect(text.isWide)
    #expect(text.count == 3 + 160 + 1)
    #expect(Array(text) == Array("ab“".unicodeScalars) + cyrillic + ["z"])
    #expect(text.string(0..<3) == "ab“")
  }

  @Test func equalTextsCompareEqualWhateverTheirStorage() {
    let cyrillic = (0x400..<0x4A0).map { Unicode.Scalar($0)! }
    var wide = ScalarText(cyrillic)
    #expect(wide.isWide)
    wide = ScalarText(wide[0..<2])
    #expect(!wide.isWide)
    #expect(wide == ScalarText("\u{400}\u{401}"))
    #expect(ScalarText("é“") != ScalarText("“é"))
    #expect(ScalarText("é“")[0..<2].elementsEqual("é“".unicodeScalars))
    let literal: ScalarText = ["a", "\n", "é"]
    #expect(literal == ScalarText("a\né"))
  }

  // MARK: - Compact records

  @Test func blockQuoteAndTokenAreStoredIn32BitFields() {
    #expect(MemoryLayout<Block>.stride == 28)
    #expect(MemoryLayout<Token>.stride == 12)
    var block = Block(kind: .caption, range: 3..<9, creditRange: 7..<9, captionTextRange: 3..<6)
    #expect(block.range == 3..<9 && block.creditRange == 7..<9 && block.captionTextRange == 3..<6)
    block.creditRange = nil
    #expect(block.creditRange == nil && block.captionTextRange == 3..<6)
    #expect(Block(kind: .paragraph, range: 0..<0).creditRange == nil)
    var quote = Quote(range: 10..<20, segments: [10..<20], kind: .full)
    #expect(quote.speakerMention == nil && quote.clause == nil)
    quote.speakerMention = 0..<4
    quote.clause = 5..<30
    #expect(quote.speakerMention == 0..<4 && quote.clause == 5..<30 && quote.range == 10..<20)
    quote.range = 10..<25
    #expect(quote.segments == [10..<20] && quote.range == 10..<25)
  }

  @Test func aTokenKeepsTheLargestBlockBesideItsFlags() {
    let text = ScalarText("\u{10FFFF}")
    var t = Token(
      range: 0..<1, stem: 0..<1, kind: .punct, isCapitalised: false, isAllCaps: false,
      startsSentence: true, block: 0x3FF_FFFF)
    #expect(t.scalar(in: text) == "\u{10FFFF}" && t.kind == .punct && t.startsSentence && !t.inQuote)
    #expect(t.block == 0x3FF_FFFF)
    t.inQuote = true
    #expect(t.inQuote && t.startsSentence && t.block == 0x3FF_FFFF && t.kind == .punct)
    t.inQuote = false
    #expect(!t.inQuote && t.startsSentence && t.block == 0x3FF_FFFF)
  }
}
