import BylineCore
import Testing

@testable import BylineUI

/// Markdown's headings, lists and block quotes keep their shape in the reader.
@Suite("Markdown shapes in the reader")
struct MarkdownShapeTests {
  static let text = """
    # Harbour notes

    The plan has three parts:

    - a new quay for the ferries that come in at night
    - two cranes
    - a shed

    ## What the mayor said

    > We have waited for this
    > for twenty years.

    1. Dredging
    2. Building

    The work starts in May.
    """

  @Test func blocksCarryTheirShapeAndTheMarkers() {
    let article = MarkdownReader.parse(Self.text, source: "plan.md")
    let paragraphs = article.paragraphs
    #expect(
      paragraphs.map { article.text(of: $0) } == [
        "The plan has three parts:", "• a new quay for the ferries that come in at night", "• two cranes", "• a shed",
        "What the mayor said", "We have waited for this for twenty years.", "1. Dredging", "2. Building",
        "The work starts in May.",
      ])
    #expect(
      paragraphs.map(\.shape) == [
        .plain, .listItem, .listItem, .listItem, .heading, .blockQuote, .listItem, .listItem, .plain,
      ])
    #expect(paragraphs.map(\.continuesGroup) == [false, false, true, true, false, false, false, true, false])
  }

  @Test func theReaderDrawsThemInShape() {
    let article = MarkdownReader.parse(Self.text, source: "plan.md")
    let state = ReaderState(analysis: ArticleAnalysis(article: article), width: 40, height: 24)
    let frame = ReaderView.render(state)
    #expect(
      frame.plainText == """
         Harbour notes

         1 min read (41 words)
         ────────────────────────

         The plan has three parts:

         • a new quay for the ferries that
           come in at night
         • two cranes
         • a shed

         What the mayor said

         │ We have waited for this for twenty
         │ years.

         1. Dredging
         2. Building

         The work starts in May.


         page 1/1 · 0%  est. 1 min · 1 min left
        """)
    // The heading in the title's style, the quote's bar in the meta style, its text as text.
    #expect(frame[12, 1].role == .title)
    #expect(frame[14, 1].role == .meta)
    #expect(frame[14, 3].role == .text)
  }
}
