import Foundation

/// Fuzz target `page`: any bytes through the web page reader (charset sniff, libxml2's HTML
/// parser, metadata, title, main-text extraction, blocks and links) and then the analysis.
/// Traps when a field or the text keeps a scalar the sanitiser removes, when a block leaves
/// the text, when the text is not the page's `sourceText` (offsets count in it), when a span
/// of the analysis is not the text's own slice, or when an error message would reach the
/// terminal raw.
func fuzzPage(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  if Lexicon.shared.surnames[ScalarHash("Smith")] == nil { fatalError("no reference data: set BYLINE_RESOURCES") }
  let data = Data(bytes: bytes, count: count)
  let article: Article
  do {
    article = try HTMLArticleReader.read(data, source: "https://fuzz.example/news/page.html")
  } catch {
    checkTerminalSafe(error.description)
    return 0
  }
  for field in [article.title, article.standfirst, article.author].compactMap({ $0 }) {
    checkSanitised(field, "page field")
  }
  for link in article.links {
    checkSanitised(link.text, "link text")
    checkSanitised(link.url, "link url")
  }
  checkSanitised(article.text, "page text")
  let text = Array(article.text.unicodeScalars)
  if article.sourceText != article.text { fatalError("a page's sourceText is not its text") }
  for block in article.blocks where block.range.lowerBound < 0 || block.range.upperBound > text.count {
    fatalError("block \(block.range) outside 0..<\(text.count)")
  }
  let report = AnalysisReport(ArticleAnalysis(article: article))
  func check(_ start: Int, _ end: Int, _ slice: String, _ what: String) {
    guard 0 <= start, start <= end, end <= text.count,
      String(String.UnicodeScalarView(text[start..<end])) == slice
    else { fatalError("\(what) span \(start)..<\(end) is not the page text's slice") }
  }
  for entity in report.entities {
    for mention in entity.mentions { check(mention.start, mention.end, mention.text, "mention") }
  }
  for quote in report.quotes { check(quote.start, quote.end, quote.text, "quote") }
  checkTerminalSafe(report.jsonString())
  return 0
}

/// Traps when `text` keeps a scalar the sanitiser removes (a line break aside).
func checkSanitised(_ text: String, _ what: String) {
  if let bad = text.unicodeScalars.first(where: { Sanitizer.isRemoved($0) && $0 != "\n" }) {
    fatalError("\(what) kept U+\(String(bad.value, radix: 16))")
  }
}
