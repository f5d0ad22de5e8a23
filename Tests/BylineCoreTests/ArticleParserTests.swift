import BylineCore
import Testing

/// A clipped article in the reference shape, written for these tests.
let clippedArticle = """
  Ferry crews walk out over new rota

  Ferry crews walk out over new rota
  Crews on the island ferries stopped work on Monday in a dispute over shifts.
  3 min read
  4 March, 2024
  A ferry waits at the harbour wall in Portwick [source: Reuters]

  Ferry crews on the northern route walked out on Monday, stranding hundreds of passengers.

  Live Story

  "We were never asked," said deckhand Mara Quill, who has worked the route for a decade.

  Advertisement

  The operator said services would resume "as soon as possible".

  """

@Suite("Parsing the clipped-article format")
struct ArticleParserTests {
  @Test func readsEveryHeaderPartByItsShape() {
    let article = parse(clippedArticle)
    #expect(article.title == "Ferry crews walk out over new rota")
    #expect(article.standfirst == "Crews on the island ferries stopped work on Monday in a dispute over shifts.")
    #expect(article.statedReadTimeMinutes == 3)
    #expect(article.date == ArticleDate(year: 2024, month: 3, day: 4))
    #expect(article.texts(.caption) == ["A ferry waits at the harbour wall in Portwick [source: Reuters]"])
    let caption = article.captions[0]
    #expect(caption.creditRange.map { article.text(in: $0) } == "Reuters")
    #expect(caption.captionTextRange.map { article.text(in: $0) } == "A ferry waits at the harbour wall in Portwick")
  }

  @Test func dropsTheRepeatedTitleAndKeepsFurnitureOutOfTheBody() {
    let article = parse(clippedArticle)
    #expect(article.texts(.title).count == 1)
    #expect(article.texts(.furniture) == ["Live Story", "Advertisement"])
    #expect(article.paragraphs.count == 3)
    #expect(
      !article.texts(.paragraph).contains { $0.contains("Live Story") || $0.contains("Ferry crews walk out over") })
  }

  @Test func metadataInAnotherOrderStillParses() {
    let article = parse(
      """
      Council votes to close library

      Council votes to close library
      The vote was close and the hall was full.
      Tuesday, 9 January 2024
      A reading room [source: AP]
      5 min read

      Councillors voted by seven to six.
      """)
    #expect(article.title == "Council votes to close library")
    #expect(article.standfirst == "The vote was close and the hall was full.")
    #expect(article.date == ArticleDate(year: 2024, month: 1, day: 9))
    #expect(article.statedReadTimeMinutes == 5)
    #expect(article.paragraphs.count == 1)
  }

  @Test(arguments: [
    ("3 min read", 3), ("5-min read", 5), ("Reading time: 12 minutes", 12), ("Read time - 2 mins", 2),
    ("3 min", nil), ("read 3 min now please", nil), ("1000 min read", nil),
  ])
  func readTimeLines(line: String, minutes: Int?) {
    let kind = LineClassifier.classify(line)
    if let minutes {
      #expect(kind == .readTime(minutes: minutes))
    } else if case .readTime = kind {
      Issue.record("\(line) read as a read time")
    }
  }

  @Test func aFileWithoutMetadataHasATitleAndParagraphs() {
    let article = parse("Storm closes bridge\n\nThe bridge shut at noon.\n\nIt reopened at six.\n")
    #expect(article.title == "Storm closes bridge")
    #expect(article.standfirst == nil)
    #expect(article.date == nil)
    #expect(article.statedReadTimeMinutes == nil)
    #expect(article.texts(.paragraph) == ["The bridge shut at noon.", "It reopened at six."])
  }

  @Test func aFileOfOneLongParagraphHasNoTitle() {
    let long = Array(repeating: "word", count: 40).joined(separator: " ") + "."
    let article = parse(long)
    #expect(article.title == nil)
    #expect(article.paragraphs.count == 1)
    #expect(article.displayTitle == "test.txt")
  }

  @Test func wireHeaderGivesAuthorDatelineAndDate() {
    let article = parse(
      """
      SOCCER - LOCAL SIDE WINS CUP.

      Dana Whitlow
      PORTWICK 1996-08-30

      The local side won the cup on Friday.
      """)
    #expect(article.title == "SOCCER - LOCAL SIDE WINS CUP.")
    #expect(article.author == "Dana Whitlow")
    #expect(article.dateline == "PORTWICK")
    #expect(article.date == ArticleDate(year: 1996, month: 8, day: 30))
    #expect(article.texts(.paragraph) == ["The local side won the cup on Friday."])
  }

  @Test func aDateInTheBodyStaysBodyText() {
    let article = parse("Title here\n\nFirst paragraph of text.\n\n4 March 2024\n")
    #expect(article.date == nil)
    #expect(article.texts(.paragraph) == ["First paragraph of text.", "4 March 2024"])
  }

  @Test func linesOfOneGroupJoinIntoAParagraph() {
    let article = parse(
      "Title here\n\nThe first line of a paragraph that wraps in the file and\ngoes on to a second line of the same paragraph.\n"
    )
    #expect(
      article.texts(.paragraph) == [
        "The first line of a paragraph that wraps in the file and goes on to a second line of the same paragraph."
      ])
  }

  @Test func shortLinesOfOneGroupStayLines() {
    let article = parse("Results\n\nTeam A 3 Team B 1\nTeam C 0 Team D 0\n")
    #expect(article.texts(.paragraph) == ["Team A 3 Team B 1", "Team C 0 Team D 0"])
    #expect(article.paragraphs.map(\.continuesGroup) == [false, true])
  }

  @Test func windowsLineEndingsParse() {
    let article = parse("Title here\r\n\r\nOne paragraph.\r\n\r\nTwo paragraph.\r\n")
    #expect(article.texts(.paragraph) == ["One paragraph.", "Two paragraph."])
  }

  @Test func modelOffsetsMapBackToTheSource() {
    let source = "Title here\n\n\u{1B}[31mRed\u{1B}[0m text with a \u{202E}trick.\n"
    let article = parse(source)
    let paragraph = article.paragraphs[0]
    #expect(article.text(of: paragraph) == "Red text with a trick.")
    let word = paragraph.range.lowerBound + 4..<paragraph.range.lowerBound + 8  // "text"
    #expect(article.text(in: word) == "text")
    #expect(scalarSlice(source, article.sourceMap.sourceRange(word)) == "text")
    let trick = paragraph.range.lowerBound + 16..<paragraph.range.lowerBound + 21
    #expect(article.text(in: trick) == "trick")
    #expect(scalarSlice(source, article.sourceMap.sourceRange(trick)) == "trick")
  }
}
