import Testing

@testable import BylineCore

@Suite("Links: kept from Markdown, anchored in the text")
struct ArticleLinksTests {
  static let markdown = """
    # Harbour notes

    See [the report](https://example.org/report "The report") and [the desk][desk], \
    <https://example.org/a>, ![a map](https://example.org/map.png), [a page](/relative) \
    and [code](javascript:alert(1)).

    [Nested ![logo](l.png) text](https://example.org/p_(x)) and [Desk].

    [desk]: mailto:desk@example.org
    [DESK]: https://example.org/ignored
    """

  @Test func markdownKeepsInlineReferenceAndAutolinksButNotImagesOrOtherTargets() {
    let article = MarkdownReader.parse(ArticleLinksTests.markdown, source: "notes.md")
    #expect(
      article.links == [
        ArticleLink(text: "the report", url: "https://example.org/report"),
        ArticleLink(text: "the desk", url: "mailto:desk@example.org"),
        ArticleLink(text: "https://example.org/a", url: "https://example.org/a"),
        ArticleLink(text: "Nested logo text", url: "https://example.org/p_(x)"),
        ArticleLink(text: "Desk", url: "mailto:desk@example.org"),
      ])
    // The definitions are not text; every link keeps its text in the paragraph.
    #expect(
      article.paragraphs.map { article.text(of: $0) } == [
        "See the report and the desk, https://example.org/a, a map, a page and code.",
        "Nested logo text and Desk.",
      ])
  }

  @Test func linkRangesPointAtEachLinksTextInOrder() {
    let article = MarkdownReader.parse(ArticleLinksTests.markdown, source: "notes.md")
    let ranges = article.linkRanges()
    #expect(ranges.count == 5)
    for (link, range) in zip(article.links, ranges) {
      #expect(range.map { article.text(in: $0) } == link.text)
    }
  }

  @Test func anchoringTakesWholeWordsAfterThePreviousLinkAndAnyWhiteSpace() {
    let text = Array("a part of art, then art\n  history; and art".unicodeScalars)
    #expect(Article.find(Array("art".unicodeScalars), in: text, from: 0) == 10..<13)
    #expect(Article.find(Array("art".unicodeScalars), in: text, from: 13) == 20..<23)
    #expect(Article.find(Array("art history".unicodeScalars), in: text, from: 0) == 20..<33)
    #expect(Article.find(Array("history".unicodeScalars), in: text, from: 35) == nil)
  }

  @Test func onlyAbsoluteWebAndMailAddressesAreKept() {
    #expect(ArticleLink.acceptedURL(" https://example.org/a?b=c#d ") == "https://example.org/a?b=c#d")
    #expect(ArticleLink.acceptedURL("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG")
    #expect(ArticleLink.acceptedURL("mailto:desk@example.org") == "mailto:desk@example.org")
    #expect(ArticleLink.acceptedURL("https://") == nil)
    #expect(ArticleLink.acceptedURL("https://example.org/a b") == nil)
    #expect(ArticleLink.acceptedURL("https://example.org/\u{1B}[2J") == nil)
    #expect(ArticleLink.acceptedURL("javascript:alert(1)") == nil)
    #expect(ArticleLink.acceptedURL("/relative/path") == nil)
    #expect(ArticleLink.acceptedURL("ftp://example.org") == nil)
  }

  @Test func aSanitisedAddressHasNoControlsBidiOrWhiteSpace() {
    #expect(
      ArticleLink.sanitizedURL("https://example.org/\n rm -rf\u{1B}[0m\u{202E}x\u{85}")
        == "https://example.org/rm-rf[0mx")
  }
}
