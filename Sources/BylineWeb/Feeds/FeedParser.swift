import BylineCore
import Foundation

/// Reads RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 feeds with libxml2's XML parser.
///
/// The parser never loads anything: no network (`XML_PARSE_NONET`), no DTD, no external
/// entity; internal entities are expanded by Byline within a budget (``FeedXML``). Broken
/// feeds are read as far as libxml2's recovery goes. Every string is sanitised.
public enum FeedParser {
  /// The largest feed read (bytes): real feeds are well under a megabyte.
  public static let maximumSize = 32 * 1_048_576

  /// Parses a feed. `url` is where it came from: relative links resolve against it (and
  /// against `xml:base` inside the feed).
  public static func parse(_ data: Data, url: URL?) throws(FeedError) -> Feed {
    try document(data, url: url).feed
  }

  /// The feed as read, text fields with their HTML, for the evaluation.
  static func document(_ data: Data, url: URL?) throws(FeedError) -> FeedDocument {
    if data.count > maximumSize { throw .tooLarge(bytes: data.count) }
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
    let xml = FeedXML(bytes: bytes(data), baseURL: url)
    if xml.entityLimitExceeded { throw .entityExpansion }
    guard let root = xml.root else {
      if BylineWeb.looksLikeHTML(data) { throw .notAFeed(root: "html") }
      let (line, message) = xml.error ?? (1, "no root element")
      throw .malformed(line: line, reason: message)
    }
    guard let document = FeedReader(xml: xml).read() else {
      throw .notAFeed(root: xml[root].localName)
    }
    return document
  }

  /// The bytes for libxml2: as they are when they carry a BOM, declare an encoding or are
  /// UTF-8; read as Windows-1252 otherwise (a feed saved from a legacy system without a
  /// declaration, which XML would reject as broken UTF-8).
  private static func bytes(_ data: Data) -> [UInt8] {
    let bytes = withoutControls([UInt8](data))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return bytes
    }
    guard bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil else { return bytes }
    let head = String(decoding: bytes.prefix(256), as: UTF8.self)
    if head.hasPrefix("<?xml"), let end = head.range(of: "?>"), head[..<end.lowerBound].contains("encoding") {
      return bytes
    }
    return Charset.windows1252ToUTF8(bytes)
  }

  /// Escape sequences and other controls out of UTF-8 bytes, before the parser sees them: XML
  /// forbids them, and libxml2 would drop the ESC of a sequence and keep the rest ("[31m")
  /// as text. Line ends are kept (a lone CR as the newline XML makes of it).
  private static func withoutControls(_ bytes: [UInt8]) -> [UInt8] {
    let hasControls = bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    guard hasControls, !bytes.prefix(4).contains(0), let text = String(validating: bytes, as: UTF8.self) else {
      return bytes
    }
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    return Array(Sanitizer.clean(lines).utf8)
  }

  /// Whether the first bytes look like a feed: after an optional BOM, white space, the XML
  /// declaration, comments, processing instructions and a DOCTYPE, an `<rss`, `<feed` or
  /// `<rdf:RDF` (any prefix) root element, or a `<channel`.
  @Sendable public static func looksLikeFeed(_ data: Data) -> Bool {
    var bytes = [UInt8](data.prefix(4096))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var decoded = String(decoding: bytes, as: UTF8.self)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      let even = Data(bytes.dropFirst(2).prefix((bytes.count - 2) / 2 * 2))
      decoded = String(data: even, encoding: little ? .utf16LittleEndian : .utf16BigEndian) ?? ""
    }
    var text = Substring(decoded)
    while true {
      text = text.drop { $0.isWhitespace }
      if text.hasPrefix("<!--"), let end = text.range(of: "-->") {
        text = text[end.upperBound...]
      } else if text.hasPrefix("<!DOCTYPE"), let open = text.firstIndex(of: "["),
        let close = text.firstIndex(of: ">"), open < close, let end = text.range(of: "]>")
      {
        text = text[end.upperBound...]  // an internal subset: <!DOCTYPE rss [<!ENTITY ...>]>
      } else if text.hasPrefix("<?") || text.hasPrefix("<!"), let end = text.firstIndex(of: ">") {
        text = text[text.index(after: end)...]
      } else {
        break
      }
    }
    guard text.hasPrefix("<") else { return false }
    let name = text.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }.lowercased()
    let local = name.split(separator: ":").last.map(String.init) ?? name
    return ["rss", "feed", "rdf", "channel"].contains(local)
  }
}

extension FeedDocument {
  /// The public form: one date, text as text, ids for every item.
  var feed: Feed {
    Feed(
      title: title?.line ?? "", link: link, subtitle: subtitle?.text, author: author, updated: updated ?? published,
      items: items.map(\.item))
  }
}

extension FeedDocument.Entry {
  var item: FeedItem {
    let title = self.title?.line ?? ""
    let date = published ?? updated
    let content = self.content.flatMap { $0.text.isEmpty ? nil : $0 }
    let summary = self.summary.flatMap { $0.text.isEmpty ? nil : $0 }
    let html =
      content.map { $0.html ?? FeedXML.escape($0.text, quotes: false).paragraphsAsHTML }
      ?? summary.map { $0.html ?? FeedXML.escape($0.text, quotes: false).paragraphsAsHTML }
    return FeedItem(
      id: id ?? link ?? FeedDocument.Entry.hashID(title: title, date: date, summary: summary?.text),
      title: title, link: link, author: author, published: date, summary: summary?.text, content: content?.text,
      contentHTML: html, enclosures: enclosures, hasFullContent: content != nil)
  }

  /// A stable id for an item with neither id nor link: FNV-1a of its title, date and summary.
  static func hashID(title: String, date: Date?, summary: String?) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let key = title + "\u{1F}" + (date.map { String(Int($0.timeIntervalSince1970)) } ?? "") + "\u{1F}" + (summary ?? "")
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return "byline-item:" + String(hash, radix: 16)
  }
}

extension String {
  /// Plain text's paragraphs as `<p>` elements (the text already escaped).
  fileprivate var paragraphsAsHTML: String {
    components(separatedBy: "\n\n").map { "<p>\($0)</p>" }.joined()
  }
}
