import BylineCore
import Foundation

/// One row of the library: an article file (with any byte-identical copies), or a file that
/// failed to load.
public struct LibraryEntry: Sendable, Equatable, Identifiable {
  public enum State: Sendable, Equatable {
    /// Not analysed yet: shown by its file name.
    case pending
    case ready(ArticleListing)
    case failed(ArticleLoadError)
  }

  /// The path of the first of the identical files: stable across snapshots.
  public var path: String
  /// The other byte-identical files, shown as one row with a count.
  public var duplicatePaths: [String]
  /// The content hash, once read.
  public var hash: String?
  public var state: State
  public var id: String { path }
  /// How many identical files the row stands for.
  public var count: Int { 1 + duplicatePaths.count }

  public var listing: ArticleListing? {
    if case .ready(let listing) = state { return listing }
    return nil
  }

  /// The title, or the file name while pending or failed.
  public var title: String {
    listing?.title ?? URL(fileURLWithPath: path).lastPathComponent
  }

  public var error: ArticleLoadError? {
    if case .failed(let error) = state { return error }
    return nil
  }
}

/// How far background analysis has gone.
public struct LibraryProgress: Sendable, Equatable {
  public var done: Int
  public var total: Int
  public var isFinished: Bool { done >= total }
  /// "analysing 812/2225", or nil when finished.
  public var text: String? { isFinished ? nil : "analysing \(done)/\(total)" }
}

/// What the UI shows at one moment: a value, safe to keep while the library goes on working.
public struct LibrarySnapshot: Sendable {
  public var entries: [LibraryEntry]
  public var progress: LibraryProgress
  /// Messages to show once (the cache was corrupt and rebuilt, or is off).
  public var messages: [String]
  /// Bumped at every change: a UI compares it to know when to redraw.
  public var version: Int
}

/// A quote of one person, with its article.
public struct PersonQuote: Sendable, Equatable {
  public var path: String
  public var title: String
  public var date: ArticleDate?
  public var quote: ArticleSummary.QuoteRecord
}

/// An article matching a full-text search, with how many times the words match.
public struct SearchHit: Sendable, Equatable {
  public var entry: LibraryEntry
  public var matches: Int
}

/// A library of articles: the files under some paths, their cached or fresh analysis, the
/// people across them, and queries over them.
///
/// ``init(paths:cacheDirectory:)`` scans the files and reads the cache (no analysis: fast);
/// ``start()`` analyses the rest on a background thread using every core. The UI polls
/// ``snapshot()``, which never blocks on analysis. All methods are thread-safe.
public final class Library: @unchecked Sendable {
  public let paths: [String]
  public let cache: LibraryCache?
  private let lock = NSLock()
  private var files: [ScannedFile]
  private var hashes: [String?]
  private var states: [LibraryEntry.State]
  private var summaries: [String: ArticleSummary] = [:]
  private var messages: [String] = []
  private var done = 0
  private var version = 0
  private var started = false
  private var cachedSnapshot: LibrarySnapshot?
  private var cachedPeople: (version: Int, index: PeopleIndex)?
  private let finished = DispatchSemaphore(value: 0)
  private var isFinished = false

  /// Scans `paths` and reads the cache in `cacheDirectory` (the XDG cache folder when nil;
  /// pass `useCache: false` for none).
  public init(paths: [String], cacheDirectory: String? = nil, useCache: Bool = true) {
    self.paths = paths
    let scan = LibraryScanner.scan(paths)
    var opened: LibraryCache?
    if useCache {
      let result = LibraryCache.open(directory: cacheDirectory ?? LibraryCache.defaultDirectory())
      opened = result.cache
      if let message = result.message { messages.append(message) }
    }
    cache = opened
    files = scan.files
    hashes = Array(repeating: nil, count: scan.files.count)
    states = Array(repeating: .pending, count: scan.files.count)
    let cached = opened?.cachedFiles() ?? [:]
    for (i, file) in files.enumerated() {
      if let hit = cached[file.path], hit.size == file.size, hit.mtime == file.mtime {
        hashes[i] = hit.hash
        states[i] = .ready(hit.listing)
        done += 1
      }
    }
    for failure in scan.failures {
      files.append(ScannedFile(path: failure.path, size: 0, mtime: 0))
      hashes.append(nil)
      states.append(.failed(failure.error))
      done += 1
    }
    if let message = opened?.message { messages.append(message) }
  }

  /// Starts the background work: summaries of cached articles are loaded, the rest analysed.
  /// Returns at once; calling it again does nothing.
  public func start() {
    let go = lock.withLock { () -> Bool in
      if started { return false }
      started = true
      return true
    }
    guard go else { return }
    let thread = Thread { [self] in run() }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Blocks until background work is done (for commands and tests, never for the UI).
  public func waitUntilFinished() {
    start()
    if lock.withLock({ isFinished }) { return }
    finished.wait()
    finished.signal()
  }

  /// Waits for background work to end and closes the cache.
  public func close() {
    waitUntilFinished()
    cache?.close()
  }

  public func snapshot() -> LibrarySnapshot {
    lock.withLock {
      if let cachedSnapshot, cachedSnapshot.version == version { return cachedSnapshot }
      var entries: [LibraryEntry] = []
      var rowOfHash: [String: Int] = [:]
      for i in files.indices {
        if let hash = hashes[i] {
          if let row = rowOfHash[hash] {
            entries[row].duplicatePaths.append(files[i].path)
            continue
          }
          rowOfHash[hash] = entries.count
        }
        entries.append(LibraryEntry(path: files[i].path, duplicatePaths: [], hash: hashes[i], state: states[i]))
      }
      let snapshot = LibrarySnapshot(
        entries: entries, progress: LibraryProgress(done: done, total: files.count),
        messages: messages, version: version)
      cachedSnapshot = snapshot
      return snapshot
    }
  }

  /// The people across every article analysed so far.
  public func people() -> PeopleIndex {
    let (v, current) = lock.withLock { (version, cachedPeople) }
    if let current, current.version == v { return current.index }
    let copy = lock.withLock { summaries }
    let index = PeopleIndex(summaries: copy)
    lock.withLock { cachedPeople = (v, index) }
    return index
  }

  /// The summary of an entry, once analysed or loaded from the cache.
  public func summary(hash: String) -> ArticleSummary? { lock.withLock { summaries[hash] } }

  /// The rows of the articles that mention or quote a person, in library order.
  public func entries(of person: LibraryPerson) -> [LibraryEntry] {
    snapshot().entries.filter { $0.hash.map { person.appearances[$0] != nil } ?? false }
  }

  /// Every quote of a person across the library, newest first (undated last), then by title
  /// and position.
  public func quotes(of person: LibraryPerson) -> [PersonQuote] {
    let entries = snapshot().entries
    var result: [PersonQuote] = []
    for entry in entries {
      guard let hash = entry.hash, let local = person.appearances[hash], let summary = summary(hash: hash) else {
        continue
      }
      for quote in summary.quotes where quote.speaker == local {
        result.append(PersonQuote(path: entry.path, title: summary.title, date: summary.date, quote: quote))
      }
    }
    result.sort {
      switch ($0.date, $1.date) {
      case let (a?, b?) where a != b: return a > b
      case (_?, nil): return true
      case (nil, _?): return false
      default: return ($0.title, $0.quote.start) < ($1.title, $1.quote.start)
      }
    }
    return result
  }

  /// Full-text search over titles and bodies (FTS5 in the cache), with matches per article,
  /// best first. Without a cache, titles alone are searched.
  public func search(_ text: String) -> [SearchHit] {
    let entries = snapshot().entries
    if let cache, !cache.isDisabled {
      var rowOfHash: [String: Int] = [:]
      for (i, entry) in entries.enumerated() { if let h = entry.hash { rowOfHash[h] = i } }
      return (cache.search(text) ?? []).compactMap { hit in
        rowOfHash[hit.hash].map { SearchHit(entry: entries[$0], matches: hit.matches) }
      }
    }
    let words = PeopleIndex.fold(text).split(separator: " ").map(String.init)
    guard !words.isEmpty else { return [] }
    return entries.compactMap { entry in
      let title = PeopleIndex.fold(entry.title).split(separator: " ")
      let n = words.reduce(0) { total, w in total + title.filter { $0.hasPrefix(w) }.count }
      return words.allSatisfy({ w in title.contains { $0.hasPrefix(w) } }) ? SearchHit(entry: entry, matches: n) : nil
    }
  }

  // MARK: - Background work

  private func bump() {
    version += 1
  }

  private func run() {
    // 1. The cache's health, checked here so the first screen never waits for it.
    if let cache, !cache.isSound() {
      let aside = cache.path + ".corrupt"
      lock.withLock {
        messages.append("the cache was corrupt; analysing again without it (file kept: \(aside))")
        bump()
      }
      _ = cache.guarded("checking the cache") { throw CacheCorrupt() }
      lock.withLock {
        for i in states.indices where hashes[i] != nil {
          states[i] = .pending
          hashes[i] = nil
          done -= 1
        }
        bump()
      }
    }
    // 2. Summaries of cached articles, for people and quotes.
    if let cache, !cache.isDisabled {
      let wanted = lock.withLock { Set(hashes.compactMap { $0 }) }
      if !wanted.isEmpty {
        let loaded = cache.summaries(hashes: wanted)
        lock.withLock {
          summaries.merge(loaded) { a, _ in a }
          bump()
        }
      }
    }
    // 3. Analysis of everything else, in batches, on every core. Content already in the
    // cache (a copy, a touched or moved file) is not analysed again.
    let storedHashes = cache?.storedHashes() ?? []
    let pending = lock.withLock { states.indices.filter { if case .pending = states[$0] { return true } else { return false } } }
    let batchSize = max(32, ProcessInfo.processInfo.activeProcessorCount * 16)
    var start = 0
    while start < pending.count {
      let batch = Array(pending[start..<min(start + batchSize, pending.count)])
      start += batchSize
      let inputs = lock.withLock { batch.map { files[$0] } }
      let results = ResultBox(count: batch.count)
      Library.parallel(count: batch.count) { [self] k in
        results.set(k, Library.analyse(inputs[k], known: { [self] h in storedHashes.contains(h) || lock.withLock { summaries[h] != nil } }))
        lock.withLock {
          done += 1
          if done % 16 == 0 { bump() }
        }
      }
      var toStore: [LibraryCache.Entry] = []
      lock.withLock {
        for (k, index) in batch.enumerated() {
          switch results.values[k]! {
          case .failure(let error):
            states[index] = .failed(error)
          case .success(let outcome):
            hashes[index] = outcome.hash
            if let summary = outcome.summary { summaries[outcome.hash] = summary }
            if let summary = outcome.summary ?? summaries[outcome.hash] {
              states[index] = .ready(summary.listing)
            }
            toStore.append(LibraryCache.Entry(file: inputs[k], hash: outcome.hash, summary: outcome.summary, body: outcome.body))
          }
        }
        bump()
      }
      cache?.store(toStore)
      // Files whose summary came from the cache alone.
      let missing = lock.withLock { batch.filter { i in hashes[i].map { summaries[$0] == nil } ?? false }.map { hashes[$0]! } }
      if !missing.isEmpty, let cache {
        let loaded = cache.summaries(hashes: Set(missing))
        lock.withLock {
          summaries.merge(loaded) { a, _ in a }
          for i in batch { if let h = hashes[i], let s = summaries[h] { states[i] = .ready(s.listing) } }
          bump()
        }
      }
      if let message = cache?.message {
        lock.withLock { if !messages.contains(message) { messages.append(message); bump() } }
      }
    }
    lock.withLock {
      isFinished = true
      bump()
    }
    // The people index, built here so the picker opens at once.
    _ = people()
    finished.signal()
  }

  struct CacheCorrupt: Error {}

  /// Runs `body` for 0..<count on one thread per core, and waits.
  static func parallel(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    let next = Counter()
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      let thread = Thread {
        while true {
          let k = next.take()
          if k >= count { break }
          body(k)
        }
        group.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int { lock.withLock { defer { value += 1 }; return value } }
  }

  struct Outcome: Sendable {
    var hash: String
    /// Nil when the hash was already known (a copy, a touched file).
    var summary: ArticleSummary?
    var body: String
  }

  final class ResultBox: @unchecked Sendable {
    var values: [Result<Outcome, ArticleLoadError>?]
    let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: Result<Outcome, ArticleLoadError>) { lock.withLock { values[k] = value } }
  }

  /// Reads, hashes and (unless the hash is known) analyses one file.
  static func analyse(_ file: ScannedFile, known: (String) -> Bool) -> Result<Outcome, ArticleLoadError> {
    if file.size > ArticleLoader.maximumBytes {
      return .failure(.tooLarge(path: file.path, bytes: file.size, limit: ArticleLoader.maximumBytes))
    }
    guard FileManager.default.isReadableFile(atPath: file.path) else {
      return .failure(.unreadable(path: file.path, reason: "permission denied"))
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file.path))
    } catch {
      return .failure(.unreadable(path: file.path, reason: (error as NSError).localizedDescription))
    }
    let hash = ContentHash.of(data)
    if known(hash) { return .success(Outcome(hash: hash, summary: nil, body: "")) }
    do {
      let text = try ArticleLoader.decode(data, path: file.path)
      let article = ArticleLoader.parse(text, path: file.path)
      let analysis = ArticleAnalysis(article: article)
      // The body indexed for search: every block but the title, which is indexed apart.
      let body = article.blocks.filter { $0.kind != .title }.map { article.text(of: $0) }.joined(separator: "\n\n")
      return .success(Outcome(hash: hash, summary: ArticleSummary(analysis: analysis), body: body))
    } catch {
      return .failure(error)
    }
  }
}
