import ArgumentParser

/// Byline's exit statuses by name. Signals end the process with 128 + the signal's number
/// (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP) and a crash with its signal's.
extension ExitCode {
  /// Bad input: a file that cannot be read as an article, no library to open, a broken
  /// config file or theme, a `--person` that names nobody (or more than one person), a
  /// page or quote that does not exist.
  static let badInput = ExitCode(1)
  /// No terminal to draw in (standard output redirected, an unusable TERM).
  static let noTerminal = ExitCode(2)
}
