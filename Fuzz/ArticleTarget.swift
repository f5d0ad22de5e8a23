import Foundation

/// Fuzz target `article`: any bytes through the loader's checks, the plain-text or
/// Markdown parser and the sanitisers. Traps when the model keeps a scalar the sanitiser
/// removes, when a block's range leaves the text, or when TerminalSafe lets a control through.
func fuzzArticle(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  let markdown = count > 0 && bytes[0] & 1 == 1
  guard let text = try? ArticleLoader.decode(data, path: "fuzz") else {
    // Text the loader refuses still goes through the terminal sanitiser.
    checkTerminalSafe(String(decoding: data, as: UTF8.self))
    return 0
  }
  let article =
    markdown
    ? MarkdownReader.parse(text, source: "fuzz.md") : ArticleParser.parse(text, source: "fuzz.txt")
  let scalars = article.scalars
  for scalar in scalars where Sanitizer.isRemoved(scalar) && scalar != "\n" {
    fatalError("the model kept U+\(String(scalar.value, radix: 16))")
  }
  for block in article.blocks {
    guard block.range.lowerBound >= 0, block.range.upperBound <= scalars.count else {
      fatalError("block \(block.range) outside 0..<\(scalars.count)")
    }
  }
  for field in [article.title, article.standfirst, article.author, article.dateline].compactMap({ $0 }) {
    if let bad = field.unicodeScalars.first(where: { Sanitizer.isRemoved($0) && $0 != "\n" }) {
      fatalError("a metadata field kept U+\(String(bad.value, radix: 16))")
    }
  }
  checkTerminalSafe(text)
  return 0
}
