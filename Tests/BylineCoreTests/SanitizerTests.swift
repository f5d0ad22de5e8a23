import BylineCore
import Testing

@Suite("Sanitising untrusted text")
struct SanitizerTests {
  @Test(arguments: [
    ("plain text", "plain text"),
    ("\u{1B}[1;31mred\u{1B}[0m", "red"),
    ("title\u{1B}]0;pwned\u{07}!", "title!"),
    ("osc\u{1B}]8;;http://x\u{1B}\\link", "osclink"),
    ("a\u{1B}cb", "ab"),
    ("tab\there", "tab here"),
    ("bell\u{07} nul\u{00} del\u{7F}", "bell nul del"),
    ("c1\u{9B}31mx", "c1x"),
    ("soft\u{00AD}hyphen", "softhyphen"),
    ("\u{202E}evil\u{202C} \u{2066}iso\u{2069}", "evil iso"),
    ("zero\u{200B}width\u{FEFF}", "zerowidth"),
    ("family 👩\u{200D}👩\u{200D}👧 and José", "family 👩\u{200D}👩\u{200D}👧 and José"),
  ])
  func removesWhatCouldControlTheTerminal(input: String, expected: String) {
    #expect(Sanitizer.clean(input) == expected)
  }

  @Test func keepsTheOffsetOfEveryKeptScalar() {
    let input = Array("a\u{1B}[0mb\u{00AD}c".unicodeScalars)
    let kept = Sanitizer.sanitize(input)
    #expect(kept.map { String($0.scalar) } == ["a", "b", "c"])
    #expect(kept.map(\.offset) == [0, 5, 7])
  }

  /// Found by the article fuzz target: a Markdown heading became the title as written.
  @Test func aMarkdownHeadingIsCleanedAsTheTitle() {
    for text in ["Storm\u{1F}\n=\n\nBody.\n", "# \u{1B}[31mStorm\n\nBody.\n"] {
      let article = MarkdownReader.parse(text, source: "x.md")
      #expect(article.title == "Storm")
    }
    let matter = "---\ntitle: Storm\n---\n# Storm\u{7}\n\nBody.\n"
    #expect(MarkdownReader.parse(matter, source: "x.md").blocks.filter { $0.kind == .title }.count == 1)
  }
}
