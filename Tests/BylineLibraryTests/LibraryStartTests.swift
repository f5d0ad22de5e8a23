import BylineCore
import Foundation
import GRDB
import Testing

@testable import BylineLibrary

/// Articles for these tests: each is distinct content with its own title.
func article(_ n: Int, extra: String = "") -> String {
  """
  Harbour report \(n)

  Moira Keane spoke to dockworkers at the harbour gate on day \(n).

  "We have waited long enough," Keane said. The crane operators \(extra)agreed.
  """
}

@Suite("Library: first screen, background checks, search without a cache, damaged cache")
struct LibraryStartTests {
  @Test func aColdStartListsFilesByNameBeforeAnyWork() {
    let folder = TempFolder()
    folder.write("lib/one.txt", article(1))
    folder.write("lib/two.txt", article(2))
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    let first = library.snapshot()
    #expect(first.entries.map(\.title) == ["one.txt", "two.txt"])
    #expect(first.progress == LibraryProgress(step: .checkingFiles, done: 0, total: 2))
    #expect(first.progress.text == "checking 2 files")
    library.waitUntilFinished()
    #expect(library.snapshot().entries.map(\.title) == ["Harbour report 1", "Harbour report 2"])
    #expect(library.snapshot().progress.text == nil)
  }

  @Test func aWarmStartShowsTheCachedRowsThenFindsNewChangedAndRemovedFiles() throws {
    let folder = TempFolder()
    let cacheDir = folder.path + "/cache"
    folder.write("lib/1.txt", article(1))
    folder.write("lib/2.txt", article(2))
    folder.write("lib/3.txt", article(3))
    Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir).close()

    folder.write("lib/2.txt", article(22))  // changed
    try FileManager.default.removeItem(atPath: folder.path + "/lib/3.txt")  // removed
    folder.write("lib/4.txt", article(4))  // new
    let warm = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    // The first screen is the cache's rows, as they were.
    #expect(warm.snapshot().entries.map(\.title) == ["Harbour report 1", "Harbour report 2", "Harbour report 3"])
    warm.waitUntilFinished()
    #expect(warm.snapshot().entries.map(\.title) == ["Harbour report 1", "Harbour report 22", "Harbour report 4"])
    #expect(warm.snapshot().messages == [])
    warm.close()
    // The cache forgot the removed file and learnt the others.
    let again = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(again.snapshot().entries.map(\.title) == ["Harbour report 1", "Harbour report 22", "Harbour report 4"])
    again.close()
  }

  @Test func progressSaysWhatTheBackgroundIsDoing() {
    #expect(LibraryProgress(step: .checkingFiles, done: 0, total: 100_000).text == "checking 100000 files")
    #expect(LibraryProgress(step: .checkingFiles, done: 0, total: 1).text == "checking 1 file")
    #expect(LibraryProgress(step: .checkingCache, done: 0, total: 9).text == "checking the cache")
    #expect(LibraryProgress(step: .readingPeople, done: 2000, total: 95630).text == "reading people 2000/95630")
    #expect(LibraryProgress(step: .analysing, done: 812, total: 2225).text == "analysing 812/2225")
    #expect(LibraryProgress(step: .indexingText, done: 5, total: 9).text == "indexing text 5/9")
    #expect(LibraryProgress(step: nil, done: 9, total: 9).text == nil)
  }

  @Test func withoutACacheSearchCoversBodiesWithTheSameCountsAsTheCache() {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1, extra: "and lashers "))
    folder.write("lib/b.txt", article(2))
    folder.write("lib/c.txt", "Budget day\n\nLashers, lashers everywhere: the lashers went home.\n")
    let cached = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    let bare = Library(paths: [folder.path + "/lib"], useCache: false)
    cached.waitUntilFinished()
    bare.waitUntilFinished()
    func hits(_ library: Library, _ text: String) -> [String] {
      library.search(text).map { "\($0.entry.title) [\($0.matches)]" }
    }
    #expect(hits(bare, "lashers") == ["Budget day [3]", "Harbour report 1 [1]"])
    #expect(hits(bare, "lashers") == hits(cached, "lashers"))
    #expect(hits(bare, "crane operat") == hits(cached, "crane operat"))
    #expect(hits(bare, "crane operat").count == 2)
    #expect(hits(bare, "keane") == hits(cached, "keane"))
    #expect(hits(bare, "keane") == ["Harbour report 2 [2]", "Harbour report 1 [2]"])
    // The counts are the reader's: a capital makes the search case-sensitive, so "KEANE"
    // finds the articles by their words but counts no match of the phrase.
    #expect(hits(bare, "KEANE") == ["Harbour report 2 [0]", "Harbour report 1 [0]"])
    #expect(hits(bare, "KEANE") == hits(cached, "KEANE"))
  }

  @Test func aCacheDamagedMidFileIsReportedOnceMovedAsideAndRebuilt() throws {
    let folder = TempFolder()
    let cacheDir = folder.path + "/cache"
    for n in 0..<80 { folder.write("lib/\(n).txt", article(n, extra: String(repeating: "very ", count: 200))) }
    Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir).close()
    let database = cacheDir + "/" + LibraryCache.fileName
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    // Damage pages in the middle of the file; its header and schema stay sound.
    let handle = try #require(FileHandle(forUpdatingAtPath: database))
    let size = try handle.seekToEnd()
    #expect(size > 200_000)
    try handle.seek(toOffset: size / 2 / 4096 * 4096)
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 3 * 4096))
    try handle.close()
    let opened = LibraryCache.open(directory: cacheDir)
    #expect(opened.cache != nil && opened.message == nil, "opening does not see the damage")
    opened.cache?.close()

    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    library.waitUntilFinished()
    let snapshot = library.snapshot()
    #expect(snapshot.messages == ["the cache was corrupt; rebuilt it (old copy: \(database).corrupt)"])
    #expect(FileManager.default.fileExists(atPath: database + ".corrupt"))
    #expect(snapshot.entries.count == 80)
    #expect(snapshot.entries.allSatisfy { $0.listing != nil })
    #expect(library.search("crane").count == 80)
    library.close()
    // The rebuilt cache serves the next start, without a word.
    let again = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(again.snapshot().entries.filter { $0.listing != nil }.count == 80)
    again.waitUntilFinished()
    #expect(again.snapshot().messages == [])
    again.close()
  }

  @Test func aCacheDamagedWhereOnlyTheBackgroundReadsIsFoundThereAndRebuilt() throws {
    let folder = TempFolder()
    let cacheDir = folder.path + "/cache"
    for n in 0..<80 { folder.write("lib/\(n).txt", article(n, extra: String(repeating: "very ", count: 200))) }
    Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir).close()
    let database = cacheDir + "/" + LibraryCache.fileName
    // The summaries' table: the rows of the list are elsewhere and read well.
    let rootPage = try DatabaseQueue(path: database).read { db in
      try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'detail'")
    }
    let page = try #require(rootPage)
    let handle = try #require(FileHandle(forUpdatingAtPath: database))
    try handle.seek(toOffset: UInt64((page - 1) * 4096))
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
    try handle.close()

    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(library.snapshot().entries.filter { $0.listing != nil }.count == 80, "the first screen is the cache's")
    #expect(library.snapshot().messages == [])
    library.waitUntilFinished()
    let snapshot = library.snapshot()
    #expect(snapshot.messages == ["the cache was corrupt; rebuilt it (old copy: \(database).corrupt)"])
    #expect(snapshot.entries.allSatisfy { $0.listing != nil })
    #expect(library.people().search("keane").first?.articleCount == 80)
    library.close()
    let again = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    again.waitUntilFinished()
    #expect(again.snapshot().messages == [])
    #expect(again.people().search("keane").first?.articleCount == 80)
    again.close()
  }

  @Test func aCacheTurnedOffAfterTheFirstScreenStillGivesPeopleAndSearchesBodies() {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1, extra: "and lashers "))
    folder.write("lib/b.txt", article(2))
    let cacheDir = folder.path + "/cache"
    Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir).close()
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: cacheDir)
    #expect(library.snapshot().entries.allSatisfy { $0.listing != nil })
    // The cache fails (a full disk, a lock held too long) before the background starts.
    _ = library.cache?.guarded("writing the cache") { throw CocoaError(.fileWriteOutOfSpace) }
    library.waitUntilFinished()
    #expect(library.snapshot().messages.count == 1)
    #expect(library.snapshot().messages.first?.hasPrefix("cache off: writing the cache failed") == true)
    #expect(library.snapshot().entries.allSatisfy { $0.listing != nil })
    #expect(library.people().search("keane").first?.articleCount == 2)
    #expect(library.search("lashers").map { "\($0.entry.title) [\($0.matches)]" } == ["Harbour report 1 [1]"])
  }

  @Test func aCacheTurnedOffWhenEverythingWasReadIndexesTheTextsInMemory() {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1, extra: "and lashers "))
    folder.write("lib/b.txt", article(2))
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    library.waitUntilFinished()
    #expect(library.search("lashers").map(\.matches) == [1])
    _ = library.cache?.guarded("searching") { throw CocoaError(.fileReadUnknown) }
    // This search finds the cache off and has the texts indexed in memory, in the background.
    _ = library.search("lashers")
    library.waitUntilFinished()
    #expect(library.search("lashers").map { "\($0.entry.title) [\($0.matches)]" } == ["Harbour report 1 [1]"])
    #expect(library.snapshot().entries.allSatisfy { $0.listing != nil })
  }
}
