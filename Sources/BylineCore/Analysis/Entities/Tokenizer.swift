/// One word or punctuation mark of an article, as a range into ``Article/scalars``.
///
/// Stored in 10 bytes, five 16-bit halves (so that an array of tokens packs them with no
/// padding): the start offset (32 bits), the length (16 bits: the tokenizer cuts a word at
/// ``Token/longestWord`` scalars), and the block (26 bits) with the flags (6 bits). An article
/// has about one token for every five scalars (one for every three in a flood of short
/// quotes), so a token of 40 bytes cost eight times the text's size, one of 16 three times and
/// one of 12 over four times in a flood. Article texts are limited to 50 MB, far below 2³¹
/// scalars, and a block holds at least two scalars with its separator, so its index stays
/// below 2²⁶. The token's first scalar is read from the text (``scalar(in:)``), not stored.
struct Token: Sendable {
  enum Kind: UInt8, Sendable {
    /// Letters and digits, with inner hyphens, apostrophes and (for initials) periods.
    case word
    /// A single punctuation or symbol scalar.
    case punct
  }

  private var lowerLow: UInt16
  private var lowerHigh: UInt16
  private var length: UInt16
  /// The block (bits 0-25) and the flags (bits 26-31), in two halves.
  private var packedLow: UInt16
  private var packedHigh: UInt16

  /// The most scalars a token holds: a longer run of letters is cut into words of this
  /// length (no name or cue is that long).
  static let longestWord = Int(UInt16.max)

  private var lower: Int {
    @inline(__always) get { Int(lowerHigh) << 16 | Int(lowerLow) }
  }
  private var packed: UInt32 {
    @inline(__always) get { UInt32(packedHigh) << 16 | UInt32(packedLow) }
    @inline(__always) set {
      packedLow = UInt16(truncatingIfNeeded: newValue)
      packedHigh = UInt16(truncatingIfNeeded: newValue >> 16)
    }
  }

  private static let blockMask: UInt32 = 0x3FF_FFFF
  private var flags: UInt8 {
    get { UInt8(truncatingIfNeeded: packed >> 26) }
    set { packed = packed & Self.blockMask | UInt32(newValue) << 26 }
  }

  private static let punctFlag: UInt8 = 1
  private static let capitalisedFlag: UInt8 = 2
  private static let allCapsFlag: UInt8 = 4
  private static let sentenceFlag: UInt8 = 8
  private static let quoteFlag: UInt8 = 16
  private static let possessiveFlag: UInt8 = 32

  /// A token; `stem` is `range` or `range` less a final possessive `'s` (two scalars).
  init(
    range: Range<Int>, stem: Range<Int>, kind: Kind, isCapitalised: Bool, isAllCaps: Bool,
    startsSentence: Bool, block: Int
  ) {
    assert(
      stem.lowerBound == range.lowerBound
        && (stem.upperBound == range.upperBound || stem.upperBound == range.upperBound - 2))
    assert(block >= 0 && block <= Int(Self.blockMask))
    precondition(range.count <= Self.longestWord && range.lowerBound >= 0 && range.lowerBound <= Int(Int32.max))
    lowerLow = UInt16(truncatingIfNeeded: range.lowerBound)
    lowerHigh = UInt16(truncatingIfNeeded: range.lowerBound >> 16)
    length = UInt16(range.count)
    packedLow = 0
    packedHigh = 0
    packed = UInt32(block)
    flags =
      (kind == .punct ? Self.punctFlag : 0) | (isCapitalised ? Self.capitalisedFlag : 0)
      | (isAllCaps ? Self.allCapsFlag : 0) | (startsSentence ? Self.sentenceFlag : 0)
      | (stem.upperBound != range.upperBound ? Self.possessiveFlag : 0)
  }

  /// The scalar a punctuation token is (a word's first scalar), read from the text the token
  /// was cut from.
  @inline(__always)
  func scalar(in text: ScalarText) -> Unicode.Scalar { text[lower] }

  var range: Range<Int> {
    let lower = self.lower
    return Range(uncheckedBounds: (lower, lower + Int(length)))
  }
  /// The word without a trailing possessive ('s, ’s, or a bare ' after s).
  var stem: Range<Int> {
    let lower = self.lower
    return Range(uncheckedBounds: (lower, lower + Int(length) - (flags & Self.possessiveFlag != 0 ? 2 : 0)))
  }
  var kind: Kind { flags & Self.punctFlag != 0 ? .punct : .word }
  /// First scalar is an uppercase letter.
  var isCapitalised: Bool { flags & Self.capitalisedFlag != 0 }
  /// Every letter is uppercase and there are at least two.
  var isAllCaps: Bool { flags & Self.allCapsFlag != 0 }
  /// First word of a sentence (or of a quotation, a block, a bracket).
  var startsSentence: Bool { flags & Self.sentenceFlag != 0 }
  /// The index of the block the token is in.
  var block: Int { Int(packed & Self.blockMask) }
  /// The token lies inside a direct quotation.
  var inQuote: Bool {
    get { flags & Self.quoteFlag != 0 }
    set { flags = newValue ? flags | Self.quoteFlag : flags & ~Self.quoteFlag }
  }

  var isPossessive: Bool { flags & Self.possessiveFlag != 0 }
}

/// Splits the blocks of an article into tokens, marking sentence starts.
enum Tokenizer {
  /// Abbreviations after which a period does not end a sentence.
  static let abbreviations: Set<String> = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No", "Jr", "Sr",
    "Rev", "Maj", "Adm", "Corp", "Inc", "Ltd", "Co", "vs", "etc", "Ft", "Mt", "Calif", "Fla",
    "Mass", "Ariz", "Ky", "Va", "Pa", "Tenn", "Ill", "Mich", "Minn", "Wis", "Ore", "Wash", "Ala",
    "Ga", "La", "Md", "Mo", "Okla", "Conn", "Colo", "Nev", "Neb", "Kan", "Miss", "Ark", "Del",
  ]

  /// The tokens of the blocks `include` accepts. Counted first, then made into an array of
  /// exactly that size: a guess of the count either over-reserved (a 2 MB line is one token,
  /// and a fifth of its length cost 8 MB) or grew the array by doubling (a copy, and for a
  /// moment three times the tokens' size).
  static func tokenize(_ text: ScalarText, blocks: [Block], include: (Block) -> Bool)
    -> [Token]
  {
    let count = countTokens(text, blocks: blocks, include: include)
    var tokens: [Token] = []
    tokens.reserveCapacity(count)
    scan(text, blocks: blocks, include: include) { tokens.append($0) }
    assert(tokens.count == count, "countTokens cuts as scan does")
    return tokens
  }

  /// How many tokens ``scan(_:blocks:include:emit:)`` hands on: the same cuts, without making
  /// the tokens or finding sentence starts (the count was a whole second tokenization).
  private static func countTokens(_ text: ScalarText, blocks: [Block], include: (Block) -> Bool) -> Int {
    var count = 0
    for block in blocks where include(block) {
      var i = block.range.lowerBound
      let end = block.range.upperBound
      while i < end {
        let s = text[i]
        if isSpace(s) {
          i += 1
        } else {
          i = isWordScalar(s) ? wordEnd(text, from: i, end: end) : i + 1
          count += 1
        }
      }
    }
    return count
  }

  /// Cuts the blocks into tokens and hands each to `emit`, in order.
  private static func scan(
    _ text: ScalarText, blocks: [Block], include: (Block) -> Bool, emit: (Token) -> Void
  ) {
    // The last token handed on.
    var last: Token?
    for (blockIndex, block) in blocks.enumerated() where include(block) {
      var i = block.range.lowerBound
      let end = block.range.upperBound
      var sentenceStart = true
      while i < end {
        let s = text[i]
        if isSpace(s) {
          i += 1
          continue
        }
        if isWordScalar(s) {
          let j = wordEnd(text, from: i, end: end)
          let token = wordToken(text, i..<j, startsSentence: sentenceStart, block: blockIndex)
          emit(token)
          last = token
          sentenceStart = false
          i = j
          continue
        }
        let token = Token(
          range: i..<(i + 1), stem: i..<(i + 1), kind: .punct, isCapitalised: false,
          isAllCaps: false, startsSentence: false, block: blockIndex)
        emit(token)
        if opensSentence(s, at: i, in: text, end: end, after: last) { sentenceStart = true }
        last = token
        i += 1
      }
    }
  }

  /// Where the word starting at `i` ends: letters and digits, with inner hyphens, apostrophes,
  /// the periods of initials and acronyms (U.S., a.m.) and of web addresses (Snopes.com), and
  /// the `&` of short capitals (AT&T);
  /// at most ``Token/longestWord`` scalars on.
  @inline(__always)
  private static func wordEnd(_ text: ScalarText, from i: Int, end: Int) -> Int {
    let end = min(end, i + Token.longestWord)
    var j = i + 1
    // The run of ASCII letters and digits, most of a word, read from the text's bytes (a
    // fourteenth of analysis went to this loop's scalar by scalar reads).
    j = text.asciiWordCharacters(from: j, to: end)
    while j < end {
      let c = text[j]
      if isWordScalar(c) {
        j += 1
      } else if (c == "-" || c == "'" || c == "’" || c == "." || c == "&") && j + 1 < end
        && isWordScalar(text[j + 1])
      {
        // An inner period only in initials and acronyms (U.S., a.m.) and before the domain of a
        // web address (Snopes.com, state.gov, Jolt.co.uk): there it ends no sentence.
        if c == "." && !(j - i == 1 || text[j - 2] == ".") && !isDomainSuffix(text, at: j + 1, end: end) { break }
        if c == "&" && !(text[i].properties.isUppercase && j - i <= 2) { break }
        j += 2
      } else {
        break
      }
    }
    // A trailing period after single-letter groups (U.S.) belongs to the token.
    if j < end && text[j] == "." && j - i >= 3 && text[j - 2] == "." {
      j += 1
    }
    return j
  }

  /// The word token of `range`: its stem without a possessive `'s` (a plural possessive's
  /// apostrophe, `workers'`, is never part of the word), its capitals.
  @inline(__always)
  private static func wordToken(
    _ text: ScalarText, _ range: Range<Int>, startsSentence: Bool, block: Int
  ) -> Token {
    let i = range.lowerBound
    let j = range.upperBound
    var stem = range
    if j - i > 2 && (text[j - 2] == "'" || text[j - 2] == "’") && (text[j - 1] == "s" || text[j - 1] == "S") {
      stem = i..<(j - 2)
    }
    let first = text[i]
    var letters = 0
    var upper = 0
    for k in stem {
      let c = text[k]
      if c.value < 128 {
        if c.value >= 65 && c.value <= 90 {
          letters += 1
          upper += 1
        } else if c.value >= 97 && c.value <= 122 {
          letters += 1
        }
      } else if c.properties.isAlphabetic {
        letters += 1
        if c.properties.isUppercase { upper += 1 }
      }
    }
    return Token(
      range: range, stem: stem, kind: .word, isCapitalised: isUpper(first),
      isAllCaps: letters >= 2 && upper == letters, startsSentence: startsSentence,
      block: block)
  }

  /// Whether the punctuation `s` at `i` makes the next word start a sentence: a full stop
  /// not after an abbreviation or an initial (`previous` is the token before it), `!`, `?`,
  /// a colon, an opening mark or bracket, a bullet, a straight quote that opens.
  @inline(__always)
  private static func opensSentence(
    _ s: Unicode.Scalar, at i: Int, in text: ScalarText, end: Int, after previous: Token?
  ) -> Bool {
    switch s {
    case ".":
      if let previous, previous.kind == .word, previous.range.upperBound == i {
        let length = previous.range.count
        if length == 1 && isUpper(text[previous.range.lowerBound]) { return false }
        if length <= 5 && abbreviations.contains(string(text, previous.range)) { return false }
      }
      return true
    case "!", "?", ":", "“", "„", "«", "(", "[", "•":
      return true
    case "\"":
      // An opening straight quote starts a sentence-like unit.
      return i + 1 < end && !isSpace(text[i + 1])
    default:
      // `;` and `—` do not: the sentence goes on.
      return false
    }
  }

  /// A full stop, question or exclamation mark: a test the attributor makes for most tokens
  /// it walks over (as `".!?".unicodeScalars.contains`, it decoded the literal each time:
  /// a tenth of the time of a flood of quotes).
  @inline(__always)
  static func isStop(_ s: Unicode.Scalar) -> Bool { s == "." || s == "!" || s == "?" }

  /// ``isStop(_:)`` or an ellipsis.
  @inline(__always)
  static func isStopOrEllipsis(_ s: Unicode.Scalar) -> Bool { isStop(s) || s == "…" }

  @inline(__always)
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    if s.value < 128 { return s.value == 32 || (s.value >= 9 && s.value <= 13) }
    if s.isDashOrQuoteMark { return false }
    return s.properties.isWhitespace
  }

  /// Top-level and common second-level domains, read after a point inside a word: `.com`
  /// makes `Amazon.com` one word (a name) where its point ended a sentence; `Node.js` and
  /// `Cow.prototype` stay apart.
  static let domainSuffixes: Set<String> = [
    "com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "gop", "io", "co", "ac", "uk", "us", "ca",
    "au", "nz", "ie", "fr", "de", "it", "es", "nl", "be", "ch", "eu", "in", "cc", "tv", "fm", "me", "ly",
  ]

  /// Whether the lowercase ASCII letters from `i` (up to a point, or the end of the word) are
  /// a domain suffix.
  private static func isDomainSuffix(_ text: ScalarText, at i: Int, end: Int) -> Bool {
    var j = i
    var suffix = ""
    while j < end, j < i + 5, text[j].value >= 97 && text[j].value <= 122 {
      suffix.unicodeScalars.append(text[j])
      j += 1
    }
    guard !suffix.isEmpty, domainSuffixes.contains(suffix) else { return false }
    return j == end || !isWordScalar(text[j])
  }

  @inline(__always)
  static func isUpper(_ s: Unicode.Scalar) -> Bool {
    if s.value < 128 { return s.value >= 65 && s.value <= 90 }
    if s.isDashOrQuoteMark { return false }
    return s.properties.isUppercase
  }

  @inline(__always)
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.value < 128 {
      let v = s.value
      return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }
    if s.isDashOrQuoteMark { return false }
    let p = s.properties
    return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
  }

  static func string(_ text: ScalarText, _ range: Range<Int>) -> String {
    text.string(range)
  }
}
