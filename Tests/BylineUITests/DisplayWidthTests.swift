import BylineUI
import Testing

@Suite("Display widths of grapheme clusters")
struct DisplayWidthTests {
  @Test(
    arguments: [
      ("a", 1), ("Ж", 1), ("é", 1), ("e\u{301}", 1), ("東", 2), ("ア", 2), ("한", 2), ("！", 2),
      ("😀", 2), ("👩\u{200D}🔬", 2), ("🇯🇵", 2), ("❤\u{FE0F}", 2), ("\u{301}", 0), ("ع", 1),
    ] as [(String, Int)])
  func widthOfOneCluster(text: String, width: Int) {
    #expect(DisplayWidth.width(of: Character(text)) == width)
  }

  @Test func widthOfMixedText() {
    #expect(DisplayWidth.width(of: "東京 Аиман") == 10)
    #expect(DisplayWidth.width(of: "José 👩\u{200D}🔬") == 7)
  }
}
