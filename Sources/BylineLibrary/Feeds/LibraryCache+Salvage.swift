import BylineCore
import Foundation
import GRDB

/// What a rebuilt cache keeps of a damaged one: the feeds' items, which, unlike the analyses
/// of files, cannot be made again from anything on disk.
extension LibraryCache {
  /// Copies the feeds, items and read marks that can still be read from a damaged cache file
  /// into this (new) cache, analysing the items again: a corrupt cache loses no stored item
  /// that SQLite can still read. Rows are read one by one, so a damaged page costs only the
  /// rows on it. Returns how many items were kept.
  func salvageFeeds(from damaged: String) -> Int {
    guard FileManager.default.fileExists(atPath: damaged) else { return 0 }
    var config = Configuration()
    config.readonly = true
    guard let old = try? DatabaseQueue(path: damaged, configuration: config) else { return 0 }
    defer { try? old.close() }
    let salvaged = try? old.read { db -> ([FeedRecord], [(StoredItem, Article)], [(String, Double, String?)]) in
      var feeds: [FeedRecord] = []
      var items: [(StoredItem, Article)] = []
      var marks: [(String, Double, String?)] = []
      if let rows = try? Row.fetchAll(db, sql: "SELECT url, title, etag, lastModified, checked, error FROM feed") {
        feeds = rows.map {
          FeedRecord(location: $0[0], title: $0[1], etag: nil, lastModified: nil, checked: $0[4], error: $0[5])
        }
      }
      // Files' marks keep their content hash (a cache from before them has none).
      if let rows = try? Row.fetchAll(db, sql: "SELECT ref, at, hash FROM readmark") {
        marks = rows.map { ($0[0], $0[1], $0[2]) }
      } else if let rows = try? Row.fetchAll(db, sql: "SELECT ref, at FROM readmark") {
        marks = rows.map { ($0[0], $0[1], nil) }
      }
      let last = (try? Int64.fetchOne(db, sql: "SELECT max(id) FROM item")) ?? nil
      guard let last else { return (feeds, items, marks) }
      for id in 1...max(1, last) {
        guard
          let row = try? Row.fetchOne(
            db,
            sql: "SELECT ref, feed, title, link, published, position, fullText, note, article FROM item WHERE id = ?",
            arguments: [id]),
          let blob: Data = row[8], let article = StoredArticle.decode(blob)
        else { continue }
        items.append(
          (
            StoredItem(
              reference: ArticleReference(key: row[0]), feed: row[1], title: row[2], link: row[3],
              published: (row[4] as Double?).map { Date(timeIntervalSince1970: $0) }, position: row[5],
              fullText: row[6],
              note: row[7], hash: "", read: false, listing: nil),
            article
          ))
      }
      return (feeds, items, marks)
    }
    guard let salvaged else { return 0 }
    var feeds = salvaged.0
    let items = salvaged.1
    let marks = salvaged.2
    // Feeds whose record was lost still need one for their items.
    var known = Set(feeds.map(\.location))
    for (item, _) in items where known.insert(item.feed).inserted { feeds.append(FeedRecord(location: item.feed)) }
    let analysed = Workers.map(items.count) { k in LibraryCache.itemToStore(items[k].0, article: items[k].1) }
    for feed in feeds {
      let mine = analysed.compactMap { $0 }.filter { $0.item.feed == feed.location }
      storeFeed(feed, items: mine, order: [])
    }
    _ = guarded("writing the cache") {
      try pool.write { db in
        for (ref, at, hash) in marks {
          try db.execute(
            sql: "INSERT OR REPLACE INTO readmark (ref, at, hash) VALUES (?, ?, ?)", arguments: [ref, at, hash])
        }
      }
    }
    return items.count
  }

  /// An item with its article analysed, ready to store.
  static func itemToStore(_ item: StoredItem, article: Article) -> ItemToStore {
    let analysis = ArticleAnalysis(article: article)
    let summary = ArticleSummary(analysis: analysis)
    var item = item
    item.hash = ContentHash.of(StoredArticle(article).encoded())
    item.listing = summary.listing
    return ItemToStore(item: item, article: article, summary: summary, body: Library.body(of: article))
  }
}
