import Foundation

/// Where the reader was in each article, kept across runs.
///
/// Positions are word indices (the n-th word of the body), so they survive a different window
/// size. The file is JSON, `$XDG_STATE_HOME/byline/positions.json` (by default
/// `~/.local/state/byline/positions.json`), keyed by the article's ``ArticleReference/key``
/// (a file's absolute path, a page's URL, a feed item's container and id), and is
/// written atomically (a temporary file renamed over the old one). A corrupt or unwritable
/// file is reported through ``problem`` and never stops the reader.
public struct ReadingPositionStore {
  /// One article's saved position.
  public struct Entry: Codable, Equatable, Sendable {
    public var wordIndex: Int
    /// The article's word count when saved: a changed article is still opened near the place.
    public var wordCount: Int
    public var saved: Date
  }

  public let fileURL: URL
  private var entries: [String: Entry] = [:]
  /// What went wrong reading or writing the file, in words for the status bar.
  public private(set) var problem: String?

  /// The default file, from `XDG_STATE_HOME` or `~/.local/state`.
  public static var defaultURL: URL {
    URL(fileURLWithPath: XDGDirectories().state + "/positions.json")
  }

  /// Loads the store; a missing file is an empty store, a corrupt one is reported.
  public init(fileURL: URL = ReadingPositionStore.defaultURL) {
    self.fileURL = fileURL
    guard FileManager.default.fileExists(atPath: fileURL.path) else { return }
    do {
      let data = try Data(contentsOf: fileURL)
      let decoder = JSONDecoder()
      decoder.dateDecodingStrategy = .iso8601
      entries = try decoder.decode([String: Entry].self, from: data)
    } catch {
      problem = "saved reading positions were unreadable and were reset (\(fileURL.path))"
    }
  }

  /// The key of an article: its absolute, standardised path, or its URL as given.
  public static func key(for path: String) -> String {
    let lower = path.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return path }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  public func position(for path: String) -> Entry? { entries[Self.key(for: path)] }

  /// The saved position of an article by its reference (a file's is the same as by its path).
  public func position(for reference: ArticleReference) -> Entry? { entries[Self.key(for: reference)] }

  /// The key of a reference: a file's standardised path, anything else its ``ArticleReference/key``.
  public static func key(for reference: ArticleReference) -> String {
    if case .file(let path) = reference { return key(for: path) }
    return reference.key
  }

  /// Records a position by reference (see ``save(wordIndex:wordCount:for:now:)``).
  public mutating func save(wordIndex: Int, wordCount: Int, for reference: ArticleReference, now: Date = Date()) {
    store(wordIndex: wordIndex, wordCount: wordCount, key: Self.key(for: reference), now: now)
  }

  /// Records a position and writes the file. Failures are kept in ``problem``, not thrown.
  public mutating func save(wordIndex: Int, wordCount: Int, for path: String, now: Date = Date()) {
    store(wordIndex: wordIndex, wordCount: wordCount, key: Self.key(for: path), now: now)
  }

  private mutating func store(wordIndex: Int, wordCount: Int, key: String, now: Date) {
    entries[key] = Entry(wordIndex: wordIndex, wordCount: wordCount, saved: now)
    // Keep the file small: the 1,000 most recent articles.
    if entries.count > 1000 {
      for (key, _) in entries.sorted(by: { $0.value.saved < $1.value.saved }).prefix(entries.count - 1000) {
        entries[key] = nil
      }
    }
    do {
      try FileManager.default.createDirectory(
        at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.dateEncodingStrategy = .iso8601
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(entries).write(to: fileURL, options: .atomic)
    } catch {
      problem = "could not save the reading position to \(fileURL.path): \(ErrorWords.describe(error))"
    }
  }
}
