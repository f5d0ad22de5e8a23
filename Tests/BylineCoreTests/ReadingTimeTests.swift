import BylineCore
import Testing

@Suite("Reading time")
struct ReadingTimeTests {
  @Test func countsWordsWithALetterOrDigitInTheBodyOnly() {
    let article = parse("A title of five words\n\nOne two — three, 4 ... five.\n\nLive Story\n\nSix seven.\n")
    let time = ReadingTime(article: article)
    #expect(time.wordCount == 7)
  }

  @Test func estimateRoundsToTheNearestMinuteAndIsAtLeastOne() {
    let words = Array(repeating: "word", count: 400).joined(separator: " ")
    let time = ReadingTime(article: parse("T\n\n" + words + "\n"), wordsPerMinute: 238)
    #expect(time.estimatedMinutes == 2)  // 400 / 238 = 1.68
    #expect(ReadingTime(article: parse("T\n\nshort.\n")).estimatedMinutes == 1)
    #expect(ReadingTime(article: parse("T\n\n" + words + "\n"), wordsPerMinute: 100).estimatedMinutes == 4)
  }

  @Test func timeLeftCountsTheWordsFromAPosition() {
    let words = Array(repeating: "word", count: 476).joined(separator: " ")
    let article = parse("T\n\n" + words + "\n")
    let time = ReadingTime(article: article)
    let start = article.paragraphs[0].range.lowerBound
    #expect(time.minutesLeft(from: start) == 2)
    #expect(time.wordsLeft(from: time.wordStarts[238]) == 238)
    #expect(time.minutesLeft(from: time.wordStarts[238]) == 1)
    #expect(time.minutesLeft(from: article.scalars.count) == 0)
    #expect(time.fractionRead(before: time.wordStarts[238]) == 0.5)
  }

  @Test func cjkCharactersCountAtFiveHundredAMinute() {
    let text = String(repeating: "東", count: 1000)
    let time = ReadingTime(article: parse("T\n\n" + text + "\n"))
    #expect(time.wordCount == 1000)
    #expect(time.estimatedMinutes == 2)
  }
}
