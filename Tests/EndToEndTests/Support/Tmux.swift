import Foundation

/// Runs a command and returns its exit status, standard output and standard error.
@discardableResult
func run(
  _ executable: String, _ arguments: [String], stdin: Data? = nil,
  environment: [String: String]? = nil
) -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let environment { process.environment = environment }
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  do { try process.run() } catch { return (-1, "", "\(error)") }
  if let stdin { input.fileHandleForWriting.write(stdin) }
  try? input.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: outData, as: UTF8.self),
    String(decoding: errData, as: UTF8.self)
  )
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

  init(
    arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]
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
    let command = ([binary] + arguments).map(shellQuote).joined(separator: " ")
    // The test runner may set NO_COLOR; byline sees it only when a test asks for it.
    let unset = environment["NO_COLOR"] == nil ? "-u NO_COLOR " : ""
    let inner = "echo $$ > \(shellQuote(pidFile)); exec env \(unset)\(envText) \(command)"
    // The outer shell traps INT (rather than ignoring it, which byline would inherit) so that
    // Ctrl-C ends only byline and the pane lives on to report.
    let script =
      "trap 'true' INT; cd \(shellQuote(E2E.packageRoot.path)); sh -c \(shellQuote(inner)); "
      + "echo \"EXIT=$?\"; echo \"STTY=$(stty -a | tr '\\n' ' ')\"; sleep 60"
    // The tmux server outlives this call: give it no pipes to hold open.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tmux)
    process.arguments = [
      "-L", socket, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", script,
    ]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
  }

  deinit {
    run(tmux, ["-L", socket, "kill-session", "-t", name])
    try? FileManager.default.removeItem(atPath: pidFile)
    if stateHome.hasSuffix("-state") { try? FileManager.default.removeItem(atPath: stateHome) }
  }

  /// The screen as text.
  func screen() -> String { run(tmux, ["-L", socket, "capture-pane", "-p", "-t", name]).stdout }

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

  /// Waits until the screen satisfies `condition` (10 s at most) and returns the screen.
  @discardableResult
  func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var text = screen()
    while !condition(text), Date() < deadline {
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
