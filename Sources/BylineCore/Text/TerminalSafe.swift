/// The one way text reaches standard output and standard error: every scalar a terminal could
/// act on is turned into a visible, inert form.
///
/// Article text is cleaned when it is loaded (``Sanitizer``), but what the commands print also
/// holds file names, quotes sliced from the file as read, theme names and values, and error
/// messages quoting any of these. All of it passes through here:
///
/// - C0 controls, DEL and C1 controls are written as escapes a reader can recognise: `\e` for
///   ESC, `\a` BEL, `\b`, `\f`, `\v`, `\r`, `\0`, and `\u{9B}` style for the rest. An escape
///   sequence therefore shows as text (`\e]0;title\a`) and does nothing.
/// - Bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line
///   and paragraph separators U+2028/U+2029 and the interlinear annotation controls
///   U+FFF9-U+FFFB are written as `\u{202E}`, so no line is reordered or split.
/// - Everything else, letters of every script, emoji with their joiners, combining marks, is
///   kept as it is. A backslash is kept too: the form is for reading, not for decoding.
///
/// ``line(_:)`` is for one-line fields (names, paths, messages) and escapes newlines and tabs
/// as well; ``block(_:)`` keeps newlines and tabs (a CRLF becomes a newline); ``json(_:)``
/// escapes the same scalars as `\u009b` inside JSON text.
public enum TerminalSafe {
  /// Whether a terminal could act on the scalar (move, recolour, retitle, reorder).
  @inline(__always)
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
    if v < 0x061C { return false }
    switch v {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029,
      0xFFF9...0xFFFB:
      return true
    default:
      return false
    }
  }

  /// `text` for one line: every unsafe scalar, newlines and tabs included, made visible.
  public static func line(_ text: String) -> String {
    rewrite(text) { scalar, _ in visible(scalar) }
  }

  /// `text` over several lines: newlines and tabs kept, every other unsafe scalar made visible.
  public static func block(_ text: String) -> String {
    rewrite(text) { scalar, next in
      switch scalar {
      case "\n", "\t": return String(scalar)
      case "\r" where next == 0x0A: return ""  // CRLF: the newline that follows ends the line
      default: return visible(scalar)
      }
    }
  }

  /// JSON text (as any encoder writes it) with DEL, C1 and bidi controls escaped as `\u009b`:
  /// encoders escape only C0, which leaves the rest raw on a terminal. Outside strings JSON is
  /// ASCII without controls, so every scalar this touches lies inside a string.
  public static func json(_ text: String) -> String {
    rewrite(text) { scalar, _ in
      scalar == "\n" ? "\n" : "\\u" + hex(scalar.value, digits: 4)
    }
  }

  /// `text` with each unsafe scalar replaced by `replacement(scalar, byte after it)`. Works on
  /// UTF-8 bytes and copies safe runs whole: JSON of a 50 MB article goes through here.
  private static func rewrite(_ text: String, _ replacement: (Unicode.Scalar, UInt8?) -> String) -> String {
    var utf8 = text
    let rewritten = utf8.withUTF8 { bytes -> String? in
      var out: [UInt8] = []
      var changed = false
      var copied = 0
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        // Only these lead bytes start an unsafe scalar: C0/DEL, C2 (C1), D8 (U+061C),
        // E2 (U+200E-U+2069), EF (U+FFF9-U+FFFB).
        if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF, i + length <= n {
          var value = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
          for k in 1..<max(1, length) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
          if let scalar = Unicode.Scalar(value), isUnsafe(scalar) {
            if !changed { out.reserveCapacity(n + 64) }
            changed = true
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
            out.append(contentsOf: replacement(scalar, i + length < n ? bytes[i + length] : nil).utf8)
            copied = i + length
          }
        }
        i += length
      }
      if !changed { return nil }  // nothing to replace: the text as it is
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
      return String(decoding: out, as: UTF8.self)
    }
    return rewritten ?? text
  }

  /// The visible form of one unsafe scalar: `\e`, `\a`, ... or `\u{202E}`.
  public static func visible(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00: return "\\0"
    case 0x07: return "\\a"
    case 0x08: return "\\b"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0B: return "\\v"
    case 0x0C: return "\\f"
    case 0x0D: return "\\r"
    case 0x1B: return "\\e"
    default: return "\\u{" + hex(scalar.value, digits: 2).uppercased() + "}"
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: false)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
