import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The one app loop in a real terminal: the reader opened from the library is the reader of
/// `byline FILE` (position, themes), and a terminal that goes away ends the library too.
@Suite("One app in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct AppEndToEndTests {
  let longRead = E2E.sample("02-long-read-river-towns.txt")

  @Test func theReaderOpenedFromTheLibraryKeepsThePositionAndCyclesThemes() throws {
    let state = NSTemporaryDirectory() + "byline-e2e-app-state-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let env = ["XDG_STATE_HOME": state, "XDG_CONFIG_HOME": state + "/config"]
    let session = try TmuxSession(arguments: ["library", "--no-cache", longRead], environment: env)
    session.waitFor { $0.lowercased().contains("river") }
    session.send("Enter")
    session.waitFor("page 1/")
    for _ in 0..<3 { session.send("Space") }
    session.waitFor("page 4/")
    session.send("q")
    session.waitFor("Byline library")
    session.send("Enter")
    #expect(session.statusLine(session.waitFor("page 4/")).contains("page 4/"))
    session.send("t")
    #expect(session.statusLine(session.waitFor("theme ")).contains("(2/5)"))
    session.send("Space")
    session.waitFor("page 5/")
    session.send("Q")
    #expect(session.exitStatus() == 0)
    // `byline FILE` opens where the library's reader left it.
    let alone = try TmuxSession(arguments: [longRead], environment: env)
    #expect(alone.statusLine(alone.waitFor("page 5/")).contains("page 5/"))
    alone.send("q")
    #expect(alone.exitStatus() == 0)
  }

  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
  func aSignalSavesThePositionBeforeTheProcessEnds(signal: Int32, status: Int) throws {
    let state = NSTemporaryDirectory() + "byline-e2e-app-state-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let session = try TmuxSession(arguments: [longRead], environment: ["XDG_STATE_HOME": state])
    session.waitFor("page 1/")
    session.send("Space")
    session.send("Space")
    session.waitFor("page 3/")
    kill(try #require(session.pid), signal)
    #expect(session.exitStatus() == status)
    let again = try TmuxSession(arguments: [longRead], environment: ["XDG_STATE_HOME": state])
    #expect(again.statusLine(again.waitFor("page 3/")).contains("page 3/"))
    again.send("q")
    #expect(again.exitStatus() == 0)
  }

  @Test func aTerminalThatGoesAwayWithoutSIGHUPEndsTheLibrary() throws {
    // setsid: byline is no longer in the terminal's session, so closing the terminal sends it
    // no SIGHUP; its reads fail instead, and it must end rather than poll a dead terminal.
    let session = try TmuxSession(arguments: ["library", "--no-cache", longRead], wrapper: ["setsid"])
    session.waitFor { $0.lowercased().contains("river") }
    let pid = try #require(session.pid)
    session.close()
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, isRunning(pid) { Thread.sleep(forTimeInterval: 0.05) }
    #expect(!isRunning(pid), "byline still runs after its terminal closed")
    if isRunning(pid) { kill(pid, SIGKILL) }
  }

  @Test func theLibraryHelpListsTheKeysAndQuitRestoresTheTerminal() throws {
    let session = try TmuxSession(arguments: ["library", "--no-cache", longRead])
    session.waitFor { $0.lowercased().contains("river") }
    session.send("?")
    #expect(session.waitFor("Keys: library").contains("next theme"))
    session.send("x")
    session.waitFor { !$0.contains("Keys: library") }
    session.send("C-c")
    #expect(session.exitStatus() == 130)
  }

  @Test func emojiSequencesAppearWhole() throws {
    let file = NSTemporaryDirectory() + "byline-e2e-emoji-\(UUID().uuidString).txt"
    defer { try? FileManager.default.removeItem(atPath: file) }
    try "Emoji day\n\nThe scientist 👩‍🔬 flew to Japan 🇯🇵 and flexed 💪🏽 for the cameras.\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let session = try TmuxSession(arguments: [file], width: 80, height: 24)
    let screen = session.waitFor("page 1/")
    for sequence in ["👩‍🔬", "🇯🇵", "💪🏽"] {
      #expect(screen.contains(sequence), "\(sequence) whole on screen: \(screen)")
    }
    // Turning a page and back draws them whole again.
    session.send("?")
    session.waitFor("Keys: reading")
    session.send("x")
    #expect(session.waitFor { !$0.contains("Keys: reading") }.contains("👩‍🔬"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func theConfigFileSetsThemeAndSpeedAndNamesAnUnknownKey() throws {
    let config = NSTemporaryDirectory() + "byline-e2e-config-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: config) }
    try FileManager.default.createDirectory(atPath: config + "/byline", withIntermediateDirectories: true)
    try "theme = \"light\"\nwpm = 60\ncolour = \"red\"\n".write(
      toFile: config + "/byline/config.toml", atomically: true, encoding: .utf8)
    let session = try TmuxSession(arguments: [longRead], environment: ["XDG_CONFIG_HOME": config])
    let status = session.statusLine(session.waitFor("unknown key"))
    #expect(status.contains("unknown key 'colour' in config.toml (known: library, theme, wpm, feeds)"), "\(status)")
    #expect(session.styledScreen().contains("48;5;231m"), "the light theme's paper")
    session.send("Space")
    // At 60 words a minute the long read (16 min at 238) has about an hour left.
    let next = session.statusLine(session.waitFor("page 2/"))
    let words = next.split(separator: " ")
    let left = words.indices.first { words[$0] == "left" }.flatMap { Int(words[$0 - 2]) } ?? 0
    #expect(left >= 50, "\(next)")
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func standardInputOpensTheSameReader() throws {
    let session = try TmuxSession(
      arguments: ["-"], wrapper: ["sh", "-c", "exec \"$0\" \"$@\" < \(shellQuote(longRead))"])
    #expect(session.statusLine(session.waitFor("page 1/")).contains("page 1/"))
    session.send("Space")
    session.waitFor("page 2/")
    session.send("t")
    #expect(session.statusLine(session.waitFor("theme ")).contains("(2/5)"))
    session.send("q")
    #expect(session.exitStatus() == 0)
    // Standard input has no file to keep a position for.
    #expect(!FileManager.default.fileExists(atPath: session.stateHome + "/byline/positions.json"))
  }

  /// Whether a process runs (a zombie does not).
  private func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }
}
