/// Finds every direct quotation in an article.
///
/// Quotes are text in double quote marks: curly (“ ”), low-high („ “ / „ ”), guillemets
/// (« ») and straight ("). Straight marks are told open from close by their neighbours. A
/// straight mark right after a digit with no quote open is an inch mark (12" vinyl), and
/// single quotes and apostrophes never start a quote: they nest inside one.
///
/// Where a quote ends follows the speech, not the count of marks:
/// - a closing mark ends it (`”`, `»`, a straight mark before a space, or two apostrophes
///   `’’` / `''` standing for one);
/// - an opening mark right after a sentence's end while the quote is still open reopens:
///   the writer dropped the closing mark (`... that choice. "Obviously ...`), so the open
///   quote ends at that sentence and a new quote starts, with its own speaker;
/// - a quote left open at the end of a paragraph continues when the next paragraph reopens
///   with a quote mark (the news convention for long quotations); otherwise the paragraph
///   ends it.
/// Spaces just inside the marks (`“ We stay ”`) are not part of the quote.
public enum QuoteFinder {
  /// The article's quotes in reading order. `expected`, when known (the count of an earlier
  /// call), is the room made for them at once.
  public static func findQuotes(
    in article: Article, rules: AnalysisRules = AnalysisRules(), expected: Int = 0
  ) -> [Quote] {
    var scanner = Scanner(text: article.scalars, rules: rules)
    scanner.quotes.reserveCapacity(expected)
    for block in article.blocks where block.kind != .furniture && !block.kind.isMetadataLine {
      scanner.scan(block)
    }
    scanner.finish()
    // Grown by doubling, the array may hold twice the room its quotes need for as long as
    // the analysis keeps them: a copy of the exact size.
    guard scanner.quotes.capacity > scanner.quotes.count, scanner.quotes.count != expected else {
      return scanner.quotes
    }
    var exact: [Quote] = []
    exact.reserveCapacity(scanner.quotes.count)
    exact.append(contentsOf: scanner.quotes)
    return exact
  }

  public static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
    s == "\"" || s == "“" || s == "”" || s == "„" || s == "«" || s == "»" || s == "‟"
  }

  /// A quote being read: its text so far, one range per paragraph.
  struct OpenQuote {
    /// Its text in its first paragraph.
    var first: TextRange
    /// Its text in each later paragraph: none for most quotes, so no array is made for them
    /// (a flood of short quotes made two a quote).
    var later: [TextRange] = []
    /// Its text in the paragraph being read.
    var last: TextRange {
      get { later.last ?? first }
      set {
        if later.isEmpty { first = newValue } else { later[later.count - 1] = newValue }
      }
    }
    /// Double quote marks opened inside it and not closed yet, itself included.
    var depth = 1
    /// Opened with „, so a high “ closes it.
    var openedWithLowMark: Bool
    /// Where its first paragraph starts, to tell what stands before the opening mark.
    var blockStart: Int
  }

  /// Walks the article's blocks in order, carrying an open quote across paragraphs.
  struct Scanner {
    let text: ScalarText
    var quotes: [Quote] = []
    var open: OpenQuote?
    /// An open quote left at the end of the last paragraph, waiting for the next to reopen.
    var carried: OpenQuote?
    var previousWasParagraph = false
    let rules: AnalysisRules

    init(text: ScalarText, rules: AnalysisRules) {
      self.text = text
      self.rules = rules
    }

    mutating func scan(_ block: Block) {
      var i = block.range.lowerBound
      let end = block.range.upperBound
      if var pending = carried {
        carried = nil
        if block.kind == .paragraph, previousWasParagraph, i < end, isOpeningMark(text, i, block) {
          pending.later.append((i + 1)..<(i + 1))
          pending.depth = 1
          open = pending
          i += 1
        } else {
          emit(pending, closedBy: .paragraphEnd)
        }
      }
      while i < end {
        let scalar = text[i]
        // The open quote is copied out only at a mark: most scalars inside a quote are none.
        if open != nil {
          if scalar == "’" || scalar == "'", rules.on(.doubleApostropheCloses), isDoubleApostrophe(text, i, block) {
            let quote = open!
            open = nil
            close(quote, at: i, by: .mark)
            i += 2
            continue
          }
          if QuoteFinder.isQuoteMark(scalar) {
            var quote = open!
            if closes(text, i, block, openedWithLowMark: quote.openedWithLowMark) {
              quote.depth -= 1
              open = quote
              if quote.depth == 0 {
                open = nil
                close(quote, at: i, by: .mark)
              }
            } else if rules.on(.reopenAfterSentence), isOpeningMark(text, i, block), followsSentenceEnd(text, i, block)
            {
              open = nil
              close(quote, at: i, by: .reopening)
              start(at: i, block)
            } else if rules.on(.reopenAfterColon), isOpeningMark(text, i, block), followsColon(text, i, block),
              let end = lastSentenceEnd(before: i, in: quote.last)
            {
              // `... a Muslim. He added: "The authorities ...`: the narration between the
              // last sentence and the colon was never quoted.
              open = nil
              close(quote, at: end, by: .reopening)
              start(at: i, block)
            } else if scalar == "\"" || scalar == "“" || scalar == "«" || scalar == "„" {
              quote.depth += 1  // a nested double quote
              open = quote
            }
          }
        } else if QuoteFinder.isQuoteMark(scalar), isOpeningMark(text, i, block) {
          start(at: i, block)
        }
        i += 1
      }
      if let quote = open {
        open = nil
        var pending = quote
        pending.last = pending.last.lowerBound..<end
        if block.kind == .paragraph {
          carried = pending
        } else {
          emit(pending, closedBy: .paragraphEnd)
        }
      }
      previousWasParagraph = block.kind == .paragraph
    }

    mutating func finish() {
      if let pending = carried { emit(pending, closedBy: .paragraphEnd) }
      carried = nil
    }

    mutating func start(at mark: Int, _ block: Block) {
      open = OpenQuote(
        first: (mark + 1)..<(mark + 1), openedWithLowMark: text[mark] == "„",
        blockStart: block.range.lowerBound)
    }

    /// Ends `quote`'s last segment at `end` (the closing mark's offset) and records it.
    mutating func close(_ quote: OpenQuote, at end: Int, by closure: Quote.Closure) {
      var quote = quote
      quote.last = quote.last.lowerBound..<end
      emit(quote, closedBy: closure)
    }

    mutating func emit(_ quote: OpenQuote, closedBy closure: Quote.Closure) {
      // Spaces just inside the marks are not quoted text.
      let opensAt = quote.first.lowerBound - 1
      if quote.later.isEmpty {
        let range = trimmed(quote.first)
        guard !range.isEmpty else { return }
        quotes.append(
          Quote(
            range: range,
            kind: QuoteFinder.kind(text, range, opensAt: opensAt, blockStart: quote.blockStart),
            closedBy: closure))
        return
      }
      var segments = ([quote.first] + quote.later).map { trimmed($0) }
      segments.removeAll { $0.isEmpty }
      guard let first = segments.first, let last = segments.last else { return }
      let range = first.lowerBound..<last.upperBound
      quotes.append(
        Quote(
          range: range, segments: segments,
          kind: QuoteFinder.kind(text, range, opensAt: opensAt, blockStart: quote.blockStart),
          closedBy: closure))
    }

    /// Just after the last full stop, question or exclamation mark followed by a space
    /// in `segment` before `i`.
    func lastSentenceEnd(before i: Int, in segment: TextRange) -> Int? {
      var k = i - 2
      while k > segment.lowerBound {
        if text[k + 1].isSpaceLike, Tokenizer.isStopOrEllipsis(text[k]) { return k + 1 }
        k -= 1
      }
      return nil
    }

    func trimmed(_ r: TextRange) -> TextRange {
      var lower = r.lowerBound
      var upper = r.upperBound
      while lower < upper, text[lower].isSpaceLike { lower += 1 }
      while upper > lower, text[upper - 1].isSpaceLike { upper -= 1 }
      return lower..<upper
    }
  }

  /// Whether the mark at `i` opens a quote.
  static func isOpeningMark(_ text: ScalarText, _ i: Int, _ block: Block) -> Bool {
    let s = text[i]
    switch s {
    case "“", "„", "«", "‟": return true
    case "\"":
      let before = i > block.range.lowerBound ? text[i - 1] : nil
      let after = i + 1 < block.range.upperBound ? text[i + 1] : nil
      guard let after, !after.isSpaceLike else { return false }
      guard let before else { return true }
      if before.isDigitLike { return false }  // 12" is an inch mark
      return before.isSpaceLike || "([{<—–-/‘'“„«:".unicodeScalars.contains(before)
    default: return false
    }
  }

  /// Whether the mark at `i` closes the open quote.
  static func closes(_ text: ScalarText, _ i: Int, _ block: Block, openedWithLowMark: Bool) -> Bool {
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
        (before == nil || before!.isSpaceLike)
        && after != nil && !after!.isSpaceLike
      return !openContext
    default: return false
    }
  }

  /// Whether an opening mark at `i` stands right after the end of a sentence (`choice. "Next`),
  /// where a quote still open must have lost its closing mark.
  static func followsSentenceEnd(_ text: ScalarText, _ i: Int, _ block: Block) -> Bool {
    var k = i - 1
    guard k >= block.range.lowerBound, text[k].isSpaceLike else { return false }
    while k > block.range.lowerBound, text[k].isSpaceLike { k -= 1 }
    // "... choice.) "Next" and "... choice.' "Next": a closing bracket or single mark may
    // follow the full stop.
    if k > block.range.lowerBound, ")’'".unicodeScalars.contains(text[k]) { k -= 1 }
    return Tokenizer.isStopOrEllipsis(text[k])
  }

  /// Whether an opening mark at `i` follows a colon (`He added: "The`).
  static func followsColon(_ text: ScalarText, _ i: Int, _ block: Block) -> Bool {
    var k = i - 1
    while k > block.range.lowerBound, text[k].isSpaceLike { k -= 1 }
    return k >= block.range.lowerBound && text[k] == ":"
  }

  /// Two apostrophes standing for a closing double mark: `’’` or `''` followed by a space,
  /// punctuation or the end of the paragraph.
  static func isDoubleApostrophe(_ text: ScalarText, _ i: Int, _ block: Block) -> Bool {
    let s = text[i]
    guard s == "’" || s == "'", i + 1 < block.range.upperBound, text[i + 1] == s else { return false }
    guard i > block.range.lowerBound, !text[i - 1].isSpaceLike else { return false }
    let after = i + 2 < block.range.upperBound ? text[i + 2] : nil
    return after == nil || !after!.isWordCharacter
  }

  /// Full, partial or fragment, by the shape of the quote and what stands before it.
  static func kind(_ text: ScalarText, _ range: TextRange, opensAt mark: Int, blockStart: Int)
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
      if !s.isSpaceLike { endsSentence = Tokenizer.isStopOrEllipsis(s) }
    }
    if words <= 3 && !endsSentence { return .fragment }
    // What stands before the opening mark: a word (mid-sentence) makes a partial quote.
    var k = mark - 1
    // Any space: "the nominee\u{A0}“makes you want to retch”" is partial too.
    while k > blockStart, k >= 0, text[k].isSpaceLike { k -= 1 }
    let first = text[range.lowerBound]
    if k >= 0, k > blockStart - 1, text[k].isLetterLike,
      !first.isUppercaseLike
    {
      return .partial
    }
    return .full
  }
}
