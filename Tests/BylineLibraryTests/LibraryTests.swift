import BylineCore
import Foundation
import Testing

@testable import BylineLibrary

let tokayevOne = """
  Kazakhstan protests

  Kassym-Jomart Tokayev spoke on Monday.

  "We will restore order," Tokayev said.

  "Nobody will be punished for protesting," President Tokayev added.
  """

let tokayevTwo = """
  Talks in Almaty

  President Kassym-Jomart Tokayev met the envoy.

  "The talks were useful," Tokayev said.
  """

let brown = """
  Budget day

  Gordon Brown presented the budget on Wednesday.

  "This is a budget for hard-working families," Brown said.
  """

@Suite("Library: scanning, cache, people, queries")
struct LibraryTests {
  @Test func scanFindsArticleFilesRecursivelyAndSurvivesALinkLoop() throws {
    let folder = TempFolder()
    folder.write("a.txt", brown)
    folder.write("sub/b.md", "# Title\n\nBody text here.\n")
    folder.write("sub/notes.pdf", "x")
    folder.write(".hidden/c.txt", brown)
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/sub/loop", withDestinationPath: folder.path)
    let result = LibraryScanner.scan([folder.path, folder.path + "/missing.txt"])
    #expect(result.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.txt", "b.md"])
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.error.reason == "no such file")
  }

  @Test func duplicatesShowOnceFailuresAreRowsAndWarmStartNeedsNoAnalysis() throws {
    let folder = TempFolder()
    let cacheDir = folder.path + "/cache"
    folder.write("lib/1.txt", tokayevOne)
    folder.write("lib/2.txt", tokayevOne)
    folder.write("lib/3.txt", brown)
    folder.write("lib/empty.txt", "   \n")
    folder.write("lib/bad.txt", bytes: [0x48, 0x69, 0xFF, 0x0A])

    let cold = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(cold.snapshot().progress == LibraryProgress(step: .checkingFiles, done: 0, total: 5))
    cold.waitUntilFinished()
    let snapshot = cold.snapshot()
    #expect(snapshot.progress.text == nil)
    #expect(snapshot.messages == [])
    #expect(snapshot.entries.count == 4)
    let first = try #require(snapshot.entries.first)
    #expect(first.count == 2)
    #expect(first.listing?.title == "Kazakhstan protests")
    #expect(first.listing?.quoteCount == 2)
    #expect(first.listing?.mainPeople == ["Kassym-Jomart Tokayev"])
    let reasons = snapshot.entries.compactMap { $0.error?.reason }
    #expect(reasons == ["is not valid UTF-8 (bad byte at offset 2)", "is empty"])

    let warm = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    // Before any background work: every good file is ready from the cache.
    let warmSnapshot = warm.snapshot()
    #expect(warmSnapshot.progress.done == 3 + 0)
    #expect(warmSnapshot.entries.compactMap(\.listing).map(\.title) == ["Kazakhstan protests", "Budget day"])
    #expect(
      warmSnapshot.entries.first?.duplicatePaths == [folder.path + "/lib/2.txt"], "copies fold from the first screen on"
    )
    warm.waitUntilFinished()
    #expect(warm.people().people.map(\.name).contains("Kassym-Jomart Tokayev"))
  }

  @Test func peopleMergeAcrossArticlesAndQuotesAreNewestFirst() throws {
    let folder = TempFolder()
    folder.write(
      "lib/one.md",
      "---\ntitle: Kazakhstan protests\ndate: 2022-01-10\n---\n\n"
        + tokayevOne.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n"))
    folder.write(
      "lib/two.md",
      "---\ntitle: \"Talks in Almaty\"\ndate: 2022-02-01\nauthor: A. Writer\n---\n\n"
        + tokayevTwo.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n"))
    folder.write("lib/three.txt", brown)
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    library.waitUntilFinished()
    let people = library.people()
    let tokayev = try #require(people.search("tokay").first)
    #expect(tokayev.name == "Kassym-Jomart Tokayev")
    #expect(tokayev.articleCount == 2)
    #expect(tokayev.quoteCount == 3)
    #expect(people.people.filter { $0.name.contains("Tokayev") }.count == 1)
    #expect(library.entries(of: tokayev).map(\.title) == ["Kazakhstan protests", "Talks in Almaty"])
    let quotes = library.quotes(of: tokayev)
    #expect(
      quotes.map(\.quote.text) == [
        "The talks were useful,", "We will restore order,", "Nobody will be punished for protesting,",
      ])
    #expect(quotes.first?.date == ArticleDate(year: 2022, month: 2, day: 1))
    #expect(quotes.first?.title == "Talks in Almaty")

    let hits = library.search("budget")
    #expect(hits.map(\.entry.title) == ["Budget day"])
    #expect(hits.first?.matches == 3)
    #expect(library.search("TALKS almaty").map(\.entry.title) == ["Talks in Almaty"])
  }

  @Test func pickerSearchIgnoresCaseAndAccentsAndMergesSurnames() {
    func summary(_ people: [ArticleSummary.Person]) -> ArticleSummary {
      ArticleSummary(
        title: "t", readMinutes: 1, wordCount: 1, quoteCount: 0, mainPeople: [], people: people, quotes: [])
    }
    let index = PeopleIndex(summaries: [
      "a": summary([.init(name: "José Mourinho", mentions: 3, quotes: 2)]),
      "b": summary([.init(name: "Mourinho", mentions: 1, quotes: 1)]),
      "c": summary([
        .init(name: "Tony Blair", mentions: 2, quotes: 0), .init(name: "Cherie Blair", mentions: 1, quotes: 0),
      ]),
      "d": summary([.init(name: "Blair", mentions: 1, quotes: 0)]),
      "e": summary([.init(name: "President Tokayev", aliases: ["Kassym-Jomart Tokayev"], mentions: 1, quotes: 0)]),
    ])
    #expect(index.search("JOSE").map(\.name) == ["José Mourinho"])
    #expect(index.search("mour").first?.articleCount == 2)
    #expect(index.search("mour").first?.quoteCount == 3)
    // "Blair" alone is ambiguous between Tony and Cherie: it stays apart.
    #expect(index.search("blair").map(\.name).sorted() == ["Blair", "Cherie Blair", "Tony Blair"])
    #expect(index.search("kassym").map(\.name) == ["Kassym-Jomart Tokayev"])
    // A whole word of the name ranks before a longer word that starts with it.
    let ranked = PeopleIndex(summaries: [
      "a": summary([.init(name: "Blairite Alan Milburn", mentions: 9, quotes: 9)]),
      "b": summary([.init(name: "Tony Blair", mentions: 1, quotes: 0)]),
    ])
    #expect(ranked.search("blair").map(\.name) == ["Tony Blair", "Blairite Alan Milburn"])
    #expect(ranked.search("blairi").map(\.name) == ["Blairite Alan Milburn"])
    #expect(TextFold.key("Kassym-Jomart  TOKAYEV’s") == "kassym jomart tokayevs")
    #expect(TextFold.key("  O'Brien's Budget-Day, 2005! ") == "obriens budget day 2005")
    #expect(TextFold.key("Café--Zürich") == "cafe zurich")
  }

  /// One article may name one library person twice ("Tony Blair" and "Blair", two entities of
  /// its own). Every name keeps its quotes: the person used to keep one name per article, the
  /// last one a dictionary's order gave, so quotes came and went from run to run.
  @Test func everyNameAnArticleGivesAPersonKeepsItsQuotes() {
    let summary = ArticleSummary(
      title: "t", readMinutes: 1, wordCount: 1, quoteCount: 3, mainPeople: [],
      people: [.init(name: "Tony Blair", mentions: 2, quotes: 1), .init(name: "Blair", mentions: 1, quotes: 2)],
      quotes: [
        .init(text: "one", speaker: "Tony Blair", start: 0, end: 3),
        .init(text: "two", speaker: "Blair", start: 10, end: 13),
        .init(text: "three", speaker: "Blair", start: 20, end: 25),
      ])
    for _ in 0..<20 {
      let index = PeopleIndex(summaries: ["x": summary, "y": summary, "z": summary])
      #expect(index.people.map(\.name) == ["Tony Blair"])
      #expect(index.people.first?.appearances["x"] == ["Blair", "Tony Blair"])
      #expect(index.people.first?.quoteCount == 9)
    }
  }

  @Test func aCorruptCacheIsReportedAndRebuilt() throws {
    let folder = TempFolder()
    folder.write("lib/3.txt", brown)
    let cacheDir = folder.path + "/cache"
    Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir).close()
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: cacheDir + "/library.sqlite"))
    try? FileManager.default.removeItem(atPath: cacheDir + "/library.sqlite-wal")
    try? FileManager.default.removeItem(atPath: cacheDir + "/library.sqlite-shm")
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    library.waitUntilFinished()
    let snapshot = library.snapshot()
    #expect(snapshot.messages.count == 1)
    #expect(snapshot.messages.first?.hasPrefix("the cache was corrupt; rebuilt it") == true)
    #expect(snapshot.entries.first?.listing?.title == "Budget day")
    // The rebuilt cache serves the next start.
    let again = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(again.snapshot().messages == [])
    #expect(again.snapshot().entries.first?.listing?.title == "Budget day")
  }

  @Test func anUnusableCacheFolderIsBypassed() {
    let folder = TempFolder()
    folder.write("lib/3.txt", brown)
    folder.write("not-a-folder", "x")
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/not-a-folder/cache")
    library.waitUntilFinished()
    let snapshot = library.snapshot()
    #expect(snapshot.messages.count == 1)
    #expect(snapshot.messages.first?.hasPrefix("cache off: cannot create") == true)
    #expect(snapshot.entries.first?.listing?.title == "Budget day")
    #expect(library.search("budget").map(\.entry.title) == ["Budget day"])
  }

  @Test func twoLibrariesOnOneCacheAtOnce() {
    let folder = TempFolder()
    for i in 0..<40 {
      folder.write("lib/\(i).txt", brown.replacingOccurrences(of: "Budget day", with: "Budget day \(i)"))
    }
    let cacheDir = folder.path + "/cache"
    let a = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    let b = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    a.start()
    b.start()
    a.waitUntilFinished()
    b.waitUntilFinished()
    #expect(a.snapshot().messages == [])
    #expect(b.snapshot().messages == [])
    #expect(b.snapshot().entries.compactMap(\.listing).count == 40)
  }
}

@Suite("Markdown articles")
struct MarkdownReaderTests {
  @Test func frontMatterAndMarksBecomeTheArticleModel() {
    let text = """
      ---
      title: "Storm hits the coast"
      date: 2024-03-05
      author: Jane Roe
      source: Example News
      tags: [weather]
      ---

      # Storm hits the coast

      The **storm** reached [the coast](https://example.com) at _dawn_, with `gusts` of 100 km/h.

      > "It was loud," said Ann Lee.

      - roofs damaged
      - trees down
      """
    let article = MarkdownReader.parse(text, source: "storm.md")
    #expect(article.title == "Storm hits the coast")
    #expect(article.date == ArticleDate(year: 2024, month: 3, day: 5))
    #expect(article.author == "Jane Roe")
    #expect(
      article.paragraphs.map { article.text(of: $0) } == [
        "The storm reached the coast at dawn, with gusts of 100 km/h.",
        "\"It was loud,\" said Ann Lee.",
        "• roofs damaged", "• trees down",
      ])
  }

  @Test func withoutFrontMatterTheFirstHeadingIsTheTitle() {
    let article = MarkdownReader.parse("## A snake_case heading\n\nFirst paragraph.\n", source: "x.md")
    #expect(article.title == "A snake_case heading")
    #expect(article.paragraphs.map { article.text(of: $0) } == ["First paragraph."])
  }

  @Test func stripInlineKeepsTextOfLinksAndImages() {
    #expect(
      MarkdownReader.stripInline("![a map](m.png) and [b][1] <https://x.org> <br/>") == "a map and b https://x.org ")
  }
}
