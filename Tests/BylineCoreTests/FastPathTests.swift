import BylineCore
import Testing

/// The fast paths taken for speed give the answers of the slow ones they skip.
@Suite("Fast paths of the text classes")
struct FastPathTests {
  /// Every scalar of the dash and quote mark block is no space, letter, digit or capital, as
  /// Unicode's own tables say: the classes answer them without a look-up.
  @Test func dashesAndQuoteMarksAreNoSpaceLetterOrDigit() {
    for value in UInt32(0x2000)...0x206F {
      let s = Unicode.Scalar(value)!
      let p = s.properties
      #expect(s.isSpaceLike == p.isWhitespace, "U+\(String(value, radix: 16))")
      #expect(s.isLetterLike == p.isAlphabetic, "U+\(String(value, radix: 16))")
      #expect(s.isUppercaseLike == p.isUppercase, "U+\(String(value, radix: 16))")
      #expect(s.isDigitLike == (p.numericType != nil), "U+\(String(value, radix: 16))")
      #expect(s.isWordCharacter == (p.isAlphabetic || p.numericType != nil), "U+\(String(value, radix: 16))")
    }
    #expect(Unicode.Scalar(0x2028)!.isSpaceLike)
    #expect(!("\u{201C}" as Unicode.Scalar).isSpaceLike)
    #expect(("\u{2009}" as Unicode.Scalar).isSpaceLike)
  }

  /// ASCII is answered without the tables, the same way.
  @Test func asciiAnswersAsTheTables() {
    for value in UInt32(0)...0x7F {
      let s = Unicode.Scalar(value)!
      let p = s.properties
      #expect(s.isSpaceLike == p.isWhitespace)
      #expect(s.isLetterLike == p.isAlphabetic)
      #expect(s.isUppercaseLike == p.isUppercase)
      #expect(s.isDigitLike == (p.numericType != nil))
    }
  }

  /// Furniture lines, ASCII or not, with stripped marks and any case; near misses are prose.
  @Test(arguments: [
    ("Advertisement", LineClassifier.LineKind.furniture),
    ("ADVERTISEMENT", .furniture),
    ("- Read More -", .furniture),
    (">> Share this story:", .furniture),
    ("Editor’s Picks", .furniture),
    ("Advertisement · Scroll to continue", .furniture),
    ("Read more: the strike in full", .furniture),
    ("Line 12", .prose),
    ("Advertisements are everywhere", .prose),
    ("Sharee", .prose),
  ])
  func furnitureLines(line: String, kind: LineClassifier.LineKind) {
    #expect(LineClassifier.classifyBodyLine(line) == kind)
  }
}

/// ``ScalarText``'s byte-run copies give the text the scalar-by-scalar appends give.
@Suite("Scalar text copies")
struct ScalarTextCopyTests {
  /// ASCII, accents, curly marks, a 4-byte emoji, and a text past 128 other scalars (wide).
  static let texts = [
    "", "plain", "Jos\u{E9} said \u{201C}no\u{201D} \u{2014} \u{1F469}\u{200D}\u{1F467} ok",
    "\u{E9}", "a" + String(String.UnicodeScalarView((0x400..<0x4A0).map { Unicode.Scalar($0)! })) + " end \u{10FFFF}",
  ]

  @Test(arguments: texts)
  func fromAStringAsScalarByScalar(text: String) {
    let fast = ScalarText(text)
    let slow = ScalarText(Array(text.unicodeScalars))
    #expect(fast == slow)
    #expect(Array(fast) == Array(text.unicodeScalars))
  }

  @Test(arguments: texts)
  func aSliceAppendedAsScalarByScalar(text: String) {
    let source = ScalarText(text)
    for range in [0..<source.count, (source.count / 3)..<source.count, 0..<(source.count / 2)] {
      var fast = ScalarText("pre \u{E8} ")
      fast.append(contentsOf: source[range])
      var slow = ScalarText("pre \u{E8} ")
      for scalar in source[range] { slow.append(scalar) }
      #expect(Array(fast) == Array(slow), "\(range)")
    }
    // Into a text already wide.
    var wide = ScalarText(String(String.UnicodeScalarView((0x500..<0x600).map { Unicode.Scalar($0)! })))
    wide.append(contentsOf: source[0..<source.count])
    #expect(Array(wide.suffix(source.count)) == Array(source))
  }

  /// The run of ASCII letters and digits read from the bytes ends where the scalars say.
  @Test(arguments: texts + ["AT&T's U.S. a-b_c@d[e`f{g 0123456789az AZ\u{E9}x"])
  func asciiWordRunsEndAsTheScalarsSay(text: String) {
    let scalars = ScalarText(text)
    for start in 0..<scalars.count {
      var expected = start
      while expected < scalars.count, scalars[expected].value < 0x80, scalars[expected].isWordCharacter {
        expected += 1
      }
      #expect(scalars.asciiWordCharacters(from: start, to: scalars.count) == expected, "\(start)")
    }
  }
}

/// The JSON writer's buffer: a value longer than a chunk is written whole, escaped.
@Suite("JSON writer buffer")
struct JSONWriterBufferTests {
  @Test func aValueLongerThanAChunkIsWrittenWhole() {
    var out: [UInt8] = []
    var writer = JSONWriter { out.append(contentsOf: $0) }
    let long = String(repeating: "abc\"\u{E9}", count: 40_000)  // 240,000 bytes, 40,000 escapes
    writer.beginArray()
    writer.value(long)
    writer.value(7)
    writer.endArray()
    writer.finish()
    let escaped = String(repeating: "abc\\\"\u{E9}", count: 40_000)
    #expect(String(decoding: out, as: UTF8.self) == "[\n  \"\(escaped)\",\n  7\n]")
  }
}
