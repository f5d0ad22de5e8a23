import Foundation

/// Turns the extracted article's subtree into Byline's blocks: paragraphs, headings, list
/// items, block quotes, table rows and figure captions, with the links they hold.
///
/// Block elements start and end blocks; inline content is gathered into the current one with
/// white space collapsed as a browser shows it. A `<br>` ends a line (the next line continues
/// the group, drawn directly under it); two in a row end the paragraph.
struct BlockCollector {
  enum Kind { case paragraph, heading, listItem, caption, preformatted }

  struct Piece {
    var kind: Kind
    var text: String
    /// A caption's credit ("Getty Images"), when an element in the caption is marked as one.
    var credit: String?
    /// Drawn directly under the previous piece (a line after a `<br>`, a list's next item).
    var continuesGroup: Bool
  }

  struct Link: Equatable {
    var text: String
    var href: String
  }

  private(set) var pieces: [Piece] = []
  private(set) var links: [Link] = []

  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "ul", "ol", "li", "dl",
    "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "figure",
    "figcaption", "hr", "address", "details", "summary", "form", "fieldset", "aside", "nav", "center", "caption",
    "body", "html", "picture", "video", "audio",
  ]
  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed",
    "button", "select", "textarea", "input", "img", "video", "audio", "canvas", "map",
  ]

  private var buffer = ""
  private var bufferCredit: String?
  private var lineBreaks = 0
  private var continueNext = false
  /// The element of the last text appended: a text of another one may need a space before it
  /// (``HTMLTree/needsSpace(between:and:)``).
  private var lastTextParent = -1

  init(tree: HTMLTree, content: Int, baseURL: URL?) {
    // Context while walking: kind of the enclosing block, list numbering.
    struct Frame {
      var node: Int
      var kind: Kind
      var listCounter: Int?
    }
    var contexts: [Frame] = [Frame(node: content, kind: .paragraph, listCounter: nil)]
    var stack: [(node: Int, entering: Bool)] = [(content, true)]
    var linkStarts: [(start: String.Index?, count: Int, href: String)] = []
    while let (node, entering) = stack.popLast() {
      let element = tree[node]
      if element.isText {
        if element.parent != lastTextParent, HTMLTree.needsSpace(between: buffer, and: element.text) { buffer += " " }
        append(element.text, preformatted: contexts.last!.kind == .preformatted)
        lastTextParent = element.parent
        continue
      }
      let name = element.name
      if BlockCollector.skipped.contains(name) { continue }
      if entering {
        stack.append((node, false))
        stack.append(contentsOf: element.children.reversed().map { ($0, true) })
        if BlockCollector.blockTags.contains(name) { flush(kind: contexts.last!.kind) }
        var kind = contexts.last!.kind
        var counter: Int?
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading
        case "figcaption", "caption": kind = .caption
        case "pre": kind = .preformatted
        case "ul": counter = 0; kind = .paragraph
        case "ol": counter = Int(element.attributes["start"] ?? "") ?? 1; counter! -= 1; kind = .paragraph
        case "li":
          kind = .listItem
          if let index = contexts.lastIndex(where: { $0.listCounter != nil }) {
            let isOrdered = tree[contexts[index].node].name == "ol"
            contexts[index].listCounter! += 1
            buffer = isOrdered ? "\(contexts[index].listCounter!). " : "• "
          } else {
            buffer = "• "
          }
        case "br":
          lineBreaks += 1
          if lineBreaks == 1 {
            flush(kind: kind)
            continueNext = !pieces.isEmpty
          } else {
            continueNext = false
          }
        case "td", "th":
          if !buffer.isEmpty && !buffer.hasSuffix(" ") { buffer += " " }
          if !buffer.isEmpty { buffer += "| " }
        case "a":
          linkStarts.append((nil, buffer.count, element.attributes["href"] ?? ""))
        default: break
        }
        if name != "br" && name != "a" && BlockCollector.blockTags.contains(name) { lineBreaks = 0 }
        if kind == .caption, bufferCredit == nil, BlockCollector.isCredit(element.attributes) {
          bufferCredit = tree.text(of: node)
        }
        contexts.append(Frame(node: node, kind: kind, listCounter: counter))
      } else {
        let frame = contexts.removeLast()
        if name == "a", let start = linkStarts.popLast() {
          let text = HTMLTree.collapse(String(buffer.dropFirst(start.count)))
          if let href = BlockCollector.resolve(start.href, base: baseURL), !text.isEmpty {
            links.append(Link(text: text, href: href))
          }
        }
        if BlockCollector.blockTags.contains(name) || name == "li" {
          flush(kind: frame.kind)
          if name == "li" || name == "tr" { continueNext = true }
          if name == "ul" || name == "ol" || name == "table" { continueNext = false }
        }
      }
    }
    flush(kind: .paragraph)
  }

  private mutating func append(_ text: String, preformatted: Bool) {
    if !HTMLTree.isBlank(text) { lineBreaks = 0 }
    if preformatted {
      for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if k > 0 {
          flush(kind: .preformatted)
          continueNext = !pieces.isEmpty
        }
        buffer += line
      }
    } else {
      buffer += text
    }
  }

  private mutating func flush(kind: Kind) {
    let text = HTMLTree.collapse(buffer)
    buffer = ""
    let credit = bufferCredit
    bufferCredit = nil
    // A block needs a letter or a digit: not only bullets, list numbers and empty cell bars.
    guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
      !(text.hasSuffix(".") && Int(text.dropLast()) != nil)
    else { return }
    pieces.append(
      Piece(
        kind: kind, text: text, credit: credit.map(HTMLTree.collapse), continuesGroup: continueNext && kind != .heading)
    )
    continueNext = false
  }

  static func isCredit(_ attributes: Attributes) -> Bool {
    let match = ((attributes["class"] ?? "") + " " + (attributes["itemprop"] ?? "")).lowercased()
    return ["credit", "copyright", "source", "attribution", "byline", "author"].contains { match.contains($0) }
  }

  /// An absolute `http(s)` or `mailto` URL for a link, or nil for links that must not be kept
  /// (`javascript:`, `data:`, fragments, anything with control characters).
  static func resolve(_ href: String, base: URL?) -> String? {
    let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), trimmed.unicodeScalars.count < 2048,
      !trimmed.unicodeScalars.contains(where: {
        $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
      })
    else { return nil }
    guard let url = URL(string: trimmed, relativeTo: base)?.absoluteURL ?? URL(string: trimmed) else { return nil }
    guard let scheme = url.scheme?.lowercased(), ["http", "https", "mailto"].contains(scheme) else { return nil }
    return url.absoluteString
  }
}
