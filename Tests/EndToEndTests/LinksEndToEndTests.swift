import Foundation
import Testing

/// Links in a real terminal: the numbers in the text, the list, `$BROWSER` and OSC 52.
@Suite("Links in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct LinksEndToEndTests {
  @Test func listOpenWithBrowserAndCopy() throws {
    let folder = NSTemporaryDirectory() + "byline-e2e-links-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let article = folder + "/notes.md"
    try """
    # Harbour notes

    The council published [the report](https://example.org/report) on Monday. \
    Read [more](https://example.org/more?a=1&b=2).

    """.write(toFile: article, atomically: true, encoding: .utf8)
    // A browser that writes down its arguments, one a line.
    let browser = folder + "/browser"
    let opened = folder + "/opened"
    _ = FileManager.default.createFile(
      atPath: browser, contents: Data("#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(opened)'\n".utf8),
      attributes: [.posixPermissions: 0o755])

    let session = try TmuxSession(arguments: [article], width: 80, height: 20, environment: ["BROWSER": browser])
    session.acceptClipboard()
    let page = session.waitFor("page 1/")
    #expect(page.contains("The council published the report[1] on Monday. Read more[2]."))
    session.send("l")
    let list = session.waitFor("Links (2)")
    #expect(list.contains("1 the report"))
    #expect(list.contains("https://example.org/report"))
    session.send("j")
    session.waitFor("https://example.org/more?a=1&b=2")
    session.send("o")
    let back = session.waitFor("opened https://example.org/more")
    #expect(back.contains("Links (2)"), "the list is back after the browser")
    #expect(try String(contentsOfFile: opened, encoding: .utf8) == "https://example.org/more?a=1&b=2\n")
    session.send("y")
    session.waitFor("copied (OSC 52)")
    #expect(session.pasteBuffer() == "https://example.org/more?a=1&b=2")
    session.send("Escape")
    session.waitFor { !$0.contains("Links (2)") }
    session.send("q")
    #expect(session.exitStatus() == 0)
  }
}
