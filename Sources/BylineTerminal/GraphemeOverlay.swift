import BylineUI

/// Emoji sequences drawn whole: ZWJ sequences (`👩‍🔬`), flags (`🇯🇵`), skin tones (`💪🏽`).
///
/// A curses cell holds one spacing character and its combining marks, so ncurses cannot
/// draw a grapheme cluster of several spacing characters: it would show `👩` for `👩‍🔬` and
/// `🇯` for `🇯🇵`. The backend draws the first character through curses (so curses' idea of
/// the screen and the cursor stays right) and, after each refresh, writes such clusters over
/// it as they are: cursor saved (`ESC 7`, which saves the attributes too), each cluster at its
/// cell with its style's attributes, cursor and attributes restored (`ESC 8`). Terminals that
/// join the sequence (tmux, most emulators) then show it whole, as `byline render` prints it.
/// Pure functions; ``CursesTerminal`` writes what they give.
public enum GraphemeOverlay {
  /// Whether curses would cut this cluster: it has more than one spacing character (marks,
  /// joiners and variation selectors are not spacing).
  public static func needsOverlay(_ text: String) -> Bool {
    var spacing = 0
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control: continue
      default:
        spacing += 1
        if spacing > 1 { return true }
      }
    }
    return false
  }

  /// One cell to write over curses' drawing.
  public struct Cell: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var text: String
    /// Select Graphic Rendition parameters for the cell's style ("0;1;38;5;222").
    public var sgr: String

    public init(row: Int, column: Int, text: String, sgr: String) {
      self.row = row
      self.column = column
      self.text = text
      self.sgr = sgr
    }
  }

  /// The SGR parameters of a style with colour numbers as the backend resolved them (-1: the
  /// terminal's default; with `directColour`, numbers of 8 and up are packed RGB).
  public static func sgr(_ style: Style, foreground: Int32, background: Int32, directColour: Bool) -> String {
    var parts = ["0"]
    if style.bold { parts.append("1") }
    if style.dim { parts.append("2") }
    if style.italic { parts.append("3") }
    if style.underline { parts.append("4") }
    if style.reverse { parts.append("7") }
    if let fg = colour(foreground, base: 30, bright: 90, extended: 38, directColour: directColour) { parts.append(fg) }
    if let bg = colour(background, base: 40, bright: 100, extended: 48, directColour: directColour) { parts.append(bg) }
    return parts.joined(separator: ";")
  }

  private static func colour(_ n: Int32, base: Int, bright: Int, extended: Int, directColour: Bool) -> String? {
    switch n {
    case ..<0: return nil
    case 0..<8: return "\(base + Int(n))"
    case 8..<16 where !directColour: return "\(bright + Int(n) - 8)"
    case 8..<256 where !directColour: return "\(extended);5;\(n)"
    default: return "\(extended);2;\((n >> 16) & 0xFF);\((n >> 8) & 0xFF);\(n & 0xFF)"
    }
  }

  /// The bytes that write `cells` over the screen and leave the cursor and attributes as they
  /// were; empty when there are none.
  public static func sequence(_ cells: [Cell]) -> String {
    guard !cells.isEmpty else { return "" }
    var out = "\u{1B}7"
    for cell in cells {
      out += "\u{1B}[\(cell.row + 1);\(cell.column + 1)H\u{1B}[\(cell.sgr)m\(cell.text)"
    }
    return out + "\u{1B}8"
  }
}
