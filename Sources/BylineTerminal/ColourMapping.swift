import BylineUI

/// Turns a theme colour into a colour the terminal has: truecolour terminals get the exact
/// RGB value, 256-colour terminals the nearest palette entry, 16- and 8-colour terminals the
/// nearest ANSI colour. Pure functions; ``CursesTerminal`` applies them.
public enum ColourMapping {
  /// How many colours to use, from what ncurses reports (`COLORS`, `can_change_color()`) and
  /// `COLORTERM`. Truecolour needs either a direct-colour terminal description (`COLORS` of
  /// 2^24, e.g. TERM=xterm-direct) or COLORTERM=truecolor/24bit on a terminal whose colours
  /// ncurses can redefine; otherwise a 256-colour terminal is used as one.
  public static func depth(colours: Int, colorTerm: String?, canChangeColour: Bool) -> ColourDepth {
    if colours >= 0x100_0000 { return .truecolour }
    if colours >= 256 {
      return wantsTruecolour(colorTerm) && canChangeColour ? .truecolour : .indexed256
    }
    if colours >= 16 { return .sixteen }
    if colours >= 8 { return .eight }
    return .monochrome
  }

  /// Whether `COLORTERM` announces 24-bit colour.
  public static func wantsTruecolour(_ colorTerm: String?) -> Bool {
    let value = (colorTerm ?? "").lowercased()
    return value == "truecolor" || value == "24bit"
  }

  /// The colour number for `colour` at a depth below truecolour (8, 16 or 256 colours).
  public static func number(for colour: ThemeColor, depth: ColourDepth) -> Int32 {
    switch depth {
    case .monochrome: return -1
    case .eight: return number(for: colour, colours: 8)
    case .sixteen: return number(for: colour, colours: 16)
    case .indexed256, .truecolour: return number(for: colour, colours: 256)
    }
  }

  /// The colour number on a direct-colour terminal (`COLORS` = 2^24): the first 8 ANSI
  /// colours keep their numbers (the terminal's own palette), everything else is packed RGB.
  public static func directNumber(for colour: ThemeColor) -> Int32 {
    if case .ansi(let n) = colour, n < 8 { return Int32(n) }
    if case .indexed(let n) = colour, n < 8 { return Int32(n) }
    let (r, g, b) = rgb(of: colour)
    return Int32(max(8, r << 16 | g << 8 | b))
  }

  /// The RGB value of any theme colour (ANSI colours as xterm shows them).
  public static func rgb(of colour: ThemeColor) -> (Int, Int, Int) {
    switch colour {
    case .ansi(let n): return ansiRGB[max(0, min(15, n))]
    case .indexed(let n): return rgb(ofIndex: n)
    case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
    }
  }

  /// ncurses colour components (0-1000) for an RGB value, for `init_extended_color`.
  public static func cursesComponents(_ rgb: (Int, Int, Int)) -> (Int32, Int32, Int32) {
    func scale(_ v: Int) -> Int32 { Int32((v * 1000 + 127) / 255) }
    return (scale(rgb.0), scale(rgb.1), scale(rgb.2))
  }

  /// The colour number for `colour` on a terminal with `colours` colours.
  public static func number(for colour: ThemeColor, colours: Int) -> Int32 {
    switch colour {
    case .ansi(let n):
      if colours >= 16 { return Int32(n) }
      return Int32(n % 8)
    case .indexed(let n):
      if colours >= 256 { return Int32(n) }
      return nearestANSI(rgb(ofIndex: n), colours: colours)
    case .rgb(let r, let g, let b):
      if colours >= 256 { return Int32(nearestIndex(r, g, b)) }
      return nearestANSI((Int(r), Int(g), Int(b)), colours: colours)
    }
  }

  /// xterm's standard values for the 16 ANSI colours.
  static let ansiRGB: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  private static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The RGB value of a 256-palette index.
  public static func rgb(ofIndex n: Int) -> (Int, Int, Int) {
    switch n {
    case 0..<16: return ansiRGB[n]
    case 16..<232:
      let i = n - 16
      return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
    default:
      let level = 8 + 10 * (min(n, 255) - 232)
      return (level, level, level)
    }
  }

  /// The nearest entry of the 6x6x6 cube or the grey ramp.
  public static func nearestIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    func level(_ v: UInt8) -> Int {
      cubeLevels.indices.min { abs(cubeLevels[$0] - Int(v)) < abs(cubeLevels[$1] - Int(v)) }!
    }
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
    let grey = 232 + min(23, max(0, (Int(r) + Int(g) + Int(b)) / 3 - 3) / 10)
    let target = (Int(r), Int(g), Int(b))
    return distance(rgb(ofIndex: cube), target) <= distance(rgb(ofIndex: grey), target) ? cube : grey
  }

  static func nearestANSI(_ target: (Int, Int, Int), colours: Int) -> Int32 {
    let count = colours >= 16 ? 16 : 8
    let best = (0..<count).min { distance(ansiRGB[$0], target) < distance(ansiRGB[$1], target) }!
    return Int32(best)
  }

  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}

/// Colour numbers redefined to exact RGB values, for truecolour on a terminal that can change
/// its palette but has no direct-colour description. The ANSI colours (0-15) are left alone;
/// slots 16 and up are handed out one per distinct RGB value. When they run out, the nearest
/// ANSI colour stands in.
public struct ColourSlots: Sendable {
  public let first: Int
  public let limit: Int
  private var slots: [Int: Int32] = [:]

  public init(first: Int = 16, limit: Int = 256) {
    self.first = first
    self.limit = limit
  }

  /// What a slot request gives: a number to use, and the RGB value to define it as when the
  /// slot is new.
  public struct Assignment: Equatable, Sendable {
    public var number: Int32
    public var define: (Int, Int, Int)?
    public static func == (a: Assignment, b: Assignment) -> Bool {
      a.number == b.number && a.define.map { [$0.0, $0.1, $0.2] } == b.define.map { [$0.0, $0.1, $0.2] }
    }
  }

  public mutating func assign(_ colour: ThemeColor) -> Assignment {
    if case .ansi(let n) = colour { return Assignment(number: Int32(n), define: nil) }
    let rgb = ColourMapping.rgb(of: colour)
    let key = rgb.0 << 16 | rgb.1 << 8 | rgb.2
    if let slot = slots[key] { return Assignment(number: slot, define: nil) }
    let next = first + slots.count
    guard next < limit else {
      return Assignment(number: ColourMapping.nearestANSI(rgb, colours: 16), define: nil)
    }
    slots[key] = Int32(next)
    return Assignment(number: Int32(next), define: rgb)
  }

  /// Forgets every slot (when the theme changes and they run short).
  public mutating func reset() { slots = [:] }

  public var used: Int { slots.count }
}
