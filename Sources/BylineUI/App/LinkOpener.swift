import BylineCore
import Foundation

/// What `o` does with a link: the `$BROWSER` command line for it, and running that command as a
/// child process while the terminal is given back to it.
///
/// `$BROWSER` is read as most Unix programs read it: a colon-separated list of commands, of
/// which Byline takes the first; a command is words separated by spaces (no quoting, no shell:
/// nothing in an address is ever interpreted); `%s` in a word is replaced by the address,
/// else the address is added as the last argument. Byline waits for the command to finish,
/// so a browser in the terminal (`lynx`, `w3m`) works; a graphical one usually returns at
/// once.
public enum LinkOpener {
  /// The program and its arguments for a link, or nil when `browser` names no command.
  public static func arguments(browser: String, url: String) -> [String]? {
    let first = browser.split(separator: ":", omittingEmptySubsequences: true).first { !$0.allSatisfy(\.isWhitespace) }
    guard let first else { return nil }
    var words = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard !words.isEmpty else { return nil }
    let address = ArticleLink.sanitizedURL(url)
    if words.dropFirst().contains(where: { $0.contains("%s") }) {
      words = [words[0]] + words.dropFirst().map { $0.replacingOccurrences(of: "%s", with: address) }
    } else {
      words.append(address)
    }
    return words
  }

  /// How running the browser went.
  public enum Result: Equatable, Sendable {
    /// It ran and exited with status 0.
    case opened
    /// It ran and exited with another status, or was ended by a signal (128 + its number).
    case failed(status: Int32)
    /// It could not be started (not found, not executable): the `errno` text.
    case cannotRun(String)
  }

  /// Runs `arguments` (program first, looked up in `PATH`) with the terminal's standard
  /// input, output and error, and waits for it. Ctrl-C and Ctrl-\ go to the child: Byline
  /// ignores them while it waits, as `system(3)` does, and the child starts with them at
  /// their default.
  public static func run(_ arguments: [String]) -> Result {
    guard let program = arguments.first else { return .cannotRun("no program") }
    var ignore = sigaction()
    ignore.__sigaction_handler.sa_handler = SIG_IGN
    sigemptyset(&ignore.sa_mask)
    var oldInterrupt = sigaction()
    var oldQuit = sigaction()
    sigaction(SIGINT, &ignore, &oldInterrupt)
    sigaction(SIGQUIT, &ignore, &oldQuit)
    defer {
      sigaction(SIGINT, &oldInterrupt, nil)
      sigaction(SIGQUIT, &oldQuit, nil)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGQUIT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, program, nil, &attributes, &argv, environ)
    guard spawned == 0 else { return .cannotRun(String(cString: strerror(spawned))) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return .failed(status: -1) }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
    let signal = status & 0x7F
    if signal == 0 {
      let code = (status >> 8) & 0xFF
      return code == 0 ? .opened : .failed(status: code)
    }
    return .failed(status: 128 + signal)
  }
}

/// The OSC 52 sequence that asks the terminal to put text on the clipboard: `ESC ] 52 ; c ;`
/// the text in base64, `BEL`. The text is sanitised first (``ArticleLink/sanitizedURL(_:)``):
/// base64 already keeps it from being read as terminal commands; sanitising keeps a pasted
/// address from carrying a line break or a control character into a shell.
public enum Clipboard {
  public static func osc52(_ text: String) -> String {
    let clean = ArticleLink.sanitizedURL(text)
    return "\u{1B}]52;c;" + Data(clean.utf8).base64EncodedString() + "\u{07}"
  }
}
