/// Terminal column widths of text, independent of the process locale.
///
/// `wcwidth` depends on the C locale (it answers -1 for every non-ASCII character in the C
/// locale), so layout and `byline render` use this table instead: East Asian Wide and
/// Fullwidth characters and emoji presentation take two columns, combining marks, joiners
/// and variation selectors none, everything else one. A grapheme cluster is as wide as its
/// widest scalar, or two when it is an emoji sequence.
public enum DisplayWidth {
  /// Columns a single scalar takes on its own.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v)
      || (0xE0100...0xE01EF).contains(v)
    {
      return 0
    }
    if scalar.properties.isEmojiPresentation || isWide(v) { return 2 }
    return 1
  }

  /// Columns a grapheme cluster takes.
  public static func width(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count == 1 { return width(of: first) }
    var widest = 0
    for scalar in scalars {
      // An emoji followed by VS16 (U+FE0F), a keycap or a ZWJ sequence is shown wide.
      if scalar.value == 0xFE0F || scalar.value == 0x200D || scalar.value == 0x20E3 {
        if first.properties.isEmoji { return 2 }
      }
      if (0x1F1E6...0x1F1FF).contains(scalar.value) { return 2 }  // regional indicator pair
      widest = max(widest, width(of: scalar))
    }
    return widest
  }

  /// Columns a string takes.
  public static func width(of text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges outside the emoji presentation set.
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
      0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
      0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Whether text may break before or after this scalar without a space (CJK scripts).
  static func isCJKBreakable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7A3,
      0x20000...0x2FFFD, 0x3000...0x303F, 0xFF00...0xFF60:
      return true
    default:
      return false
    }
  }

  private static let noBreakBefore: Set<UInt32> = Set(
    "、。，．！？：；」』）】〕〉》〙〗”’…‥ー々〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.!?:;)]}»"
      .unicodeScalars.map(\.value))
  private static let noBreakAfter: Set<UInt32> = Set("「『（【〔〈《〘〖“‘([{«".unicodeScalars.map(\.value))

  /// Punctuation that must not start a line (kinsoku shori, simplified).
  @inline(__always)
  static func isNoBreakBefore(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 {
      return v == 0x2C || v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3A || v == 0x3B || v == 0x29 || v == 0x5D
        || v == 0x7D
    }
    return noBreakBefore.contains(v)
  }

  /// Punctuation that must not end a line.
  @inline(__always)
  static func isNoBreakAfter(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 0x28 || v == 0x5B || v == 0x7B }
    return noBreakAfter.contains(v)
  }
}
