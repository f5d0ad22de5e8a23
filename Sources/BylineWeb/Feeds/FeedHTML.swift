import BylineCore
import Foundation

/// HTML carried in a feed (an item's content or summary) as Byline's blocks and as text, by
/// the page reader's parser and block collector: scripts, styles, forms and embeds dropped,
/// `<br>` and block structure made into lines and paragraphs.
enum FeedHTML {
  /// The blocks of an HTML fragment, and its links resolved against `base`.
  static func blocks(_ html: String, base: URL?) -> (pieces: [BlockCollector.Piece], links: [BlockCollector.Link]) {
    // Escape sequences go before parsing (the parser would keep "[31m" of one as text).
    var source = html.unicodeScalars.contains("\u{1B}") ? Sanitizer.clean(html) : html
    if source.contains("<!") { source = withoutDeclarations(source) }
    let tree = HTMLTree(bytes: Array(("<html><body>" + source + "</body></html>").utf8), encoding: "UTF-8")
    guard let body = tree.first(named: "body") else { return ([], []) }
    // Embedded objects cannot be shown in a terminal: their fallback content is what a
    // reader sees (the page reader drops them whole, as pages use them for players and ads).
    for index in tree.nodes.indices where fallbackShown.contains(tree[index].name) { tree.rename(index, to: "span") }
    let collector = BlockCollector(tree: tree, content: body, baseURL: base)
    return (collector.pieces, collector.links)
  }

  /// The fragment without markup declarations (`<!DOCTYPE html ...>`, which mean nothing
  /// inside a feed's HTML and confuse the parser there); a `<!` that never closes is text.
  /// Comments and CDATA sections stay.
  static func withoutDeclarations(_ html: String) -> String {
    var out = ""
    var rest = Substring(html)
    while let open = rest.range(of: "<!") {
      out += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      if after.hasPrefix("--") || after.hasPrefix("[CDATA[") {
        out += "<!"
        rest = after
      } else if let close = after.firstIndex(of: ">") {
        rest = after[after.index(after: close)...]
      } else {
        out += "&lt;!"
        rest = after
      }
    }
    return out + rest
  }

  /// Elements whose content is the fallback for something a terminal cannot show.
  static let fallbackShown: Set<String> = ["object", "embed", "iframe", "applet", "frame", "frameset", "noframes"]

  /// The text a reader sees of an HTML fragment: paragraphs one blank line apart, the lines
  /// of a group (after a `<br>`, a list's items) one newline apart, sanitised.
  static func text(_ html: String) -> String {
    var out = ""
    for piece in blocks(html, base: nil).pieces {
      let clean = HTMLArticleReader.sanitized(piece.text)
      guard !clean.isEmpty else { continue }
      if !out.isEmpty { out += piece.continuesGroup ? "\n" : "\n\n" }
      out += clean
    }
    return out
  }

  /// Whether text from an RSS element reads as HTML: it holds a tag (`<p>`, `</b>`, `<br/>`)
  /// or an entity (`&amp;`, `&#8217;`). RSS never says which it carries; this is the rule
  /// feed readers use.
  static func looksLikeHTML(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte == UInt8(ascii: "<"), i + 1 < bytes.count {
        let next = bytes[i + 1]
        if isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return true }
      } else if byte == UInt8(ascii: "&") {
        var j = i + 1
        if j < bytes.count, bytes[j] == UInt8(ascii: "#") { j += 1 }
        let start = j
        while j < bytes.count, j - start < 32, isLetter(bytes[j]) || (0x30...0x39).contains(bytes[j]) { j += 1 }
        if j > start, j < bytes.count, bytes[j] == UInt8(ascii: ";") { return true }
      }
      i += 1
    }
    return false
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}

/// A text field of a feed: what a reader sees, and the HTML it came from when it was HTML.
struct FeedText: Equatable {
  var text: String
  var html: String?

  /// Plain text: sanitised, white space in each paragraph collapsed.
  static func plain(_ raw: String) -> FeedText {
    let clean = Sanitizer.clean(raw.replacingOccurrences(of: "\r\n", with: "\n"))
    var paragraphs: [String] = []
    var current = ""
    for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
      if HTMLTree.isBlank(String(line)) {
        if !HTMLTree.isBlank(current) { paragraphs.append(HTMLTree.collapse(current)) }
        current = ""
      } else {
        current += current.isEmpty ? String(line) : " " + line
      }
    }
    if !HTMLTree.isBlank(current) { paragraphs.append(HTMLTree.collapse(current)) }
    return FeedText(text: paragraphs.joined(separator: "\n\n"), html: nil)
  }

  static func html(_ html: String) -> FeedText {
    FeedText(text: FeedHTML.text(html), html: html)
  }

  /// On one line (titles, names).
  var line: String { HTMLTree.collapse(text) }
}
