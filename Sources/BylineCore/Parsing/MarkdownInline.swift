/// Inline Markdown: the marks inside a line (emphasis, code, links, images, autolinks, HTML
/// tags, escapes) taken out, the links kept.
extension MarkdownReader {
  /// The longest `[label]` looked up as a reference (CommonMark's limit).
  static let maximumLabelLength = 999
  /// The longest text kept for a link (in characters); longer text is cut there.
  static let maximumLinkTextLength = 1_000

  /// Removes inline marks: `**bold**`, `_em_`, `` `code` ``, `[text](url)`, `![alt](url)`,
  /// `<http://...>` autolinks and backslash escapes.
  public static func stripInline(_ line: String) -> String {
    var links: [ArticleLink] = []
    return stripInline(line, references: [:], links: &links)
  }

  /// A link or image whose text is being read: its text is read in place, with the marks of
  /// what it holds, and reading goes on after its target once its closing bracket is reached.
  private struct OpenLink {
    /// Where the link's text starts in the output, in UTF-8 bytes.
    var textStart: Int
    /// The `]` that ends the text.
    var close: Int
    /// Where reading goes on: after the `(target)`, `[label]` or the `]`.
    var resume: Int
    var target: String?
    /// Inside an image's alt text: no link is kept.
    var ignoresLinks: Bool
  }

  /// Removes inline marks as ``stripInline(_:)`` does, and appends the line's links to
  /// `links`: their text as it is left in the line, their target when it is one Byline keeps.
  /// `references` are the link reference definitions by lower-cased label.
  ///
  /// One pass, whatever the nesting: a link's text is not read again on its own (a line of
  /// 400,000 nested links took 3.4 s and 550 MB that way), and a bracket is looked up in
  /// ``MarkdownBrackets``, not searched for (30,000 unclosed `[a](` took 22 s).
  static func stripInline(_ line: String, references: [String: String], links: inout [ArticleLink]) -> String {
    let chars = Array(line)
    let brackets = MarkdownBrackets(chars)
    var out = ""
    var open: [OpenLink] = []
    var i = 0
    func isWordChar(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
    // Keeps a link whose text is the output from `textStart` (UTF-8 bytes) on.
    func keep(from textStart: Int, _ target: String?) {
      guard let target, let url = ArticleLink.acceptedURL(target) else { return }
      let start = out.utf8.index(out.utf8.startIndex, offsetBy: textStart)
      let text = String(out[start...].prefix(maximumLinkTextLength))
      let clean = Sanitizer.clean(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if !clean.isEmpty { links.append(ArticleLink(text: clean, url: url)) }
    }
    while i < chars.count {
      if let link = open.last, i == link.close {
        open.removeLast()
        if !link.ignoresLinks { keep(from: link.textStart, link.target) }
        i = link.resume
        continue
      }
      // Nothing inside a link's text reaches past its closing bracket.
      let end = open.last?.close ?? chars.count
      let inImage = open.last?.ignoresLinks ?? false
      let c = chars[i]
      switch c {
      case "\\" where i + 1 < end && (chars[i + 1].isPunctuation || "*_`#[]()!<>".contains(chars[i + 1])):
        out.append(chars[i + 1])
        i += 2
      case "!" where i + 1 < end && chars[i + 1] == "[":
        // An image: its alt text stays, like a link's text, but it is not a link.
        // Its `(target)` or `[label]` as a link's; a definition alone does not make one.
        if let close = brackets.close(of: i + 1), close < end,
          let image = linkTarget(i + 1, close, end, chars, brackets, [:])
        {
          open.append(
            OpenLink(textStart: out.utf8.count, close: close, resume: image.resume, target: nil, ignoresLinks: true))
          i += 2
        } else {
          out.append(c)
          i += 1
        }
      case "[":
        // [text](url), [text][ref], [text][] or [text] with a definition: keep the text.
        if let close = brackets.close(of: i), close < end,
          let link = linkTarget(i, close, end, chars, brackets, references)
        {
          open.append(
            OpenLink(
              textStart: out.utf8.count, close: close, resume: link.resume, target: link.target, ignoresLinks: inImage))
          i += 1
        } else {
          out.append(c)
          i += 1
        }
      case "<":
        if let close = brackets.angle(from: i + 1), close < end {
          let inner = String(chars[(i + 1)..<close])
          if inner.contains("://") || inner.contains("@") {
            let textStart = out.utf8.count
            out += inner
            if !inImage {
              keep(from: textStart, inner.contains("://") || inner.hasPrefix("mailto:") ? inner : "mailto:" + inner)
            }
            i = close + 1
            continue
          }
          if let f = inner.first, f.isLetter || f == "/", !inner.contains(" ") || inner.contains("=") {
            i = close + 1  // an HTML tag
            continue
          }
        }
        out.append(c)
        i += 1
      case "`", "*":
        i += 1
      case "_":
        // Underscores inside a word (snake_case) stay.
        if isWordChar(i > 0 ? chars[i - 1] : nil) && isWordChar(i + 1 < chars.count ? chars[i + 1] : nil) {
          out.append(c)
        }
        i += 1
      case "~" where i + 1 < end && chars[i + 1] == "~":
        i += 2
      default:
        out.append(c)
        i += 1
      }
    }
    return out
  }

  /// The target of the link whose text runs from the `[` at `open` to the `]` at `close`, and
  /// where reading goes on after it; nil when it is no link (no target and no definition).
  private static func linkTarget(
    _ open: Int, _ close: Int, _ end: Int, _ chars: [Character], _ brackets: MarkdownBrackets,
    _ references: [String: String]
  ) -> (target: String?, resume: Int)? {
    let next = close + 1
    if next < end, chars[next] == "(", let stop = brackets.close(of: next), stop < end {
      return (destination(String(chars[(next + 1)..<stop])), stop + 1)
    }
    if next < end, chars[next] == "[", let stop = brackets.square(from: next), stop < end {
      // `[text][]` is looked up by its text.
      let label = stop == next + 1 ? open + 1..<close : next + 1..<stop
      let target =
        label.count <= maximumLabelLength ? references[String(chars[label]).lowercased()] : nil
      return (target, stop + 1)
    }
    if close - open - 1 <= maximumLabelLength,
      let reference = references[String(chars[(open + 1)..<close]).lowercased()]
    {
      return (reference, close + 1)
    }
    return nil
  }

  /// The target of an inline link's `(...)`: `url`, `url "title"` or `<url with spaces>`.
  static func destination(_ inside: String) -> String {
    let trimmed = inside.trimmingSpaces
    if trimmed.hasPrefix("<"), let end = trimmed.firstIndex(of: ">") {
      return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
    }
    return String(trimmed.prefix { !$0.isWhitespace })
  }
}
