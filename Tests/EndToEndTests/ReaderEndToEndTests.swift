import Foundation
import Testing

/// Whether the terminal modes left behind are those of a normal shell: line editing and echo.
private func isRestored(_ modes: String) -> Bool {
  let flags = Set(modes.split(separator: " ").map(String.init))
  return flags.contains("icanon") && flags.contains("echo") && !flags.contains("-icanon")
    && !flags.contains("-echo")
}

/// The words on a screen.
private func words(_ screen: String) -> Set<String> {
  Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}

/// The page total in a status line ("page 3/13" gives 13).
private func pageCount(_ status: String) -> Int? {
  guard let range = status.range(of: "page ") else { return nil }
  let rest = status[range.upperBound...].drop { $0 != "/" }.dropFirst()
  return Int(rest.prefix { $0.isNumber })
}

/// The number after "page N/" in a status line.
private func pageNumber(_ status: String) -> Int? {
  guard let range = status.range(of: "page ") else { return nil }
  return Int(status[range.upperBound...].prefix { $0.isNumber })
}

/// The reader, run in tmux as a person would: keys in, screen out.
@Suite("Reader in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct ReaderEndToEndTests {
  let longRead = E2E.sample("02-long-read-river-towns.txt")

  @Test func opensTheSampleLibraryWithNoArgumentAndAnArticleFromIt() throws {
    let cache = NSTemporaryDirectory() + "byline-e2e-cache-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let session = try TmuxSession(arguments: [], environment: ["XDG_CACHE_HOME": cache])
    let library = session.waitFor("Byline library")
    #expect(library.contains("6 articles"))
    #expect(session.alternateScreenOn)
    session.send("Enter")
    #expect(session.waitFor("page 1/").contains("page 1/"))
    session.send("q")
    #expect(session.waitFor("Byline library").contains("Byline library"))
    session.send("Q")
    #expect(session.exitStatus() == 0)
  }

  @Test func pagesTurnForwardAndBack() throws {
    let session = try TmuxSession(arguments: [longRead], width: 80, height: 24)
    session.waitFor("page 1/")
    let total = Int(session.statusLine().split(separator: "/")[1].prefix { $0.isNumber }) ?? 0
    #expect(total >= 10, "the long read fills at least 10 pages at 80x24")
    for (key, expected) in [
      ("Space", 2), ("f", 3), ("PageDown", 4), ("Right", 5), ("b", 4), ("PageUp", 3), ("Left", 2), ("G", total),
      ("g", 1),
    ] {
      session.send(key)
      let screen = session.waitFor { pageNumber(self.lastLine($0)) == expected }
      #expect(pageNumber(lastLine(screen)) == expected, "after \(key)")
    }
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func quoteJumpsShowTheCounterAndTheStrongerStyle() throws {
    let session = try TmuxSession(arguments: [E2E.sample("03-quotes-every-shape.txt")])
    session.waitFor("page 1/")
    session.send("]")
    var screen = session.waitFor("quote 1/")
    #expect(lastLine(screen).contains("quote 1/"))
    session.send("]")
    screen = session.waitFor("quote 2/")
    #expect(lastLine(screen).contains("quote 2/"))
    session.send("[")
    screen = session.waitFor("quote 1/")
    #expect(lastLine(screen).contains("quote 1/"))
    session.send("n")
    session.waitFor("quote 2/")
    session.send("N")
    session.waitFor("quote 1/")
    // The focused quote is drawn with a background colour (reverse in monochrome).
    #expect(session.styledScreen().contains("48;5;222m"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func helpOverlayListsTheKeysAndAnyKeyClosesIt() throws {
    let session = try TmuxSession(arguments: [longRead])
    session.waitFor("page 1/")
    session.send("?")
    let screen = session.waitFor("next quote")
    for label in ["next page", "previous page", "first page", "last page", "previous quote", "quit"] {
      #expect(screen.contains(label))
    }
    session.send("x")
    let closed = session.waitFor { !$0.contains("any key closes") }
    #expect(!closed.contains("any key closes"))
    #expect(pageNumber(lastLine(closed)) == 1)
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func resizeReflowsAndKeepsTheFirstWordOnScreen() throws {
    let session = try TmuxSession(arguments: [longRead], width: 100, height: 30)
    session.waitFor("page 1/")
    session.send("Space")
    session.send("Space")
    let before = session.waitFor { pageNumber(self.lastLine($0)) == 3 }
    let pagesBefore = pageCount(lastLine(before))
    let firstLine = before.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    let firstWord = String(firstLine.split(separator: " ").first ?? "")
    #expect(firstWord.count >= 2)
    // Narrower: more pages, and the first word still on screen.
    session.resize(width: 60, height: 20)
    let narrow = session.waitFor { (pageCount(self.lastLine($0)) ?? 0) > (pagesBefore ?? 0) }
    #expect(words(narrow).contains(firstWord), "'\(firstWord)' should stay on screen at 60x20")
    // Wider again: fewer pages, the word still there.
    session.resize(width: 120, height: 40)
    let wide = session.waitFor { (pageCount(self.lastLine($0)) ?? 99) < (pagesBefore ?? 0) }
    #expect((pageCount(lastLine(wide)) ?? 99) < (pagesBefore ?? 0))
    #expect(words(wide).contains(firstWord), "'\(firstWord)' should stay on screen at 120x40")
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func tinyWindowAsksToEnlargeAndRecovers() throws {
    let session = try TmuxSession(arguments: [longRead], width: 18, height: 5)
    let screen = session.waitFor("too small")
    #expect(screen.contains("Window too small"))
    session.resize(width: 80, height: 24)
    #expect(session.waitFor("page 1/").contains("page 1/"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func renderPrintsExactlyWhatTheReaderShows() throws {
    guard let binary = E2E.binary else { return }
    let session = try TmuxSession(arguments: [longRead], width: 100, height: 30)
    session.waitFor("page 1/")
    session.send("Space")
    let screen = session.waitFor { pageNumber(self.lastLine($0)) == 2 }
    let rendered = run(binary, ["render", longRead, "--width", "100", "--height", "30", "--page", "2"])
    #expect(rendered.status == 0)
    #expect(trimmedLines(rendered.stdout) == trimmedLines(screen))
    session.send("q")
  }

  @Test func quitRestoresTheTerminal() throws {
    let session = try TmuxSession(arguments: [longRead])
    session.waitFor("page 1/")
    session.send("q")
    #expect(session.exitStatus() == 0)
    #expect(isRestored(session.terminalModes()))
    #expect(!session.alternateScreenOn)
  }

  @Test func controlCRestoresTheTerminal() throws {
    let session = try TmuxSession(arguments: [longRead])
    session.waitFor("page 1/")
    session.send("C-c")
    #expect(session.exitStatus() == 130)
    #expect(isRestored(session.terminalModes()))
    #expect(!session.alternateScreenOn)
  }

  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
  func signalsRestoreTheTerminal(signal: Int32, status: Int) throws {
    let session = try TmuxSession(arguments: [longRead])
    session.waitFor("page 1/")
    let pid = try #require(session.pid)
    kill(pid, signal)
    #expect(session.exitStatus() == status)
    #expect(isRestored(session.terminalModes()))
    #expect(!session.alternateScreenOn)
  }

  @Test func aCrashRestoresTheTerminalSaysSoAndEndsAtOnce() throws {
    let session = try TmuxSession(arguments: [longRead])
    session.waitFor("page 1/")
    let pid = try #require(session.pid)
    kill(pid, SIGSEGV)
    // No backtracer unless SWIFT_BACKTRACE asks for one (enable=yes): no symbolication, no prompt.
    #expect(session.exitStatus(timeout: 5) == 128 + Int(SIGSEGV))
    #expect(session.screen().contains("byline: crashed (SIGSEGV, a bad memory access); the terminal was restored"))
    #expect(isRestored(session.terminalModes()))
    #expect(!session.alternateScreenOn)
  }

  @Test func monochromeUnderNoColorStillMarksQuotes() throws {
    let session = try TmuxSession(arguments: [E2E.sample("03-quotes-every-shape.txt")], environment: ["NO_COLOR": "1"])
    session.waitFor("page 1/")
    session.send("]")
    session.waitFor("quote 1/")
    let styled = session.styledScreen()
    #expect(!styled.contains("38;5;"))
    #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the focused quote is reversed")
    session.send("q")
  }

  private func lastLine(_ screen: String) -> String {
    screen.split(separator: "\n").last.map(String.init) ?? ""
  }

  private func trimmedLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// The commands outside the terminal: errors and output that is not a terminal.
@Suite("Command line without a terminal", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct CommandLineEndToEndTests {
  let binary = E2E.binary ?? ""

  @Test func readerRefusesANonTerminalStdout() {
    let result = run(binary, [E2E.sample("01-harbour-strike.txt")])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "byline: standard output is not a terminal; use 'byline render' or 'byline analyze' to print text\n")
  }

  @Test func badFilesGetOneClearLine() throws {
    let folder = NSTemporaryDirectory() + "byline-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cases: [(String, [UInt8], String)] = [
      ("empty.txt", [], "is empty"),
      ("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x02], "is a binary file, not text"),
      ("latin1.txt", Array("Caf".utf8) + [0xE9, 0x0A], "is not valid UTF-8 (bad byte at offset 3)"),
    ]
    for (name, bytes, reason) in cases {
      let path = folder + "/" + name
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      for command in [["analyze", path], ["render", path], [path]] {
        let result = run(binary, command)
        #expect(result.status == 1, "\(command)")
        #expect(result.stderr == "byline: \(path): \(reason)\n", "\(command)")
      }
    }
    let missing = run(binary, ["analyze", folder + "/missing.txt"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "byline: \(folder)/missing.txt: no such file\n")
    let directory = run(binary, ["render", folder])
    #expect(directory.stderr == "byline: \(folder): is a folder, not an article file\n")
  }

  @Test func analyzeReadsStandardInput() {
    let result = run(
      binary, ["analyze", "-", "--format", "json"], stdin: Data("Title\n\n\"Quoted words here,\" she said.\n".utf8))
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"text\" : \"Quoted words here,\""))
  }

  @Test func renderRejectsAPageThatDoesNotExist() {
    let result = run(binary, ["render", E2E.sample("01-harbour-strike.txt"), "--page", "999"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("byline: page 999 does not exist: the article has "))
  }
}
