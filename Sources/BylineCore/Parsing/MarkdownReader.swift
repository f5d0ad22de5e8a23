/// Reads Markdown articles: optional front matter, then Markdown text.
///
/// Front matter is the YAML-ish block between a first line `---` and the next `---` (or
/// `...`) line, one `key: value` a line; `title`, `date`, `author` (or `byline`) and `source`
/// are used, other keys are ignored, and values may be quoted. The body is turned into the
/// plain "headline, blank line, paragraphs" shape with Markdown's marks taken away (heading
/// hashes, emphasis, inline code ticks, links keep their text, images their alt text,
/// blockquote and list markers, fences and rules), then parsed by ``ArticleParser``, so a
/// Markdown article becomes the same ``Article`` as a plain one. Positions
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
    let (frontMatter, bodyLines) = splitFrontMatter(text)
    var lines = plainLines(bodyLines)
    // A first-level heading that repeats the front matter title is dropped; with no front
    // matter title, the first heading is the title.
    var title = frontMatter?.title.map { Sanitizer.clean($0) }
    if let first = lines.firstIndex(where: { !$0.text.isEmpty }), lines[first].isHeading {
      if title == nil || title == lines[first].text { title = lines[first].text; lines.remove(at: first) }
    }
    var plain = ""
    if let title, !title.isEmpty { plain += title + "\n\n" }
    var previousBlank = true
    for line in lines {
      if line.text.isEmpty {
        if !previousBlank { plain += "\n" }
        previousBlank = true
        continue
      }
      // A heading or a list item is a paragraph of its own.
      let alone = line.isHeading || line.isListItem
      if alone && !previousBlank { plain += "\n" }
      plain += line.text + "\n"
      if alone { plain += "\n" }
      previousBlank = alone
    }
    var article = ArticleParser.parse(plain, source: source)
    if let title, !title.isEmpty { article.title = title }
    if let author = frontMatter?.author, !author.isEmpty { article.author = Sanitizer.clean(author) }
    if let date = frontMatter?.date, let parsed = DateParser.parse(date) { article.date = parsed }
    return article
  }

  /// The front matter (nil when there is none) and the remaining lines.
  public static func splitFrontMatter(_ text: String) -> (FrontMatter?, [Substring]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, lines) }
    guard let end = lines.dropFirst().firstIndex(where: {
      let t = $0.trimmingCharacters(in: .whitespaces)
      return t == "---" || t == "..."
    }) else { return (nil, lines) }
    var matter = FrontMatter()
    for line in lines[1..<end] {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
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
    /// A list item: a paragraph of its own.
    var isListItem = false
  }

  /// Markdown lines with their marks removed; blank lines kept as empty text.
  static func plainLines(_ lines: [Substring]) -> [PlainLine] {
    var result: [PlainLine] = []
    var inFence = false
    for raw in lines {
      var line = raw.trimmingCharacters(in: .whitespaces)
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
      while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
      if line.hasPrefix("#") {
        let hashes = line.prefix { $0 == "#" }
        if hashes.count <= 6, line.dropFirst(hashes.count).first.map({ $0 == " " }) ?? true {
          isHeading = true
          line = String(line.dropFirst(hashes.count)).trimmingCharacters(in: .whitespaces)
          while line.hasSuffix("#") { line = String(line.dropLast()) }
          line = line.trimmingCharacters(in: .whitespaces)
        }
      }
      var isListItem = false
      for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
        line = String(line.dropFirst(2))
        isListItem = true
      }
      if let dot = line.firstIndex(where: { !$0.isNumber }), dot != line.startIndex,
        line[dot...].hasPrefix(". ") || line[dot...].hasPrefix(") ")
      {
        line = String(line[line.index(dot, offsetBy: 2)...])
        isListItem = true
      }
      result.append(PlainLine(text: stripInline(line), isHeading: isHeading, isListItem: isListItem))
    }
    return result
  }

  /// Removes inline marks: `**bold**`, `_em_`, `` `code` ``, `[text](url)`, `![alt](url)`,
  /// `<http://...>` autolinks and backslash escapes.
  public static func stripInline(_ line: String) -> String {
    let chars = Array(line)
    var out = ""
    var i = 0
    func isWordChar(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
    while i < chars.count {
      let c = chars[i]
      switch c {
      case "\\" where i + 1 < chars.count && chars[i + 1].isPunctuation || i + 1 < chars.count && "*_`#[]()!<>".contains(chars[i + 1]):
        out.append(chars[i + 1])
        i += 2
      case "!" where i + 1 < chars.count && chars[i + 1] == "[":
        i += 1  // an image: keep its alt text like a link's text
      case "[":
        // [text](url) or [text][ref]: keep the text.
        if let close = chars[(i + 1)...].firstIndex(of: "]") {
          let text = String(chars[(i + 1)..<close])
          var next = close + 1
          if next < chars.count, chars[next] == "(", let end = chars[next...].firstIndex(of: ")") {
            next = end + 1
          } else if next < chars.count, chars[next] == "[", let end = chars[next...].firstIndex(of: "]") {
            next = end + 1
          } else {
            out.append(c)
            i += 1
            continue
          }
          out += stripInline(text)
          i = next
        } else {
          out.append(c)
          i += 1
        }
      case "<":
        if let close = chars[(i + 1)...].firstIndex(of: ">") {
          let inner = String(chars[(i + 1)..<close])
          if inner.contains("://") || inner.contains("@") { out += inner; i = close + 1; continue }
          if let f = inner.first, f.isLetter || f == "/", !inner.contains(" ") || inner.contains("=") {
            i = close + 1  // an HTML tag
            continue
          }
        }
        out.append(c)
        i += 1
      case "`":
        i += 1
      case "*":
        i += 1
      case "_":
        // Underscores inside a word (snake_case) stay.
        if isWordChar(i > 0 ? chars[i - 1] : nil) && isWordChar(i + 1 < chars.count ? chars[i + 1] : nil) {
          out.append(c)
        }
        i += 1
      case "~" where i + 1 < chars.count && chars[i + 1] == "~":
        i += 2
      default:
        out.append(c)
        i += 1
      }
    }
    return out
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
