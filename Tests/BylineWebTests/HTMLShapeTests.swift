import BylineCore
import Foundation
import Testing

@testable import BylineWeb

@Suite("Web pages keep the shape of headings and lists")
struct HTMLShapeTests {
  @Test func headingsAndListItemsAreMarkedAsSuch() throws {
    let html = page(
      body: """
        <article><h1>Dockers strike</h1><p>\(prose[0])</p><h2>What comes next</h2><p>\(prose[1])</p>
        <ul><li>Talks resume Monday</li><li>Ships wait offshore</li></ul><p>\(prose[3])</p></article>
        """)
    let article = try HTMLArticleReader.read(html, source: "p.html")
    let shaped = article.paragraphs.map { "\($0.shape): \(article.text(of: $0))" }
    #expect(
      shaped == [
        "plain: \(prose[0])", "heading: What comes next", "plain: \(prose[1])", "listItem: • Talks resume Monday",
        "listItem: • Ships wait offshore", "plain: \(prose[3])",
      ])
  }
}
