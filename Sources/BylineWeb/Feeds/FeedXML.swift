import CLibXML2
import Foundation

/// A feed's XML as a compact tree copied out of libxml2's, with namespaces, `xml:base` and
/// entities resolved.
///
/// libxml2 reads the document with `XML_PARSE_NONET` and without `XML_PARSE_NOENT` or
/// `XML_PARSE_DTDLOAD`: no external entity or DTD is ever loaded, and internal entities stay
/// references in libxml2's tree. This copy expands them itself, within ``entityBudget``
/// scalars and ``maximumEntityDepth`` levels of nesting, so a "billion laughs" document is
/// refused rather than expanded. `XML_PARSE_RECOVER` reads what it can of broken feeds.
final class FeedXML {
  struct Attribute {
    /// Namespace URI ("" for none).
    var namespace: String
    /// Lower-case local name.
    var name: String
    /// The name as written, prefix included, for serialising markup.
    var qualifiedName: String
    var value: String
  }

  struct Node {
    /// Namespace URI ("" for none or for a text node).
    var namespace: String
    /// Lower-case local name; empty for a text node.
    var name: String
    /// The local name as written, for serialising markup.
    var localName: String
    /// The text of a text node (entities expanded, CDATA included).
    var text: String
    var attributes: [Attribute]
    var children: [Int]
    var parent: Int
    /// The base URL of the element (its `xml:base` against its parent's, or the document's).
    var base: URL?
    var isText: Bool { name.isEmpty }

    func attribute(_ name: String, namespace: String? = nil) -> String? {
      attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace!) }?.value
    }
  }

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
  /// Scalars that entity expansion may add to the document, all references together.
  static let entityBudget = 1_000_000
  /// How deep entities may refer to entities.
  static let maximumEntityDepth = 8
  /// Elements nested deeper than this are merged into their ancestor at this depth.
  static let maximumDepth = 256

  private(set) var nodes: [Node] = []
  /// The root element's index, when the document has one.
  private(set) var root: Int?
  /// Entities expanded beyond the budget: the tree must not be used.
  private(set) var entityLimitExceeded = false
  /// libxml2's last error (line and message), for a document it could not read.
  private(set) var error: (line: Int, message: String)?
  private var expanded = 0
  private var document: xmlDocPtr?

  /// Parses `bytes` (the encoding from a BOM or the XML declaration, else UTF-8).
  init(bytes: [UInt8], baseURL: URL?, encoding: String? = nil) {
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
    LibXML.ready()
    byline_xml_silence()
    xmlResetLastError()
    let prepared = FeedEntities.normalize(bytes)
    let parsed: xmlDocPtr? = prepared.withUnsafeBufferPointer { buffer in
      guard let address = buffer.baseAddress else { return nil }
      return address.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        xmlReadMemory(pointer, Int32(clamping: buffer.count), nil, encoding, options)
      }
    }
    if let last = xmlGetLastError() {
      let message = last.pointee.message.map { String(cString: $0) } ?? "unknown error"
      error = (Int(last.pointee.line), message.trimmingCharacters(in: .whitespacesAndNewlines))
      if last.pointee.code == XML_ERR_ENTITY_LOOP.rawValue || message.contains("amplification") {
        entityLimitExceeded = true
      }
    }
    guard let parsed else { return }
    document = parsed
    defer {
      xmlFreeDoc(parsed)
      document = nil
    }
    guard !entityLimitExceeded, let top = xmlDocGetRootElement(parsed) else { return }
    nodes.reserveCapacity(256)
    root = copy(top, parent: -1, base: baseURL, depth: 0)
  }

  subscript(index: Int) -> Node { nodes[index] }

  /// The element children of `index`.
  func elements(of index: Int) -> [Int] {
    nodes[index].children.filter { !nodes[$0].isText }
  }

  /// The element children of `index` named `name` in one of `namespaces`.
  func children(of index: Int, named name: String, in namespaces: Set<String>) -> [Int] {
    nodes[index].children.filter { nodes[$0].name == name && namespaces.contains(nodes[$0].namespace) }
  }

  func child(of index: Int, named name: String, in namespaces: Set<String>) -> Int? {
    nodes[index].children.first { nodes[$0].name == name && namespaces.contains(nodes[$0].namespace) }
  }

  /// Whether an element has element children (markup inside it rather than text).
  func hasElementChildren(_ index: Int) -> Bool {
    nodes[index].children.contains { !nodes[$0].isText }
  }

  /// All the text below a node.
  func text(of index: Int) -> String {
    var result = ""
    var stack = [index]
    while let next = stack.popLast() {
      let node = nodes[next]
      if node.isText {
        result += node.text
      } else {
        stack.append(contentsOf: node.children.reversed())
      }
    }
    return result
  }

  /// The markup of a node's children. Text nodes are escaped when `escapeText` (XHTML, where
  /// text is text) and copied as they are otherwise (an HTML-typed element whose text is
  /// markup and whose child elements are stray unescaped tags).
  func innerMarkup(of index: Int, escapeText: Bool) -> String {
    var out = ""
    var stack: [(Int, Bool)] = nodes[index].children.reversed().map { ($0, true) }
    while let (next, entering) = stack.popLast() {
      let node = nodes[next]
      if node.isText {
        out += escapeText ? FeedXML.escape(node.text, quotes: false) : node.text
        continue
      }
      if !entering {
        out += "</\(node.localName)>"
        continue
      }
      out += "<\(node.localName)"
      for attribute in node.attributes where attribute.namespace != "http://www.w3.org/2000/xmlns/" {
        out += " \(attribute.qualifiedName)=\"\(FeedXML.escape(attribute.value, quotes: true))\""
      }
      out += ">"
      stack.append((next, false))
      stack.append(contentsOf: node.children.reversed().map { ($0, true) })
    }
    return out
  }

  static func escape(_ text: String, quotes: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where quotes: out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  // MARK: - Copying libxml2's tree

  /// Copies `element` and its subtree; returns its index. Iterative over siblings and
  /// children, so deep nesting cannot exhaust the stack.
  private func copy(_ element: xmlNodePtr, parent: Int, base: URL?, depth: Int) -> Int {
    let index = appendElement(element, parent: parent, base: base)
    var stack: [(xmlNodePtr?, Int, Int, Int)] = [(element.pointee.children, index, depth + 1, 0)]
    while let (next, parentIndex, level, entityDepth) = stack.popLast() {
      guard let node = next, !entityLimitExceeded else { continue }
      stack.append((node.pointee.next, parentIndex, level, entityDepth))
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        if level >= FeedXML.maximumDepth {
          stack.append((node.pointee.children, parentIndex, level, entityDepth))
          continue
        }
        let child = appendElement(node, parent: parentIndex, base: nodes[parentIndex].base)
        stack.append((node.pointee.children, child, level + 1, entityDepth))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        guard let content = node.pointee.content else { continue }
        let text = String(cString: content)
        if entityDepth > 0 { spend(text.unicodeScalars.count) }
        appendText(text, to: parentIndex)
      case XML_ENTITY_REF_NODE:
        switch entityReference(node) {
        case .text(let text):
          spend(text.unicodeScalars.count)
          appendText(text, to: parentIndex)
        case .content(let first):
          if entityDepth >= FeedXML.maximumEntityDepth {
            entityLimitExceeded = true
          } else {
            stack.append((first, parentIndex, level, entityDepth + 1))
          }
        case .none:
          continue
        }
      default:
        continue  // comments, processing instructions
      }
    }
    return index
  }

  private enum Reference {
    case text(String)
    case content(xmlNodePtr?)
    case none
  }

  /// What an entity reference stands for: an internal entity's parsed content, an HTML
  /// entity (`&nbsp;` in feeds that never declared it) as text, or nothing (external
  /// entities are never loaded).
  private func entityReference(_ node: xmlNodePtr) -> Reference {
    guard let namePointer = node.pointee.name else { return .none }
    if let document, let entity = xmlGetDocEntity(document, namePointer) {
      guard
        entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY || entity.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY
      else { return .none }
      if let children = entity.pointee.children { return .content(children) }
      if let content = entity.pointee.content { return .text(String(cString: content)) }
      return .none
    }
    if let html = htmlEntityLookup(namePointer), let scalar = Unicode.Scalar(html.pointee.value) {
      return .text(String(scalar))
    }
    return .text("&" + String(cString: namePointer) + ";")
  }

  private func spend(_ scalars: Int) {
    expanded += scalars
    if expanded > FeedXML.entityBudget { entityLimitExceeded = true }
  }

  private func appendText(_ text: String, to parent: Int) {
    guard !text.isEmpty else { return }
    if let last = nodes[parent].children.last, nodes[last].isText {
      nodes[last].text += text
      return
    }
    nodes.append(
      Node(namespace: "", name: "", localName: "", text: text, attributes: [], children: [], parent: parent, base: nil))
    nodes[parent].children.append(nodes.count - 1)
  }

  private func appendElement(_ element: xmlNodePtr, parent: Int, base: URL?) -> Int {
    let localName = element.pointee.name.map { String(cString: $0) } ?? "element"
    let namespace = FeedNamespace.canonical(element.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "")
    var attributes: [Attribute] = []
    var attribute = element.pointee.properties
    while let current = attribute, attributes.count < 64 {
      attribute = current.pointee.next
      guard let namePointer = current.pointee.name else { continue }
      let name = String(cString: namePointer)
      let attributeNamespace = current.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
      let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
      attributes.append(
        Attribute(
          namespace: attributeNamespace, name: name.lowercased(),
          qualifiedName: prefix.map { "\($0):\(name)" } ?? name, value: attributeText(current.pointee.children)))
    }
    var resolved = base
    if let xmlBase = attributes.first(where: { $0.name == "base" && $0.namespace == FeedXML.xmlNamespace })?.value {
      resolved = FeedXML.resolve(xmlBase, against: base).flatMap(URL.init(string:)) ?? base
    }
    nodes.append(
      Node(
        namespace: namespace, name: localName.lowercased(), localName: localName, text: "", attributes: attributes,
        children: [], parent: parent, base: resolved))
    let index = nodes.count - 1
    if parent >= 0 { nodes[parent].children.append(index) }
    return index
  }

  /// An attribute's value, its entity references expanded within the same budget.
  private func attributeText(_ first: xmlNodePtr?) -> String {
    var result = ""
    var stack: [(xmlNodePtr?, Int)] = [(first, 0)]
    while let (next, depth) = stack.popLast() {
      guard let node = next, !entityLimitExceeded else { continue }
      stack.append((node.pointee.next, depth))
      switch node.pointee.type {
      case XML_TEXT_NODE:
        if let content = node.pointee.content {
          let text = String(cString: content)
          if depth > 0 { spend(text.unicodeScalars.count) }
          result += text
        }
      case XML_ENTITY_REF_NODE:
        switch entityReference(node) {
        case .text(let text):
          spend(text.unicodeScalars.count)
          result += text
        case .content(let child):
          if depth >= FeedXML.maximumEntityDepth {
            entityLimitExceeded = true
          } else {
            stack.append((child, depth + 1))
          }
        case .none:
          continue
        }
      default:
        continue
      }
    }
    return result
  }

  /// `reference` resolved against `base`: absolute http(s), mailto or the like; a relative
  /// reference without a base stays as written.
  static func resolve(_ reference: String, against base: URL?) -> String? {
    let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return base?.absoluteString }
    if let url = URL(string: trimmed), url.scheme != nil { return url.absoluteString }
    let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: FeedXML.urlCharacters) ?? trimmed
    guard let base else { return trimmed }
    return URL(string: encoded, relativeTo: base)?.absoluteURL.absoluteString ?? trimmed
  }

  private static let urlCharacters = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(
    CharacterSet(charactersIn: "#%"))
}
