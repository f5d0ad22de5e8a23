/// A key press, as the terminal backend reports it.
public enum Key: Equatable, Sendable, Hashable {
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace
  /// Ctrl plus a letter, e.g. `.control("l")`.
  case control(Character)
  case function(Int)
}

/// Something the terminal reports to the UI.
public enum InputEvent: Equatable, Sendable {
  case key(Key)
  /// The window is now this many columns and rows.
  case resize(width: Int, height: Int)
  case wheelUp
  case wheelDown
}
