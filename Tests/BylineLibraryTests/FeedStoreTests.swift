import BylineCore
import Foundation
import GRDB
import Testing

@testable import BylineLibrary

/// A feed item's article, from literal text.
func itemArticle(_ n: Int) -> Article {
  try! ArticleLoader.load(
    data: Data(
      """
      Harbour bulletin \(n)

      Moira Keane met the night crew at the harbour gate, shift \(n).

      "The cranes stop at midnight," Keane said.
      """.utf8), name: "item-\(n).txt")
}

/// Item `n` of the feed at `feed`, analysed and ready to store.
func itemToStore(_ n: Int, feed: String, position: Int? = nil, note: String? = nil) -> ItemToStore {
  let stored = StoredItem(
    reference: .feedItem(feed: feed, item: "id-\(n)"), feed: feed, title: "Bulletin \(n)",
    link: "https://example.org/\(n)", published: Date(timeIntervalSince1970: 1_700_000_000 + Double(n)),
    position: position ?? n, fullText: note == nil, note: note, hash: "", read: false, listing: nil)
  return LibraryCache.itemToStore(stored, article: itemArticle(n))
}

@Suite("Feeds in the cache: items stored with their articles, history kept, nothing lost")
struct FeedStoreTests {
  let feed = "https://example.org/feed.xml"

  @Test func storedItemsComeBackWithTheirArticleListingAndReadMark() throws {
    let folder = TempFolder()
    let cache = try #require(LibraryCache.open(directory: folder.path).cache)
    let items = [itemToStore(1, feed: feed), itemToStore(2, feed: feed, note: "summary only: 404 Not Found")]
    #expect(
      cache.storeFeed(
        FeedRecord(location: feed, title: "Harbour news", etag: "\"v1\""), items: items,
        order: items.map(\.item.reference)))
    cache.setRead([items[0].item.reference], read: true)

    let stored = cache.storedItems(of: [feed])
    #expect(stored.map(\.title) == ["Bulletin 1", "Bulletin 2"])
    #expect(stored.map(\.read) == [true, false])
    #expect(stored.map(\.note) == [nil, "summary only: 404 Not Found"])
    #expect(stored.map(\.fullText) == [true, false])
    #expect(stored[0].listing?.title == "Harbour bulletin 1")
    #expect(stored[0].listing?.quoteCount == 1)
    #expect(cache.feedRecords([feed])[feed]?.etag == "\"v1\"")
    #expect(cache.feedRecords([feed])[feed]?.title == "Harbour news")
    // The article as read, and its text in the full-text index.
    let article = try #require(cache.storedArticle(.feedItem(feed: feed, item: "id-2")))
    #expect(article.title == "Harbour bulletin 2")
    #expect(article.text == itemArticle(2).text)
    #expect(article.blocks == itemArticle(2).blocks)
    #expect(cache.search("midnight")?.count == 2)
    cache.close()
  }

  @Test func itemsThatLeaveTheFeedStayAfterTheOnesInIt() throws {
    let folder = TempFolder()
    let cache = try #require(LibraryCache.open(directory: folder.path).cache)
    let first = [itemToStore(1, feed: feed), itemToStore(2, feed: feed)]
    cache.storeFeed(FeedRecord(location: feed), items: first, order: first.map(\.item.reference))
    // The next read: item 3 is new and first, item 1 has left the feed.
    let third = itemToStore(3, feed: feed, position: 0)
    cache.storeFeed(
      FeedRecord(location: feed), items: [third],
      order: [third.item.reference, first[1].item.reference])
    #expect(cache.storedItems(of: [feed]).map(\.title) == ["Bulletin 3", "Bulletin 2", "Bulletin 1"])
    cache.close()
  }

  @Test func aFailedWriteLeavesEveryStoredItemAndNothingOfTheFailedBatch() throws {
    let folder = TempFolder()
    let cache = try #require(LibraryCache.open(directory: folder.path).cache)
    let first = [itemToStore(1, feed: feed), itemToStore(2, feed: feed)]
    cache.storeFeed(FeedRecord(location: feed, title: "before"), items: first, order: first.map(\.item.reference))
    // The second item of the next batch cannot be written (as a full disk would fail it).
    try cache.pool.write { db in
      try db.execute(
        sql: """
          CREATE TEMP TRIGGER refuse BEFORE INSERT ON item WHEN NEW.title = 'Bulletin 4'
          BEGIN SELECT RAISE(ABORT, 'disk full'); END
          """)
    }
    let batch = [itemToStore(3, feed: feed), itemToStore(4, feed: feed)]
    #expect(!cache.storeFeed(FeedRecord(location: feed, title: "after"), items: batch, order: []))
    #expect(cache.message?.hasPrefix("cache off: writing the cache failed") == true)
    cache.close()
    // Read again: the two items stored before, the record as it was, nothing of the batch.
    let reopened = try #require(LibraryCache.open(directory: folder.path).cache)
    #expect(reopened.storedItems(of: [feed]).map(\.title) == ["Bulletin 1", "Bulletin 2"])
    #expect(reopened.feedRecords([feed])[feed]?.title == "before")
    #expect(reopened.search("shift")?.count == 2)
    reopened.close()
  }

  @Test func aCorruptCacheIsRebuiltWithTheItemsItCouldStillRead() throws {
    let folder = TempFolder()
    let opened = try #require(LibraryCache.open(directory: folder.path).cache)
    let items = (1...3).map { itemToStore($0, feed: feed) }
    opened.storeFeed(
      FeedRecord(location: feed, title: "Harbour news"), items: items, order: items.map(\.item.reference))
    opened.setRead([items[1].item.reference], read: true)
    opened.close()
    let database = folder.path + "/" + LibraryCache.fileName
    // Damage the analyses' table: the items' own rows still read.
    let rootPage = try DatabaseQueue(path: database).read { db in
      try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'detail'")
    }
    let page = try #require(rootPage)
    let handle = try #require(FileHandle(forUpdatingAtPath: database))
    try handle.seek(toOffset: UInt64((page - 1) * 4096))
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
    try handle.close()

    let cache = try #require(LibraryCache.open(directory: folder.path).cache)
    #expect(!cache.isSound())
    let (fresh, message) = cache.rebuilt()
    #expect(message == "the cache was corrupt; rebuilt it, keeping 3 feed items (old copy: \(database).corrupt)")
    let rebuilt = try #require(fresh)
    let stored = rebuilt.storedItems(of: [feed])
    #expect(stored.map(\.title) == ["Bulletin 1", "Bulletin 2", "Bulletin 3"])
    #expect(stored.map(\.read) == [false, true, false])
    #expect(stored.allSatisfy { $0.listing?.quoteCount == 1 }, "analysed again")
    #expect(rebuilt.storedArticle(.feedItem(feed: feed, item: "id-3"))?.title == "Harbour bulletin 3")
    #expect(rebuilt.search("midnight")?.count == 3)
    rebuilt.close()
  }

  /// Summaries made by another version of the analysis (or a cache from before the version
  /// was kept) are not shown beside the reader's new answers: the cache is made again, its
  /// files analysed again, its feed items and read marks kept.
  @Test func aCacheOfAnotherAnalysisIsMadeAgainKeepingItemsAndReadMarks() throws {
    let folder = TempFolder()
    folder.write("lib/a.txt", article(1))
    let library = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    library.waitUntilFinished()
    let items = (1...2).map { itemToStore($0, feed: feed) }
    let cache = try #require(library.cache)
    #expect(cache.storeFeed(FeedRecord(location: feed), items: items, order: items.map(\.item.reference)))
    cache.setRead([items[1].item.reference], read: true)
    library.close()
    let database = folder.path + "/cache/" + LibraryCache.fileName
    try DatabaseQueue(path: database).write { db in
      try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'analysis'")
    }
    let again = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    again.waitUntilFinished()
    #expect(
      again.snapshot().messages == [
        "the cache was made by another version of Byline; rebuilt it, keeping 2 feed items (old copy: \(database).old)"
      ])
    #expect(again.snapshot().entries.map(\.title) == ["Harbour report 1"], "the file analysed again")
    let rebuilt = try #require(again.cache)
    let stored = rebuilt.storedItems(of: [feed])
    #expect(stored.map(\.title) == ["Bulletin 1", "Bulletin 2"])
    #expect(stored.map(\.read) == [false, true])
    #expect(stored.allSatisfy { $0.listing?.quoteCount == 1 }, "analysed again")
    again.close()
    // A cache made by this version opens as it is.
    let third = Library(paths: [folder.path + "/lib"], cacheDirectory: folder.path + "/cache")
    third.waitUntilFinished()
    #expect(third.snapshot().messages == [])
    third.close()
  }

  @Test func aStoredArticleWithBlocksOutsideItsTextIsRefused() {
    var stored = StoredArticle(itemArticle(1))
    #expect(stored.article?.text == itemArticle(1).text)
    stored.blocks[0].end = 10_000
    #expect(stored.article == nil)
  }

  @Test func namesAndLocationsShownOnScreenAreSanitised() {
    let named = FeedSubscription(location: "https://x.example/feed", name: "Evil\u{1B}[31m red\u{202E}")
    #expect(named.displayName(title: nil).unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{202E}" })
    #expect(named.displayName(title: nil).hasPrefix("Evil"))
    let bare = FeedSubscription(location: "https://x.example/\u{1B}]0;title\u{07}")
    #expect(!bare.displayName(title: nil).unicodeScalars.contains { $0.value < 0x20 })
    #expect(FeedSubscription(location: "https://x.example/feed", name: "  ").name == nil)
  }
}
