import BylineCore
import Foundation
import GRDB

/// The full-text index of titles and bodies (SQLite FTS5), the same in the cache's file and
/// in memory: a `doc_ft` table whose rowid is the id of a `doc` row holding the content hash.
/// Words match as prefixes, case and accents ignored (`unicode61 remove_diacritics 2`).
enum FullTextIndex {
  static let createTable =
    "CREATE VIRTUAL TABLE IF NOT EXISTS doc_ft USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"

  static func insert(_ db: Database, id: Int64, title: String, body: String) throws {
    try db.execute(sql: "INSERT INTO doc_ft (rowid, title, body) VALUES (?, ?, ?)", arguments: [id, title, body])
  }

  /// The hashes of the matching articles (every word of `query` starts a word of the
  /// article), best match first (bm25), each with the number of times the reader's search
  /// finds `query` in it (``readerCount(_:title:body:)``), so that the number the list shows
  /// is the reader's 'match 1/N'.
  static func search(_ db: Database, _ pattern: FTS5Pattern, query: String) throws -> [(hash: String, matches: Int)] {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT d.hash, doc_ft.title, doc_ft.body
        FROM doc_ft JOIN doc d ON d.id = doc_ft.rowid
        WHERE doc_ft MATCH ? ORDER BY bm25(doc_ft)
        """, arguments: [pattern])
    var result: [(String, Int)] = []
    while let row = try rows.next() {
      result.append((row[0], readerCount(query, title: row[1], body: row[2])))
    }
    return result
  }

  /// How many times the reader's search (``TextSearch``: its folding and smart case, a phrase
  /// across line breaks, never across blocks) finds `query` in an indexed title and body,
  /// furniture lines left out as the reader leaves them out. 0 when the words are there but
  /// not as the phrase.
  static func readerCount(_ query: String, title: String, body: String) -> Int {
    var blocks = [Substring(title).unicodeScalars]
    // The body's blocks are joined by "\n\n": found byte by byte (String's split by a
    // separator string took most of the search's time).
    let bytes = body.utf8
    var start = bytes.startIndex
    var index = start
    var previousNewline = false
    func take(_ end: String.Index) {
      let block = body[start..<end]
      // Furniture lines are short; a long block is never one.
      if block.utf8.count <= 200, case .furniture = LineClassifier.classify(String(block)) { return }
      blocks.append(block.unicodeScalars)
    }
    while index != bytes.endIndex {
      let isNewline = bytes[index] == 0x0A
      if isNewline && previousNewline {
        take(bytes.index(before: index))
        start = bytes.index(after: index)
        previousNewline = false
      } else {
        previousNewline = isNewline
      }
      index = bytes.index(after: index)
    }
    take(bytes.endIndex)
    return TextSearch.count(query, in: blocks)
  }

}

/// A full-text index in memory, for a library without a cache (turned off, unwritable,
/// locked, corrupt and not rebuilt): the same table and query as the cache's, so `/` finds
/// the same articles with the same counts.
final class MemoryTextIndex: Sendable {
  private let queue: DatabaseQueue

  init() throws {
    queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE doc (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE)")
      try db.execute(sql: FullTextIndex.createTable)
    }
  }

  /// Adds articles (hash, title, body); a hash already indexed is skipped.
  func add(_ articles: [(hash: String, title: String, body: String)]) throws {
    guard !articles.isEmpty else { return }
    try queue.write { db in
      for article in articles {
        try db.execute(sql: "INSERT OR IGNORE INTO doc (hash) VALUES (?)", arguments: [article.hash])
        guard db.changesCount > 0 else { continue }
        try FullTextIndex.insert(db, id: db.lastInsertedRowID, title: article.title, body: article.body)
      }
    }
  }

  func search(_ text: String) throws -> [(hash: String, matches: Int)] {
    guard let pattern = FTS5Pattern(matchingAllPrefixesIn: text) else { return [] }
    return try queue.read { db in try FullTextIndex.search(db, pattern, query: text) }
  }
}
