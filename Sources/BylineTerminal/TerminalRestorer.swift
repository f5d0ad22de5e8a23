import CNCursesw
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Restores the terminal on every way out: signals (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) and
/// crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT).
///
/// Each handler leaves curses mode with `endwin()`, then puts back the handler that was there
/// before (the Swift backtracer, or the default) and raises the signal again, so the process
/// ends with the status that signal gives. SIGWINCH and SIGTSTP are left to ncurses.
public enum TerminalRestorer {
  /// Unblocks every signal in the calling thread. Call first thing in `main`, before any
  /// thread starts, so that threads made later inherit a clean mask: a process can inherit
  /// a blocked mask from whatever started it (test runners, supervisors), and blocked
  /// signals keep SIGTERM, SIGWINCH and the Swift crash backtracer from working.
  public static func resetSignalMask() {
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
  }

  static let signals: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT,
  ]

  /// The signal whose handler ended curses, if one did. A crash signal sent from outside
  /// (kill -SEGV) runs the backtracer and then returns to the program; the event loop sees
  /// this and ends the process with ``endInterruptedProcess()``.
  nonisolated(unsafe) static var interruptingSignal: Int32 = 0

  /// Ends the process by the signal that interrupted it, with the default action, so that
  /// its exit status tells what happened. Returns only when no signal did.
  public static func endInterruptedProcess() {
    let signo = interruptingSignal
    guard signo != 0 else { return }
    signal(signo, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signo)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    raise(signo)
    _exit(128 + signo)
  }

  /// Installs the handlers. Call once, before curses starts.
  ///
  /// The signals are also unblocked: a process can inherit a blocked mask from whatever
  /// started it (some test runners and supervisors), and a blocked SIGTERM or SIGHUP would
  /// leave the reader running on a closed terminal.
  static func install() {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signo in signals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&unblock, signo) }
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    for signo in signals {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = restoreTerminalAndReraise
      #else
        action.__sigaction_u.__sa_handler = restoreTerminalAndReraise
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
      var previous = sigaction()
      sigaction(signo, &action, &previous)
      previousActions.store(previous, for: signo)
    }
  }
}

/// The handlers that were installed before ours, by signal number (fixed storage: a signal
/// handler must not allocate).
final class PreviousActions: @unchecked Sendable {
  private var actions: [sigaction] = Array(repeating: sigaction(), count: 65)
  private var present = [Bool](repeating: false, count: 65)

  func store(_ action: sigaction, for signo: Int32) {
    guard signo >= 0, signo < 65 else { return }
    actions[Int(signo)] = action
    present[Int(signo)] = true
  }

  func restore(_ signo: Int32) {
    guard signo >= 0, signo < 65 else { return }
    var action = present[Int(signo)] ? actions[Int(signo)] : sigaction()
    sigaction(signo, &action, nil)
  }
}

let previousActions = PreviousActions()

/// Leaves curses mode and re-raises the signal under the previous handler.
private func restoreTerminalAndReraise(_ signo: Int32) {
  TerminalRestorer.interruptingSignal = signo
  if !isendwin() { endwin() }
  previousActions.restore(signo)
  raise(signo)
}
