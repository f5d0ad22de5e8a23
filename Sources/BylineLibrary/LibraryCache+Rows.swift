import BylineCore
import Foundation
import GRDB
import GRDBSQLite

/// What the list needs to show an article: read from the cache at start without decoding the
/// full summary.
public struct ArticleListing: Sendable, Equatable {
  public var title: String
  public var date: ArticleDate?
  public var readMinutes: Int
  public var quoteCount: Int
  /// The main people as the cache stores them, joined by U+001F: split only for the rows
  /// drawn, not for every row of a large library at start.
  var joinedPeople: String

  /// Up to three people who matter most in the article.
  public var mainPeople: [String] {
    get { joinedPeople.isEmpty ? [] : joinedPeople.split(separator: "\u{1F}").map(String.init) }
    set { joinedPeople = newValue.joined(separator: "\u{1F}") }
  }

  public init(title: String, date: ArticleDate?, readMinutes: Int, quoteCount: Int, mainPeople: [String]) {
    self.init(
      title: title, date: date, readMinutes: readMinutes, quoteCount: quoteCount,
      joinedPeople: mainPeople.joined(separator: "\u{1F}"))
  }

  init(title: String, date: ArticleDate?, readMinutes: Int, quoteCount: Int, joinedPeople: String) {
    self.title = title
    self.date = date
    self.readMinutes = readMinutes
    self.quoteCount = quoteCount
    self.joinedPeople = joinedPeople
  }
}

extension ArticleSummary {
  public var listing: ArticleListing {
    ArticleListing(
      title: title, date: date, readMinutes: readMinutes, quoteCount: quoteCount,
      mainPeople: mainPeople)
  }
}

/// Where a library's files are: a folder (everything under it) or one file named directly.
public struct LibraryRoot: Sendable, Equatable {
  /// An absolute path, without a trailing slash.
  public var path: String
  public var isFolder: Bool
  public init(path: String, isFolder: Bool) {
    self.path = path
    self.isFolder = isFolder
  }
}

extension LibraryCache {
  /// A cached file: its stat data when it was analysed, content hash and listing.
  public struct CachedFile: Sendable {
    public var path: String
    public var size: Int
    public var mtime: Double
    public var hash: String
    /// The cache's number for the content: equal for byte-identical files.
    public var doc: Int
    public var listing: ArticleListing
    /// Whether the file has a read mark for this content.
    public var read: Bool
  }

  /// Hands over the cached files under each root, root after root, each folder's by path
  /// (byte order), as they are read: only the small listing columns, so this stays fast for
  /// 100,000 files. Rows a scan would not list (hidden, not an article's name) are left out.
  /// False when the cache failed.
  public func readCachedFiles(under roots: [LibraryRoot], _ each: (CachedFile) -> Void) -> Bool {
    guarded("reading the cache") {
      try pool.read { db in
        let columns =
          "f.path, f.size, f.mtime, d.hash, d.title, d.date, d.readMinutes, d.quoteCount, d.mainPeople, f.doc"
        for root in roots {
          // The read marks joined only when the root has any: a library never marked pays
          // nothing for them.
          let marked = try LibraryCache.hasFileMarks(db, under: root)
          let read = marked ? ", coalesce(r.hash = d.hash, 0)" : ", 0"
          let join = marked ? " LEFT JOIN readmark r ON r.ref = f.path" : ""
          let statement: Statement
          var skip = 0  // bytes of the root's path and its "/"
          if root.isFolder {
            let prefix = root.path == "/" ? "/" : root.path + "/"
            let upper = String(prefix.dropLast()) + "0"  // "0" follows "/" in byte order
            statement = try db.makeStatement(
              sql: """
                SELECT \(columns)\(read) FROM file f JOIN doc d ON d.id = f.doc\(join)
                WHERE f.path > ? AND f.path < ? ORDER BY f.path
                """)
            statement.arguments = [prefix, upper]
            skip = prefix.utf8.count
          } else {
            statement = try db.makeStatement(
              sql: "SELECT \(columns)\(read) FROM file f JOIN doc d ON d.id = f.doc\(join) WHERE f.path = ?")
            statement.arguments = [root.path]
          }
          try LibraryCache.step(statement, db) { row in
            let path = row.bytes(0)
            if root.isFolder, !LibraryScanner.isListed(relative: UnsafeBufferPointer(rebasing: path[skip...])) {
              return
            }
            let date = row.bytes(5)
            each(
              CachedFile(
                path: String(decoding: path, as: UTF8.self), size: row.int(1), mtime: row.double(2),
                hash: row.string(3), doc: row.int(9),
                listing: ArticleListing(
                  title: row.string(4), date: date.isEmpty ? nil : ArticleDate.fastISO(date),
                  readMinutes: row.int(6), quoteCount: row.int(7), joinedPeople: row.string(8)),
                read: row.int(10) != 0))
          }
        }
      }
      return true
    } ?? false
  }

  /// One row of a statement stepped with SQLite's C API: columns read without going through
  /// GRDB's generic decoding (four times faster on 100,000 rows).
  struct RawRow {
    let statement: OpaquePointer
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
      guard let text = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
      return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
    func string(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
  }

  /// Steps a prepared statement to its end, handing each row over; a failure (a damaged page)
  /// is thrown as GRDB's `DatabaseError`.
  static func step(_ statement: Statement, _ db: Database, _ body: (RawRow) -> Void) throws {
    let raw = statement.sqliteStatement
    defer { sqlite3_reset(raw) }
    while true {
      let code = sqlite3_step(raw)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code),
          message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      body(RawRow(statement: raw))
    }
  }

  /// Reads the stored summaries of the given content hashes (all when nil), decoding them on
  /// every core, and hands them over `batchSize` at a time, so a caller can show progress.
  public func loadSummaries(
    hashes: Set<String>? = nil, batchSize: Int = 2000, _ deliver: ([String: ArticleSummary]) -> Void
  ) {
    _ = guarded("reading summaries") {
      try pool.read { db in
        var batch: [(String, Data)] = []
        func flush() {
          guard !batch.isEmpty else { return }
          deliver(LibraryCache.decode(batch))
          batch.removeAll(keepingCapacity: true)
        }
        if let hashes, hashes.count <= 500 {
          // A few: one lookup each by the hash index.
          let statement = try db.makeStatement(
            sql: "SELECT x.summary FROM doc d JOIN detail x ON x.id = d.id WHERE d.hash = ?")
          for hash in hashes {
            if let data = try Data.fetchOne(statement, arguments: [hash]) { batch.append((hash, data)) }
          }
          flush()
          return
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT d.hash, x.summary FROM doc d JOIN detail x ON x.id = d.id")
        while let row = try rows.next() {
          let hash: String = row[0]
          if let hashes, !hashes.contains(hash) { continue }
          batch.append((hash, row[1]))
          if batch.count >= batchSize { flush() }
        }
        flush()
      }
    }
  }

  /// The summary stored for each of the given content hashes (all when nil).
  public func summaries(hashes: Set<String>? = nil) -> [String: ArticleSummary] {
    var result: [String: ArticleSummary] = [:]
    loadSummaries(hashes: hashes) { result.merge($0) { a, _ in a } }
    return result
  }

  static func decode(_ blobs: [(String, Data)]) -> [String: ArticleSummary] {
    let decoded = Workers.map(blobs.count) { k in
      try? JSONDecoder().decode(ArticleSummary.self, from: blobs[k].1)
    }
    var result: [String: ArticleSummary] = [:]
    for (k, summary) in decoded.enumerated() { if let summary { result[blobs[k].0] = summary } }
    return result
  }

  /// The content hashes whose summaries are stored.
  public func storedHashes() -> Set<String> {
    guarded("reading the cache") {
      try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT hash FROM doc")) }
    } ?? []
  }

  /// One analysed file to store.
  public struct Entry: Sendable {
    public var file: ScannedFile
    public var hash: String
    /// Nil when the summary for this hash is already stored: only the file row is written.
    public var summary: ArticleSummary?
    public var body: String
    public init(file: ScannedFile, hash: String, summary: ArticleSummary?, body: String) {
      self.file = file
      self.hash = hash
      self.summary = summary
      self.body = body
    }
  }

  /// Stores a batch in one transaction.
  public func store(_ entries: [Entry]) {
    guard !entries.isEmpty else { return }
    _ = guarded("writing the cache") {
      let encoder = JSONEncoder()
      try pool.write { db in
        for entry in entries {
          var id = try Int64.fetchOne(db, sql: "SELECT id FROM doc WHERE hash = ?", arguments: [entry.hash])
          if id == nil, let summary = entry.summary {
            try db.execute(
              sql: """
                INSERT INTO doc (hash, title, date, readMinutes, quoteCount, mainPeople)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
              arguments: [
                entry.hash, summary.title, summary.date?.description, summary.readMinutes,
                summary.quoteCount, summary.mainPeople.joined(separator: "\u{1F}"),
              ])
            let rowID = db.lastInsertedRowID
            id = rowID
            try db.execute(
              sql: "INSERT INTO detail (id, summary) VALUES (?, ?)",
              arguments: [rowID, try encoder.encode(summary)])
            try FullTextIndex.insert(db, id: rowID, title: summary.title, body: entry.body)
          }
          guard let id else { continue }
          try db.execute(
            sql: "INSERT OR REPLACE INTO file (path, size, mtime, doc) VALUES (?, ?, ?, ?)",
            arguments: [entry.file.path, entry.file.size, entry.file.mtime, id])
        }
      }
    }
  }

  /// Forgets files that are gone from their folder, and their read marks, so the next start
  /// does not list them.
  public func forget(paths: [String]) {
    guard !paths.isEmpty else { return }
    _ = guarded("writing the cache") {
      try pool.write { db in
        let statement = try db.makeStatement(sql: "DELETE FROM file WHERE path = ?")
        let marks = try db.makeStatement(sql: "DELETE FROM readmark WHERE ref = ?")
        for path in paths {
          try statement.execute(arguments: [path])
          try marks.execute(arguments: [path])
        }
      }
    }
  }

  /// Full-text search over titles and bodies: the content hashes of matching articles, with
  /// how many times the reader's search finds the text in each, best match first. Words match
  /// as prefixes, case and accents ignored; nil when the text has no words.
  public func search(_ text: String) -> [(hash: String, matches: Int)]? {
    guard let pattern = FTS5Pattern(matchingAllPrefixesIn: text) else { return nil }
    return guarded("searching") {
      try pool.read { db in try FullTextIndex.search(db, pattern, query: text) }
    } ?? []
  }
}
