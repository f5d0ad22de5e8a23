import BylineCore
import Testing

/// Lines made to be slow: each bracket was once searched for from every other, a link's text
/// read again for each link around it, and each blockquote level copied the line (a 200 KB
/// file held the reader for minutes). The answers
/// stay those of ordinary Markdown; how fast they come is for `byline bench`.
@Suite("Markdown lines made to be slow read as Markdown")
struct MarkdownHostileLinesTests {
  @Test func manyQuoteLevelsAreOneBlockQuote() {
    let article = MarkdownReader.parse("Title\n\n" + String(repeating: "> ", count: 50_000) + "Deep.\n", source: "x.md")
    #expect(article.blocks.map(\.shape) == [.plain, .blockQuote])
    #expect(article.text(of: article.blocks[1]) == "Deep.")
  }

  @Test func unclosedLinksStayText() {
    let line = String(repeating: "[a](", count: 20_000)
    #expect(MarkdownReader.stripInline(line) == line)
    let angles = String(repeating: "<", count: 20_000)
    #expect(MarkdownReader.stripInline(angles) == angles)
    let opens = String(repeating: "[", count: 20_000) + "a"
    #expect(MarkdownReader.stripInline(opens) == opens)
  }

  @Test func linksInsideLinksAreReadInOnePass() {
    let text = "Title\n\nSee [[a](http://a.example) b](http://b.example) and ![[c](http://c.example)](i.png).\n"
    let article = MarkdownReader.parse(text, source: "x.md")
    #expect(article.text(of: article.blocks[1]) == "See a b and c.")
    // The inner link first, as it ends first; none inside an image.
    #expect(article.links.map(\.text) == ["a", "a b"])
    #expect(article.links.map(\.url) == ["http://a.example", "http://b.example"])
    let nested = String(repeating: "[", count: 100_000) + "x" + String(repeating: "](u)", count: 100_000)
    #expect(MarkdownReader.stripInline(nested) == "x")
    let deep = String(repeating: "[", count: 30_000) + "x" + String(repeating: "]", count: 30_000)
    #expect(MarkdownReader.stripInline(deep) == deep)
  }

  @Test func aLinksTextIsKeptUpTo1000Characters() {
    let long = String(repeating: "a", count: 5_000)
    let article = MarkdownReader.parse("Title\n\n[\(long)](http://a.example)\n", source: "x.md")
    #expect(article.links.map(\.text) == [String(repeating: "a", count: 1_000)])
  }

  @Test func referencesAreLookedUpByLabelsOfAtMost999Characters() {
    let long = String(repeating: "b", count: 1000)
    let text = "Title\n\nSee [a] and [\(long)].\n\n[a]: https://a.example\n[\(long)]: https://b.example\n"
    let article = MarkdownReader.parse(text, source: "x.md")
    #expect(article.links.map(\.url) == ["https://a.example"])
  }
}
