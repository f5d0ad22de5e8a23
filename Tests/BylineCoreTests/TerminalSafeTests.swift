import BylineCore
import Foundation
import Testing

@Suite("Text made safe for the terminal")
struct TerminalSafeTests {
  @Test(arguments: [
    ("plain text, José, 東京, 👩\u{200D}👩\u{200D}👧", "plain text, José, 東京, 👩\u{200D}👩\u{200D}👧"),
    ("title\u{1B}]0;PWNED\u{07}!", "title\\e]0;PWNED\\a!"),
    ("\u{1B}[2J", "\\e[2J"),
    ("c1\u{9B}31m del\u{7F} nul\u{00}", "c1\\u{9B}31m del\\u{7F} nul\\0"),
    (
      "\u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{200F}\u{061C}",
      "\\u{202E}evil\\u{202C} \\u{2066}iso\\u{2069} \\u{200F}\\u{61C}"
    ),
    ("two\nlines\tand\r\n", "two\\nlines\\tand\\r\\n"),
    ("sep\u{2028}para\u{2029}", "sep\\u{2028}para\\u{2029}"),
    ("back\\slash", "back\\slash"),
  ])
  func oneLineShowsEveryControl(input: String, expected: String) {
    #expect(TerminalSafe.line(input) == expected)
  }

  @Test func aBlockKeepsItsLines() {
    #expect(TerminalSafe.block("one\n\ttwo\r\nthree\rfour\u{1B}[A") == "one\n\ttwo\nthree\\rfour\\e[A")
    #expect(TerminalSafe.block("\r\nfirst") == "\nfirst")
    #expect(TerminalSafe.line("\u{85}\u{FFFB}\u{FFFC}") == "\\u{85}\\u{FFFB}\u{FFFC}")
  }

  @Test func jsonEscapesDelC1AndBidi() throws {
    let json = #"{"text":"a\u001b]0;x\u0007 "# + "\u{9B}31m \u{7F} \u{202E}rev\u{2069}\"}"
    let safe = TerminalSafe.json(json)
    #expect(safe == #"{"text":"a\u001b]0;x\u0007 \u009b31m \u007f \u202erev\u2069"}"#)
    // Still the same JSON value.
    let before = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    let after = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String]
    #expect(before == after)
  }

  @Test func nothingUnsafeIsLeftInAnyForm() {
    let every = String(String.UnicodeScalarView((0..<0x30000).compactMap(Unicode.Scalar.init)))
    for text in [TerminalSafe.line(every), TerminalSafe.block(every), TerminalSafe.json(every)] {
      let left = text.unicodeScalars.filter { TerminalSafe.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
      #expect(left.isEmpty)
    }
  }
}
