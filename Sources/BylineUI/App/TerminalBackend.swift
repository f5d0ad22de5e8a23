/// What waiting for input gave.
public enum BackendInput: Equatable, Sendable {
  case event(InputEvent)
  /// Nothing within the time-out (or a key Byline does not use): a tick for the loop's work.
  case timeout
  /// The terminal is gone (its input closed or failed) or a signal ended the session: the
  /// app must save what it keeps and return.
  case closed
}

/// A screen and a keyboard: what the app loop (``App``) runs on. The ncurses backend
/// (BylineTerminal's `CursesTerminal`) is one; the tests' virtual backend, which types scripted
/// keys and keeps every Frame drawn, is another. A backend holds no application logic: it
/// draws what it is given and reports what the user did.
public protocol TerminalBackend: AnyObject {
  /// The screen's size in columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Whether colours are shown (false under `NO_COLOR` or on a terminal without colour), for
  /// the theme message.
  var usesColour: Bool { get }
  /// Shows a frame, every cell, in a theme's styles.
  func draw(_ frame: Frame, theme: Theme)
  /// Waits for the next key, wheel turn or resize, at most `timeoutMilliseconds` (nil: as long
  /// as it takes).
  func nextEvent(timeoutMilliseconds: Int?) -> BackendInput
  /// Gives the terminal back to the shell for a while (to run another program).
  func suspend()
  /// Takes the terminal again after ``suspend()`` and redraws on the next ``draw(_:theme:)``.
  func resume()
  /// Asks the terminal to put `text` on the system clipboard: writes the OSC 52 sequence
  /// ``Clipboard/osc52(_:)`` makes (which sanitises the text) straight to the terminal,
  /// after the screen. Terminals that do not support it ignore it.
  func copyToClipboard(_ text: String)
}
