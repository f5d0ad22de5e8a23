import BylineCore
import Foundation

/// Reads a web page into an ``Article``: charset, parse, metadata, main text, blocks.
///
/// The article's text is what Byline shows: the title, the standfirst (the page's
/// description, unless the body starts with it), the author as a byline line ("By Jane
/// Smith"), then the body's blocks, each sanitised, one blank line apart. Offsets (``Article/scalars``) are Unicode-scalar offsets into that text,
/// and ``Article/sourceText`` is that text too (the page's markup is not a text to point
/// into), so `byline analyze` of a page reports offsets into the text Byline shows.
public enum HTMLArticleReader {
  /// The file name extensions of web pages.
  public static let extensions: Set<String> = ["html", "htm", "xhtml"]

  /// The parts of a page before they become an ``Article`` (for evaluation and tests).
  public struct Extraction {
    public var title: String?
    public var author: String?
    public var standfirst: String?
    public var published: String?
    public var siteName: String?
    /// Body blocks' texts, in order, unsanitised.
    public var bodyTexts: [String]
  }

  /// Parses a page. `source` is its path or URL (relative links resolve against a URL);
  /// `httpCharset` is the charset an HTTP header gave, which wins over the page's own.
  public static func read(_ data: Data, source: String, httpCharset: String? = nil) throws(ArticleLoadError) -> Article
  {
    if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .empty(path: source)
    }
    if ArticleLoader.looksBinary(data) { throw .binary(path: source) }
    let (extraction, pieces, links, tooDeep) = extract(data, source: source, httpCharset: httpCharset)
    if pieces.isEmpty && extraction.title == nil {
      if tooDeep { throw .unreadable(path: source, reason: "its markup is nested more than 2048 levels deep") }
      throw .empty(path: source)
    }
    return assemble(extraction, pieces: pieces, links: links, source: source)
  }

  /// The parts of a page, for scoring against other extractors.
  public static func extraction(of data: Data, source: String) -> Extraction {
    extract(data, source: source, httpCharset: nil).extraction
  }

  /// The page's tree alone, for `byline bench` (parsing without extraction): its node count.
  public static func parseOnly(_ data: Data) -> Int {
    let decoded = Charset.decode(data)
    return HTMLTree(bytes: decoded.bytes, encoding: decoded.encoding).nodes.count
  }

  static func extract(_ data: Data, source: String, httpCharset: String?) -> (
    extraction: Extraction, pieces: [BlockCollector.Piece], links: [BlockCollector.Link], tooDeep: Bool
  ) {
    var decoded = Charset.decode(data, httpCharset: httpCharset)
    // Terminal escape sequences go before parsing: the parser drops a raw ESC byte but would
    // keep the rest of its sequence ("[31m") as text.
    if decoded.encoding == "UTF-8", decoded.bytes.contains(0x1B) {
      decoded.bytes = Array(Sanitizer.clean(String(decoding: decoded.bytes, as: UTF8.self)).utf8)
    }
    var tree = HTMLTree(bytes: decoded.bytes, encoding: decoded.encoding)
    if tree.nodes.count <= 1, decoded.encoding != "UTF-8" {
      // libxml2 could not convert the declared charset: read the bytes as Windows-1252.
      tree = HTMLTree(bytes: Charset.windows1252ToUTF8([UInt8](data)), encoding: "UTF-8")
    }
    let metadata = PageMetadata(tree: tree)
    let title = TitleChooser.title(metadata: metadata, tree: tree)
    let result = ContentExtractor.extract(tree, title: title)
    let base = baseURL(source: source, baseHref: metadata.baseHref)
    let collector = BlockCollector(tree: result.tree, content: result.content, baseURL: base)
    var pieces = collector.pieces
    // A first heading that repeats the title is the title.
    if let first = pieces.first, first.kind == .heading, let title,
      ContentExtractor.similarity(title, first.text) > 0.75
    {
      pieces.removeFirst()
    }
    var author = metadata.author ?? result.byline
    author = author.map(cleanAuthor).flatMap { $0.isEmpty ? nil : $0 }
    let extraction = Extraction(
      title: title, author: author, standfirst: metadata.description, published: metadata.published,
      siteName: metadata.siteName, bodyTexts: pieces.map(\.text))
    return (extraction, pieces, collector.links, tree.tooDeep)
  }

  static func baseURL(source: String, baseHref: String?) -> URL? {
    let page: URL? = source.hasPrefix("http://") || source.hasPrefix("https://") ? URL(string: source) : nil
    if let baseHref,
      let base = URL(string: baseHref.trimmingCharacters(in: .whitespaces), relativeTo: page)?.absoluteURL,
      let scheme = base.scheme, scheme == "http" || scheme == "https"
    {
      return base
    }
    return page
  }

  /// "By Jane Smith" reads as "Jane Smith"; so do "Jane Smith | Reporter", "Jane Smith •
  /// 8h" and "Jane Smith - Apr 16, 2015" (what follows a separator is not the name).
  static func cleanAuthor(_ raw: String) -> String {
    var author = HTMLTree.collapse(Sanitizer.clean(raw))
    for prefix in ["by ", "By ", "BY "] where author.hasPrefix(prefix) {
      author = String(author.dropFirst(prefix.count))
    }
    for separator in [" | ", " • ", " · ", " — ", " – ", " - "] {
      if let range = author.range(of: separator), author.distance(from: author.startIndex, to: range.lowerBound) >= 3 {
        author = String(author[..<range.lowerBound])
      }
    }
    while let last = author.last, "—–-|•·,:".contains(last) || last.isWhitespace { author.removeLast() }
    if author.count > 100 { author = String(author.prefix(100)) + "…" }
    return author
  }

  static func assemble(
    _ extraction: Extraction, pieces: [BlockCollector.Piece], links: [BlockCollector.Link], source: String
  ) -> Article {
    var scalars = ScalarText()
    var blocks: [Block] = []
    func add(
      _ kind: Block.Kind, _ text: String, credit: String? = nil, continuesGroup: Bool = false,
      shape: Block.Shape = .plain
    ) {
      let clean = sanitized(text)
      guard !clean.isEmpty else { return }
      if !scalars.isEmpty { scalars.append(contentsOf: continuesGroup ? ["\n"] : ["\n", "\n"]) }
      let start = scalars.count
      scalars.append(contentsOf: clean.unicodeScalars)
      var block = Block(kind: kind, range: start..<scalars.count, continuesGroup: continuesGroup, shape: shape)
      if kind == .caption {
        block.captionTextRange = block.range
        if let credit = credit.map({ HTMLTree.collapse(Sanitizer.clean($0)) }), !credit.isEmpty,
          clean.hasSuffix(credit), clean.unicodeScalars.count > credit.unicodeScalars.count
        {
          let creditStart = scalars.count - credit.unicodeScalars.count
          var textEnd = creditStart
          while textEnd > start, scalars[textEnd - 1].properties.isWhitespace { textEnd -= 1 }
          block.captionTextRange = start..<textEnd
          block.creditRange = creditStart..<scalars.count
        }
      }
      blocks.append(block)
    }
    let title = extraction.title.map { HTMLTree.collapse(Sanitizer.clean($0)) }.flatMap { $0.isEmpty ? nil : $0 }
    if let title { add(.title, title) }
    var standfirst = extraction.standfirst.map { HTMLTree.collapse(Sanitizer.clean($0)) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    // The body opens with the description, often after a kicker, a credit or a date line.
    if let text = standfirst {
      let opening = normalized(String(text.prefix(120)).replacingOccurrences(of: "…", with: "")).prefix(60)
      let firstTexts = pieces.lazy.filter { $0.kind != .caption }.prefix(4)
      if firstTexts.contains(where: { normalized($0.text).hasPrefix(opening) }) {
        standfirst = nil
      }
    }
    if let text = standfirst, text.count > 600 { standfirst = String(text.prefix(600)) + "…" }
    if let standfirst { add(.standfirst, standfirst) }
    // The author as a byline line, as a text file's header has it: the reader shows it in the
    // metadata line (from `author`), and the analysis finds the people it names.
    if let author = extraction.author { add(.byline, "By " + author) }
    for piece in pieces {
      // Headings and list items keep their shape in the reader, as Markdown's do.
      let shape: Block.Shape = piece.kind == .heading ? .heading : piece.kind == .listItem ? .listItem : .plain
      add(
        piece.kind == .caption ? .caption : .paragraph, piece.text, credit: piece.credit,
        continuesGroup: piece.continuesGroup, shape: shape)
    }
    // The first block never continues a group.
    if let first = blocks.indices.first(where: { blocks[$0].continuesGroup }), first == 0 {
      blocks[0].continuesGroup = false
    }
    var article = Article(
      source: source, title: title, standfirst: standfirst, author: extraction.author,
      date: extraction.published.flatMap(parseDate), blocks: blocks, scalars: scalars, sourceMap: SourceMap(),
      sourceText: scalars.string(0..<scalars.count))
    article.links = links.map {
      ArticleLink(text: HTMLTree.collapse(Sanitizer.clean($0.text)), url: Sanitizer.clean($0.href))
    }
    return article
  }

  /// The text sanitised and its white space collapsed; text with nothing to remove (nearly
  /// all of it) is only collapsed.
  static func sanitized(_ text: String) -> String {
    let needsCleaning = text.unicodeScalars.contains {
      $0.value < 0x20 || ($0.value >= 0x7F && Sanitizer.isRemoved($0))
    }
    return HTMLTree.collapse(needsCleaning ? Sanitizer.clean(text) : text)
  }

  private static func normalized(_ text: String) -> String {
    String(
      text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(
        Character.init))
  }

  /// A date from `2015-07-24T05:36:09+01:00`, `2015-07-24` or any form ``DateParser`` reads.
  static func parseDate(_ raw: String) -> ArticleDate? {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    let scalars = Array(text.unicodeScalars.prefix(10))
    if scalars.count == 10, scalars[4] == "-", scalars[7] == "-",
      let year = Int(String(String.UnicodeScalarView(scalars[0..<4]))),
      let month = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
      let day = Int(String(String.UnicodeScalarView(scalars[8..<10]))),
      (1...12).contains(month), (1...31).contains(day), year > 1900
    {
      return ArticleDate(year: year, month: month, day: day)
    }
    return DateParser.parse(text)
  }
}
