import BylineCore
import Foundation
import GRDB

/// What the list needs to show an article: read from the cache at start without decoding the
/// full summary.
public struct ArticleListing: Sendable, Equatable {
  public var title: String
  public var date: ArticleDate?
  public var readMinutes: Int
  public var quoteCount: Int
  public var mainPeople: [String]
  public init(title: String, date: ArticleDate?, readMinutes: Int, quoteCount: Int, mainPeople: [String]) {
    self.title = title
    self.date = date
    self.readMinutes = readMinutes
    self.quoteCount = quoteCount
    self.mainPeople = mainPeople
  }
}

extension ArticleSummary {
  public var listing: ArticleListing {
    ArticleListing(title: title, date: date, readMinutes: readMinutes, quoteCount: quoteCount,
      mainPeople: mainPeople)
  }
}

/// The SQLite cache of article summaries and the full-text index, in one file
/// (`library.sqlite`) in the cache folder: `$XDG_CACHE_HOME/byline`, else `~/.cache/byline`.
///
/// Tables: `file` (path, size, mtime, content hash), `doc` (one row per distinct content
/// hash: the listing columns and the summary as JSON) and `doc_ft` (FTS5 over title and body,
/// rowid = `doc.id`). The database is in WAL mode with a busy timeout, so two Byline
/// processes can open the same library at once. Every failure after opening is reported once
/// through ``message`` and turns the cache off for the rest of the run; callers go on without it.
public final class LibraryCache: @unchecked Sendable {
  /// Bumped whenever the analysis or the schema changes: an older cache is rebuilt.
  public static let schemaVersion = "1"
  public static let fileName = "library.sqlite"

  let pool: DatabasePool
  public let path: String
  private let lock = NSLock()
  private var _message: String?
  private var _disabled = false
  private var _closed = false

  /// The cache folder: `$XDG_CACHE_HOME/byline`, else `~/.cache/byline`.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/byline" }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.cache/byline"
  }

  /// Opens (creating or rebuilding as needed) the cache in `directory`. Returns nil, with a
  /// message saying why, when there can be no cache; a message with a cache means it was
  /// rebuilt.
  public static func open(directory: String) -> (cache: LibraryCache?, message: String?) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      return (nil, "cache off: cannot create \(directory) (\(describe(error)))")
    }
    let path = directory + "/" + fileName
    // One pool per file in a process: two pools on one file in one process corrupted the heap
    // in tests here (two processes are fine: that is SQLite's WAL locking).
    if let open = registry.withLock({ $0[path]?.cache }), !open.isClosed { return (open, nil) }
    let (cache, message) = openFresh(path: path)
    if let cache { registry.withLock { $0[path] = WeakCache(cache: cache) } }
    return (cache, message)
  }

  final class WeakCache: @unchecked Sendable {
    weak var cache: LibraryCache?
    init(cache: LibraryCache) { self.cache = cache }
  }

  static let registry = LockedDictionary()

  final class LockedDictionary: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [String: WeakCache] = [:]
    func withLock<T>(_ body: (inout [String: WeakCache]) -> T) -> T { lock.withLock { body(&value) } }
  }

  /// Closes the database (waiting for its work to end); the cache is off afterwards.
  public func close() {
    lock.withLock { _disabled = true; _closed = true }
    try? pool.close()
    _ = LibraryCache.registry.withLock { $0.removeValue(forKey: path) }
  }

  var isClosed: Bool { lock.withLock { _closed } }

  static func openFresh(path: String) -> (cache: LibraryCache?, message: String?) {
    do {
      return (try LibraryCache(path: path), nil)
    } catch let error as DatabaseError
      where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) || error.message == "schema"
    {
      let aside = path + ".corrupt"
      moveAside(path, to: aside)
      do {
        let cache = try LibraryCache(path: path)
        let why = error.message == "schema" ? "was from an older Byline" : "was corrupt"
        return (cache, "the cache \(why); rebuilt it (old copy: \(aside))")
      } catch {
        return (nil, "cache off: \(describe(error))")
      }
    } catch {
      return (nil, "cache off: \(describe(error))")
    }
  }

  static func moveAside(_ path: String, to aside: String) {
    let fm = FileManager.default
    for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: aside + suffix) }
    try? fm.moveItem(atPath: path, toPath: aside)
    try? fm.removeItem(atPath: path + "-wal")
    try? fm.removeItem(atPath: path + "-shm")
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return "SQLite error \(error.resultCode.primaryResultCode.rawValue): \(error.message ?? "unknown")"
    }
    return (error as NSError).localizedDescription
  }

  init(path: String) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(5)
    pool = try DatabasePool(path: path, configuration: config)
    try pool.write { db in
      try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
      let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
      if let version, version != LibraryCache.schemaVersion {
        throw DatabaseError(resultCode: .SQLITE_ERROR, message: "schema")
      }
      guard version == nil else { return }
      try db.execute(sql: """
        CREATE TABLE IF NOT EXISTS doc (
          id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL, date TEXT,
          readMinutes INTEGER NOT NULL, quoteCount INTEGER NOT NULL, mainPeople TEXT NOT NULL,
          detail BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS file (
          path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS doc_ft USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '\(LibraryCache.schemaVersion)');
        """)
    }
  }

  /// The message to show once, if the cache failed after opening.
  public var message: String? { lock.withLock { _message } }
  public var isDisabled: Bool { lock.withLock { _disabled } }

  /// Runs a cache operation; on failure records the message once and turns the cache off.
  func guarded<T>(_ what: String, _ body: () throws -> T) -> T? {
    if isDisabled { return nil }
    do {
      return try body()
    } catch {
      lock.withLock {
        if _message == nil { _message = "cache off: \(what) failed (\(LibraryCache.describe(error)))" }
        _disabled = true
      }
      return nil
    }
  }

  /// A cached file: its stat data, content hash and listing.
  public struct CachedFile: Sendable {
    public var size: Int
    public var mtime: Double
    public var hash: String
    public var listing: ArticleListing
  }

  /// Every cached file, by path.
  public func cachedFiles() -> [String: CachedFile] {
    guarded("reading the cache") {
      try pool.read { db in
        var result: [String: CachedFile] = [:]
        let rows = try Row.fetchCursor(db, sql: """
          SELECT f.path, f.size, f.mtime, f.hash, d.title, d.date, d.readMinutes, d.quoteCount, d.mainPeople
          FROM file f JOIN doc d ON d.hash = f.hash
          """)
        result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0)
        while let row = try rows.next() {
          let people: String = row[8]
          let date: String? = row[5]
          result[row[0]] = CachedFile(
            size: row[1], mtime: row[2], hash: row[3],
            listing: ArticleListing(
              title: row[4], date: date.flatMap(ArticleDate.fastISO), readMinutes: row[6],
              quoteCount: row[7],
              mainPeople: people.isEmpty ? [] : people.split(separator: "\u{1F}").map(String.init)))
        }
        return result
      }
    } ?? [:]
  }

  /// The summary stored for each of the given content hashes (all when nil).
  public func summaries(hashes: Set<String>? = nil) -> [String: ArticleSummary] {
    guarded("reading summaries") {
      try pool.read { db in
        var result: [String: ArticleSummary] = [:]
        let decoder = JSONDecoder()
        let rows = try Row.fetchCursor(db, sql: "SELECT hash, detail FROM doc")
        while let row = try rows.next() {
          let hash: String = row[0]
          if let hashes, !hashes.contains(hash) { continue }
          let data: Data = row[1]
          if let summary = try? decoder.decode(ArticleSummary.self, from: data) { result[hash] = summary }
        }
        return result
      }
    } ?? [:]
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
          if let summary = entry.summary {
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM doc WHERE hash = ?", arguments: [entry.hash]) ?? false
            if !exists {
              try db.execute(
                sql: """
                  INSERT INTO doc (hash, title, date, readMinutes, quoteCount, mainPeople, detail)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  """,
                arguments: [
                  entry.hash, summary.title, summary.date?.description, summary.readMinutes,
                  summary.quoteCount, summary.mainPeople.joined(separator: "\u{1F}"),
                  try encoder.encode(summary),
                ])
              try db.execute(
                sql: "INSERT INTO doc_ft (rowid, title, body) VALUES (?, ?, ?)",
                arguments: [db.lastInsertedRowID, summary.title, entry.body])
            }
          }
          try db.execute(
            sql: "INSERT OR REPLACE INTO file (path, size, mtime, hash) VALUES (?, ?, ?, ?)",
            arguments: [entry.file.path, entry.file.size, entry.file.mtime, entry.hash])
        }
      }
    }
  }

  /// Full-text search over titles and bodies: the content hashes of matching articles, with
  /// how many times the words match in each (title and body), best match first. Words match as
  /// prefixes, case and accents ignored; nil when the text has no words.
  public func search(_ text: String) -> [(hash: String, matches: Int)]? {
    guard let pattern = FTS5Pattern(matchingAllPrefixesIn: text) else { return nil }
    return guarded("searching") {
      try pool.read { db in
        let rows = try Row.fetchCursor(db, sql: """
          SELECT d.hash, highlight(doc_ft, 0, char(1), ''), highlight(doc_ft, 1, char(1), '')
          FROM doc_ft JOIN doc d ON d.id = doc_ft.rowid
          WHERE doc_ft MATCH ? ORDER BY bm25(doc_ft)
          """, arguments: [pattern])
        var result: [(String, Int)] = []
        while let row = try rows.next() {
          let title: String = row[1]
          let body: String = row[2]
          let count = title.utf8.reduce(0) { $1 == 1 ? $0 + 1 : $0 } + body.utf8.reduce(0) { $1 == 1 ? $0 + 1 : $0 }
          result.append((row[0], count))
        }
        return result
      }
    } ?? []
  }

  /// `PRAGMA quick_check`: true when the file is sound.
  public func isSound() -> Bool {
    do {
      return try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") } == "ok"
    } catch {
      return false
    }
  }

  /// The cache's size on disk, with its WAL file.
  public var sizeOnDisk: Int {
    ["", "-wal"].reduce(0) { total, suffix in
      total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int ?? 0)
    }
  }
}
