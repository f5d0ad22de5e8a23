import CLibXML2
import Foundation

/// A parsed HTML page as a compact tree of elements and text, copied out of libxml2's tree.
///
/// libxml2's HTML parser (the one lxml, and so trafilatura, use) does the hard part: it reads
/// real pages whatever their state (unclosed tags, stray end tags, truncation), decodes
/// entities, and builds the tree browsers would, near enough. Byline then works on this copy,
/// which it can score and prune freely. Nodes are numbered in document order; every walk is
/// iterative, so deeply nested markup cannot exhaust the stack.
final class HTMLTree {
  struct Node {
    /// Lower-case tag name; empty for a text node.
    var name: String
    /// The text of a text node (entities decoded); empty for an element.
    var text: String
    var attributes: Attributes
    var parent: Int
    var children: [Int]
    var isText: Bool { name.isEmpty }
  }

  private(set) var nodes: [Node] = []
  /// Parents whose `children` may still list nodes detached from them (``remove(_:)``),
  /// cleaned when next read: detaching each of 40,000 empty siblings shifted their list each
  /// time (4.3 s for a page of 40,000 empty `<div>`s).
  private var staleChildren: [Bool] = []
  /// Elements nested deeper than this are merged into their ancestor at this depth.
  static let maximumDepth = 400
  /// The `<html>` element (or a synthetic root for an empty page).
  private(set) var root = 0
  /// The markup nests deeper than libxml2 follows (2,048 levels): what lies below is lost.
  private(set) var tooDeep = false

  /// Parses UTF-8 bytes (or bytes in `encoding`, converted by libxml2).
  init(bytes: [UInt8], encoding: String) {
    nodes.append(Node(name: "#root", text: "", attributes: [:], parent: -1, children: []))
    guard !bytes.isEmpty else { return }
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue
        | (encoding == "UTF-8" ? HTML_PARSE_IGNORE_ENC.rawValue : 0))
    LibXML.ready()
    byline_xml_silence()
    xmlResetLastError()
    let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        htmlReadMemory(pointer, Int32(clamping: buffer.count), nil, encoding, options)
      }
    }
    if let error = xmlGetLastError(), let message = error.pointee.message,
      String(cString: message).contains("depth")
    {
      tooDeep = true
    }
    guard let document else { return }
    defer { xmlFreeDoc(document) }
    copy(from: document.pointee.children, into: 0)
  }

  /// Copies libxml2's nodes below `first` (and its siblings) under `parent`, depth first.
  private func copy(from first: xmlNodePtr?, into parent: Int) {
    var stack: [(xmlNodePtr?, Int, Int)] = [(first, parent, 0)]
    while let (next, parentIndex, depth) = stack.popLast() {
      guard let node = next else { continue }
      // The sibling is visited after this node's subtree.
      stack.append((node.pointee.next, parentIndex, depth))
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        // Markup nested deeper than any real article is flattened into its ancestor there.
        if depth >= HTMLTree.maximumDepth {
          stack.append((node.pointee.children, parentIndex, depth))
          continue
        }
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? "span"
        let index = nodes.count
        nodes.append(Node(name: name, text: "", attributes: attributes(of: node), parent: parentIndex, children: []))
        nodes[parentIndex].children.append(index)
        stack.append((node.pointee.children, index, depth + 1))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        guard let content = node.pointee.content else { continue }
        let text = String(cString: content)
        if text.isEmpty { continue }
        // Adjacent text (split by a comment) is one node.
        if let last = nodes[parentIndex].children.last, nodes[last].isText, last == nodes.count - 1 {
          nodes[last].text += text
          continue
        }
        let index = nodes.count
        nodes.append(Node(name: "", text: text, attributes: [:], parent: parentIndex, children: []))
        nodes[parentIndex].children.append(index)
      default:
        continue  // comments, processing instructions, DTD
      }
    }
    root = nodes[0].children.first { nodes[$0].name == "html" } ?? 0
  }

  private func attributes(of node: xmlNodePtr) -> Attributes {
    var result = Attributes()
    var attribute = node.pointee.properties
    var count = 0
    while let current = attribute, count < 64 {
      count += 1
      attribute = current.pointee.next
      guard let namePointer = current.pointee.name else { continue }
      let name = String(cString: namePointer).lowercased()
      var value = ""
      var child = current.pointee.children
      while let text = child {
        if let content = text.pointee.content { value += String(cString: content) }
        child = text.pointee.next
      }
      if result[name] == nil { result.pairs.append((name, value)) }
    }
    return result
  }

  /// A copy that can be changed without changing this tree.
  init(copying other: HTMLTree) {
    nodes = other.nodes
    root = other.root
  }

  // MARK: - Queries

  subscript(index: Int) -> Node {
    clean(index)
    return nodes[index]
  }

  /// The children of a node, none of them detached.
  func children(of index: Int) -> [Int] {
    clean(index)
    return nodes[index].children
  }

  /// Drops the detached nodes from a parent's list of children, if any are left in it.
  private func clean(_ index: Int) {
    guard index >= 0, index < staleChildren.count, staleChildren[index] else { return }
    staleChildren[index] = false
    nodes[index].children = nodes[index].children.filter { nodes[$0].parent == index }
  }

  /// Every element below `index` (not itself) named `name`, in document order.
  func descendants(of index: Int, named names: Set<String>) -> [Int] {
    var found: [Int] = []
    var stack = children(of: index).reversed() as [Int]
    while let next = stack.popLast() {
      if names.contains(nodes[next].name) { found.append(next) }
      stack.append(contentsOf: children(of: next).reversed())
    }
    return found
  }

  /// The first element below `index`, in document order, that `test` accepts.
  func firstDescendant(of index: Int, where test: (Int) -> Bool) -> Int? {
    var stack = children(of: index).reversed() as [Int]
    while let next = stack.popLast() {
      if !nodes[next].isText, test(next) { return next }
      stack.append(contentsOf: children(of: next).reversed())
    }
    return nil
  }

  /// The first element in the page named `name`.
  func first(named name: String) -> Int? {
    firstDescendant(of: 0) { nodes[$0].name == name }
  }

  /// Every element of the page by name, in document order, in one walk (for metadata).
  func elementsByName(_ names: Set<String>) -> [String: [Int]] {
    var found: [String: [Int]] = [:]
    var stack = [0]
    while let next = stack.popLast() {
      let node = self[next]
      if names.contains(node.name) { found[node.name, default: []].append(next) }
      stack.append(contentsOf: node.children.reversed())
    }
    return found
  }

  /// Text length and weighted link-text length of every element under `root` (indexed by
  /// node), gathered bottom-up in one walk, for the link density of many candidates.
  func lengths(under root: Int) -> (text: [Int], links: [Double]) {
    var order: [Int] = []
    var stack = [root]
    while let next = stack.popLast() {
      order.append(next)
      if !HTMLTree.hiddenText.contains(nodes[next].name) || next == root {
        stack.append(contentsOf: children(of: next))
      }
    }
    var text = [Int](repeating: 0, count: nodes.count)
    var links = [Double](repeating: 0, count: nodes.count)
    for node in order.reversed() {
      let element = nodes[node]
      if element.isText {
        text[node] = HTMLTree.collapsedLength(element.text).length
      } else if element.name == "br" {
        text[node] = 1
      }
      if element.name == "a" {
        links[node] = Double(text[node]) * ((element.attributes["href"] ?? "").hasPrefix("#") ? 0.3 : 1)
      }
      let parent = element.parent
      if node != root, parent >= 0 {
        text[parent] += text[node]
        links[parent] += links[node]
      }
    }
    return (text, links)
  }

  /// The text below a node, white space collapsed, trimmed.
  func text(of index: Int) -> String {
    var raw = ""
    var stack = [index]
    var lastParent = -1
    while let next = stack.popLast() {
      let node = self[next]
      if node.isText {
        if node.parent != lastParent, HTMLTree.needsSpace(between: raw, and: node.text) { raw += " " }
        raw += node.text
        lastParent = node.parent
      } else if next == index || !HTMLTree.hiddenText.contains(node.name) {
        if node.name == "br" { raw += " " }
        stack.append(contentsOf: node.children.reversed())
      }
    }
    return HTMLTree.collapse(raw)
  }

  /// Whether the texts of two neighbouring elements need a space where the markup has none:
  /// a lowercase letter or a sentence's end against a capital (`<span>Credit</span><span>Chang
  /// W. Lee</span>`, a caption's label and its credit, which the page's style sets apart; read
  /// as one word, "CreditChang W. Lee" was a person).
  static func needsSpace(between previous: String, and next: String) -> Bool {
    guard let first = next.unicodeScalars.first, first.properties.isUppercase,
      let last = previous.unicodeScalars.last
    else { return false }
    return last.properties.isLowercase || last == "." || last == "!" || last == "?"
  }

  /// Elements whose text is never shown.
  static let hiddenText: Set<String> = [
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
  ]

  /// Unicode white space, with a fast path for ASCII (the common case in markup).
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// Whether a text holds only white space.
  static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isSpace)
  }

  /// White space runs made one space, ends trimmed (over UTF-8 bytes: this runs on all the
  /// text of every block).
  static func collapse(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var pendingSpace = false
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        let spaceLength = spaceByteCount(bytes, at: i)
        if spaceLength > 0 {
          pendingSpace = !out.isEmpty
          i += spaceLength
          continue
        }
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        out.append(b)
        i += 1
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The length in bytes of a white-space character at `i` (0 when there is none).
  @inline(__always)
  static func spaceByteCount(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let b = bytes[i]
    if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) ? 1 : 0 }
    let n = bytes.count
    switch b {
    case 0xC2 where i + 1 < n: return bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 ? 2 : 0
    case 0xE1 where i + 2 < n: return bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
    case 0xE2 where i + 2 < n:
      let (c, d) = (bytes[i + 1], bytes[i + 2])
      if c == 0x80 && ((0x80...0x8A).contains(d) || d == 0xA8 || d == 0xA9 || d == 0xAF) { return 3 }
      return c == 0x81 && d == 0x9F ? 3 : 0
    case 0xE3 where i + 2 < n: return bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
    default: return 0
    }
  }

  /// Ancestors of a node, nearest first, up to `limit` (0: all), not including the root.
  func ancestors(of index: Int, limit: Int = 0) -> [Int] {
    var result: [Int] = []
    var current = nodes[index].parent
    while current > 0, limit == 0 || result.count < limit {
      result.append(current)
      current = nodes[current].parent
    }
    return result
  }

  // MARK: - Changes

  /// Detaches a node from its parent.
  func remove(_ index: Int) {
    let parent = nodes[index].parent
    guard parent >= 0 else { return }
    nodes[index].parent = -1
    if staleChildren.count < nodes.count {
      staleChildren.append(contentsOf: repeatElement(false, count: nodes.count - staleChildren.count))
    }
    staleChildren[parent] = true
  }

  /// Renames an element (a `<div>` of phrasing content scored as a paragraph).
  func rename(_ index: Int, to name: String) { nodes[index].name = name }

  /// Wraps the children `range` of `parent` in a new element `name`; returns its index.
  @discardableResult
  func wrap(children range: Range<Int>, of parent: Int, in name: String) -> Int {
    clean(parent)
    let index = nodes.count
    let moved = Array(nodes[parent].children[range])
    nodes.append(Node(name: name, text: "", attributes: [:], parent: parent, children: moved))
    for child in moved { nodes[child].parent = index }
    nodes[parent].children.replaceSubrange(range, with: [index])
    return index
  }

  /// Replaces `index` in its parent by `replacement` (one of its descendants).
  func replace(_ index: Int, with replacement: Int) {
    let parent = nodes[index].parent
    clean(parent)
    guard parent >= 0, let position = nodes[parent].children.firstIndex(of: index) else { return }
    remove(replacement)
    nodes[parent].children[position] = replacement
    nodes[replacement].parent = parent
    nodes[index].parent = -1
  }
}

extension HTMLTree {
  /// Appends a detached node to `parent`'s children.
  func wrapChildren(append node: Int, to parent: Int) {
    clean(parent)
    nodes[parent].children.append(node)
    nodes[node].parent = parent
  }
}

/// Counts over a subtree, gathered in one walk: what the extractor's tests of a block need.
struct SubtreeStats {
  /// Characters of text, white space runs counted as one.
  var textLength = 0
  /// Characters of link text, links to `#...` weighted 0.3.
  var linkLength = 0.0
  var commas = 0
  var paragraphs = 0
  var images = 0
  var listItems = 0
  var listItemTextLength = 0
  var inputs = 0
  var headingTextLength = 0
  var embeds = 0
  var tables = 0

  var linkDensity: Double { textLength == 0 ? 0 : linkLength / Double(textLength) }
}

extension HTMLTree {
  /// The length of a text node with white space runs as one character (leading and trailing
  /// runs included, as one each).
  static func collapsedLength(_ text: String) -> (length: Int, commas: Int) {
    var length = 0
    var commas = 0
    var inSpace = false
    for scalar in text.unicodeScalars {
      if HTMLTree.isSpace(scalar) {
        if !inSpace { length += 1 }
        inSpace = true
      } else {
        length += 1
        inSpace = false
        if scalar == "," || scalar == "，" { commas += 1 }
      }
    }
    return (length, commas)
  }

  /// One walk over `index`'s subtree (itself included in the counts of its own tag).
  func stats(of index: Int) -> SubtreeStats {
    var stats = SubtreeStats()
    // (node, weight of link text: 0 outside links)
    var stack: [(Int, Double, Bool, Bool)] = [(index, 0, false, false)]
    while let (node, linkWeight, inItem, inHeading) = stack.popLast() {
      let element = self[node]
      if element.isText {
        let (length, commas) = HTMLTree.collapsedLength(element.text)
        stats.textLength += length
        stats.commas += commas
        stats.linkLength += Double(length) * linkWeight
        if inItem { stats.listItemTextLength += length }
        if inHeading { stats.headingTextLength += length }
        continue
      }
      if node != index && HTMLTree.hiddenText.contains(element.name) {
        if element.name == "iframe" || element.name == "object" { stats.embeds += 1 }
        continue
      }
      var weight = linkWeight
      var item = inItem
      var heading = inHeading
      switch element.name {
      case "p": stats.paragraphs += 1
      case "img": stats.images += 1
      case "li": stats.listItems += 1; item = true
      case "input": stats.inputs += 1
      case "embed", "iframe", "object": stats.embeds += 1
      case "table": stats.tables += 1
      case "h1", "h2", "h3", "h4", "h5", "h6": heading = true
      case "a": weight = (element.attributes["href"] ?? "").hasPrefix("#") ? 0.3 : 1
      case "br": stats.textLength += 1
      default: break
      }
      for child in element.children.reversed() { stack.append((child, weight, item, heading)) }
    }
    return stats
  }
}

/// An element's attributes: a short list searched in order (elements have few attributes, so
/// this beats hashing them into a dictionary).
struct Attributes: ExpressibleByDictionaryLiteral {
  var pairs: [(name: String, value: String)] = []

  init() {}

  init(dictionaryLiteral elements: (String, String)...) {
    pairs = elements.map { (name: $0.0, value: $0.1) }
  }

  subscript(name: String) -> String? {
    for pair in pairs where pair.name == name { return pair.value }
    return nil
  }
}
