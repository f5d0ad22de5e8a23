import BylineCore
import Testing

@testable import BylineLibrary
@testable import BylineUI

/// The library's count of a full-text search is the reader's count of the same query.
@Suite("Library and reader count a search alike")
struct SearchCountTests {
  @Test func theListsCountIsTheReadersMatchCount() {
    let lib = AppLibrary()
    let backend = VirtualBackend(
      width: 100, height: 12,
      script: [.key(.character("/"))] + typing("light") + [
        .key(.enter), .waitFor { $0.text(row: 1).contains("[") }, .key(.enter), .key(.character("Q")),
      ])
    _ = lib.app().run(on: backend)
    let list = backend.frames[backend.frames.count - 2]
    // Title 1, standfirst 1, caption 1, paragraphs 2: "Lighthouse" counts, as in the reader.
    // At 100 columns the title is cut to make room for the count, never the count.
    #expect(list.text(row: 1).hasPrefix("•Lighthouse keeper retires after forty y… [5] 2024-03-08"))
    #expect(backend.status.contains("match 1/5"))
  }

  @Test func wordsThatAreNotThePhraseCountNothing() {
    #expect(FullTextIndex.readerCount("keeper light", title: "Lighthouse keeper", body: "The light.\n\nA keeper") == 0)
    #expect(FullTextIndex.readerCount("keeper", title: "Lighthouse keeper", body: "Advertisement\n\nA keeper") == 2)
    #expect(FullTextIndex.readerCount("Keeper", title: "keeper", body: "A Keeper") == 1, "a capital: case counts")
    #expect(
      FullTextIndex.readerCount("advertisement", title: "", body: "Advertisement\n\nNo advertisement here") == 1,
      "furniture is not searched")
  }
}
