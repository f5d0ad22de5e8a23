/// Reads Markdown articles: optional front matter, then Markdown text.
///
/// Front matter is the YAML-ish block between a first line `---` and the next `---` (or
/// `...`) line, one `key: value` a line; `title`, `date`, `author` (or `byline`) and `source`
/// are used, other keys are ignored, and values may be quoted. The body is turned into the
/// plain "headline, blank line, paragraphs" shape with Markdown's marks taken away (heading
/// hashes, emphasis, inline code ticks, links keep their text, images their alt text,
/// blockquote and list markers, fences and rules), then parsed by ``ArticleParser``, so a
/// Markdown article becomes the same ``Article`` as a plain one, its headings, list items
/// (with a "• " or "3. " marker) and block quotes marked as such (``Block/Shape``) so that
/// the reader shows them in their shape. Links (`[text](url)`,
/// `[text][ref]` and `[text]` with a `[ref]: url` definition, `<https://...>` autolinks) are
/// kept in ``Article/links`` when their target is an absolute `http(s)` or `mailto` URL
/// (``ArticleLink/acceptedURL(_:)``); images are not links. Positions
/// (``Article/sourceMap``, ``Article/sourceText``) refer to that plain text, not to the file.
public enum MarkdownReader {
  /// The file name extensions read as Markdown.
  public static let extensions: Set<String> = ["md", "markdown"]

  /// The metadata in a front matter block.
  public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var date: String?
    public var author: String?
    public var source: String?
    public init(title: String? = nil, date: String? = nil, author: String? = nil, source: String? = nil) {
      self.title = title
      self.date = date
      self.author = author
      self.source = source
    }
  }

  /// Parses a Markdown article. `source` names where it came from.
  public static func parse(_ text: String, source: String) -> Article {
    let (frontMatter, allLines) = splitFrontMatter(text)
    let (bodyLines, references) = splitReferences(allLines)
    var links: [ArticleLink] = []
    var lines = plainLines(bodyLines, references: references, links: &links)
    // A first-level heading that repeats the front matter title is dropped; with no front
    // matter title, the first heading is the title.
    var title = frontMatter?.title.map { Sanitizer.clean($0) }
    if let first = lines.firstIndex(where: { !$0.text.isEmpty }), lines[first].isHeading {
      // Cleaned as the body is: the title is shown on its own, not read back from the body.
      let heading = Sanitizer.clean(lines[first].text)
      if title == nil || title == heading { title = heading; lines.remove(at: first) }
    }
    var plain = ""
    if let title, !title.isEmpty { plain += title + "\n\n" }
    var previousBlank = true
    var previousQuote = false
    // The shaped paragraphs' text, in order, to find their blocks after parsing.
    var shaped: [(text: String, shape: Block.Shape)] = []
    for line in lines {
      if line.text.isEmpty {
        if !previousBlank { plain += "\n" }
        previousBlank = true
        previousQuote = false
        continue
      }
      // A heading or a list item is a paragraph of its own; a block quote starts and ends one.
      let alone = line.isHeading || line.isListItem
      if (alone || line.isQuote != previousQuote) && !previousBlank { plain += "\n" }
      plain += line.text + "\n"
      if alone {
        plain += "\n"
        shaped.append((line.text, line.isHeading ? .heading : .listItem))
      } else if line.isQuote {
        if previousQuote, !previousBlank, let last = shaped.indices.last {
          shaped[last].text += " " + line.text
        } else {
          shaped.append((line.text, .blockQuote))
        }
      }
      previousBlank = alone
      previousQuote = line.isQuote && !alone
    }
    var article = ArticleParser.parse(plain, source: source)
    MarkdownReader.applyShapes(shaped, to: &article)
    if let title, !title.isEmpty { article.title = title }
    if let author = frontMatter?.author, !author.isEmpty { article.author = Sanitizer.clean(author) }
    if let date = frontMatter?.date, let parsed = DateParser.parse(date) { article.date = parsed }
    article.links = links
    return article
  }

  /// The front matter (nil when there is none) and the remaining lines.
  public static func splitFrontMatter(_ text: String) -> (FrontMatter?, [Substring]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
    guard lines.first?.trimmingSpaces == "---" else { return (nil, lines) }
    guard
      let end = lines.dropFirst().firstIndex(where: {
        let t = $0.trimmingSpaces
        return t == "---" || t == "..."
      })
    else { return (nil, lines) }
    var matter = FrontMatter()
    for line in lines[1..<end] {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingSpaces.lowercased()
      var value = line[line.index(after: colon)...].trimmingSpaces
      if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
        value = String(value.dropFirst().dropLast())
      }
      guard !value.isEmpty else { continue }
      switch key {
      case "title": matter.title = value
      case "date", "published": matter.date = value
      case "author", "byline", "by": matter.author = value
      case "source", "publisher": matter.source = value
      default: break
      }
    }
    return (matter, Array(lines[(end + 1)...]))
  }

  struct PlainLine {
    var text: String
    var isHeading: Bool
    /// A list item: a paragraph of its own, its text starting with its marker.
    var isListItem = false
    /// A line of a block quote (`> ...`).
    var isQuote = false
  }

  /// Marks the blocks of the shaped paragraphs, found in order by their text; a list item
  /// right after another is drawn under it (a tight list).
  static func applyShapes(_ shaped: [(text: String, shape: Block.Shape)], to article: inout Article) {
    func key(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    var next = 0
    for item in shaped {
      let wanted = key(Sanitizer.clean(item.text))
      guard
        let found = article.blocks[next...].firstIndex(where: {
          $0.kind == .paragraph && key(article.text(of: $0)) == wanted
        })
      else { continue }
      article.blocks[found].shape = item.shape
      if item.shape == .listItem, found > 0, article.blocks[found - 1].shape == .listItem {
        article.blocks[found].continuesGroup = true
      }
      next = found + 1
    }
  }

  /// The lines without link reference definitions (`[label]: url "title"`), and the
  /// definitions by their label in lower case (the first of a label wins, as in CommonMark).
  static func splitReferences(_ lines: [Substring]) -> ([Substring], [String: String]) {
    var kept: [Substring] = []
    var references: [String: String] = [:]
    var inFence = false
    for line in lines {
      let trimmed = line.trimmingSpaces
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
      if !inFence, line.prefix(while: { $0 == " " }).count <= 3, trimmed.hasPrefix("["),
        let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].hasPrefix(":")
      {
        let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        var target = trimmed[trimmed.index(close, offsetBy: 2)...].trimmingSpaces
        if target.hasPrefix("<"), let end = target.firstIndex(of: ">") {
          target = String(target[target.index(after: target.startIndex)..<end])
        } else if let space = target.firstIndex(where: { $0 == " " || $0 == "\t" }) {
          target = String(target[..<space])
        }
        if !label.isEmpty, !target.isEmpty {
          let key = label.lowercased()
          if references[key] == nil { references[key] = target }
          continue
        }
      }
      kept.append(line)
    }
    return (kept, references)
  }

  /// Markdown lines with their marks removed; blank lines kept as empty text.
  static func plainLines(_ lines: [Substring]) -> [PlainLine] {
    var links: [ArticleLink] = []
    return plainLines(lines, references: [:], links: &links)
  }

  /// Markdown lines with their marks removed, the links found appended to `links`.
  static func plainLines(
    _ lines: [Substring], references: [String: String], links: inout [ArticleLink]
  ) -> [PlainLine] {
    var result: [PlainLine] = []
    var inFence = false
    for raw in lines {
      var line = raw.trimmingSpaces
      if line.hasPrefix("```") || line.hasPrefix("~~~") {
        inFence.toggle()
        result.append(PlainLine(text: "", isHeading: false))
        continue
      }
      if inFence {
        result.append(PlainLine(text: line, isHeading: false))
        continue
      }
      // Horizontal rules.
      let compact = line.filter { $0 != " " }
      if compact.count >= 3, let c = compact.first, "-*_".contains(c), compact.allSatisfy({ $0 == c }) {
        result.append(PlainLine(text: "", isHeading: false))
        continue
      }
      // Setext underlines of a heading: "====" under a line.
      if !line.isEmpty, line.allSatisfy({ $0 == "=" }), let last = result.indices.last,
        !result[last].text.isEmpty
      {
        result[last].isHeading = true
        continue
      }
      var isHeading = false
      var isQuote = false
      if line.hasPrefix(">") {
        // Every level's mark at once (a copy of the line a level took minutes for 200,000).
        line = String(line.drop { $0 == ">" || $0.unicodeScalars.allSatisfy(\.isSpaceOrTab) })
        isQuote = true
      }
      if line.hasPrefix("#") {
        let hashes = line.prefix { $0 == "#" }
        if hashes.count <= 6, line.dropFirst(hashes.count).first.map({ $0 == " " }) ?? true {
          isHeading = true
          line = String(line.dropFirst(hashes.count)).trimmingSpaces
          while line.hasSuffix("#") { line = String(line.dropLast()) }
          line = line.trimmingSpaces
        }
      }
      var marker: String?
      for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) {
        line = String(line.dropFirst(2))
        marker = "• "
      }
      if let dot = line.firstIndex(where: { !$0.isNumber }), dot != line.startIndex,
        line.distance(from: line.startIndex, to: dot) <= 9,
        line[dot...].hasPrefix(". ") || line[dot...].hasPrefix(") ")
      {
        marker = "\(Int(line[..<dot]) ?? 1). "
        line = String(line[line.index(dot, offsetBy: 2)...])
      }
      let text = stripInline(line, references: references, links: &links)
      result.append(
        PlainLine(
          text: (marker ?? "") + text, isHeading: isHeading && marker == nil,
          isListItem: marker != nil, isQuote: isQuote))
    }
    return result
  }
}

extension ArticleLoader {
  /// True when a path names a Markdown file.
  public static func isMarkdown(path: String) -> Bool {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
    return MarkdownReader.extensions.contains(path[path.index(after: dot)...].lowercased())
  }

  /// Parses validated text as the format its path names: Markdown or plain text.
  public static func parse(_ text: String, path: String) -> Article {
    isMarkdown(path: path)
      ? MarkdownReader.parse(text, source: path) : ArticleParser.parse(text, source: path)
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs (`CharacterSet.whitespaces`), natively:
  /// Foundation's trimming bridged each line to UTF-16 and back, half the time of a Markdown
  /// file of long lines.
  var trimmingSpaces: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.isSpaceOrTab { scalars.removeFirst() }
    while let last = scalars.last, last.isSpaceOrTab { scalars.removeLast() }
    return String(scalars)
  }
}

extension Unicode.Scalar {
  /// A tab or a space separator (general category Zs): `CharacterSet.whitespaces`.
  var isSpaceOrTab: Bool {
    self == " " || self == "\t" || (value >= 0x80 && properties.generalCategory == .spaceSeparator)
  }
}
