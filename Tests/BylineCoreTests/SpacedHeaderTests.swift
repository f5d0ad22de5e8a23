import Testing

@testable import BylineCore

@Suite("A header whose lines are separated by blank lines")
struct SpacedHeaderTests {
  @Test func titleStandfirstReadTimeAndDateEachInAGroupOfTheirOwn() {
    let article = ArticleParser.parse(
      """
      Harbour strike ends after nine days

      Dock workers return on Monday after the union accepts a new pay offer.

      3 min read

      12 March 2024

      Dock workers at the port of Skerry will return to work on Monday, the union said.

      The offer was accepted by a large majority.
      """, source: "strike.txt")
    #expect(article.title == "Harbour strike ends after nine days")
    #expect(article.standfirst == "Dock workers return on Monday after the union accepts a new pay offer.")
    #expect(article.statedReadTimeMinutes == 3)
    #expect(article.date == ArticleDate(year: 2024, month: 3, day: 12))
    #expect(
      article.paragraphs.map { article.text(of: $0) } == [
        "Dock workers at the port of Skerry will return to work on Monday, the union said.",
        "The offer was accepted by a large majority.",
      ])
  }

  @Test func withoutMetadataLaterASingleLineStaysTheFirstParagraph() {
    let article = ArticleParser.parse(
      """
      Harbour strike ends after nine days

      Dock workers return on Monday after the union accepts a new pay offer.

      The offer was accepted by a large majority.
      """, source: "strike.txt")
    #expect(article.standfirst == nil)
    #expect(article.paragraphs.count == 2)
  }
}
