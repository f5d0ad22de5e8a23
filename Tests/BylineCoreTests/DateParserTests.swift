import BylineCore
import Testing

@Suite("Dates as news articles print them")
struct DateParserTests {
  @Test(arguments: [
    "13 February, 2022", "13 February 2022", "13 Feb 2022", "13th Feb. 2022", "Sunday 13 February 2022",
    "Sunday, 13 February 2022", "February 13, 2022", "Feb. 13, 2022", "Sun, Feb 13 2022",
    "2022-02-13", "2022-02-13T10:32:00Z", "2022/02/13", "Published 13 February 2022",
    "13 February 2022 10:32 GMT", "Updated on February 13, 2022 at 3.15pm",
  ])
  func acceptsCommonFormats(line: String) {
    #expect(DateParser.parse(line) == ArticleDate(year: 2022, month: 2, day: 13))
  }

  @Test(arguments: [
    "30 February 2022", "02/13/2022", "13 Febtember 2022", "the 13 February 2022 vote",
    "February 2022", "2 min read", "", "13 February 22",
  ])
  func rejectsWhatIsNotAWholeDate(line: String) {
    #expect(DateParser.parse(line) == nil)
  }

  @Test func knowsLeapYears() {
    #expect(DateParser.parse("29 February 2024") == ArticleDate(year: 2024, month: 2, day: 29))
    #expect(DateParser.parse("29 February 2023") == nil)
  }
}
