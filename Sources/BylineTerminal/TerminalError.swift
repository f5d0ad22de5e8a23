/// Why the terminal could not be used. Each message says what to do instead.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard output or input is not a terminal (a pipe, a file, no tty in CI).
  case notATerminal
  /// ncurses could not start on this `TERM`.
  case cannotStart(term: String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "standard output is not a terminal; use 'byline render' or 'byline analyze' to print text"
    case .cannotStart(let term):
      return "cannot start the terminal interface for TERM='\(term)'; try TERM=xterm-256color"
    }
  }
}
