import BylineCore
import Foundation
import GRDB
import Testing

@testable import BylineLibrary

/// Read marks on article files: unread until opened, kept in the cache by reference with the
/// content they were read with, shared by byte-identical copies.
@Suite("Read marks on files: unread until opened, kept across restarts, unread again when changed")
struct FileReadMarkTests {
  /// `(title, unread)` of every row, in library order.
  static func marks(_ library: Library) -> [String] {
    library.snapshot().entries.map { "\($0.title) \($0.unread ? "unread" : "read")" }
  }

  static func open(_ folder: TempFolder, cache: Bool = true) -> Library {
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache", useCache: cache)
    library.waitUntilFinished()
    return library
  }

  @Test func aFileIsUnreadUntilMarkedAndTheMarkSurvivesARestart() {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    folder.write("lib/b.txt", article(2))
    let library = Self.open(folder)
    #expect(Self.marks(library) == ["Harbour report 1 unread", "Harbour report 2 unread"])
    library.setRead([.file(path: a)], read: true)
    #expect(Self.marks(library) == ["Harbour report 1 read", "Harbour report 2 unread"])
    library.close()
    // A new process on the same cache: the rows come from the cache, the marks with them,
    // before any background work.
    let reopened = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    #expect(Self.marks(reopened) == ["Harbour report 1 read", "Harbour report 2 unread"])
    reopened.setRead([.file(path: a)], read: false)
    reopened.close()
    let third = Self.open(folder)
    #expect(Self.marks(third) == ["Harbour report 1 unread", "Harbour report 2 unread"])
    third.close()
  }

  @Test func aChangedFileIsUnreadAgainATouchedOneStaysRead() throws {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    let b = folder.write("lib/b.txt", article(2))
    let library = Self.open(folder)
    library.setRead([.file(path: a), .file(path: b)], read: true)
    library.close()
    // a: new content; b: the same bytes written again, with a new time.
    try (article(1) + "\n\nA correction was added on Tuesday.\n").write(toFile: a, atomically: true, encoding: .utf8)
    try article(2).write(toFile: b, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: b)
    let reopened = Self.open(folder)
    #expect(Self.marks(reopened) == ["Harbour report 1 unread", "Harbour report 2 read"])
    reopened.close()
  }

  @Test func copiesAreOneRowMarkedTogetherAndARemovedFileIsForgottenWithItsMark() throws {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    let copy = folder.write("lib/z-copy.txt", article(1))
    let library = Self.open(folder)
    #expect(library.snapshot().entries.map(\.count) == [2])
    library.setRead([.file(path: a)], read: true)
    #expect(Self.marks(library) == ["Harbour report 1 read"])
    let cache = try #require(library.cache)
    #expect(
      cache.fileReadMarks(under: [LibraryRoot(path: folder.path + "/lib", isFolder: true)]).keys.sorted() == [a, copy])
    library.close()
    // The first copy goes: the row is the other one's, still read.
    try FileManager.default.removeItem(atPath: a)
    let reopened = Self.open(folder)
    #expect(Self.marks(reopened) == ["Harbour report 1 read"])
    let marks = reopened.cache!.fileReadMarks(under: [LibraryRoot(path: folder.path + "/lib", isFolder: true)])
    #expect(marks.keys.sorted() == [copy], "the removed file's mark is forgotten")
    reopened.close()
  }

  @Test func aFileNotAnalysedYetIsMarkedByItsBytesAndAFailedFileHasNoMark() {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    folder.write("lib/bad.txt", bytes: [0x48, 0x69, 0xFF, 0xFE])
    // Not started: the rows are as listed, not analysed.
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    library.setRead([.file(path: a)], read: true)
    library.waitUntilFinished()
    let entries = library.snapshot().entries
    #expect(entries.map(\.title) == ["Harbour report 1", "bad.txt"])
    #expect(entries.map(\.unread) == [false, false], "read; a file that failed is neither")
    #expect(entries[1].error != nil)
    library.close()
  }

  @Test func withoutACacheMarksLastForTheRun() {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    let library = Self.open(folder, cache: false)
    library.setRead([.file(path: a)], read: true)
    #expect(Self.marks(library) == ["Harbour report 1 read"])
    let next = Self.open(folder, cache: false)
    #expect(Self.marks(next) == ["Harbour report 1 unread"])
  }

  /// A cache from before read marks on files (schema 3) is made again: its items and their
  /// marks are kept, and files can be marked in the new one.
  @Test func aCacheFromBeforeFileMarksIsMadeAgainKeepingItsItemMarks() throws {
    let folder = TempFolder()
    let a = folder.write("lib/a.txt", article(1))
    let feed = "https://example.org/feed.xml"
    let first = Self.open(folder)
    let cache = try #require(first.cache)
    #expect(cache.storeFeed(FeedRecord(location: feed), items: [itemToStore(1, feed: feed)], order: []))
    cache.setRead([.feedItem(feed: feed, item: "id-1")], read: true)
    first.close()
    // Made a schema-3 cache: no hash on the marks, no attempts on the items.
    let database = folder.path + "/cache/" + LibraryCache.fileName
    try DatabaseQueue(path: database).write { db in
      try db.execute(
        sql: """
          ALTER TABLE readmark DROP COLUMN hash; ALTER TABLE item DROP COLUMN attempts;
          ALTER TABLE item DROP COLUMN retryAt; UPDATE meta SET value = '3' WHERE key = 'schema'
          """)
    }
    let library = Self.open(folder)
    #expect(
      library.snapshot().messages == [
        "the cache was made by another version of Byline; rebuilt it, keeping 1 feed item (old copy: \(database).old)"
      ])
    #expect(Self.marks(library) == ["Harbour report 1 unread"])
    library.setRead([.file(path: a)], read: true)
    let rebuilt = try #require(library.cache)
    #expect(rebuilt.storedItems(of: [feed]).map(\.read) == [true])
    #expect(rebuilt.storedItems(of: [feed]).map(\.attempts) == [0])
    library.close()
    let reopened = Self.open(folder)
    #expect(reopened.snapshot().messages == [])
    #expect(Self.marks(reopened) == ["Harbour report 1 read"])
    reopened.close()
  }
}

/// Feed files inside a library folder: rows of their own, read from disk.
@Suite("Feed files in a library folder are feeds of the library")
struct FolderFeedTests {
  static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Harbour Times</title><link>http://127.0.0.1:9/</link>
    <item><title>Night crew strike</title><link>http://127.0.0.1:9/night.html</link><guid>night-1</guid>
    <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description>The night crew walked out at midnight.</description></item>
    </channel></rss>
    """

  static func titles(_ library: Library) -> [String] { library.snapshot().entries.map(\.title) }

  @Test func rssAtomAndFeedXMLFilesAreFeedsOtherXMLIsLeftAlone() {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1))
    let harbour = folder.write("lib/harbour.rss", Self.rss)
    let ledger = folder.write("lib/sub/ledger.xml", ThreeFeeds.atom)
    folder.write("lib/notes.xml", "<?xml version=\"1.0\"?><notes><note>not a feed</note></notes>")
    folder.write("lib/.hidden.rss", Self.rss)
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    library.waitUntilFinished()
    let entries = library.snapshot().entries
    #expect(
      entries.map(\.title) == [
        "Harbour report 1", "Harbour Times", "Night crew strike", "Port Ledger", "Cranes arrive",
      ])
    #expect(library.feeds.map(\.location) == [harbour, ledger])
    #expect(entries[2].reference == .fileItem(path: harbour, item: "night-1"))
    #expect(entries[2].note == nil, "no page fetched: a folder never touches the network")
    #expect(entries[2].unread && entries[4].unread)
    #expect(
      entries.compactMap(\.feedRow).map { "\($0.name) \($0.unread)/\($0.items)" } == [
        "Harbour Times 1/1", "Port Ledger 1/1",
      ])
    #expect(library.people().search("tomas reyes").first?.quoteCount == 1)
    library.setRead([entries[2].reference], read: true)
    library.close()
    // Known to the cache: the feed's row and items are there before any background work.
    let reopened = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    #expect(Self.titles(reopened).contains("Night crew strike"))
    #expect(reopened.snapshot().entries.first { $0.title == "Night crew strike" }?.unread == false)
    reopened.close()
  }

  @Test func aFeedFileAddedLaterIsReadAndOneRemovedLeavesTheList() throws {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1))
    Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache").close()
    let harbour = folder.write("lib/harbour.rss", Self.rss)
    // The cache knows the folder, not the feed: the background check of the files finds it.
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    #expect(Self.titles(library) == ["Harbour report 1"])
    library.waitUntilFinished()
    #expect(Self.titles(library) == ["Harbour report 1", "Harbour Times", "Night crew strike"])
    library.close()
    try FileManager.default.removeItem(atPath: harbour)
    let after = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    #expect(Self.titles(after) == ["Harbour report 1", "Harbour Times", "Night crew strike"], "as the cache knew it")
    after.waitUntilFinished()
    #expect(Self.titles(after) == ["Harbour report 1"])
    #expect(after.cache?.storedItems(of: [harbour]).count == 1, "its items stay in the cache")
    after.close()
  }

  @Test func aBrokenFeedFileIsARowThatSaysWhy() {
    let folder = TempFolder()
    folder.write("lib/broken.rss", "<html><body><p>Our feed moved.</p></body></html>")
    let library = Library(paths: [folder.path + "/lib"], useCache: false)
    library.waitUntilFinished()
    let rows = library.snapshot().entries.compactMap(\.feedRow)
    #expect(rows.map(\.name) == [folder.path + "/lib/broken.rss"])
    #expect(rows.map(\.error) == ["not a feed"])
  }
}
