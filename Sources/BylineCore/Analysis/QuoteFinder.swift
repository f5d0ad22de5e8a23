/// Finds every direct quotation in an article.
///
/// Quotes are text in double quote marks: curly (“ ”), low-high („ “ / „ ”), guillemets
/// (« ») and straight ("). Straight marks are told open from close by their neighbours. A
/// straight mark right after a digit with no quote open is an inch mark (12" vinyl), and
/// single quotes and apostrophes never start a quote: they nest inside one. A quote left open
/// at the end of a paragraph continues when the next paragraph reopens with a quote mark (the
/// news convention for long quotations); otherwise it ends with its paragraph.
public enum QuoteFinder {
  public static func findQuotes(in article: Article) -> [Quote] {
    let text = article.scalars
    var quotes: [Quote] = []
    // An open quote carried from one paragraph into the next.
    var carried: (start: Int, segments: [TextRange])?
    var previousWasParagraph = false

    for block in article.blocks where block.kind != .furniture {
      var i = block.range.lowerBound
      let end = block.range.upperBound
      var openStart: Int?
      var segments: [TextRange] = []
      var depth = 0
      var openedWithLowMark = false

      if let pending = carried {
        // Continue only when this paragraph reopens with a quote mark.
        if block.kind == .paragraph, previousWasParagraph, i < end, isOpeningMark(text, i, block) {
          openStart = pending.start
          segments = pending.segments
          i += 1
          segments.append(i..<i)  // the segment's lower bound; upper set at close
          depth = 1
        } else {
          quotes.append(makeQuote(text, start: pending.start, end: pending.segments.last!.upperBound,
            segments: pending.segments, unterminated: true, blockStart: nil))
        }
        carried = nil
      }

      while i < end {
        let scalar = text[i]
        if isQuoteMark(scalar) {
          if let start = openStart {
            if closes(text, i, block, openedWithLowMark: openedWithLowMark) {
              depth -= 1
              if depth == 0 {
                segments[segments.count - 1] = segments[segments.count - 1].lowerBound..<i
                quotes.append(makeQuote(text, start: start, end: i, segments: segments,
                  unterminated: false, blockStart: block.range.lowerBound))
                openStart = nil
                segments = []
              }
            } else if scalar == "\"" || scalar == "“" || scalar == "«" || scalar == "„" {
              depth += 1  // a nested double quote
            }
          } else if isOpeningMark(text, i, block) {
            openStart = i + 1
            segments = [(i + 1)..<(i + 1)]
            depth = 1
            openedWithLowMark = scalar == "„"
          }
        }
        i += 1
      }
      if let start = openStart {
        segments[segments.count - 1] = segments[segments.count - 1].lowerBound..<end
        if block.kind == .paragraph {
          carried = (start, segments)
        } else {
          quotes.append(makeQuote(text, start: start, end: end, segments: segments,
            unterminated: true, blockStart: block.range.lowerBound))
        }
      }
      previousWasParagraph = block.kind == .paragraph
    }
    if let pending = carried {
      quotes.append(makeQuote(text, start: pending.start, end: pending.segments.last!.upperBound,
        segments: pending.segments, unterminated: true, blockStart: nil))
    }
    return quotes.filter { !$0.range.isEmpty }
  }

  public static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
    s == "\"" || s == "“" || s == "”" || s == "„" || s == "«" || s == "»" || s == "‟"
  }

  /// Whether the mark at `i` opens a quote.
  static func isOpeningMark(_ text: [Unicode.Scalar], _ i: Int, _ block: Block) -> Bool {
    let s = text[i]
    switch s {
    case "“", "„", "«", "‟": return true
    case "\"":
      let before = i > block.range.lowerBound ? text[i - 1] : nil
      let after = i + 1 < block.range.upperBound ? text[i + 1] : nil
      guard let after, !after.properties.isWhitespace else { return false }
      guard let before else { return true }
      if before.properties.numericType != nil { return false }  // 12" is an inch mark
      return before.properties.isWhitespace || "([{<—–-/‘'“„«:".unicodeScalars.contains(before)
    default: return false
    }
  }

  /// Whether the mark at `i` closes the open quote.
  static func closes(_ text: [Unicode.Scalar], _ i: Int, _ block: Block, openedWithLowMark: Bool) -> Bool {
    let s = text[i]
    switch s {
    case "”", "»": return true
    case "“":
      // „...“ closes with a high mark; otherwise “ inside an open quote nests.
      return openedWithLowMark
    case "\"":
      let before = i > block.range.lowerBound ? text[i - 1] : nil
      let after = i + 1 < block.range.upperBound ? text[i + 1] : nil
      let openContext =
        (before == nil || before!.properties.isWhitespace)
        && after != nil && !after!.properties.isWhitespace
      return !openContext
    default: return false
    }
  }

  private static func makeQuote(
    _ text: [Unicode.Scalar], start: Int, end: Int, segments: [TextRange], unterminated: Bool,
    blockStart: Int?
  ) -> Quote {
    let range = start..<max(start, end)
    return Quote(range: range, segments: segments, kind: kind(text, range, opensAt: start - 1,
      blockStart: blockStart ?? (segments.first?.lowerBound ?? start) - 1),
      isUnterminated: unterminated)
  }

  /// Full, partial or fragment, by the shape of the quote and what stands before it.
  static func kind(_ text: [Unicode.Scalar], _ range: TextRange, opensAt mark: Int, blockStart: Int)
    -> Quote.Kind
  {
    var words = 0
    var inWord = false
    var endsSentence = false
    for k in range {
      let s = text[k]
      if s.isWordCharacter {
        if !inWord { words += 1 }
        inWord = true
      } else {
        inWord = s == "-" || s == "'" || s == "’" ? inWord : false
      }
      if !s.isSpaceLike { endsSentence = ".!?…".unicodeScalars.contains(s) }
    }
    if words <= 3 && !endsSentence { return .fragment }
    // What stands before the opening mark: a word (mid-sentence) makes a partial quote.
    var k = mark - 1
    while k > blockStart, k >= 0, text[k] == " " { k -= 1 }
    let first = text[range.lowerBound]
    if k >= 0, k > blockStart - 1, text[k].properties.isAlphabetic,
      !first.properties.isUppercase
    {
      return .partial
    }
    return .full
  }
}
