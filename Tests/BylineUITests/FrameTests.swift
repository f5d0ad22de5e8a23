import BylineUI
import Testing

@Suite("Frames: grids of styled cells")
struct FrameTests {
  @Test func wideCharactersFillTwoCells() {
    var frame = Frame(width: 12, height: 1)
    let next = frame.put("東京 Аиман", row: 0, column: 0, role: .text)
    #expect(next == 10)
    #expect(frame[0, 1].isContinuation)
    #expect(frame.plainText == "東京 Аиман")
  }

  @Test func aWideCharacterThatDoesNotFitIsNotSplit() {
    var frame = Frame(width: 5, height: 1)
    frame.put("ab東京", row: 0, column: 0, role: .quote)
    #expect(frame.plainText == "ab東")
    #expect(frame[0, 4].text == " ")
    #expect(frame[0, 4].role == .quote)
  }

  @Test func writingOutsideTheFrameIsIgnored() {
    var frame = Frame(width: 3, height: 1)
    frame.put("abc", row: 5, column: 0, role: .text)
    frame.put("abcdef", row: 0, column: 1, role: .text)
    #expect(frame.plainText == " ab")
  }

  @Test func roleMapShowsStyles() {
    var frame = Frame(width: 6, height: 1)
    frame.put("ab", row: 0, column: 0, role: .text)
    frame.put("cd", row: 0, column: 2, role: .quote)
    #expect(frame.roleMap(row: 0, legend: [.quote: "Q", .text: "-"]) == "--QQ--")
  }
}
