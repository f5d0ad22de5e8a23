import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a command and returns its exit status, standard output and standard error.
///
/// Uses posix_spawn and waitpid rather than Foundation's Process: Process waits for SIGCHLD,
/// which test-runner threads may block, and then never returns. The child also gets an empty
/// signal mask, so that nothing it starts (a tmux server, byline) inherits blocked signals.
@discardableResult
func run(
  _ executable: String, _ arguments: [String], stdin: Data? = nil,
  environment: [String: String]? = nil
) -> (status: Int32, stdout: String, stderr: String) {
  let base = NSTemporaryDirectory() + "byline-run-\(UUID().uuidString)"
  let inPath = base + ".in"
  let outPath = base + ".out"
  let errPath = base + ".err"
  defer { for path in [inPath, outPath, errPath] { unlink(path) } }
  _ = FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data())

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  var defaults = sigset_t()
  sigemptyset(&defaults)
  for signo in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signo) }
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  let envStrings = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
  let envp = envStrings.map { strdup($0) } + [nil]
  defer { for pointer in envp { free(pointer) } }

  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
  guard spawned == 0 else { return (-1, "", "cannot start \(executable): error \(spawned)") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return (exitStatus, out, err)
}

/// Paths of the package, the built binary and tmux.
enum E2E {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `byline` binary built beside this test bundle.
  static var binary: String? {
    let besideTests = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      .map {
        URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("byline").path
      }
    let candidates: [String?] = [besideTests, packageRoot.appendingPathComponent(".build/debug/byline").path]
    return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static var tmux: String? {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Whether the end-to-end tests can run here. CI sets BYLINE_REQUIRE_E2E=1 so that a
  /// missing tmux or binary fails the run instead of skipping the tests.
  static var available: Bool {
    let ready = binary != nil && tmux != nil
    if !ready, ProcessInfo.processInfo.environment["BYLINE_REQUIRE_E2E"] == "1" {
      fatalError("end-to-end tests are required but tmux or the byline binary is missing")
    }
    return ready
  }

  static func sample(_ name: String) -> String {
    packageRoot.appendingPathComponent("sample-articles/\(name)").path
  }
}

/// A tmux session running `byline` on a tmux server of its own, read as a person would.
///
/// After byline ends, the pane prints `EXIT=<status>` and `STTY=<terminal modes>`, so tests
/// can check how it ended and that the terminal was restored.
final class TmuxSession {
  let name = "byline-e2e-\(UUID().uuidString.prefix(8))"
  let socket = "byline-e2e"
  let pidFile: String
  private let tmux: String

  /// A state folder of the session's own (reading positions), unless the test gives one.
  let stateHome: String

  /// `wrapper` runs byline through another command (`setsid`), with the same pid.
  init(
    arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
    wrapper: [String] = []
  ) throws {
    guard let tmux = E2E.tmux, let binary = E2E.binary else { throw CocoaError(.fileNoSuchFile) }
    self.tmux = tmux
    pidFile = NSTemporaryDirectory() + "\(name).pid"
    stateHome = environment["XDG_STATE_HOME"] ?? NSTemporaryDirectory() + "\(name)-state"
    var env = [
      "LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no,color=no",
      "XDG_STATE_HOME": stateHome,
    ]
    env.merge(environment) { $1 }
    let envText = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }
      .joined(separator: " ")
    let command = (wrapper + [binary] + arguments).map(shellQuote).joined(separator: " ")
    // The test runner may set NO_COLOR; byline sees it only when a test asks for it.
    let unset = environment["NO_COLOR"] == nil ? "-u NO_COLOR " : ""
    let inner = "echo $$ > \(shellQuote(pidFile)); exec env \(unset)\(envText) \(command)"
    // The outer shell traps INT (rather than ignoring it, which byline would inherit) so that
    // Ctrl-C ends only byline and the pane lives on to report.
    let script =
      "trap 'true' INT; cd \(shellQuote(E2E.packageRoot.path)); sh -c \(shellQuote(inner)); "
      + "echo \"EXIT=$?\"; echo \"STTY=$(stty -a | tr '\\n' ' ')\"; sleep 60"
    // The tmux server outlives this call; its output goes to files, not pipes it would hold.
    // Suites run side by side on one server: when another test kills the server's last
    // session, the server exits, and a session started at that moment fails ("server exited
    // unexpectedly"). Starting again then finds no server and makes a new one.
    var started = (status: Int32(-1), stdout: "", stderr: "")
    for attempt in 0..<5 {
      if attempt > 0 { Thread.sleep(forTimeInterval: 0.2) }
      started = run(
        tmux,
        ["-L", socket, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", script])
      if started.status == 0 { break }
    }
    guard started.status == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "tmux new-session: \(started.stderr)"])
    }
  }

  deinit {
    run(tmux, ["-L", socket, "kill-session", "-t", name])
    try? FileManager.default.removeItem(atPath: pidFile)
    if stateHome.hasSuffix("-state") { try? FileManager.default.removeItem(atPath: stateHome) }
  }

  /// Closes the terminal: the tmux session ends, as when a terminal window is closed.
  func close() {
    run(tmux, ["-L", socket, "kill-session", "-t", name])
  }

  /// The screen as text.
  func screen() -> String { run(tmux, ["-L", socket, "capture-pane", "-p", "-t", name]).stdout }

  /// Lets programs in the panes set tmux's paste buffer with OSC 52 (`set-clipboard on`).
  func acceptClipboard() { run(tmux, ["-L", socket, "set-option", "-s", "set-clipboard", "on"]) }

  /// tmux's newest paste buffer ("" when there is none).
  func pasteBuffer() -> String { run(tmux, ["-L", socket, "show-buffer"]).stdout }

  /// The screen with colour escapes.
  func styledScreen() -> String {
    run(tmux, ["-L", socket, "capture-pane", "-p", "-e", "-t", name]).stdout
  }

  /// Sends tmux key names ("Space", "q", "C-c", "]").
  func send(_ keys: String...) {
    run(tmux, ["-L", socket, "send-keys", "-t", name] + keys)
  }

  func resize(width: Int, height: Int) {
    run(tmux, ["-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Whether the pane is on the alternate screen.
  var alternateScreenOn: Bool {
    run(tmux, ["-L", socket, "display", "-p", "-t", name, "#{alternate_on}"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  /// The pid of the running byline.
  var pid: Int32? {
    (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap {
      Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }

  /// Waits until the screen satisfies `condition` and stays the same for 50 ms (10 s at
  /// most), and returns the screen. Waiting for a still screen keeps a capture taken in the
  /// middle of a redraw (after a resize, say) from passing for the finished one.
  @discardableResult
  func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var text = screen()
    while Date() < deadline {
      if condition(text) {
        Thread.sleep(forTimeInterval: 0.05)
        let again = screen()
        if again == text { return text }
        text = again
        continue
      }
      Thread.sleep(forTimeInterval: 0.05)
      text = screen()
    }
    return text
  }

  @discardableResult
  func waitFor(_ fragment: String, timeout: TimeInterval = 10) -> String {
    waitFor(timeout: timeout) { $0.contains(fragment) }
  }

  /// The status bar: the last non-empty line on screen.
  func statusLine(_ text: String? = nil) -> String {
    (text ?? screen()).split(separator: "\n").last.map(String.init) ?? ""
  }

  /// The exit status printed after byline ended.
  func exitStatus(timeout: TimeInterval = 10) -> Int? {
    let text = waitFor("EXIT=", timeout: timeout)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("EXIT=") }) else {
      return nil
    }
    return Int(line.dropFirst(5))
  }

  /// The terminal modes after byline ended (`stty -a`), one line.
  func terminalModes() -> String {
    let text = waitFor("STTY=")
    guard let start = text.range(of: "STTY=") else { return "" }
    return text[start.upperBound...].replacingOccurrences(of: "\n", with: "")
  }
}

func shellQuote(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
