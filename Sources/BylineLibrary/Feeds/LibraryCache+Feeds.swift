import BylineCore
import Foundation
import GRDB

/// A feed as the cache remembers it between refreshes.
public struct FeedRecord: Sendable, Equatable {
  /// The feed's location: its URL, or a feed file's absolute path.
  public var location: String
  /// The feed's own title ("" before the first successful read).
  public var title: String
  /// The validators of the last answer, sent with the next request.
  public var etag: String?
  public var lastModified: String?
  /// When it was last read (seconds since 1970), successfully or not.
  public var checked: Double?
  /// Why the last refresh failed, short (`404 Not Found`, `not a feed`); nil when it worked.
  public var error: String?

  public init(
    location: String, title: String = "", etag: String? = nil, lastModified: String? = nil,
    checked: Double? = nil, error: String? = nil
  ) {
    self.location = location
    self.title = title
    self.etag = etag
    self.lastModified = lastModified
    self.checked = checked
    self.error = error
  }
}

/// One stored item of a feed (or a page read as a one-article library).
public struct StoredItem: Sendable, Equatable {
  public var reference: ArticleReference
  /// The feed's location (``FeedRecord/location``).
  public var feed: String
  public var title: String
  public var link: String?
  public var published: Date?
  /// Its place in the feed when last seen (0 first); items that left the feed keep theirs.
  public var position: Int
  /// False when the article is the feed's summary (the page was not fetched or failed).
  public var fullText: Bool
  /// What to say on the row: why the page could not be fetched, for a summary-only item.
  public var note: String?
  /// The content hash of the stored article: the key of its analysis.
  public var hash: String
  public var read: Bool
  /// The list row, from the item's analysis (nil when the analysis is missing).
  public var listing: ArticleListing?
  /// How many times its page fetch failed, and when (seconds since 1970) the next refresh may
  /// try again (nil: at once).
  public var attempts = 0
  public var retryAt: Double?
}

/// An item to store, with its article and analysis (``LibraryCache/storeFeed(_:items:)``).
public struct ItemToStore: Sendable {
  public var item: StoredItem
  public var article: Article
  /// Nil when the analysis of this content is already stored.
  public var summary: ArticleSummary?
  public var body: String
}

extension LibraryCache {
  /// The feed tables, created with a new cache or added to one from before feeds.
  static let feedTables = """
    CREATE TABLE IF NOT EXISTS feed (
      url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', etag TEXT, lastModified TEXT, checked REAL,
      error TEXT);
    CREATE TABLE IF NOT EXISTS item (
      id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, feed TEXT NOT NULL, title TEXT NOT NULL, link TEXT,
      published REAL, position INTEGER NOT NULL, fullText INTEGER NOT NULL, note TEXT, article BLOB NOT NULL,
      hash TEXT NOT NULL, firstSeen REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, retryAt REAL);
    CREATE INDEX IF NOT EXISTS item_feed ON item (feed, position);
    CREATE TABLE IF NOT EXISTS readmark (ref TEXT PRIMARY KEY, at REAL NOT NULL, hash TEXT) WITHOUT ROWID
    """

  /// The stored state of the feeds at these locations.
  public func feedRecords(_ locations: [String]) -> [String: FeedRecord] {
    guarded("reading the cache") {
      try pool.read { db in
        var records: [String: FeedRecord] = [:]
        for location in locations {
          if let row = try Row.fetchOne(
            db, sql: "SELECT title, etag, lastModified, checked, error FROM feed WHERE url = ?", arguments: [location])
          {
            records[location] = FeedRecord(
              location: location, title: row[0], etag: row[1], lastModified: row[2], checked: row[3], error: row[4])
          }
        }
        return records
      }
    } ?? [:]
  }

  /// Every stored item of these feeds, each feed's in feed order (newest placed first), with
  /// its list row and read mark.
  public func storedItems(of feeds: [String]) -> [StoredItem] {
    guarded("reading the cache") {
      try pool.read { db in
        var items: [StoredItem] = []
        for feed in feeds {
          let rows = try Row.fetchCursor(
            db,
            sql: """
              SELECT i.ref, i.title, i.link, i.published, i.position, i.fullText, i.note, i.hash,
                r.ref IS NOT NULL, d.title, d.date, d.readMinutes, d.quoteCount, d.mainPeople, i.attempts, i.retryAt
              FROM item i LEFT JOIN readmark r ON r.ref = i.ref LEFT JOIN doc d ON d.hash = i.hash
              WHERE i.feed = ? ORDER BY i.position, i.id DESC
              """, arguments: [feed])
          while let row = try rows.next() {
            var listing: ArticleListing?
            if let title: String = row[9] {
              let date: String? = row[10]
              listing = ArticleListing(
                title: title, date: ArticleDate.iso(date), readMinutes: row[11], quoteCount: row[12],
                joinedPeople: row[13])
            }
            items.append(
              StoredItem(
                reference: ArticleReference(key: row[0]), feed: feed, title: row[1], link: row[2],
                published: (row[3] as Double?).map { Date(timeIntervalSince1970: $0) }, position: row[4],
                fullText: row[5], note: row[6], hash: row[7], read: row[8], listing: listing, attempts: row[14],
                retryAt: row[15]))
          }
        }
        return items
      }
    } ?? []
  }

  /// The stored article of an item or page, as it was read.
  public func storedArticle(_ reference: ArticleReference) -> Article? {
    guarded("reading the cache") {
      try pool.read { db in
        try Data.fetchOne(db, sql: "SELECT article FROM item WHERE ref = ?", arguments: [reference.key])
      }
    }?.flatMap(StoredArticle.decode)
  }

  /// Stores one feed's refresh in one transaction: its record, its new and re-read items
  /// (article, analysis, full-text index) and the place of every item in the feed. Items are
  /// never deleted, so a feed's history stays after its items leave it; when any write fails
  /// the whole transaction is rolled back and what was stored before is untouched. False when
  /// the write failed (the cache then says why in ``message``).
  @discardableResult
  public func storeFeed(_ record: FeedRecord, items: [ItemToStore], order: [ArticleReference]) -> Bool {
    guarded("writing the cache") {
      let encoder = JSONEncoder()
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO feed (url, title, etag, lastModified, checked, error) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
              lastModified = excluded.lastModified, checked = excluded.checked, error = excluded.error
            """,
          arguments: [record.location, record.title, record.etag, record.lastModified, record.checked, record.error])
        let now = Date().timeIntervalSince1970
        for entry in items {
          let item = entry.item
          try storeAnalysis(db, hash: item.hash, summary: entry.summary, body: entry.body, encoder: encoder)
          try db.execute(
            sql: """
              INSERT INTO item (
                ref, feed, title, link, published, position, fullText, note, article, hash, firstSeen, attempts, retryAt)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (ref) DO UPDATE SET title = excluded.title, link = excluded.link,
                published = excluded.published, fullText = excluded.fullText, note = excluded.note,
                article = excluded.article, hash = excluded.hash, attempts = excluded.attempts,
                retryAt = excluded.retryAt
              """,
            arguments: [
              item.reference.key, item.feed, item.title, item.link, item.published?.timeIntervalSince1970,
              item.position, item.fullText, item.note, StoredArticle(entry.article).encoded(), item.hash, now,
              item.attempts, item.retryAt,
            ])
        }
        // The feed's current order; items no longer in it go after, in their old order.
        if !order.isEmpty {
          try db.execute(
            sql: "UPDATE item SET position = position + 1000000 WHERE feed = ? AND position < 1000000",
            arguments: [record.location])
          let statement = try db.makeStatement(sql: "UPDATE item SET position = ? WHERE ref = ?")
          for (index, reference) in order.enumerated() {
            try statement.execute(arguments: [index, reference.key])
          }
        }
      }
      return true
    } ?? false
  }

  /// The analysis of a content hash, unless it is stored already.
  func storeAnalysis(_ db: Database, hash: String, summary: ArticleSummary?, body: String, encoder: JSONEncoder) throws
  {
    guard let summary,
      try Int64.fetchOne(db, sql: "SELECT id FROM doc WHERE hash = ?", arguments: [hash]) == nil
    else { return }
    try db.execute(
      sql: "INSERT INTO doc (hash, title, date, readMinutes, quoteCount, mainPeople) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [
        hash, summary.title, summary.date?.description, summary.readMinutes, summary.quoteCount,
        summary.mainPeople.joined(separator: "\u{1F}"),
      ])
    let id = db.lastInsertedRowID
    try db.execute(sql: "INSERT INTO detail (id, summary) VALUES (?, ?)", arguments: [id, try encoder.encode(summary)])
    try FullTextIndex.insert(db, id: id, title: summary.title, body: body)
  }

  /// The feeds stored with a location under a folder (feed files found in it before).
  public func feedLocations(under root: LibraryRoot) -> [String] {
    guard root.isFolder else { return [] }
    let prefix = root.path == "/" ? "/" : root.path + "/"
    let upper = String(prefix.dropLast()) + "0"
    return guarded("reading the cache") {
      try pool.read { db in
        try String.fetchAll(
          db, sql: "SELECT url FROM feed WHERE url > ? AND url < ? ORDER BY url", arguments: [prefix, upper])
      }
    } ?? []
  }

  /// The read marks of the files under the roots: path to the content hash the file had when
  /// it was marked read. (Items' marks have no hash and are left out.)
  public func fileReadMarks(under roots: [LibraryRoot]) -> [String: String] {
    guarded("reading the cache") {
      try pool.read { db in
        var marks: [String: String] = [:]
        for root in roots {
          let statement: Statement
          if root.isFolder {
            let prefix = root.path == "/" ? "/" : root.path + "/"
            statement = try db.makeStatement(
              sql: "SELECT ref, hash FROM readmark WHERE ref > ? AND ref < ? AND hash IS NOT NULL")
            statement.arguments = [prefix, String(prefix.dropLast()) + "0"]
          } else {
            statement = try db.makeStatement(sql: "SELECT ref, hash FROM readmark WHERE ref = ? AND hash IS NOT NULL")
            statement.arguments = [root.path]
          }
          try LibraryCache.step(statement, db) { row in marks[row.string(0)] = row.string(1) }
        }
        return marks
      }
    } ?? [:]
  }

  /// Whether any file under the root has a read mark.
  static func hasFileMarks(_ db: Database, under root: LibraryRoot) throws -> Bool {
    if root.isFolder {
      let prefix = root.path == "/" ? "/" : root.path + "/"
      return try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM readmark WHERE ref > ? AND ref < ? AND hash IS NOT NULL)",
        arguments: [prefix, String(prefix.dropLast()) + "0"]) ?? false
    }
    return try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM readmark WHERE ref = ? AND hash IS NOT NULL)", arguments: [root.path])
      ?? false
  }

  /// The read marks of these files (path to the content hash when marked), those that have one.
  public func fileMarks(paths: [String]) -> [String: String] {
    guard !paths.isEmpty else { return [:] }
    return guarded("reading the cache") {
      try pool.read { db in
        var marks: [String: String] = [:]
        let statement = try db.makeStatement(sql: "SELECT hash FROM readmark WHERE ref = ? AND hash IS NOT NULL")
        for path in paths {
          if let hash = try String.fetchOne(statement, arguments: [path]) { marks[path] = hash }
        }
        return marks
      }
    } ?? [:]
  }

  /// Marks files read (with the content hash they have) or unread (nil).
  public func setFileMarks(_ marks: [(path: String, hash: String?)]) {
    guard !marks.isEmpty else { return }
    _ = guarded("writing the cache") {
      try pool.write { db in
        let now = Date().timeIntervalSince1970
        for (path, hash) in marks {
          if let hash {
            try db.execute(
              sql: "INSERT OR REPLACE INTO readmark (ref, at, hash) VALUES (?, ?, ?)", arguments: [path, now, hash])
          } else {
            try db.execute(sql: "DELETE FROM readmark WHERE ref = ?", arguments: [path])
          }
        }
      }
    }
  }

  /// Marks items read or unread (an item is unread until opened).
  public func setRead(_ references: [ArticleReference], read: Bool) {
    guard !references.isEmpty else { return }
    _ = guarded("writing the cache") {
      try pool.write { db in
        let now = Date().timeIntervalSince1970
        for reference in references {
          if read {
            try db.execute(
              sql: "INSERT OR REPLACE INTO readmark (ref, at) VALUES (?, ?)", arguments: [reference.key, now])
          } else {
            try db.execute(sql: "DELETE FROM readmark WHERE ref = ?", arguments: [reference.key])
          }
        }
      }
    }
  }
}
