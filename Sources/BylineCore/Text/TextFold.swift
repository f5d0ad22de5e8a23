import Foundation

/// Byline's one text fold: how names and text are compared wherever the user types to find
/// something (the reader's search, both person pickers, the library's narrowing and people,
/// `byline quotes --person`).
///
/// - ``fold(_:)-(Unicode.Scalar)``: a scalar in lower case without its accents ("É" -> "e");
///   combining marks vanish. ``unaccent(_:)`` keeps the case, for a search with a capital.
/// - ``isIgnored(_:)``: apostrophes (`'`, `’`, `ʼ`) are left out, so "oconnor", "o'connor"
///   and "O’Connor" are one word.
/// - ``key(_:)``: a whole name or title folded for matching words: folded scalars, apostrophes
///   left out, any other run of punctuation, symbols or white space one space, no space at
///   either end ("Kassym-Jomart  TOKAYEV’s" -> "kassym jomart tokayevs").
public enum TextFold {
  /// The scalars a search and a key leave out: apostrophes, straight and curly.
  @inline(__always)
  public static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
  }

  /// A scalar in lower case without accents: "É" -> "e"; combining marks vanish.
  public static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    let v = scalar.value
    if v < 0x80 {
      if v >= 0x41 && v <= 0x5A { return [Unicode.Scalar(v + 32)!] }
      return [scalar]
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return []
    default: break
    }
    // Decompose (NFD) and keep the base letters, lower-cased.
    let decomposed = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
    return decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
  }

  /// A scalar without accents, its case kept: "É" -> "E"; combining marks vanish.
  public static func unaccent(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    if scalar.value < 0x80 { return [scalar] }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return []
    default: break
    }
    return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .nonspacingMark
    }
  }

  /// A name or title folded into lower-case words separated by single spaces.
  public static func key(_ text: String) -> String {
    if let ascii = asciiKey(text) { return ascii }
    var out = String.UnicodeScalarView()
    var lastSpace = true
    for scalar in text.unicodeScalars where !isIgnored(scalar) {
      let folded = fold(scalar)
      for f in folded {
        if f.properties.isAlphabetic || f.properties.numericType != nil {
          out.append(f)
          lastSpace = false
        } else if !lastSpace {
          out.append(" ")
          lastSpace = true
        }
      }
    }
    if out.last == " " { out.removeLast() }
    return String(out)
  }

  /// ``key(_:)`` of ASCII text, byte by byte (ten times faster: the library's list folds every
  /// title when narrowing starts); nil for other text.
  static func asciiKey(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var lastSpace = true
    for byte in text.utf8 {
      switch byte {
      case 0x80...: return nil
      case 0x30...0x39, 0x61...0x7A:
        out.append(byte)
        lastSpace = false
      case 0x41...0x5A:
        out.append(byte | 0x20)
        lastSpace = false
      case 0x27:
        continue  // O'Brien -> obrien
      default:
        if !lastSpace {
          out.append(0x20)
          lastSpace = true
        }
      }
    }
    if out.last == 0x20 { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }
}
