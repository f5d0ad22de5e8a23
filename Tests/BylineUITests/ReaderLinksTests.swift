import BylineCore
import Foundation
import Testing

@testable import BylineUI

/// A Markdown article with three links in its first paragraph and one in its last.
let linksArticle = """
  ---
  title: Harbour notes
  date: 2024-05-02
  ---

  The council published [the report](https://example.org/report) on Monday. Read [more](https://example.org/more) \
  or write to [the desk](mailto:desk@example.org).

  The harbour master said nothing more about the matter, and the boats went out as before.

  Tides are listed at [the port's page](https://example.org/tides).

  """

func linksState(width: Int = 40, height: Int = 12) -> ReaderState {
  let article = MarkdownReader.parse(linksArticle, source: "notes.md")
  return ReaderState(analysis: ArticleAnalysis(article: article), width: width, height: height)
}

@Suite("Links in the reader: numbers in the text, the list, open and copy")
struct ReaderLinksTests {
  @Test func theNumberFollowsTheLinkTextOnItsLineInTheLinkStyle() {
    let frame = ReaderView.render(linksState())
    // The first line is 38 columns with its "[1]", the text column's width: it fits; "desk[3]."
    // goes to the next line whole.
    #expect(
      frame.plainText == """
         Harbour notes

         2 May 2024 · 1 min read (37 words)
         ────────────────────────

         The council published the report[1] on
         Monday. Read more[2] or write to the
         desk[3].

         The harbour master said nothing more

         page 1/2 · 0%  est. 1 min · 1 min left
        """)
    // "[1]" in the link style, its text in the text style (as the empty cells around it).
    #expect(frame.roleMap(row: 5, legend: [.link: "L", .text: "t"]) == String(repeating: "t", count: 33) + "LLLtttt")
  }

  @Test func lListsTheLinksFromTheFirstOnThePage() {
    var state = linksState()
    state.apply(.lastPage)
    state.apply(.openLinks)
    #expect(state.keyContext == .links)
    let frame = ReaderView.render(state)
    #expect(
      frame.plainText == """
         about the matter, and the boats went
           Links (4)

           1 the report
           2 more
           3 the desk
           4 the port's page

           https://example.org/tides
           o opens · y copies · Esc closes

         page 2/2 · 54%              1 min left
        """)
    #expect(
      frame.roleMap(row: 6, legend: [.selection: "s", .link: "L", .panel: "p"]) == "."
        + String(repeating: "s", count: 38) + ".")
    #expect(
      frame.roleMap(row: 8, legend: [.selection: "s", .link: "L", .panel: "p"]) == ".pp"
        + String(repeating: "L", count: 25) + String(repeating: "p", count: 11) + ".")
    #expect(state.linkList?.selected == 3)
  }

  @Test func digitsArrowsAndEndsChooseALink() {
    var state = linksState()
    state.apply(.openLinks)
    #expect(state.linkList?.selected == 0)
    state.apply(.panelDown)
    #expect(state.linkList?.selected == 1)
    state.apply(.type("3"))
    #expect(state.linkList?.selected == 2)
    state.apply(.type("9"))
    #expect(state.linkList?.selected == 2)
    #expect(state.message == "no link 39")
    state.apply(.lastPage)
    #expect(state.linkList?.selected == 3)
    state.apply(.firstPage)
    #expect(state.linkList?.selected == 0)
    #expect(state.apply(.copyLink) == .copyLink(ArticleLink(text: "the report", url: "https://example.org/report")))
    #expect(state.apply(.openLink) == .openLink(ArticleLink(text: "the report", url: "https://example.org/report")))
    state.apply(.cancel)
    #expect(state.linkList == nil)
    #expect(state.keyContext == .text)
  }

  @Test func anArticleWithoutLinksSaysSo() {
    var state = readerState(width: 60, height: 12)
    state.apply(.openLinks)
    #expect(state.linkList == nil)
    #expect(ReaderView.render(state).text(row: 11) == " page 1/3 · 0% · no links in this article        1 min left")
  }

  @Test func theKeysOfTheListAreInItsHelp() {
    var state = linksState(width: 80, height: 30)
    state.apply(.openLinks)
    state.apply(.toggleHelp)
    let text = ReaderView.render(state).plainText
    #expect(text.contains("Keys: links"))
    #expect(text.contains(" Enter o      open the link with $BROWSER (else show it)"))
    #expect(text.contains(" y            copy the address (OSC 52)"))
    #expect(text.contains(" 0-9          go to the link of that number"))
    #expect(text.contains(" Esc l q      close the list"))
    #expect(ReaderKeyMap.action(for: .character("7"), in: .links) == .type("7"))
    #expect(ReaderKeyMap.action(for: .character("l"), in: .text) == .openLinks)
  }

  @Test func browserCommandLines() {
    let url = "https://example.org/a"
    #expect(LinkOpener.arguments(browser: "lynx", url: url) == ["lynx", url])
    #expect(LinkOpener.arguments(browser: "firefox --new-tab %s:lynx", url: url) == ["firefox", "--new-tab", url])
    #expect(
      LinkOpener.arguments(browser: "open -a Safari", url: url + "\n;rm") == ["open", "-a", "Safari", url + ";rm"])
    #expect(LinkOpener.arguments(browser: "", url: url) == nil)
    #expect(LinkOpener.arguments(browser: " : ", url: url) == nil)
  }

  @Test func osc52CarriesTheSanitisedAddressInBase64() {
    #expect(Clipboard.osc52("https://a.b/\n") == "\u{1B}]52;c;aHR0cHM6Ly9hLmIv\u{07}")
  }
}

/// The app on the links article, from a file, with a `$BROWSER` that writes its arguments down.
final class LinksApp {
  let folder = NSTemporaryDirectory() + "byline-links-" + UUID().uuidString
  var browser: String { folder + "/browser" }
  var opened: String { folder + "/opened" }

  init() {
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(opened)'\n"
    _ = FileManager.default.createFile(
      atPath: browser, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  func run(browser: String?, width: Int = 60, script: [VirtualBackend.Step]) -> VirtualBackend {
    let article = MarkdownReader.parse(linksArticle, source: "notes.md")
    let app = App(start: .article(article, path: nil), settings: AppSettings(browser: browser))
    let backend = VirtualBackend(width: width, height: 12, script: script)
    #expect(app.run(on: backend) == .quit)
    return backend
  }
}

@Suite("Links on the virtual backend: $BROWSER, the status bar, OSC 52")
struct AppLinksTests {
  @Test func oRunsTheBrowserWithTheAddressAsOneArgumentAndYCopiesIt() throws {
    let links = LinksApp()
    let backend = links.run(
      browser: links.browser + " --new-tab",
      script: [
        .key(.character("l")), .key(.character("j")), .key(.character("o")), .key(.character("y")),
        .key(.escape), .key(.character("Q")),
      ])
    #expect(backend.suspensions == 1)
    #expect(try String(contentsOfFile: links.opened, encoding: .utf8) == "--new-tab\nhttps://example.org/more\n")
    #expect(backend.clipboard == ["https://example.org/more"])
    #expect(backend.frames[3].text(row: 11) == " page 1/2 · 0% · opened https://example.org/more")
    #expect(backend.frames[3].text(row: 1) == "   Links (4)", "the list stays open")
    #expect(backend.frames[4].text(row: 11) == " page 1/2 · 0% · copied (OSC 52): https://example.org/more")
    #expect(!backend.frames[5].plainText.contains("Links ("), "Esc closed it")
  }

  @Test func withoutABrowserTheStatusBarShowsTheAddress() {
    let links = LinksApp()
    let backend = links.run(browser: nil, script: [.key(.character("l")), .key(.enter), .key(.character("Q"))])
    #expect(backend.suspensions == 0)
    #expect(backend.frames[2].text(row: 11) == " page 1/2 · 0% · https://example.org/report · no $BROWSER…")
  }

  @Test func aBrowserThatCannotRunSaysWhy() {
    let links = LinksApp()
    let backend = links.run(
      browser: "/nonexistent/browser", width: 100, script: [.key(.character("l")), .key(.enter), .key(.character("Q"))])
    #expect(backend.suspensions == 1)
    #expect(
      backend.frames[2].text(row: 11)
        == " page 1/2 · 0% · cannot run /nonexistent/browser ($BROWSER): No such file or directory   1 min left")
  }
}
