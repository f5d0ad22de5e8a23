/// The screen of a window too small to use: what it is, the size it needs and the size it has,
/// in short lines so that even a tiny window shows the size it needs (the lines that do not
/// fit are left out from the last: the needed size goes last of all).
public enum TooSmall {
  public static func lines(width: Int, height: Int, needs: (width: Int, height: Int)) -> [String] {
    let size = "\(needs.width)×\(needs.height)"
    let title = width >= 16 ? "Window too small" : "too small"
    let need = width >= 6 + size.count ? "needs \(size)" : size
    let all = [title, need, "now \(width)×\(height)", "q quits"]
    switch height {
    case ..<1: return []
    case 1: return [width >= 11 + size.count ? "too small: \(size)" : size]
    case 2: return [title, need]
    case 3: return [title, need, all[2]]
    default: return all
    }
  }

  public static func draw(into frame: inout Frame, needs: (width: Int, height: Int)) {
    let lines = lines(width: frame.width, height: frame.height, needs: needs)
    let top = max(0, (frame.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
      let width = DisplayWidth.width(of: line)
      frame.put(line, row: top + k, column: max(0, (frame.width - width) / 2), role: k == 0 ? .warning : .text)
    }
  }
}
