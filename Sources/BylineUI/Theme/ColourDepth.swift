/// How many colours a terminal shows, or a theme needs to look as written.
public enum ColourDepth: Int, Comparable, CaseIterable, Sendable {
  /// No colour: attributes only (also under `NO_COLOR`).
  case monochrome = 0
  /// The 8 basic ANSI colours.
  case eight = 8
  /// The 16 ANSI colours, bright ones included.
  case sixteen = 16
  /// The xterm 256-colour palette.
  case indexed256 = 256
  /// 24-bit colour.
  case truecolour = 16_777_216

  public static func < (a: ColourDepth, b: ColourDepth) -> Bool { a.rawValue < b.rawValue }

  /// As `byline themes` prints it.
  public var label: String {
    switch self {
    case .monochrome: return "mono"
    case .eight: return "8"
    case .sixteen: return "16"
    case .indexed256: return "256"
    case .truecolour: return "truecolour"
    }
  }
}

extension ThemeColor {
  /// The fewest colours a terminal needs to show this colour as written.
  public var depthNeeded: ColourDepth {
    switch self {
    case .ansi(let n): return n < 8 ? .eight : .sixteen
    case .indexed(let n): return n < 8 ? .eight : n < 16 ? .sixteen : .indexed256
    case .rgb: return .truecolour
    }
  }

  /// Reads a colour as a theme file writes it: an ANSI name (`bright-blue`), a 256-colour
  /// index (`208` or `"208"`), `#rrggbb`, or a name from the theme's palette. `default` and
  /// `none` mean the terminal's own colour and give `.some(nil)`; anything else gives nil.
  public static func parse(_ text: String, palette: [String: ThemeColor?] = [:]) -> ThemeColor?? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let entry = palette[trimmed] { return .some(entry) }
    let lower = trimmed.lowercased()
    if lower == "default" || lower == "none" { return .some(nil) }
    let name = lower.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
    if let n = ansiNames.firstIndex(of: name) { return .ansi(n) }
    // Common spellings: grey/gray for bright black, bright-grey for white.
    switch name {
    case "grey", "gray", "bright-grey", "bright-gray": return .ansi(name.hasPrefix("bright") ? 7 : 8)
    default: break
    }
    if let n = Int(lower), (0...255).contains(n) { return .indexed(n) }
    if lower.hasPrefix("#"), lower.count == 7 {
      let hex = lower.dropFirst()
      guard hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16) else { return nil }
      return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xff), UInt8(value & 0xff))
    }
    return nil
  }
}

extension Style {
  /// The fewest colours a terminal needs to show this style's colours as written.
  public var depthNeeded: ColourDepth {
    let colours = [foreground, background].compactMap { $0 }
    return colours.map(\.depthNeeded).max() ?? .monochrome
  }
}

extension Theme {
  /// The fewest colours a terminal needs to show this theme as written; fewer colours are
  /// approximated (nearest colour), none at all uses the monochrome attributes.
  public var depthNeeded: ColourDepth {
    styles.values.map(\.depthNeeded).max() ?? .monochrome
  }
}
