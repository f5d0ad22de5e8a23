import Foundation
import Testing

@testable import BylineCore

/// The compact and streaming structures behind linear analysis: literal inputs, exact answers.
@Suite struct StreamingStructuresTests {
  // MARK: - JSONWriter

  func written(_ body: (inout JSONWriter) -> Void) -> String {
    var bytes: [UInt8] = []
    var writer = JSONWriter { bytes.append(contentsOf: $0) }
    body(&writer)
    writer.finish()
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func writerLaysOutLikeJSONEncoder() {
    let json = written { w in
      w.beginObject()
      w.key("a")
      w.beginArray()
      w.value(1)
      w.value(true)
      w.null()
      w.endArray()
      w.key("b")
      w.beginArray()
      w.endArray()
      w.key("c")
      w.beginObject()
      w.key("d")
      w.value(238.0)
      w.key("e")
      w.value(238.5)
      w.endObject()
      w.endObject()
    }
    #expect(
      json
        == "{\n  \"a\" : [\n    1,\n    true,\n    null\n  ],\n  \"b\" : [\n\n  ],\n  \"c\" : {\n    \"d\" : 238,\n    \"e\" : 238.5\n  }\n}"
    )
  }

  @Test func writerEscapesWhatJSONAndTheTerminalNeed() {
    let json = written { w in
      w.beginArray()
      w.value("say \"hi\" \\ a/b\n\t\u{1B}]0;x\u{07}")
      w.value("\u{7F}\u{9B}\u{202E}é\u{2028}\u{FFFA}\u{FFFD}😀")
      w.value(nil as String?)
      w.endArray()
    }
    #expect(
      json
        == "[\n  \"say \\\"hi\\\" \\\\ a/b\\n\\t\\u001b]0;x\\u0007\",\n  \"\\u007f\\u009b\\u202eé\\u2028\\ufffa\u{FFFD}😀\",\n  null\n]"
    )
  }

  /// Every scalar JSON or a terminal treats specially, as the encoder and `emitJSON` write it.
  @Test func writerEscapesAsTheEncoderDoes() throws {
    var text = ""
    for v in Array(0...0xA0) + [0x061C, 0x200E, 0x2028, 0x202E, 0x2066, 0xFEFF, 0xFFF9, 0xFFFD, 0x1F600] {
      text.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let expected = TerminalSafe.json(String(decoding: try encoder.encode(["s": [text]]), as: UTF8.self))
    let json = written { w in
      w.beginObject()
      w.key("s")
      w.beginArray()
      w.value(text)
      w.endArray()
      w.endObject()
    }
    #expect(json == expected)
  }

  @Test func writerHandsOnChunksAndTheRest() {
    var chunks: [Int] = []
    var writer = JSONWriter { chunks.append($0.count) }
    writer.beginArray()
    for _ in 0..<10_000 { writer.value("0123456789") }
    writer.endArray()
    writer.finish()
    // "[", then 10,000 members of 16 bytes (",\n  \"0123456789\"", the first without its
    // comma), then "\n]".
    let total: Int = chunks.reduce(0, +)
    #expect(total == 160_002)
    #expect(chunks.count == 3)
    #expect(chunks.dropLast().allSatisfy { $0 >= JSONWriter.chunkSize && $0 < JSONWriter.chunkSize + 32 })
  }

  /// The writer's report is the encoder's, escaped as `emitJSON` escapes it.
  @Test func reportIsTheEncodersByteForByte() throws {
    let text = """
      Port strike: "We will not accept this"

      By Jane Roe

      “Nobody here wanted this,” said Moira Keane, the union's secretary. She said pay was \u{1B}[2J low.

      Keane told the BBC/ITV: “We have asked since October.” A/B \u{202E}test \u{9B} end.
      """
    let analysis = ArticleAnalysis(article: ArticleParser.parse(text, source: "dir/x.txt"))
    var bytes: [UInt8] = []
    var writer = JSONWriter { bytes.append(contentsOf: $0) }
    AnalysisReport.writeJSON(of: analysis, to: &writer)
    writer.finish()
    let streamed = String(decoding: bytes, as: UTF8.self)
    #expect(streamed == TerminalSafe.json(AnalysisReport(analysis).jsonString()))
    #expect(streamed.contains("\"source\" : \"dir/x.txt\""))
  }

  // MARK: - ScalarOffsets

  @Test func scalarOffsetsFindBytesOfEveryScalar() {
    var text = String(repeating: "aé€😀", count: 40)  // 1, 2, 3 and 4 bytes: 160 scalars
    text.withUTF8 { bytes in
      let offsets = ScalarOffsets(utf8: bytes)
      #expect(offsets.scalarCount == 160)
      #expect(offsets.byteOffset(of: 0, in: bytes) == 0)
      #expect(offsets.byteOffset(of: 1, in: bytes) == 1)
      #expect(offsets.byteOffset(of: 2, in: bytes) == 3)
      #expect(offsets.byteOffset(of: 3, in: bytes) == 6)
      #expect(offsets.byteOffset(of: 4, in: bytes) == 10)
      #expect(offsets.byteOffset(of: 64, in: bytes) == 160)  // a checkpoint: 16 × 10 bytes
      #expect(offsets.byteOffset(of: 67, in: bytes) == 166)
      #expect(offsets.byteOffset(of: 159, in: bytes) == 396)
      #expect(offsets.byteOffset(of: 160, in: bytes) == 400)
    }
  }

  @Test func scalarOffsetsOfAnEmptyText() {
    var text = ""
    text.withUTF8 { bytes in
      let offsets = ScalarOffsets(utf8: bytes)
      #expect(offsets.scalarCount == 0)
      #expect(offsets.byteOffset(of: 0, in: bytes) == 0)
    }
  }

  // MARK: - QuoteIndexByBlock

  @Test func quoteIndexKeepsTheFirstOrTheLastOfEachBlock() {
    var first = QuoteIndexByBlock(kind: .first)
    var last = QuoteIndexByBlock(kind: .last)
    for (quote, block) in [(4, 2), (2, 2), (7, 2), (9, 5)] {
      first.note(quote, block: block)
      last.note(quote, block: block)
    }
    #expect(first[2] == 2)
    #expect(last[2] == 7)
    #expect(first[5] == 9)
    #expect(last[5] == 9)
    #expect(first[3] == nil)
  }

  // MARK: - Token

  @Test func tokenKeepsEveryFieldInTenBytes() {
    let text = ScalarText("0123456789King's abc,")
    var t = Token(
      range: 10..<14, stem: 10..<12, kind: .word, isCapitalised: true, isAllCaps: false,
      startsSentence: true, block: 3)
    #expect(MemoryLayout<Token>.stride == 10)
    #expect(t.range == 10..<14)
    #expect(t.stem == 10..<12)
    #expect(t.isPossessive)
    #expect(t.kind == .word)
    #expect(t.isCapitalised && !t.isAllCaps && t.startsSentence)
    #expect(t.block == 3)
    #expect(t.scalar(in: text) == "K")
    #expect(!t.inQuote)
    t.inQuote = true
    #expect(t.inQuote && t.isCapitalised && t.startsSentence && t.range == 10..<14)
    let p = Token(
      range: 20..<21, stem: 20..<21, kind: .punct, isCapitalised: false, isAllCaps: false,
      startsSentence: false, block: 0)
    #expect(p.kind == .punct && !p.isPossessive && p.stem == 20..<21 && p.scalar(in: text) == ",")
  }

  @Test func tokenKeepsOffsetsPastSixteenBitsAndTheLongestWord() {
    let far = Token(
      range: 0x7FFF_0000..<0x7FFF_FFFF, stem: 0x7FFF_0000..<0x7FFF_FFFD, kind: .word, isCapitalised: false,
      isAllCaps: true, startsSentence: false, block: 0x3FF_FFFF)
    #expect(far.range == 0x7FFF_0000..<0x7FFF_FFFF && far.stem == 0x7FFF_0000..<0x7FFF_FFFD)
    #expect(far.block == 0x3FF_FFFF && far.isAllCaps && far.isPossessive && far.kind == .word)
  }

  @Test func aRunOfLettersLongerThanAWordIsCutIntoWords() {
    let text = ScalarText(String(repeating: "a", count: 70_000) + " Bo.")
    let tokens = Tokenizer.tokenize(text, blocks: [Block(kind: .paragraph, range: 0..<text.count)]) { _ in true }
    #expect(tokens.map(\.range) == [0..<65_535, 65_535..<70_000, 70_001..<70_003, 70_003..<70_004])
    #expect(tokens[2].isCapitalised && tokens[3].kind == .punct)
  }

  @Test func aWebAddressIsOneWordAndEndsNoSentence() {
    let text = ScalarText("Ann of Snopes.com said so. U.S. aid came at 9 a.m. on the day. Node.js and Jolt.co.uk.")
    let tokens = Tokenizer.tokenize(text, blocks: [Block(kind: .paragraph, range: 0..<text.count)]) { _ in true }
    let words = tokens.map { text.string($0.range) }
    #expect(
      words == [
        "Ann", "of", "Snopes.com", "said", "so", ".", "U.S.", "aid", "came", "at", "9", "a.m.", "on", "the", "day", ".",
        "Node", ".", "js", "and", "Jolt.co.uk", ".",
      ])
    #expect(tokens.filter(\.startsSentence).map { text.string($0.range) } == ["Ann", "U.S.", "Node", "js"])
  }

  // MARK: - SurnameIndex

  @Test func surnameIndexFindsTheFirstSurnameWithinOneEdit() {
    let text = ScalarText("Nazarbayev Tokayev Smith Smyth Nazarbayeva")
    let index = SurnameIndex(text: text)
    index.append(range: 0..<10, owner: 7)  // Nazarbayev
    index.append(range: 11..<18, owner: 8)  // Tokayev
    func look(_ word: String) -> Int? { index.first(withinOneEditOf: ArraySlice(Array(word.unicodeScalars))) }
    #expect(look("Nazerbayev") == 7)  // a substitution
    #expect(look("Nazarbaev") == 7)  // a deletion
    #expect(look("Nazarbayevv") == 7)  // an insertion
    #expect(look("Tokayev") == nil)  // the surname itself is no edit away: not a near miss
    #expect(look("Tokaev") == 8)
    #expect(look("Takaeva") == nil)  // two edits
    index.append(range: 19..<24, owner: 9)  // Smith, appended after a lookup
    index.append(range: 25..<30, owner: 10)  // Smyth
    #expect(look("Smith") == 10)  // Smyth, one edit away (Smith itself does not count)
    // Smith is one edit from Smyth and was appended first: the first appended wins, as the
    // scan over every surname answered.
    #expect(look("Smyth") == 9)
    #expect(look("Smeth") == 9)  // within one edit of both: the first appended
    #expect(index.count == 4)
  }

  @Test func surnameIndexScansSurnamesTooLongToIndex() {
    let long = String(repeating: "Ab", count: 25)  // 50 scalars, over the indexing limit
    let text = ScalarText(long + " " + long + "c")
    let index = SurnameIndex(text: text)
    index.append(range: 0..<50, owner: 1)
    #expect(index.first(withinOneEditOf: text[51..<102]) == 1)
    #expect(index.first(withinOneEditOf: ArraySlice(Array("Ab".unicodeScalars))) == nil)
  }

  // MARK: - Body lines and quote segments

  @Test func bodyLinesAreOnlyCaptionsFurnitureOrText() {
    #expect(LineClassifier.classify("13 February 2022") == .date(ArticleDate(year: 2022, month: 2, day: 13)))
    #expect(LineClassifier.classifyBodyLine("13 February 2022") == .prose)
    #expect(LineClassifier.classifyBodyLine("By Jane Smith") == .prose)
    #expect(LineClassifier.classifyBodyLine("Line 123456") == .prose)
    #expect(LineClassifier.classifyBodyLine("Advertisement") == .furniture)
    #expect(LineClassifier.classifyBodyLine("Dockers at the gate [source: Getty]") == .caption(creditStart: 20))
    // A line that is a date by classify's first checks stays one, as classify says.
    #expect(LineClassifier.classifyBodyLine("2 min read (x)") == LineClassifier.classify("2 min read (x)"))
  }

  @Test func wordCountsStopPastTheirLimit() {
    // Runs of white space apart, counted when they hold a letter or a digit ("—" is none).
    let line = "One  two\tthree — 4 five,six\n"
    #expect(LineClassifier.wordCount(line, isAtMost: 5))
    #expect(!LineClassifier.wordCount(line, isAtMost: 4))
    #expect(LineClassifier.wordCount("", isAtMost: 0))
    #expect(LineClassifier.wordCount(" — ... ", isAtMost: 0))
    #expect(!LineClassifier.wordCount("a", isAtMost: 0))
    #expect(!LineClassifier.wordCount(String(repeating: "word ", count: 1_000_000), isAtMost: 60))
  }

  @Test func searchOriginsKeepOnlyWhereTheTextsStopAdvancingTogether() {
    var origins = Origins()
    for origin in [0, 1, 2, 5, 6, 6, 7, 20] { origins.append(origin) }
    #expect(origins.count == 8)
    #expect((0..<8).map { origins[$0] } == [0, 1, 2, 5, 6, 6, 7, 20])
  }

  @Test func aSortedTableFindsKeysSetInAnyOrder() {
    var table = SortedTable<String>()
    table[5] = "five"
    table[9] = "nine"
    table[9] = "NINE"  // replaces
    table[2] = "two"  // out of order: inserted where it belongs
    #expect(table[2] == "two" && table[5] == "five" && table[9] == "NINE")
    #expect(table[3] == nil && table[10] == nil && table[0] == nil)
    table[5] = nil
    #expect(table[5] == nil && table[2] == "two" && table[9] == "NINE")
  }

  @Test func optionalColumnsKeepNoneApartFromZero() {
    var indices = OptionalIndexColumn(count: 3)
    var ranges = OptionalRangeColumn()
    indices[1] = 0
    ranges[2] = 0..<0
    ranges[0] = 7..<12
    #expect(indices[0] == nil && indices[1] == 0 && indices[2] == nil)
    #expect(ranges[0] == 7..<12 && ranges[1] == nil && ranges[2] == 0..<0)
    indices[1] = nil
    #expect(indices[1] == nil)
  }

  @Test func aQuoteOfOneSegmentKeepsItWithoutAnArray() {
    var quote = Quote(range: 10..<20, segments: [10..<20], kind: .full)
    #expect(quote.segments == [10..<20])
    quote.range = 12..<20  // the segments stay what they were
    #expect(quote.segments == [10..<20])
    quote.segments = [12..<20]
    #expect(quote == Quote(range: 12..<20, segments: [12..<20], kind: .full))
    let long = Quote(range: 10..<40, segments: [10..<20, 30..<40], kind: .full)
    #expect(long.segments == [10..<20, 30..<40])
    #expect(long != Quote(range: 10..<40, segments: [10..<40], kind: .full))
  }

  @Test func headlineKeysKeepLowercasedLettersAndDigits() {
    #expect(ArticleParser.normalizedKey("Port Strike: Day 2!") == "portstrikeday2")
    #expect(ArticleParser.normalizedKey("Élan Ünal, 3 × ٣") == "élanünal3٣")
    #expect(ArticleParser.normalizedKey("") == "")
  }
}
