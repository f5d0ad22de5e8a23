import BylineCore
import CLibXML2
import Foundation

/// OPML, the list of subscriptions feed readers exchange (newsboat, every other reader): read
/// with libxml2's XML parser, written as OPML 2.0.
///
/// Reading is safe on hostile files: nothing is fetched (`XML_PARSE_NONET`, no DTD loaded),
/// entities are never substituted, and a document that declares entities at all is refused
/// before parsing (OPML has no use for them, and that closes external entities and
/// "billion laughs" alike).
public enum OPML {
  /// One subscription: its feed URL, name and tags (OPML's `category`, split at commas and
  /// slashes, or the titles of the outlines it sits in).
  public struct Outline: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var tags: [String]
    public init(url: String, title: String? = nil, tags: [String] = []) {
      self.url = url
      self.title = title
      self.tags = tags
    }
  }

  /// Why an OPML file could not be read.
  public enum ReadError: Error, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int)
    case declaresEntities
    case notXML
    case notOPML(root: String)

    public var description: String {
      switch self {
      case .tooLarge(let bytes): return "is too large for an OPML file (\(bytes / 1_048_576) MB; the limit is 10 MB)"
      case .declaresEntities: return "declares XML entities, which OPML does not use: refused"
      case .notXML: return "is not XML (an OPML file is an XML document with an <opml> root)"
      case .notOPML(let root): return "is not OPML: its root element is <\(TerminalSafe.line(root))>, not <opml>"
      }
    }
  }

  public static let maximumBytes = 10 * 1_048_576

  /// The subscriptions of an OPML document, in document order: every outline with an
  /// `xmlUrl`, at any depth.
  public static func read(_ data: Data) throws(ReadError) -> [Outline] {
    if data.count > maximumBytes { throw .tooLarge(bytes: data.count) }
    if data.range(of: Data("<!ENTITY".utf8)) != nil { throw .declaresEntities }
    LibXML.ready()
    byline_xml_silence()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return nil }
      return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), nil, nil, options)
    }
    guard let doc = parsed else { throw .notXML }
    defer { xmlFreeDoc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { throw .notXML }
    let rootName = name(of: root)
    guard rootName.lowercased() == "opml" else { throw .notOPML(root: rootName) }
    var outlines: [Outline] = []
    walk(root, folders: [], into: &outlines)
    return outlines
  }

  private static func name(of node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
  }

  private static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
    guard let value = xmlGetProp(node, key) else { return nil }
    defer { free(value) }  // xmlFree is free() unless an application replaces it; Byline never does
    let text = Sanitizer.clean(String(cString: value)).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }

  private static func walk(_ node: xmlNodePtr, folders: [String], into outlines: inout [Outline]) {
    var child = node.pointee.children
    while let current = child {
      defer { child = current.pointee.next }
      guard current.pointee.type == XML_ELEMENT_NODE else { continue }
      let element = name(of: current).lowercased()
      if element == "body" || element == "opml" {
        walk(current, folders: folders, into: &outlines)
        continue
      }
      guard element == "outline" else { continue }
      let title = attribute(current, "title") ?? attribute(current, "text")
      if let url = attribute(current, "xmlUrl") ?? attribute(current, "xmlurl") {
        var tags = folders
        for tag in (attribute(current, "category") ?? "").split(whereSeparator: { $0 == "," || $0 == "/" }) {
          let clean = tag.trimmingCharacters(in: .whitespaces)
          if !clean.isEmpty, !tags.contains(clean) { tags.append(clean) }
        }
        outlines.append(Outline(url: url, title: title, tags: tags))
      }
      // An outline without a feed groups others: its title is their tag.
      walk(current, folders: title.map { folders + [$0] } ?? folders, into: &outlines)
    }
  }

  /// An OPML 2.0 document listing the subscriptions, one `outline type="rss"` each, with the
  /// tags as `category`.
  public static func write(_ outlines: [Outline], title: String = "Byline subscriptions", date: Date = Date()) -> String
  {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head>
          <title>\(escape(title))</title>
          <dateCreated>\(formatter.string(from: date))</dateCreated>
        </head>
        <body>

      """
    for outline in outlines {
      let name = escape(outline.title ?? outline.url)
      var line = "    <outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(outline.url))\""
      if !outline.tags.isEmpty { line += " category=\"\(escape(outline.tags.joined(separator: ",")))\"" }
      out += line + "/>\n"
    }
    out += "  </body>\n</opml>\n"
    return out
  }

  /// Text as XML character data and attribute values: markup characters and quotes escaped,
  /// control characters (which XML 1.0 forbids) dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0xFFFE
          || scalar.value == 0xFFFF
        {
          continue
        }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
