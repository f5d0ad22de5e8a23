import Foundation
import Testing

/// A temporary folder for theme files, used as XDG_CONFIG_HOME so that the user's own themes
/// do not change what the tests see.
private final class TempConfig {
  let root = NSTemporaryDirectory() + "byline-e2e-themes-\(UUID().uuidString.prefix(8))"
  var themes: String { root + "/byline/themes" }

  init() throws {
    try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  /// Writes `NAME.toml` into the user theme folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let path = themes + "/\(name).toml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}

private let brokenTheme = """
  [styles.quote]
  bold = true
  fg = "blurple"
  """

/// Themes in a real terminal: a broken file is reported and the reader goes on; `t` changes
/// the colours on screen.
@Suite("Themes in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct ThemeEndToEndTests {
  let article = E2E.sample("03-quotes-every-shape.txt")

  @Test func aBrokenThemeIsReportedAndTheReaderGoesOnWithTheDefault() throws {
    let config = try TempConfig()
    let path = try config.write("broken", brokenTheme)
    let session = try TmuxSession(
      arguments: [article, "--theme", "broken"],
      environment: ["XDG_CONFIG_HOME": config.root])
    let screen = session.waitFor("page 1/")
    let status = session.statusLine(screen)
    #expect(status.contains("broken.toml line 3: unknown colour"), "status: \(status)")
    // The default theme is in use (its quote colour), and the reader still works.
    session.send("]")
    session.waitFor("quote 1/")
    #expect(session.styledScreen().contains("48;5;222m"))
    #expect(!session.statusLine().contains("broken.toml"), "the error is shown once")
    session.send("Space")
    session.waitFor("page 2/")
    session.send("q")
    #expect(session.exitStatus() == 0)
    // Standard error got the whole message before curses started; it is on the normal
    // screen once the reader has ended.
    let after = session.waitFor("EXIT=")
    // (Wrapped at the pane's width; a space at a wrap point is lost, so compare without spaces.)
    func squeezed(_ text: String) -> String { text.filter { $0 != "\n" && $0 != " " } }
    let joined = squeezed(after)
    #expect(
      joined.contains(squeezed("byline: \(path), line 3: unknown colour \"blurple\" for styles.quote.fg")),
      "\(after)")
    #expect(joined.contains(squeezed("using the default theme")))
  }

  @Test func tCyclesThemesAndTheColoursChange() throws {
    let config = try TempConfig()
    let session = try TmuxSession(arguments: [article], environment: ["XDG_CONFIG_HOME": config.root])
    session.waitFor("page 1/")
    let first = session.styledScreen()
    #expect(first.contains("48;5;237m"), "the default theme's status bar")
    let text = session.screen()
    session.send("t")
    let second = session.waitFor("theme high-contrast")
    #expect(session.statusLine(second).contains("theme high-contrast (2/5)"))
    let styled = session.styledScreen()
    #expect(styled != first)
    #expect(!styled.contains("48;5;237m"), "the default status bar colour is gone")
    // The words stay where they were: only the colours changed.
    #expect(second.split(separator: "\n").dropLast() == text.split(separator: "\n").dropLast())
    session.send("t")
    session.waitFor("theme light")
    #expect(session.styledScreen().contains("48;5;231m"), "the light theme's paper")
    for name in ["mono", "solarized-dark", "default"] {
      session.send("t")
      session.waitFor("theme \(name)")
    }
    #expect(session.styledScreen().contains("48;5;237m"), "back to the default")
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func themeOptionPicksAShippedThemeByNameOrPath() throws {
    let config = try TempConfig()
    let session = try TmuxSession(
      arguments: [article, "--theme", "light"],
      environment: ["XDG_CONFIG_HOME": config.root])
    session.waitFor("page 1/")
    #expect(session.styledScreen().contains("48;5;231m"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }
}

@Suite("Theme commands", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct ThemeCommandEndToEndTests {
  let binary = E2E.binary ?? ""

  @Test func themesListsWhereEachWasFoundAndTheColoursItNeeds() throws {
    let config = try TempConfig()
    let dusk = try config.write("dusk", "[styles.quote]\nfg = \"#ff8800\"\n")
    let environment = ProcessInfo.processInfo.environment.merging(["XDG_CONFIG_HOME": config.root]) { $1 }
    var result = run(binary, ["themes"], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let duskLine = try #require(lines.first { $0.hasPrefix("dusk ") })
    #expect(duskLine.contains("truecolour"))
    #expect(duskLine.contains("user"))
    #expect(duskLine.contains(dusk))
    // Run from the package folder (as swift test does), the shipped themes are in ./themes.
    if FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/themes/light.toml") {
      let expected = [
        "default": "256", "light": "256", "solarized-dark": "truecolour", "high-contrast": "16", "mono": "mono",
      ]
      for (name, colours) in expected {
        let line = lines.first { $0.hasPrefix(name + " ") && $0.contains("./themes") } ?? ""
        #expect(line.split(separator: " ").dropFirst().first.map(String.init) == colours, "\(name): \(line)")
      }
    }
    let broken = try config.write("broken", brokenTheme)
    result = run(binary, ["themes"], environment: environment)
    #expect(result.status == 1)
    #expect(result.stdout.contains(broken + "  BROKEN: unknown colour \"blurple\" for styles.quote.fg"))
  }

  @Test func renderValidatesTheTheme() throws {
    let config = try TempConfig()
    let path = try config.write("broken", brokenTheme)
    let environment = ProcessInfo.processInfo.environment.merging(["XDG_CONFIG_HOME": config.root]) { $1 }
    let result = run(
      binary, ["render", E2E.sample("01-harbour-strike.txt"), "--theme", path], environment: environment)
    #expect(result.status == 0)
    #expect(result.stdout.contains("page 1/"))
    #expect(result.stderr.hasPrefix("byline: \(path), line 3: unknown colour \"blurple\""))
    let good = run(
      binary, ["render", E2E.sample("01-harbour-strike.txt"), "--theme", "solarized-dark"],
      environment: environment)
    #expect(good.stderr.isEmpty)
  }
}
