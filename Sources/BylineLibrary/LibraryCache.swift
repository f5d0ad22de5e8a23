import BylineCore
import Foundation
import GRDB
import Synchronization

/// The SQLite cache of article summaries and the full-text index, in one file
/// (`library.sqlite`) in the cache folder: `$XDG_CACHE_HOME/byline`, else `~/.cache/byline`.
///
/// Tables: `doc` (one row per distinct content hash: the columns a list row shows, and nothing
/// else, so that reading every row of a large library stays fast), `detail` (the summary of
/// each `doc` as JSON, same id), `file` (path, size, mtime and the `doc` it holds, ordered by
/// path so that one folder's files are one range) and `doc_ft` (FTS5 over title and body,
/// rowid = `doc.id`); and, for feeds and pages (`LibraryCache+Feeds.swift`), `feed` (each
/// feed's title, validators and last error), `item` (every item ever stored, by its
/// ``ArticleReference`` key, with the article as read and the `doc` of its analysis) and
/// `readmark` (the articles opened: items by their key, files by their path with the content
/// hash they had when opened). The database is in WAL mode with a busy timeout, so two Byline
/// processes can open the same library at once.
///
/// Every failure after opening is reported once through ``message`` and turns the cache off
/// for the rest of the run; callers go on without it. When the failure is SQLite finding the
/// file damaged (``isCorrupt``), ``rebuilt()`` moves the file aside and starts a new one.
public final class LibraryCache: Sendable {
  /// Bumped whenever the schema changes: a cache of another is rebuilt (its feed items and
  /// read marks kept). 4: read marks on files (their content hash), page fetch retries.
  public static let schemaVersion = "4"
  /// The analysis the stored summaries come from (``AnalysisVersion``): a cache of another
  /// is rebuilt, its feed items and read marks kept and analysed again.
  static let analysisVersion = String(AnalysisVersion.current)
  public static let fileName = "library.sqlite"

  let pool: DatabasePool
  public let path: String
  /// What changes after opening, behind one lock.
  private let state = Mutex(State())

  private struct State {
    /// The failure to report once.
    var message: String?
    /// Off after a failure or once closed: every operation does nothing.
    var disabled = false
    /// SQLite found the file damaged.
    var corrupt = false
    var closed = false
  }

  /// The cache folder: `$XDG_CACHE_HOME/byline`, else `~/.cache/byline`.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    XDGDirectories(environment: environment).cache
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
    // One pool per file in a process, as GRDB requires (its first concurrency rule: two pools
    // on one file do not serialise their writes with each other). Two processes are fine:
    // that is SQLite's WAL locking. An earlier note blamed two pools for heap corruption; the
    // sanitizers find none (docs/concurrency.md).
    if let open = registry.withLock({ $0[path]?.cache }), !open.isClosed { return (open, nil) }
    let (cache, message) = openFresh(path: path)
    if let cache { registry.withLock { $0[path] = WeakCache(cache: cache) } }
    return (cache, message)
  }

  /// A cache the registry does not keep alive.
  struct WeakCache {
    weak var cache: LibraryCache?
  }

  /// The open caches by path: one pool per file in a process.
  static let registry = Mutex<[String: WeakCache]>([:])

  /// Closes the database (waiting for its work to end), its WAL folded into the file first;
  /// the cache is off afterwards.
  public func close() {
    let wasOpen = state.withLock { s -> Bool in
      defer { s.disabled = true; s.closed = true }
      return !s.closed && !s.corrupt
    }
    // Passive: folds what it can without waiting for another process's readers.
    if wasOpen { _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.passive) } }
    try? pool.close()
    LibraryCache.registry.withLock { if $0[path]?.cache === self { $0.removeValue(forKey: path) } }
  }

  var isClosed: Bool { state.withLock { $0.closed } }

  static func openFresh(path: String) -> (cache: LibraryCache?, message: String?) {
    do {
      return (try LibraryCache(path: path), nil)
    } catch let error as DatabaseError
      where isCorruption(error) || error.message == "schema"
    {
      let older = error.message == "schema"
      let aside = path + (older ? ".old" : ".corrupt")
      moveAside(path, to: aside)
      do {
        let cache = try LibraryCache(path: path)
        let why = older ? "was made by another version of Byline" : "was corrupt"
        let kept = cache.salvageFeeds(from: aside)
        return (cache, "the cache \(why); rebuilt it\(keptNote(kept)) (old copy: \(aside))")
      } catch {
        return (nil, "cache off: \(describe(error))")
      }
    } catch {
      return (nil, "cache off: \(describe(error))")
    }
  }

  /// For a cache found damaged after it opened (``isCorrupt``): closes it, moves the file
  /// aside (`library.sqlite.corrupt`) and opens a new, empty one in its place. Returns the new
  /// cache (nil when none can be made) and the message to show once.
  public func rebuilt() -> (cache: LibraryCache?, message: String) {
    let aside = path + ".corrupt"
    close()
    LibraryCache.moveAside(path, to: aside)
    do {
      let fresh = try LibraryCache(path: path)
      LibraryCache.registry.withLock { $0[path] = WeakCache(cache: fresh) }
      let kept = fresh.salvageFeeds(from: aside)
      return (fresh, "the cache was corrupt; rebuilt it\(LibraryCache.keptNote(kept)) (old copy: \(aside))")
    } catch {
      return (nil, "the cache was corrupt and was moved aside (\(aside)); cache off: \(LibraryCache.describe(error))")
    }
  }

  /// ", keeping 12 feed items" after a rebuild that salvaged items; "" when there were none.
  static func keptNote(_ kept: Int) -> String {
    kept == 0 ? "" : ", keeping \(kept) feed item\(kept == 1 ? "" : "s")"
  }

  static func isCorruption(_ error: DatabaseError) -> Bool {
    [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode.primaryResultCode)
  }

  static func moveAside(_ path: String, to aside: String) {
    let fm = FileManager.default
    for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: aside + suffix) }
    try? fm.moveItem(atPath: path, toPath: aside)
    try? fm.removeItem(atPath: path + "-wal")
    try? fm.removeItem(atPath: path + "-shm")
  }

  /// The cause of a cache error in words (SQLite's result codes are no help to a reader).
  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      switch error.resultCode.primaryResultCode {
      case .SQLITE_CANTOPEN: return "the cache file cannot be opened (its folder is missing or not writable)"
      case .SQLITE_READONLY: return "the cache file is read-only"
      case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
      case .SQLITE_FULL: return "the disk is full"
      case .SQLITE_IOERR: return "the disk could not be read or written"
      case .SQLITE_BUSY, .SQLITE_LOCKED: return "another process keeps the cache locked"
      case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the cache file is damaged"
      case .SQLITE_NOMEM: return "out of memory"
      default: return "the database failed (\(error.message ?? "no detail"))"
      }
    }
    return ErrorWords.describe(error)
  }

  init(path: String) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(5)
    pool = try DatabasePool(path: path, configuration: config)
    try pool.write { db in
      try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
      let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
      let analysis = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'analysis'")
      if version != nil {
        // Another schema, or summaries from another version of the analysis: the cache is
        // made again (``openFresh(path:)``; feed items and read marks kept).
        guard version == LibraryCache.schemaVersion, analysis == LibraryCache.analysisVersion else {
          throw DatabaseError(resultCode: .SQLITE_ERROR, message: "schema")
        }
        return
      }
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS doc (
            id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL, date TEXT,
            readMinutes INTEGER NOT NULL, quoteCount INTEGER NOT NULL, mainPeople TEXT NOT NULL);
          CREATE TABLE IF NOT EXISTS detail (id INTEGER PRIMARY KEY, summary BLOB NOT NULL);
          CREATE TABLE IF NOT EXISTS file (
            path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, doc INTEGER NOT NULL)
            WITHOUT ROWID;
          \(FullTextIndex.createTable);
          \(LibraryCache.feedTables);
          INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '\(LibraryCache.schemaVersion)');
          INSERT OR REPLACE INTO meta (key, value) VALUES ('analysis', '\(LibraryCache.analysisVersion)');
          """)
    }
  }

  /// The message to show once, if the cache failed after opening.
  public var message: String? { state.withLock { $0.message } }
  public var isDisabled: Bool { state.withLock { $0.disabled } }
  /// Whether SQLite found the file damaged: ``rebuilt()`` makes a new one.
  public var isCorrupt: Bool { state.withLock { $0.corrupt } }

  /// Runs a cache operation; on failure records the message once and turns the cache off
  /// (and marks it corrupt when SQLite says the file is damaged).
  func guarded<T>(_ what: String, _ body: () throws -> T) -> T? {
    if isDisabled { return nil }
    do {
      return try body()
    } catch {
      state.withLock { s in
        if let error = error as? DatabaseError, LibraryCache.isCorruption(error) {
          s.corrupt = true
        } else if s.message == nil {
          s.message = "cache off: \(what) failed (\(LibraryCache.describe(error)))"
        }
        s.disabled = true
      }
      return nil
    }
  }

  /// `PRAGMA quick_check`: true when the file is sound. A damaged file also marks the cache
  /// corrupt (``isCorrupt``).
  public func isSound() -> Bool {
    guarded("checking the cache") {
      let result = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
      if result != "ok" {
        throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "quick_check found damaged pages")
      }
      return true
    } ?? false
  }

  /// The cache's size on disk, with its WAL file.
  public var sizeOnDisk: Int {
    ["", "-wal"].reduce(0) { total, suffix in
      total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int ?? 0)
    }
  }
}
