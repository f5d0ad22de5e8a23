import BylineCore
import Testing

/// The texts of the matches of `query` in `text`.
private func find(_ query: String, in text: String) -> [String] {
  let scalars = ScalarText(text)
  return TextSearch(scalars: scalars).matches(query).map { String(String.UnicodeScalarView(scalars[$0])) }
}

@Suite("Searching the article text")
struct TextSearchTests {
  @Test func ignoresCaseAndAccentsForALowerCaseQuery() {
    #expect(find("jose", in: "José and JOSE and jose") == ["José", "JOSE", "jose"])
    #expect(find("jose", in: "Jose\u{301} came") == ["Jose\u{301}"])
  }

  @Test func aCapitalMakesTheSearchCaseSensitiveNotAccentSensitive() {
    #expect(find("Jose", in: "José and Jose and jose and JOSE") == ["José", "Jose"])
    #expect(find("José", in: "Jose\u{301} and Jose and jose") == ["Jose\u{301}", "Jose"])
  }

  @Test func matchesAcrossLineBreaksAndSpaceRuns() {
    #expect(find("deep mourning", in: "is in deep\n  mourning now") == ["deep\n  mourning"])
  }

  @Test func neverMatchesAcrossSeparateRanges() {
    let scalars = ScalarText("end of one. start of two")
    let search = TextSearch(scalars: scalars, ranges: [0..<11, 12..<24])
    #expect(search.matches("one. start").isEmpty)
    #expect(search.matches("start").count == 1)
  }

  /// The reader's search over an article's blocks: furniture and the header's byline and
  /// dateline lines are left out, and no match runs from one block into the next.
  @Test func theBodyOfABlockListIsSearchedBlockByBlock() {
    let scalars = ScalarText("By Ann Lee\n\nAdvertisement said\n\nShe said\n\nso said")
    let blocks = [
      Block(kind: .byline, range: 0..<10), Block(kind: .furniture, range: 12..<30),
      Block(kind: .paragraph, range: 32..<40), Block(kind: .paragraph, range: 42..<49),
    ]
    let search = TextSearch(scalars: scalars, bodyOf: blocks)
    #expect(search.matches("said") == [36..<40, 45..<49])
    #expect(search.matches("ann").isEmpty)
    #expect(search.matches("said so").isEmpty)
    #expect(!TextSearch.isSearched(blocks[0]) && !TextSearch.isSearched(blocks[1]) && TextSearch.isSearched(blocks[2]))
  }

  @Test func emptyQueryFindsNothing() {
    #expect(find("  ", in: "text").isEmpty)
  }
}

@Suite("One text fold")
struct TextFoldTests {
  @Test func keysFoldCaseAccentsApostrophesAndPunctuation() {
    #expect(TextFold.key("Siobhán O’Connor-Quinn, Jr.") == "siobhan oconnor quinn jr")
    #expect(TextFold.key("O'Connor") == TextFold.key("oconnor"))
    #expect(TextFold.key("  Zürich ") == "zurich")
  }

  @Test func theReaderSearchIgnoresApostrophesAsThePickersDo() {
    let scalars = ScalarText("Siobhán O’Connor said so. O'Connor again.")
    let search = TextSearch(scalars: scalars)
    #expect(search.matches("oconnor") == [8..<16, 26..<34])
    #expect(search.matches("o'connor") == [8..<16, 26..<34])
    #expect(search.matches("siobhan o’c") == [0..<11])
  }
}

@Suite("Counting as the search finds")
struct TextSearchCountTests {
  static let blocks = [
    "José said the Skerry light was lit. JOSE and jose came; Jose\u{301} too.",
    "O’Connor and O'Connor met oconnor at the light-house, the   lighthouse.",
    "東京の light 灯台, Straße, STRASSE, the end of the\nline.",
  ]

  @Test(arguments: [
    "jose", "Jose", "JOSE", "oconnor", "o'connor", "light", "Light", "the light", "of the line", "straße", "灯台", "e",
    "zzz", " ",
  ])
  func theCountIsTheNumberOfMatches(query: String) {
    var scalars = ScalarText()
    var ranges: [TextRange] = []
    for block in Self.blocks {
      if !scalars.isEmpty { scalars.append(contentsOf: ["\n", "\n"]) }
      let start = scalars.count
      scalars.append(contentsOf: block.unicodeScalars)
      ranges.append(start..<scalars.count)
    }
    let expected = TextSearch(scalars: scalars, ranges: ranges).matches(query).count
    #expect(TextSearch.count(query, in: Self.blocks.map { Substring($0).unicodeScalars }) == expected)
  }
}
