import CNCursesw
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Restores the terminal on every way out: signals (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) and
/// crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT).
///
/// - A termination signal (``terminationSignals``) leaves curses mode with `endwin()` and
///   records itself; the terminal's next wait returns `.closed`, the app saves the reading
///   position and returns, and the caller ends the process with
///   ``endInterruptedProcess()``: the status is the signal's (130 for Ctrl-C, 143 for
///   SIGTERM). The handler is reset as it runs, so a second Ctrl-C ends a stuck process at
///   once.
/// - A crash signal (``crashSignals``) leaves curses mode, writes one line to standard error
///   ("byline: crashed (SIGSEGV) ...") and ends the process at once by that signal. Swift's
///   backtracer, which would otherwise symbolicate for seconds and then wait at an
///   interactive prompt on the restored terminal, runs only when asked for: with
///   `SWIFT_BACKTRACE` naming `enable=yes` (e.g. `SWIFT_BACKTRACE=enable=yes,interactive=no`),
///   the handler it installed takes over after ours.
///
/// SIGWINCH and SIGTSTP are left to ncurses.
public enum TerminalRestorer {
  /// Unblocks every signal in the calling thread. Call first thing in `main`, before any
  /// thread starts, so that threads made later inherit a clean mask: a process can inherit
  /// a blocked mask from whatever started it (test runners, supervisors), and blocked
  /// signals keep SIGTERM, SIGWINCH and the crash handlers from working.
  public static func resetSignalMask() {
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
  }

  /// Signals that end the session in order: the position is saved first.
  static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  /// Signals of a crash (or sent as one): the process ends at once.
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
  static var signals: [Int32] { terminationSignals + crashSignals }

  /// The signal whose handler ended curses, if one did (0: none). The terminal's waits look
  /// at it between slices and report `.closed`.
  public static var interruptingSignal: Int32 { interrupting.load(ordering: .relaxed) }

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
    let backtraceWanted = getenv("SWIFT_BACKTRACE").map { String(cString: $0).contains("enable=yes") } ?? false
    for signo in signals {
      var action = sigaction()
      let handler: @convention(c) (Int32) -> Void =
        terminationSignals.contains(signo) ? endSession : restoreTerminalAndCrash
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
      #else
        action.__sigaction_u.__sa_handler = handler
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
      var previous = sigaction()
      sigaction(signo, &action, &previous)
      // After a crash: the backtracer's handler when one was asked for, else the default.
      if backtraceWanted { previousActions.store(previous, for: signo) }
    }
  }
}

/// The signal that ended the session; an atomic, so that a handler may store it.
let interrupting = Atomic<Int32>(0)

/// The handlers that were installed before ours, by signal number (fixed storage: a signal
/// handler must not allocate). Written once before curses starts, read by the handlers.
final class PreviousActions: @unchecked Sendable {
  private var actions: [sigaction] = Array(repeating: sigaction(), count: 65)
  private var present = [Bool](repeating: false, count: 65)

  func store(_ action: sigaction, for signo: Int32) {
    guard signo >= 0, signo < 65 else { return }
    actions[Int(signo)] = action
    present[Int(signo)] = true
  }

  /// Puts back the handler from before ours, or the default one.
  func restore(_ signo: Int32) {
    guard signo >= 0, signo < 65 else { return }
    var action = present[Int(signo)] ? actions[Int(signo)] : sigaction()
    sigaction(signo, &action, nil)
  }
}

let previousActions = PreviousActions()

/// Termination: leaves curses mode and records the signal; the loop ends the session.
private func endSession(_ signo: Int32) {
  interrupting.store(signo, ordering: .relaxed)
  if !isendwin() { endwin() }
}

/// Crash: leaves curses mode, says so in one line, and re-raises the signal under the previous
/// handler (the backtracer, when asked for) or the default, which ends the process.
private func restoreTerminalAndCrash(_ signo: Int32) {
  interrupting.store(signo, ordering: .relaxed)
  if !isendwin() { endwin() }
  let report: StaticString
  switch signo {
  case SIGSEGV: report = "byline: crashed (SIGSEGV, a bad memory access); the terminal was restored\n"
  case SIGBUS: report = "byline: crashed (SIGBUS, a bad memory access); the terminal was restored\n"
  case SIGILL: report = "byline: crashed (SIGILL, a failed check or illegal instruction); the terminal was restored\n"
  case SIGTRAP: report = "byline: crashed (SIGTRAP, a failed check); the terminal was restored\n"
  case SIGFPE: report = "byline: crashed (SIGFPE, an arithmetic error); the terminal was restored\n"
  default: report = "byline: crashed (SIGABRT, aborted); the terminal was restored\n"
  }
  _ = write(STDERR_FILENO, report.utf8Start, report.utf8CodeUnitCount)
  previousActions.restore(signo)
  raise(signo)
}
