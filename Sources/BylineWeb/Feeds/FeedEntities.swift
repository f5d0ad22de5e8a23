import CLibXML2

/// Rewrites a feed's entity references before libxml2 reads it, because libxml2 (2.9) drops
/// every entity reference, `&lt;` and `&amp;` included, after the first well-formedness error
/// of a document it recovers: one stray `&` or `&nbsp;` would strip every escaped tag from
/// the rest of the feed.
///
/// Outside comments, CDATA sections, processing instructions and the DOCTYPE:
/// - the five predefined entities become character references (`&lt;` is `&#60;`), which
///   libxml2 keeps whatever came before;
/// - an HTML entity the document does not declare (`&nbsp;`, `&eacute;`, which feeds use as
///   if they were HTML) becomes its character reference;
/// - an `&` that starts no reference (`Fish & chips`, `?a=1&b=2`) becomes `&#38;`, and an
///   unknown `&name;` is kept as the text it is.
/// Entities the document declares stay references, expanded within ``FeedXML``'s budget.
/// Documents in UTF-16 or UTF-32 are left alone.
enum FeedEntities {
  static func normalize(_ bytes: [UInt8]) -> [UInt8] {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(4).contains(0) {
      return bytes
    }
    guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 16)
    var declared: Set<String> = []
    var i = 0
    let n = bytes.count
    func starts(_ text: String, at index: Int) -> Bool {
      let pattern = Array(text.utf8)
      guard index + pattern.count <= n else { return false }
      for (k, byte) in pattern.enumerated() where bytes[index + k] != byte { return false }
      return true
    }
    /// Copies up to and including `end`, or to the end of the document.
    func copy(through end: String, from index: Int) -> Int {
      let pattern = Array(end.utf8)
      var j = index
      while j < n {
        if bytes[j] == pattern[0], starts(end, at: j) {
          j += pattern.count
          out.append(contentsOf: bytes[index..<j])
          return j
        }
        j += 1
      }
      out.append(contentsOf: bytes[index..<n])
      return n
    }
    while i < n {
      let byte = bytes[i]
      if byte == UInt8(ascii: "<") {
        if starts("<!--", at: i) {
          i = copy(through: "-->", from: i)
        } else if starts("<![CDATA[", at: i) {
          i = copy(through: "]]>", from: i)
        } else if starts("<?", at: i) {
          i = copy(through: "?>", from: i)
        } else if starts("<!DOCTYPE", at: i) {
          let start = i
          i = skipDoctype(bytes, from: i)
          out.append(contentsOf: bytes[start..<i])
          declared = declaredEntities(bytes[start..<i])
        } else {
          out.append(byte)
          i += 1
        }
        continue
      }
      guard byte == UInt8(ascii: "&") else {
        out.append(byte)
        i += 1
        continue
      }
      // &#...; stays; &name; is looked at; a bare & is escaped.
      var j = i + 1
      if j < n, bytes[j] == UInt8(ascii: "#") {
        out.append(byte)
        i += 1
        continue
      }
      while j < n, j - i <= 40, isNameByte(bytes[j], first: j == i + 1) { j += 1 }
      guard j > i + 1, j < n, bytes[j] == UInt8(ascii: ";") else {
        out.append(contentsOf: Array("&#38;".utf8))
        i += 1
        continue
      }
      let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
      if let code = predefined[name] {
        out.append(contentsOf: Array("&#\(code);".utf8))
      } else if declared.contains(name) {
        out.append(contentsOf: bytes[i...j])
      } else if let code = htmlEntity(name) {
        out.append(contentsOf: Array("&#\(code);".utf8))
      } else {
        out.append(contentsOf: Array("&#38;".utf8))
        out.append(contentsOf: bytes[(i + 1)...j])
      }
      i = j + 1
    }
    return out
  }

  private static let predefined: [String: Int] = ["lt": 60, "gt": 62, "amp": 38, "quot": 34, "apos": 39]

  private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
      UInt8(ascii: ":"):
      return true
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
      return !first
    default:
      return byte >= 0x80
    }
  }

  /// The end of a `<!DOCTYPE ...>` with its internal subset (`[...]`), quotes respected.
  private static func skipDoctype(_ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    var depth = 0
    var quote: UInt8?
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if let open = quote {
        if byte == open { quote = nil }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: ">") where depth <= 0: return i
      default: break
      }
    }
    return bytes.count
  }

  /// The general entities a DOCTYPE declares (`<!ENTITY name ...>`, not `<!ENTITY % name`).
  private static func declaredEntities(_ doctype: ArraySlice<UInt8>) -> Set<String> {
    let text = String(decoding: doctype, as: UTF8.self)
    var names: Set<String> = []
    for part in text.components(separatedBy: "<!ENTITY").dropFirst() {
      let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      guard let first = words.first, first != "%" else { continue }
      names.insert(String(first))
    }
    return names
  }

  /// The code point of an HTML 4 named entity (libxml2's table).
  private static func htmlEntity(_ name: String) -> UInt32? {
    name.withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0)?.pointee.value }
    }
  }
}
