import Foundation

/// The article's headline: the metadata's (JSON-LD, Open Graph, Dublin Core, Twitter), else
/// the `<title>` without the site name, else the page's only `<h1>`.
enum TitleChooser {
  static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»", "·", ":"]

  static func title(metadata: PageMetadata, tree: HTMLTree) -> String? {
    if let (name, headline) = metadata.jsonLDAlternatives {
      let documentTitle = metadata.documentTitle.map { fromDocumentTitle($0, tree: tree) } ?? ""
      let headlineMatches = ContentExtractor.similarity(headline, documentTitle) > 0.75
      let nameMatches = ContentExtractor.similarity(name, documentTitle) > 0.75
      return headlineMatches && !nameMatches ? headline : name
    }
    if let title = metadata.title.map(HTMLTree.collapse), !title.isEmpty { return title }
    guard let original = metadata.documentTitle else {
      let headings = tree.descendants(of: 0, named: ["h1"])
      return headings.first.map { tree.text(of: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    return fromDocumentTitle(original, tree: tree)
  }

  /// Readability's reading of `<title>`: the part before the last " | " style separator
  /// (or after the first, when that leaves fewer than three words); after a colon unless a
  /// heading repeats the whole; the only `<h1>` when the title is very short or long.
  static func fromDocumentTitle(_ original: String, tree: HTMLTree) -> String {
    var title = original
    var hierarchical = false
    let words = { (s: String) in s.split(whereSeparator: \.isWhitespace).count }
    if let range = lastSeparator(in: original) {
      hierarchical = [" \\ ", " / ", " > ", " » "].contains { original.contains($0) }
      title = String(original[..<range.lowerBound])
      if words(title) < 3, let first = firstSeparator(in: original) {
        title = String(original[first.upperBound...])
      }
    } else if original.contains(": ") {
      let headings = tree.descendants(of: 0, named: ["h1", "h2"]).map { tree.text(of: $0) }
      if !headings.contains(original.trimmingCharacters(in: .whitespaces)), let colon = original.lastIndex(of: ":") {
        title = String(original[original.index(after: colon)...])
        if words(title) < 3, let firstColon = original.firstIndex(of: ":") {
          title = String(original[original.index(after: firstColon)...])
        } else if let firstColon = original.firstIndex(of: ":"), words(String(original[..<firstColon])) > 5 {
          title = original
        }
      }
    } else if original.count > 150 || original.count < 15 {
      let headings = tree.descendants(of: 0, named: ["h1"])
      if headings.count == 1 { title = tree.text(of: headings[0]) }
    }
    title = HTMLTree.collapse(title)
    let count = words(title)
    let originalWithoutSeparators = original.filter { !"|-\\/>»".contains($0) }
    if count <= 4 && (!hierarchical || count != words(originalWithoutSeparators) - 1) {
      title = HTMLTree.collapse(original)
    }
    return title
  }

  private static let separatorStrings = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "]

  private static func lastSeparator(in text: String) -> Range<String.Index>? {
    separatorStrings.compactMap { text.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
  }

  private static func firstSeparator(in text: String) -> Range<String.Index>? {
    separatorStrings.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
  }
}
