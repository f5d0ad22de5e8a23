import Foundation

/// Decides a page's character encoding and turns its bytes into UTF-8 for the parser.
///
/// The order is the one browsers use (WHATWG "encoding sniffing", simplified): a byte-order
/// mark, then the charset of the HTTP `Content-Type` header, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 4 KiB, then a
/// guess: UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise. Latin-1 labels mean
/// Windows-1252, as in browsers. Other labels (Shift_JIS, KOI8-R, ISO-8859-2...) are left to
/// libxml2, which converts them with iconv.
enum Charset {
  /// Bytes ready for the parser and the encoding to tell it.
  struct Decoded {
    var bytes: [UInt8]
    /// The label to pass to libxml2: "UTF-8" when `bytes` were converted here.
    var encoding: String
  }

  /// How many leading bytes the `<meta>` prescan reads.
  static let prescanLength = 4096

  static func decode(_ data: Data, httpCharset: String? = nil) -> Decoded {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return utf8OrWindows1252(Array(bytes.dropFirst(3)))
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) ?? ""
      return Decoded(bytes: Array(text.utf8), encoding: "UTF-8")
    }
    // Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever the label says
    // (pages re-saved by a browser keep their old <meta charset>; legacy encodings are
    // practically never valid UTF-8 by accident).
    if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
      return Decoded(bytes: bytes, encoding: "UTF-8")
    }
    let label = (httpCharset.flatMap(normalise) ?? metaCharset(bytes)) ?? ""
    switch label {
    case "", "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be":
      // A page that says UTF-16 without a BOM is ASCII-compatible in practice (browsers
      // treat the label as UTF-8).
      return utf8OrWindows1252(bytes)
    case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
      "x-cp1252", "iso-8859-15", "iso8859-15", "latin-1":
      return Decoded(bytes: windows1252ToUTF8(bytes), encoding: "UTF-8")
    default:
      return Decoded(bytes: bytes, encoding: label)
    }
  }

  /// The charset from a `Content-Type` value (`text/html; charset=ISO-8859-1`), lower case.
  static func charset(fromContentType value: String) -> String? {
    let lower = value.lowercased()
    guard let range = lower.range(of: "charset=") else { return nil }
    var rest = lower[range.upperBound...]
    if let end = rest.firstIndex(where: { $0 == ";" || $0 == " " || $0 == "," }) { rest = rest[..<end] }
    return normalise(String(rest))
  }

  private static func normalise(_ label: String) -> String? {
    var label = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    label = label.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    return label.isEmpty || label.count > 40 ? nil : label
  }

  /// The charset a `<meta>` declares in the first bytes, found by a byte scan of `<meta`
  /// tags for `charset=` (no full parse: the parser needs the answer first).
  static func metaCharset(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(prescanLength).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    let meta = Array("<meta".utf8)
    let charset = Array("charset".utf8)
    var i = 0
    while i + meta.count < head.count {
      guard head[i] == 0x3C, head[i..<(i + meta.count)].elementsEqual(meta) else {
        i += 1
        continue
      }
      let end = head[i...].firstIndex(of: 0x3E) ?? head.count
      let tag = Array(head[i..<end])
      var j = 0
      while j + charset.count <= tag.count {
        if tag[j..<(j + charset.count)].elementsEqual(charset) {
          var k = j + charset.count
          while k < tag.count, tag[k] == 0x20 { k += 1 }
          if k < tag.count, tag[k] == 0x3D {
            k += 1
            while k < tag.count, tag[k] == 0x20 || tag[k] == 0x22 || tag[k] == 0x27 { k += 1 }
            var value: [UInt8] = []
            while k < tag.count, ![0x22, 0x27, 0x20, 0x3B, 0x2F, 0x3E].contains(tag[k]) {
              value.append(tag[k])
              k += 1
            }
            if let label = normalise(String(decoding: value, as: UTF8.self)) { return label }
          }
        }
        j += 1
      }
      i = end
    }
    return nil
  }

  private static func utf8OrWindows1252(_ bytes: [UInt8]) -> Decoded {
    if String(validating: bytes, as: UTF8.self) != nil { return Decoded(bytes: bytes, encoding: "UTF-8") }
    return Decoded(bytes: windows1252ToUTF8(bytes), encoding: "UTF-8")
  }

  /// Windows-1252's characters for 0x80-0x9F (0 where it has none: kept as C1, then removed
  /// by the sanitiser).
  static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      var value = UInt32(byte)
      if byte < 0xA0 {
        let mapped = windows1252High[Int(byte - 0x80)]
        value = mapped == 0 ? UInt32(byte) : mapped
      }
      out.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
    }
    return out
  }
}
