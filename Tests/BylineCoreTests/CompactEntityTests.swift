import Foundation
import Testing

@testable import BylineCore

/// The compact entity and the tables the grouper keeps for a list of many names: literal
/// inputs, exact answers.
@Suite struct CompactEntityTests {
  // MARK: - Entity

  /// "Ann Lee said Lee left." with "Ann Lee" at 0..<7 and "Lee" at 13..<16.
  let text = Entity.SharedText(ScalarText("Ann Lee said Lee left."))

  @Test func sliceNamedEntityReadsItsNameFromTheText() {
    let e = Entity(kind: .person, text: text, mention: 0..<7)
    #expect(e.name == "Ann Lee")
    #expect(e.mentions == [0..<7])
    #expect(e.mentionCount == 1)
    #expect(e.aliases == [])
    #expect(e.role == nil)
    #expect(e.nameSlice?.range == 0..<7)
    #expect(e == Entity(kind: .person, name: "Ann Lee", mentions: [0..<7]))
  }

  @Test func aSecondMentionKeepsTheNameAndSortsByStart() {
    var e = Entity(kind: .person, text: text, mention: 13..<16)
    e.appendMention(0..<7)
    #expect(e.nameSlice == nil)
    #expect(e.name == "Lee")
    #expect(e.mentions == [13..<16, 0..<7])
    e.sortMentions()
    #expect(e.mentions == [0..<7, 13..<16])
    #expect(e.name == "Lee")
    #expect(e.mentionCount == 2)
  }

  @Test func settersChangeOneCopyOnly() {
    let original = Entity(kind: .person, text: text, mention: 0..<7)
    var renamed = original
    renamed.name = "Ann B. Lee"
    renamed.aliases.append("Ann Lee")
    renamed.role = "spokeswoman"
    var copy = renamed
    copy.role = "pensioner"
    copy.mentions = [13..<16]
    #expect(original.name == "Ann Lee" && original.role == nil && original.aliases == [])
    #expect(renamed.name == "Ann B. Lee")
    #expect(renamed.aliases == ["Ann Lee"])
    #expect(renamed.role == "spokeswoman")
    #expect(renamed.mentions == [0..<7])
    #expect(copy.role == "pensioner")
    #expect(copy.mentions == [13..<16])
    #expect(copy.name == "Ann B. Lee")
  }

  @Test func changingTheMentionsOfASliceNamedEntityKeepsItsName() {
    var e = Entity(kind: .organisation, text: text, mention: 0..<7)
    e.mentions = [13..<16, 17..<21]
    #expect(e.name == "Ann Lee")
    #expect(e.mentions == [13..<16, 17..<21])
    e.mentions = []
    #expect(e.mentions == [] && e.mentionCount == 0)
    #expect(e.name == "Ann Lee")
  }

  @Test func publicInitialiserKeepsEveryField() {
    let e = Entity(kind: .place, name: "Almaty", aliases: ["Alma-Ata"], role: nil, mentions: [4..<10, 0..<3])
    #expect(e.kind == .place)
    #expect(e.name == "Almaty")
    #expect(e.aliases == ["Alma-Ata"])
    #expect(e.mentions == [4..<10, 0..<3])
    #expect(e != Entity(kind: .place, name: "Almaty", aliases: [], mentions: [4..<10, 0..<3]))
  }

  // MARK: - ScalarHashIndex

  @Test func scalarHashIndexAnswersAsADictionary() {
    var index = ScalarHashIndex()
    var dictionary: [ScalarHash: Int] = [:]
    // Enough keys to grow the table several times, some set twice.
    for i in 0..<1000 {
      let key = ScalarHash("name \(i % 700)")
      index[key] = i
      dictionary[key] = i
    }
    for i in 0..<1400 {
      let key = ScalarHash("name \(i)")
      #expect(index[key] == dictionary[key])
    }
    #expect(index[ScalarHash("name 5")] == 705)
    #expect(index[ScalarHash("name 699")] == 699)
    #expect(index[ScalarHash("name 700")] == nil)
    var reserved = ScalarHashIndex()
    reserved.reserveCapacity(3)
    #expect(reserved[ScalarHash("x")] == nil)
    reserved[ScalarHash("x")] = 0
    #expect(reserved[ScalarHash("x")] == 0)
  }

  // MARK: - Keys compared without being made

  @Test func headlineKeyComparedByteByByte() {
    #expect(ArticleParser.hasKey("Names, and others!", "namesandothers"))
    #expect(ArticleParser.hasKey("NAMES", "names"))
    #expect(!ArticleParser.hasKey("Names and", "names"))
    #expect(!ArticleParser.hasKey("Nam", "names"))
    #expect(!ArticleParser.hasKey("Nomes", "names"))
    #expect(ArticleParser.hasKey("", ""))
    #expect(ArticleParser.hasKey("--", ""))
    // Not ASCII: compared by the keys, as before.
    #expect(ArticleParser.hasKey("Café Zürich", ArticleParser.normalizedKey("CAFÉ ZÜRICH")))
    #expect(!ArticleParser.hasKey("Cafe Zurich", ArticleParser.normalizedKey("Café Zürich")))
    for (line, title) in [("A b", "ab"), ("Ab 2", "ab2"), ("Ab", "ab2"), ("É", "é")] {
      #expect(ArticleParser.hasKey(line, title) == (ArticleParser.normalizedKey(line) == title))
    }
    // Not ASCII, read scalar by scalar: the same answers as comparing the keys, for keys
    // equal, one scalar short, one too long and differing, and for scalars that lowercase to
    // two ("İ") or to none that counts ("“").
    let lines = ["“Dockers” strike", "İstanbul 2024", "Ærø — ÉTÉ", "ǅemal ΣΟΦΙΑ", "“", "½ price"]
    for line in lines {
      let key = ArticleParser.normalizedKey(line)
      let others = [key, String(key.dropLast()), key + "x", "z" + key.dropFirst(), ""]
      for other in others {
        #expect(ArticleParser.keyMatches(line, other) == (key == other), "\(line) / \(other)")
        #expect(ArticleParser.hasKey(line, other) == (key == other), "\(line) / \(other)")
      }
    }
  }

  @Test func firstWordHashAsTheSplitGivesIt() {
    func split(_ form: String) -> ScalarHash? {
      EntityRecognizer.slowLowercasedFirstWordHash(form)
    }
    func fast(_ form: String) -> ScalarHash? {
      EntityRecognizer.lowercasedFirstWordHash(form.unicodeScalars) { form }
    }
    for form in [
      "Adela Kakaka0", "  Leading spaces", "One", "", "   ", "ÉMILE Zola", "Zoë Ball", "Ab \u{301}cd", "MIXED case",
    ] {
      #expect(fast(form) == split(form), "\(form)")
    }
    #expect(fast("Adela Kakaka0") == ScalarHash("adela"))
    #expect(fast("  Leading spaces") == ScalarHash("leading"))
    #expect(fast("") == nil)
    #expect(fast("Ab \u{301}cd") == ScalarHash("ab \u{301}cd"))
  }
}
