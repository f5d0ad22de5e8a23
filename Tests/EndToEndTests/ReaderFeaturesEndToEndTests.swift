import Foundation
import Testing

/// The reader's panel, filter, picker, search and memory, in tmux.
@Suite(
  "Reader features in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing")
)
struct ReaderFeaturesEndToEndTests {
  let article = E2E.sample("01-harbour-strike.txt")

  private func status(_ screen: String) -> String {
    screen.split(separator: "\n").last.map(String.init) ?? ""
  }

  @Test func panelFilterAndClear() throws {
    let session = try TmuxSession(arguments: [article], width: 120, height: 40)
    session.waitFor("page 1/")
    session.send("e")
    #expect(session.waitFor("People (").contains("Moira Keane"))
    session.send("Tab")
    session.send("Enter")
    let filtered = session.waitFor("filtered: ")
    #expect(status(filtered).contains("paragraphs, x clears"))
    session.send("x")
    let cleared = session.waitFor { !$0.contains("filtered: ") }
    #expect(!cleared.contains("filtered: "))
    session.send("e")
    #expect(!session.waitFor { !$0.contains("People (") }.contains("People ("))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func pickerNarrowsAndFilters() throws {
    let session = try TmuxSession(arguments: [article])
    session.waitFor("page 1/")
    session.send("p")
    session.waitFor("Person:")
    session.send("-l", "keane")
    let picker = session.waitFor("Person: keane")
    #expect(picker.contains("Moira Keane"))
    session.send("Enter")
    let filtered = session.waitFor("filtered: Moira Keane")
    #expect(status(filtered).contains("filtered: Moira Keane"))
    session.send("]")
    #expect(status(session.waitFor("quote 1/")).contains("Moira Keane"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func searchCountsMatchesAndEscEndsIt() throws {
    let session = try TmuxSession(arguments: [article])
    session.waitFor("page 1/")
    session.send("/")
    session.send("-l", "harbour")
    session.send("Enter")
    let first = session.waitFor("match 1/")
    #expect(status(first).contains("match 1/"))
    session.send("n")
    #expect(status(session.waitFor("match 2/")).contains("match 2/"))
    session.send("N")
    session.waitFor("match 1/")
    session.send("Escape")
    session.waitFor { !$0.contains("match ") }
    session.send("n")
    #expect(status(session.waitFor("quote 1/")).contains("quote 1/"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func reopensAtTheSavedPosition() throws {
    let state = NSTemporaryDirectory() + "byline-e2e-state-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let long = E2E.sample("02-long-read-river-towns.txt")
    do {
      let session = try TmuxSession(arguments: [long], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
      session.waitFor("page 1/")
      for _ in 0..<3 { session.send("Space") }
      session.waitFor("page 4/")
      session.send("q")
      #expect(session.exitStatus() == 0)
    }
    #expect(FileManager.default.fileExists(atPath: state + "/byline/positions.json"))
    // Same size: the same page. Another size: the first word is still on screen.
    let again = try TmuxSession(arguments: [long], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
    #expect(status(again.waitFor("page 4/")).contains("page 4/"))
    again.send("q")
    _ = again.exitStatus()
    let noState = try TmuxSession(
      arguments: ["--no-state", long], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
    #expect(status(noState.waitFor("page 1/")).contains("page 1/"))
    noState.send("q")
  }

  @Test func corruptStateFileIsReportedOnceAndReadingGoesOn() throws {
    let state = NSTemporaryDirectory() + "byline-e2e-state-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: state) }
    try FileManager.default.createDirectory(atPath: state + "/byline", withIntermediateDirectories: true)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: state + "/byline/positions.json"))
    let session = try TmuxSession(arguments: [article], environment: ["XDG_STATE_HOME": state])
    #expect(session.waitFor("unreadable").contains("were reset"))
    session.send("Space")
    #expect(!session.waitFor("page 2/").contains("unreadable"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func resizeWithThePanelOpen() throws {
    let session = try TmuxSession(arguments: [article], width: 120, height: 40)
    session.waitFor("page 1/")
    session.send("e")
    session.waitFor("People (")
    session.resize(width: 70, height: 24)
    // Too narrow to share: the panel covers the text.
    let narrow = session.waitFor { self.status($0).count <= 70 && $0.contains("People (") && !$0.contains("│") }
    #expect(narrow.contains("People ("))
    session.resize(width: 130, height: 40)
    let wide = session.waitFor { $0.contains("│") && $0.contains("People (") }
    #expect(wide.contains("│"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }
}
