import BylineCore
import BylineUI
import Testing

/// The lines `text` wraps into at `width`.
private func wrap(_ text: String, _ width: Int) -> [String] {
  let scalars = ScalarText(text)
  return TextWrapper.wrap(scalars, range: 0..<scalars.count, width: width).map {
    String(String.UnicodeScalarView(scalars[$0]))
  }
}

@Suite("Wrapping text to a width")
struct TextWrapperTests {
  @Test func breaksAtSpacesAndDropsThemAtLineEnds() {
    #expect(
      wrap("the quick brown fox jumps over the lazy dog", 10)
        == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
  }

  @Test func aLineMayFillTheWidthExactly() {
    #expect(wrap("abcde fghij", 5) == ["abcde", "fghij"])
  }

  @Test func breaksAfterHyphensInsideWords() {
    #expect(wrap("a shoot-to-kill order", 10) == ["a shoot-", "to-kill", "order"])
  }

  @Test func cutsWordsLongerThanTheLine() {
    #expect(wrap("abcdefghijkl xy", 5) == ["abcde", "fghij", "kl xy"])
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect(wrap("東京 大阪 名古屋", 6) == ["東京", "大阪", "名古屋"])
  }

  @Test func cjkBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
    #expect(wrap("東京都は晴れです。明日も", 8) == ["東京都は", "晴れで", "す。明日", "も"])
  }

  @Test func combiningMarksStayWithTheirLetter() {
    #expect(wrap("Jose\u{301} Jose\u{301}", 4) == ["Jose\u{301}", "Jose\u{301}"])
  }

  @Test func noBreakSpaceHolds() {
    #expect(wrap("pay 100\u{A0}kr now", 8) == ["pay", "100\u{A0}kr", "now"])
  }

  @Test func emptyAndSpaceOnlyTextHasNoLines() {
    #expect(wrap("", 10) == [])
    #expect(wrap("   ", 10) == [])
  }
}
