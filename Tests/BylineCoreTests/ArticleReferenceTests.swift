import BylineCore
import Foundation
import Testing

@Suite("Article references: one key each, positions kept by them")
struct ArticleReferenceTests {
  @Test func everyKindHasOneKeyThatReadsBackAsIt() {
    let references: [ArticleReference] = [
      .file(path: "/news/story.txt"),
      .fileItem(path: "/news/harbour.rss", item: "tag:harbour,2026:17"),
      .url("https://news.example.org/story.html"),
      .feedItem(feed: "https://news.example.org/feed.xml", item: "https://news.example.org/story.html"),
    ]
    #expect(
      references.map(\.key) == [
        "/news/story.txt", "/news/harbour.rss\u{1F}tag:harbour,2026:17", "https://news.example.org/story.html",
        "https://news.example.org/feed.xml\u{1F}https://news.example.org/story.html",
      ])
    #expect(references.map { ArticleReference(key: $0.key) } == references)
    #expect(references.map(\.isFeedItem) == [false, true, false, true])
    #expect(references[3].container == "https://news.example.org/feed.xml")
    #expect(references[1].description == "tag:harbour,2026:17 in /news/harbour.rss")
  }

  @Test func whatIsTypedBecomesAFileOrAURL() {
    #expect(ArticleReference(typed: "HTTPS://example.org/a") == .url("HTTPS://example.org/a"))
    #expect(ArticleReference(typed: "/tmp/a/../b.txt") == .file(path: "/tmp/b.txt"))
    let relative = ArticleReference(typed: "notes/c.md")
    #expect(relative.filePath == FileManager.default.currentDirectoryPath + "/notes/c.md")
  }

  @Test func positionsSavedByPathOrURLAreFoundByReferenceAndItemsHaveTheirOwn() {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "byline-ref-\(UUID().uuidString)/positions.json")
    var store = ReadingPositionStore(fileURL: url)
    // Saved the way older versions did: by path and by URL.
    store.save(wordIndex: 40, wordCount: 500, for: "/tmp/a/../a/story.txt")
    store.save(wordIndex: 7, wordCount: 90, for: "https://example.org/page.html")
    store.save(
      wordIndex: 12, wordCount: 300, for: ArticleReference.feedItem(feed: "https://example.org/feed", item: "42"))
    let reloaded = ReadingPositionStore(fileURL: url)
    #expect(reloaded.position(for: ArticleReference.file(path: "/tmp/a/story.txt"))?.wordIndex == 40)
    #expect(reloaded.position(for: ArticleReference.url("https://example.org/page.html"))?.wordIndex == 7)
    #expect(
      reloaded.position(for: ArticleReference.feedItem(feed: "https://example.org/feed", item: "42"))?.wordIndex == 12)
    #expect(reloaded.position(for: ArticleReference.feedItem(feed: "https://example.org/feed", item: "43")) == nil)
    let json = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    #expect(json.contains("\"\\/tmp\\/a\\/story.txt\"") || json.contains("\"/tmp/a/story.txt\""))
  }
}
