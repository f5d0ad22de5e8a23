import BylineCore
import Testing

@testable import BylineUI

@Suite("The fast wrapping path agrees with the general one")
struct TextWrapperFastPathTests {
  @Test func sameLinesOnVariedLatinText() {
    let words = [
      "a", "shoot-to-kill", "order", "—", "well-known", "“quoted”", "x/y", "supercalifragilistic",
      "Ж", "é", "(brackets)", "end.", "it’s", "--", "a-", "-b", "NBSP\u{A0}joined",
    ]
    var seed: UInt64 = 42
    for _ in 0..<200 {
      var text = ""
      for _ in 0..<40 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += words[Int(seed >> 33) % words.count] + (seed % 7 == 0 ? "  " : " ")
      }
      let scalars = ScalarText(text)
      for width in [1, 3, 8, 20, 37] {
        #expect(
          TextWrapper.wrapSimple(scalars, range: 0..<scalars.count, width: width)
            == TextWrapper.wrapClusters(scalars, range: 0..<scalars.count, width: width), "\(text) at \(width)")
      }
    }
  }
}
