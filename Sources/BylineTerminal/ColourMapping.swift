import BylineUI

/// Turns a theme colour into a colour number the terminal has: 256-colour terminals get the
/// nearest palette entry, 16- and 8-colour terminals the nearest ANSI colour.
public enum ColourMapping {
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

  private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}
