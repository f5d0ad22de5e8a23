/// A measure of "quotes that must get no speaker" drawn from PolNeAR: a quoted span of an
/// article that lies in no attribution's content (nor overlaps one) is, nearly always, a scare
/// quote, a title or a name ("appeared on “Meet the Press”", "the “establishment” candidate").
///
/// The spans are found in the file's own text, independently of Byline's quote finder, so that
/// their number stays the same whatever the rules do: on each line, `“` opens and `”` closes, a
/// straight `"` opens or closes by turn. Left out: spans inside markup (`<tweet author="...">`)
/// and spans that are a full sentence (capitalised, four words or more, ending in `.`, `!` or
/// `?` inside the marks), which are mostly speech the annotators did not mark.
///
/// Caveat: PolNeAR gives one annotator's view. A hand check of 60 spans drawn at random found 54
/// scare quotes, titles and names and 6 spoken words left unannotated (partial quotes of a
/// named speaker, a naming verb's object, a tweet): a speaker there can be right, so the measure
/// is a bound to lower, not a count of errors.
extension Evaluator {
  /// The quoted spans of `text` (Unicode-scalar offsets, marks excluded) that lie outside
  /// every range of `attributed`, with full sentences and markup left out.
  static func unattributedQuotedSpans(_ text: String, attributed: [Range<Int>]) -> [Range<Int>] {
    let scalars = Array(text.unicodeScalars)
    var spans: [Range<Int>] = []
    var open: Int?
    var tagOpen = false
    for (k, c) in scalars.enumerated() {
      switch c {
      case "\n":
        open = nil
        tagOpen = false
      case "<": tagOpen = true
      case ">": tagOpen = false
      case "\u{201C}": open = tagOpen ? nil : k
      case "\"" where open == nil: open = tagOpen ? nil : k
      case "\u{201D}", "\"":
        guard let start = open else { continue }
        open = nil
        let span = (start + 1)..<k
        guard !span.isEmpty, !attributed.contains(where: { $0.overlaps(span) }),
          !isFullSentence(scalars[span])
        else { continue }
        spans.append(span)
      default: continue
      }
    }
    return spans
  }

  /// Whether quoted words are a sentence of their own: a capital first, four words or more, and
  /// a sentence's end (`.`, `!`, `?`, perhaps before a closing single mark) last.
  static func isFullSentence(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
    let trimmed = words.drop(while: { $0.properties.isWhitespace })
    guard let first = trimmed.first, first.properties.isUppercase else { return false }
    var last = trimmed.reversed().drop(while: { $0.properties.isWhitespace || $0 == "\u{2019}" || $0 == "'" })
      .makeIterator()
    guard let end = last.next(), ".!?".unicodeScalars.contains(end) else { return false }
    var count = 0
    var inWord = false
    for c in trimmed {
      let space = c.properties.isWhitespace
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count >= 4
  }

  /// Scores the spans of `text` outside every attribution: how many Byline gives a speaker
  /// (``EvaluationScores/unattributedWithSpeaker``), with a miss line for each.
  static func scoreUnattributed(
    _ analysis: ArticleAnalysis, attributed: [Range<Int>], into scores: inout EvaluationScores
  ) {
    let map = analysis.article.sourceMap
    let quotes = analysis.quotes.map { ($0, map.sourceRange($0.range)) }
    let source = Array(analysis.article.sourceText.unicodeScalars)
    for span in unattributedQuotedSpans(analysis.article.sourceText, attributed: attributed) {
      scores.unattributedWithSpeaker.total += 1
      // The Byline quote that covers most of the span.
      var best: (Quote, Int)?
      for (quote, range) in quotes {
        let overlap = range.clamped(to: span).count
        if overlap > (best?.1 ?? 0) { best = (quote, overlap) }
      }
      guard let quote = best?.0, let speaker = quote.speaker else { continue }
      scores.unattributedWithSpeaker.hits += 1
      let words = String(String.UnicodeScalarView(source[span].prefix(60)))
      scores.misses.append(
        "speaker on a quote outside any attribution at \(span.lowerBound) \u{201C}\(words)\u{201D}: \(speaker) (cue \(quote.cue ?? "-"))"
      )
    }
  }
}
