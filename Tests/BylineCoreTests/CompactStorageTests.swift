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
    #expect(MemoryLayout<Block>.stride == 16)
    #expect(MemoryLayout<Quote>.stride == 32)
    #expect(MemoryLayout<Token>.stride == 10)
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

  @Test func aQuotesMentionAndClauseArePackedWhenNearAndKeptWhateverTheirSize() {
    var quote = Quote(range: 5000..<5010, segments: [5000..<5010], kind: .partial)
    // Near: the mention's length and the clause's distances fit their fields.
    quote.speakerMention = 4990..<4994
    quote.clause = 4980..<5020
    #expect(quote.speakerMention == 4990..<4994 && quote.clause == 4980..<5020)
    // The largest that are packed, and one past them.
    quote.speakerMention = 0..<254
    quote.clause = (5000 - 4094)..<(5010 + 4094)
    #expect(quote.speakerMention == 0..<254 && quote.clause == 906..<9104)
    quote.speakerMention = 0..<255
    quote.clause = (5000 - 4095)..<5010
    #expect(quote.speakerMention == 0..<255 && quote.clause == 905..<5010)
    quote.clause = 5000..<(5010 + 4095)
    #expect(quote.clause == 5000..<9105 && quote.speakerMention == 0..<255)
    // A clause that does not hold the quote, an empty mention, and back to none.
    quote.clause = 5002..<5008
    quote.speakerMention = 7..<7
    #expect(quote.clause == 5002..<5008 && quote.speakerMention == 7..<7)
    quote.clause = nil
    quote.speakerMention = nil
    #expect(quote.clause == nil && quote.speakerMention == nil && quote.range == 5000..<5010)
    // A clause stays where it is in the text when the range moves, packed or not.
    quote.clause = 4990..<5030
    quote.range = 5001..<5012
    #expect(quote.clause == 4990..<5030 && quote.segments == [5000..<5010])
    quote.range = 9000..<9001
    #expect(quote.clause == 4990..<5030 && quote.range == 9000..<9001)
    quote.range = 5000..<5010
    #expect(quote.clause == 4990..<5030)
    // Segments and a far clause and a long mention live side by side.
    quote.segments = [5000..<5004, 5006..<5010]
    quote.speakerMention = 10..<400
    quote.clause = 0..<5010
    #expect(quote.segments == [5000..<5004, 5006..<5010] && quote.speakerMention == 10..<400)
    #expect(quote.clause == 0..<5010)
    #expect(quote == quote)
    var other = quote
    other.clause = 0..<5011
    #expect(other != quote && other.speakerMention == 10..<400)
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

  @Test func blockKindShapeAndGroupShareTheRangesBits() {
    let kinds: [Block.Kind] = [.title, .standfirst, .caption, .furniture, .paragraph, .byline, .dateline]
    let shapes: [Block.Shape] = [.plain, .heading, .listItem, .blockQuote]
    for kind in kinds {
      for shape in shapes {
        let block = Block(kind: kind, range: 0x1FFF_FFF0..<0x1FFF_FFFF, continuesGroup: true, shape: shape)
        #expect(block.kind == kind && block.shape == shape && block.continuesGroup)
        #expect(block.range == 0x1FFF_FFF0..<0x1FFF_FFFF)
      }
    }
    var block = Block(kind: .dateline, range: 5..<9, shape: .blockQuote)
    block.range = 100..<200
    block.continuesGroup = true
    block.kind = .caption
    #expect(block.range == 100..<200 && block.kind == .caption && block.shape == .blockQuote && block.continuesGroup)
    block.continuesGroup = false
    block.shape = .plain
    #expect(block.range == 100..<200 && block.kind == .caption && block.shape == .plain && !block.continuesGroup)
    #expect(block == Block(kind: .caption, range: 100..<200))
    #expect(block != Block(kind: .caption, range: 100..<200, captionTextRange: 100..<150))
  }

  @Test func quoteKindAndClosureShareTheRangesBits() {
    for kind in Quote.Kind.allCases {
      for closure in [Quote.Closure.mark, .reopening, .paragraphEnd] {
        var quote = Quote(
          range: 0x3FFF_FFF0..<0x3FFF_FFFF, segments: [0x3FFF_FFF0..<0x3FFF_FFFF], kind: kind, closedBy: closure)
        #expect(quote.kind == kind && quote.closedBy == closure && quote.range == 0x3FFF_FFF0..<0x3FFF_FFFF)
        quote.kind = .partial
        quote.closedBy = .reopening
        #expect(quote.range == 0x3FFF_FFF0..<0x3FFF_FFFF && quote.segments == [0x3FFF_FFF0..<0x3FFF_FFFF])
      }
    }
  }

  @Test func aQuotesSpeakerKindAndCueAreSetOneByOneOrSharedTogether() {
    var quote = Quote(range: 10..<20, segments: [10..<20], kind: .full, speaker: "Ann Lee", cue: "said")
    #expect(quote.speaker == "Ann Lee" && quote.cue == "said" && quote.speakerKind == nil)
    quote.speakerKind = .person
    quote.cue = nil
    #expect(quote.speaker == "Ann Lee" && quote.cue == nil && quote.speakerKind == .person)
    quote.speaker = nil
    quote.speakerKind = nil
    #expect(quote == Quote(range: 10..<20, segments: [10..<20], kind: .full))
    var shared = Quote.SharedAttributions()
    var a = Quote(range: 0..<5, segments: [0..<5], kind: .full)
    var b = Quote(range: 8..<9, segments: [8..<9], kind: .fragment)
    a.setAttribution(speaker: "Jos\u{E9}", speakerKind: .person, cue: "told", sharing: &shared)
    // The same name written with a combining accent stays as written.
    b.setAttribution(speaker: "Jose\u{301}", speakerKind: .person, cue: "told", sharing: &shared)
    #expect(a.speaker.map { Array($0.unicodeScalars) } == Array("Jos\u{E9}".unicodeScalars))
    #expect(b.speaker.map { Array($0.unicodeScalars) } == Array("Jose\u{301}".unicodeScalars))
    #expect(a.cue == "told" && b.speakerKind == .person && b.kind == .fragment && b.range == 8..<9)
  }

  @Test func theEntityOfATokenTakesTwoBytesUntilTheIndexNeedsFour() {
    var column = EntityOfToken(count: 4)
    #expect((0..<4).map { column[$0] } == [-1, -1, -1, -1])
    column[1] = 0
    column[2] = 65_534
    column[3] = 7
    column[3] = -1
    #expect((0..<4).map { column[$0] } == [-1, 0, 65_534, -1])
    column[0] = 65_535
    #expect((0..<4).map { column[$0] } == [65_535, 0, 65_534, -1])
    column[2] = 1_000_000
    column[1] = -1
    #expect((0..<4).map { column[$0] } == [65_535, -1, 1_000_000, -1] && column.count == 4)
  }

  @Test func anIndexColumnKeepsRunsAndGivesEveryRowBack() {
    var column = IndexColumn()
    for value in [-1, 3, 3, 3, 7, -1, -1, 7] { column.append(value) }
    #expect(column.count == 8)
    #expect((0..<8).map { column[$0] } == [-1, 3, 3, 3, 7, -1, -1, 7])
  }

  @Test func aRangeColumnKeepsOnlyTheRowsThatHaveOne() {
    var column = OptionalRangeColumn()
    column[1] = 4..<9
    column[2] = 0..<0
    #expect(column[0] == nil && column[1] == 4..<9 && column[2] == 0..<0)
    column[1] = nil
    #expect(column[1] == nil && column[2] == 0..<0)
  }

  @Test func speakersAndCuesComeBackAsSetBeyondTwoBytes() {
    var speakers = SpeechAttributor.SpeakerColumn(count: 4)
    speakers[0] = .entity(0)
    speakers[1] = .description("a spokeswoman")
    speakers[2] = .entity(40_000)
    speakers[3] = .description("a spokeswoman")
    #expect(speakers[0] == .entity(0) && speakers[1] == .description("a spokeswoman"))
    #expect(speakers[2] == .entity(40_000) && speakers[3] == .description("a spokeswoman"))
    speakers[2] = nil
    #expect(speakers[2] == nil && speakers[0] == .entity(0))
    var cues = OptionalStringColumn(count: 3)
    cues[0] = "said"
    cues[2] = "according to"
    cues[1] = "said"
    #expect(cues[0] == "said" && cues[1] == "said" && cues[2] == "according to")
    cues[0] = nil
    #expect(cues[0] == nil && cues[1] == "said")
  }
}
