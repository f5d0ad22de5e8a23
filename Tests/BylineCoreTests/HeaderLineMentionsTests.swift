import Foundation
import Testing

@testable import BylineCore

/// Names in the byline and dateline lines of the header (issue 10, point 4): a byline names
/// people, a dateline places, in capitals too, joined to the body's entities case ignored.
@Suite struct HeaderLineMentionsTests {
  func analyse(_ text: String) -> ArticleAnalysis {
    ArticleAnalysis(article: ArticleParser.parse(text, source: "test"))
  }

  /// The entity's mentions as the text they cover.
  func mentions(_ a: ArticleAnalysis, _ name: String) -> [String] {
    a.entities.first { $0.name == name }.map { $0.mentions.map { a.article.text(in: $0) } } ?? []
  }

  @Test func bylineAndDatelineAreBlocksOfTheirOwnKind() {
    let article = parse(
      "Floods close the port road\n\nBy Jane Smith\nKHASAVYURT, Russia 1996-08-31\n\nThe road was shut on Friday.")
    #expect(article.texts(.byline) == ["By Jane Smith"])
    #expect(article.texts(.dateline) == ["KHASAVYURT, Russia 1996-08-31"])
    #expect(article.author == "Jane Smith")
    #expect(article.dateline == "KHASAVYURT Russia")
    #expect(article.paragraphs.count == 1)
  }

  @Test func aDatelineNamesItsPlaceAndRegionButNotItsDate() {
    let a = analyse("Talks resume\n\nAL-RAM, West Bank 1996-08-30\n\nTalks resumed on Friday in the town.")
    #expect(mentions(a, "Al-Ram") == ["AL-RAM"])
    #expect(mentions(a, "West Bank") == ["West Bank"])
    #expect(a.entities.filter { $0.kind == .place }.map(\.name).sorted() == ["Al-Ram", "West Bank"])
  }

  @Test func aDatelineNameTheBodyGivesJoinsTheBodysEntity() {
    let a = analyse(
      "Aid budget agreed\n\nUNITED NATIONS 1996-08-29\n\nThe United Nations said on Thursday that aid would rise.")
    let un = a.entities.first { TextFold.key($0.name) == "united nations" }
    #expect(un?.kind == .organisation)
    #expect(un.map { $0.mentions.map { a.article.text(in: $0) } } == ["UNITED NATIONS", "United Nations"])
  }

  @Test func aDatelinePlaceTheGazetteerKnowsMakesTheBodysNameAPlace() {
    let a = analyse(
      "Drag race kills two\n\nDALLAS 1996-08-31\n\nA race on a Dallas street turned deadly, and Dallas youths fled.")
    let dallas = a.entities.filter { $0.name == "Dallas" }
    #expect(dallas.map(\.kind) == [.place])
    #expect(dallas.first.map { $0.mentions.map { a.article.text(in: $0) } } == ["DALLAS", "Dallas", "Dallas"])
  }

  @Test func aBylineNamesItsAuthorsNotTheirDesk() {
    let a = analyse(
      "Harbour talks collapse\n\nBy Jane Smith and Ali Khan, BBC News\n\nThe talks ended on Monday without a deal.")
    let people = a.entities.filter { $0.kind == .person }.map(\.name).sorted()
    #expect(people == ["Ali Khan", "Jane Smith"])
    #expect(!a.entities.contains { $0.name.contains("BBC") && $0.kind == .person })
  }

  @Test func aBylineOfRolesNamesNoOne() {
    let a = analyse("Harbour talks collapse\n\nBy Staff Reporter\n\nThe talks ended on Monday without a deal.")
    #expect(a.entities.filter { $0.kind == .person }.isEmpty)
  }

  @Test func aBylineInCapitalsJoinsTheBodysPerson() {
    let a = analyse(
      "Harbour talks collapse\n\nBy JANE SMITH\n\nThe talks ended on Monday, Jane Smith said in her report.")
    #expect(mentions(a, "Jane Smith") == ["JANE SMITH", "Jane Smith"])
    #expect(a.entities.filter { $0.kind == .person }.count == 1)
  }

  @Test func aBylineAuthorTheBodyDoesNotNameIsWrittenInTitleCase() {
    let a = analyse("Harbour talks collapse\n\nBY PRIYA RAMAN\n\nThe talks ended on Monday without a deal.")
    #expect(mentions(a, "Priya Raman") == ["PRIYA RAMAN"])
  }

  /// A wire byline is a bare name line in the header ("Emese Bartha" under the headline).
  @Test func aBareNameLineInTheHeaderIsAByline() {
    let a = analyse(
      "Hungary's shares rise\n\nEmese Bartha\nBUDAPEST 1996-08-30\n\nShares rose on Friday in thin trade.")
    #expect(a.article.texts(.byline) == ["Emese Bartha"])
    #expect(mentions(a, "Emese Bartha") == ["Emese Bartha"])
    #expect(mentions(a, "Budapest") == ["BUDAPEST"])
  }

  /// Mentions in header lines report the file's own offsets, as every span does.
  @Test func headerMentionsMapToTheFile() {
    let text = "Talks resume\n\nBy Jane Smith\nLONDON 1996-08-30\n\nTalks resumed on Friday."
    let a = analyse(text)
    for entity in a.entities {
      for m in entity.mentions {
        let source = a.article.sourceMap.sourceRange(m)
        #expect(scalarSlice(text, source) == a.article.text(in: m))
      }
    }
    #expect(Set(a.entities.map(\.name)) == ["Jane Smith", "London"])
  }

  /// Header lines are metadata: no quote is looked for in them and a reader's search skips
  /// them (it shows them as the metadata line, not as text).
  @Test func headerLinesHoldNoQuotes() {
    let a = analyse("Talks resume\n\nBy Jane “JJ” Smith\n\nTalks resumed on Friday.")
    #expect(a.article.texts(.byline) == ["By Jane “JJ” Smith"])
    #expect(a.quotes.isEmpty)
  }
}
