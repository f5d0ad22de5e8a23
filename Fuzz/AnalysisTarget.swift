import Foundation

/// Fuzz target `analysis`: the whole analysis, with the offset oracle of
/// `byline analyze --format json`: every span lies in the file and its `text` is the file's
/// own slice, and each quote segment lies inside its quote.
func fuzzAnalysis(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  // Without the reference data the analysis would find little: refuse to fuzz a shadow of it.
  if Lexicon.shared.surnames[ScalarHash("Smith")] == nil { fatalError("no reference data: set BYLINE_RESOURCES") }
  let data = Data(bytes: bytes, count: count)
  guard let text = try? ArticleLoader.decode(data, path: "fuzz") else { return 0 }
  let article = ArticleParser.parse(text, source: "fuzz.txt")
  let report = AnalysisReport(ArticleAnalysis(article: article))
  let source = Array(text.unicodeScalars)
  func check(_ start: Int, _ end: Int, _ text: String, _ what: String) {
    guard 0 <= start, start <= end, end <= source.count else {
      fatalError("\(what) span \(start)..<\(end) outside 0..<\(source.count)")
    }
    guard String(String.UnicodeScalarView(source[start..<end])) == text else {
      fatalError("\(what) text is not the file's slice at \(start)..<\(end)")
    }
  }
  for entity in report.entities {
    for mention in entity.mentions { check(mention.start, mention.end, mention.text, "mention") }
  }
  for quote in report.quotes {
    check(quote.start, quote.end, quote.text, "quote")
    for segment in quote.segments where segment.start < quote.start || segment.end > quote.end {
      fatalError("quote segment \(segment) outside its quote \(quote.start)..<\(quote.end)")
    }
  }
  for speech in report.reportedSpeech { check(speech.start, speech.end, speech.text, "reported speech") }
  checkTerminalSafe(report.jsonString())
  return 0
}
