import BylineCore
import BylineWeb
import Foundation
import Synchronization

/// One row of the library: an article file (with any byte-identical copies), a file that
/// failed to load, an item of a feed (or a page), or a feed itself (its unread count, or why
/// it could not be read).
public struct LibraryEntry: Sendable, Equatable, Identifiable {
  public enum State: Sendable, Equatable {
    /// Not analysed yet: shown by its file name.
    case pending
    indirect case ready(ArticleListing)
    case failed(ArticleLoadError)
  }

  /// A feed's own row: its name, its items and how many are unread.
  public struct FeedRow: Sendable, Equatable {
    public var location: String
    public var name: String
    public var items: Int
    public var unread: Int
    /// Why the last refresh failed (`404 Not Found`, `not a feed`); nil when it worked.
    public var error: String?
    /// Never read yet (it is being read, or waits for a refresh).
    public var neverRead: Bool
    /// The date of its newest dated item: the feed's place when the list is sorted by date.
    public var newest: ArticleDate?
    /// The minutes its unread items take to read: its place when sorted by read time.
    public var unreadMinutes: Int
    public init(
      location: String, name: String, items: Int, unread: Int, error: String?, neverRead: Bool = false,
      newest: ArticleDate? = nil, unreadMinutes: Int = 0
    ) {
      self.location = location
      self.name = name
      self.items = items
      self.unread = unread
      self.error = error
      self.neverRead = neverRead
      self.newest = newest
      self.unreadMinutes = unreadMinutes
    }
  }

  /// What the row stands for; stable across snapshots.
  public var reference: ArticleReference
  /// The other byte-identical files, shown as one row with a count.
  public var duplicatePaths: [String]
  /// The content hash, once read.
  public var hash: String?
  public var state: State
  /// Not opened yet: an article file (until opened, and again when its content changes) or a
  /// feed's item. A file that failed to load, and a feed's own row, are never unread.
  public var unread = false
  /// The parts only feeds' rows have, boxed: a file's row stays as small as it was (a library
  /// of 100,000 files copies its rows whenever it sorts or narrows them).
  private var feedParts: FeedPartsBox?

  /// The parts of a feed's row or a feed item's row.
  struct FeedParts: Sendable, Equatable {
    var feed: String?
    var feedRow: FeedRow?
    var note: String?
    var fallbackTitle: String?
    var link: String?
  }

  /// ``FeedParts`` on the heap: one pointer in the row.
  indirect enum FeedPartsBox: Sendable, Equatable {
    case parts(FeedParts)
  }

  private var parts: FeedParts? {
    if case .parts(let parts)? = feedParts { return parts }
    return nil
  }

  private mutating func update(_ change: (inout FeedParts) -> Void) {
    var current = parts ?? FeedParts()
    change(&current)
    feedParts = .parts(current)
  }

  /// For a feed's item: the feed's location. For a feed's row: the feed's too.
  public var feed: String? {
    get { parts?.feed }
    set { update { $0.feed = newValue } }
  }
  /// For a feed's own row: its counts and error.
  public var feedRow: FeedRow? {
    get { parts?.feedRow }
    set { update { $0.feedRow = newValue } }
  }
  /// For a feed's item: what to say on its row (the page could not be fetched).
  public var note: String? {
    get { parts?.note }
    set { update { $0.note = newValue } }
  }
  /// The title to show before the analysis is known (an item's title from its feed).
  public var fallbackTitle: String? {
    get { parts?.fallbackTitle }
    set { update { $0.fallbackTitle = newValue } }
  }
  /// For a feed's item: its link.
  public var link: String? {
    get { parts?.link }
    set { update { $0.link = newValue } }
  }
  /// The reference's key: a file's absolute path, a page's URL, an item's feed and id.
  public var path: String { reference.key }
  public var id: String { reference.key }
  /// How many identical files the row stands for.
  public var count: Int { 1 + duplicatePaths.count }

  public init(path: String, duplicatePaths: [String] = [], hash: String?, state: State) {
    self.init(reference: .file(path: path), duplicatePaths: duplicatePaths, hash: hash, state: state)
  }

  public init(reference: ArticleReference, duplicatePaths: [String] = [], hash: String?, state: State) {
    self.reference = reference
    self.duplicatePaths = duplicatePaths
    self.hash = hash
    self.state = state
  }

  public var listing: ArticleListing? {
    if case .ready(let listing) = state { return listing }
    return nil
  }

  /// The title, or the file name while pending or failed.
  public var title: String {
    if let title = listing?.title { return title }
    if let parts {
      if let feedRow = parts.feedRow { return feedRow.name }
      if let fallbackTitle = parts.fallbackTitle { return fallbackTitle }
    }
    switch reference {
    case .file(let path): return LibraryEntry.fileName(path)
    default: return reference.description
    }
  }

  /// The last part of a path (without Foundation's URL parsing: the list asks for it often).
  static func fileName(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }

  public var error: ArticleLoadError? {
    if case .failed(let error) = state { return error }
    return nil
  }
}

/// How far the background work has gone, and what it is doing.
public struct LibraryProgress: Sendable, Equatable {
  /// The background steps, in order. The list is on screen before any of them.
  public enum Step: Sendable, Equatable {
    /// Reading every file's size and time to find new, changed and removed files.
    case checkingFiles
    /// `PRAGMA quick_check` of the cache file.
    case checkingCache
    /// Reading the summaries of cached articles (their people and quotes).
    case readingPeople
    /// Analysing new and changed files.
    case analysing
    /// Indexing article texts in memory for `/`, when there is no cache.
    case indexingText
  }

  /// The step under way; nil when everything is done.
  public var step: Step?
  /// Rows ready (analysed, read from the cache, or failed) out of all rows; for
  /// ``Step/readingPeople`` and ``Step/indexingText``, articles done out of those to do.
  public var done: Int
  public var total: Int

  public init(step: Step?, done: Int, total: Int) {
    self.step = step
    self.done = done
    self.total = total
  }

  public var isFinished: Bool { step == nil }

  /// What the status bar says: "analysing 812/2225", "checking 100000 files", or nil when
  /// finished.
  public var text: String? {
    switch step {
    case nil: return nil
    case .checkingFiles?: return "checking \(total) file\(total == 1 ? "" : "s")"
    case .checkingCache?: return "checking the cache"
    case .readingPeople?: return "reading people \(done)/\(total)"
    case .analysing?: return "analysing \(done)/\(total)"
    case .indexingText?: return "indexing text \(done)/\(total)"
    }
  }
}

/// What the UI shows at one moment: a value, safe to keep while the library goes on working.
public struct LibrarySnapshot: Sendable {
  public var entries: [LibraryEntry]
  public var progress: LibraryProgress
  /// Messages to show once (the cache was corrupt and rebuilt, or is off).
  public var messages: [String]
  /// Bumped at every change: a UI compares it to know when to redraw.
  public var version: Int
  /// The people across the library as last indexed in the background (nil before the first
  /// index): the picker shows these without waiting for a new index.
  public var people: PeopleIndex?
  /// Bumped at every new people index.
  public var peopleVersion: Int
  /// The feed refresh under way, if any (`refreshing 3/12 feeds`, `fetching 5/40 articles`).
  public var feedProgress: FeedRefreshProgress?

  public init(
    entries: [LibraryEntry], progress: LibraryProgress, messages: [String] = [], version: Int,
    people: PeopleIndex? = nil, peopleVersion: Int = 0, feedProgress: FeedRefreshProgress? = nil
  ) {
    self.feedProgress = feedProgress
    self.entries = entries
    self.progress = progress
    self.messages = messages
    self.version = version
    self.people = people
    self.peopleVersion = peopleVersion
  }
}

/// A quote of one person, with its article.
public struct PersonQuote: Sendable, Equatable {
  /// The article's reference.
  public var reference: ArticleReference
  /// Where the article is, for people and scripts: a file's path, a page's URL, an item's
  /// link (else its id in its feed).
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
/// ``init(paths:cacheDirectory:useCache:)`` does only what the first screen needs, and nothing
/// that grows with a file's content: the rows of folders the cache knows come from the cache
/// (a few small columns each), other folders are listed without reading each file's size.
/// ``start()`` then works on a background thread: it checks every file against the cache
/// (new, changed and removed files), checks the cache file, reads the people of cached
/// articles, and analyses the rest on every core. The UI polls ``snapshot()``, which never
/// waits for that work. All methods are thread-safe.
public final class Library: Sendable {
  /// The files and folders (feeds and URLs given among the paths are in ``feeds``).
  public let paths: [String]
  /// The feeds (and pages given by URL) given to the library: the config's and the command
  /// line's.
  public let subscriptions: [FeedSubscription]
  /// Every feed the library follows: ``subscriptions``, then the feed files found in its
  /// folders (which come and go as the folders change).
  public var feeds: [FeedSubscription] { state.withLock { $0.feeds } }
  let roots: [LibraryRoot]
  /// Everything that changes, behind one lock: the value inside the lock, so no field can be
  /// read or written without it.
  let state: Mutex<State>
  /// Signalled when the background work ends (``waitUntilFinished()``).
  let finished = NSCondition()

  /// The library's mutable state (``state``).
  struct State {
    /// The cache in use, nil without one; replaced when a damaged one is rebuilt.
    var _cache: LibraryCache?
    /// Titles and bodies for `/` when there is no cache to search.
    var memoryIndex: MemoryTextIndex?
    var memoryIndexed = Set<String>()
    /// One per row, in scan order: the file (size and time as cached or checked; -1 when
    /// neither), its content hash once known, and its state.
    var files: [ScannedFile] = []
    var hashes: [String?] = []
    var states: [LibraryEntry.State] = []
    var summaries: [String: ArticleSummary] = [:]
    /// Per row: whether its file has a read mark for the content it has (a file whose content
    /// changed since it was marked is unread again). For a row not analysed yet, whether it
    /// had one before: decided again once its content is known.
    var reads: [Bool] = []
    /// The read marks known in memory, path to the content hash the file had when marked:
    /// those set in this run, and those read from the cache for the rows analysed in it (the
    /// rows read from the cache come with their verdict, without their marks).
    var markOf: [String: String] = [:]
    var messages: [String] = []
    var step: LibraryProgress.Step? = .checkingFiles
    var stepDone = 0
    var stepTotal = 0
    var version = 0
    var running = false
    var started = false
    /// Whether every file's size and time was read (``checkFiles()``), and the cache file
    /// checked.
    var filesChecked = false
    var cacheChecked = false
    /// Whether every row's text is in the memory index (no usable cache, background done).
    var memoryIndexComplete = false
    var cachedSnapshot: LibrarySnapshot?
    /// The people index the background built last, over how many summaries, and its number.
    var builtPeople: PeopleIndex?
    var builtPeopleSummaries = 0
    var peopleVersion = 0
    var buildingPeople = false
    /// Every feed followed: the subscriptions, then the feed files of the folders.
    var feeds: [FeedSubscription] = []
    /// Feeds to refresh when the refresh under way ends (feed files just found in a folder).
    var queuedRefresh: [FeedSubscription] = []
    /// Reads the feeds and fetches their pages.
    var refresher = FeedRefresher()
    /// What the cache (or, without one, memory) holds of the feeds: their records and items.
    var feedRecords: [String: FeedRecord] = [:]
    var items: [StoredItem] = []
    /// Without a cache: the articles of the items, by reference key.
    var memoryArticles: [String: Article] = [:]
    /// The feed rows and item rows, rebuilt when the feeds change (``rebuildFeedEntries()``).
    var feedEntries: [LibraryEntry] = []
    var feedProgress: FeedRefreshProgress?
    var refreshing = false
    /// The reports of the last refresh, and the feeds never read when the library opened.
    var lastReports: [FeedRefreshReport] = []

    mutating func bump() {
      version += 1
    }

    /// Rows not analysed yet.
    var pendingCount: Int {
      var count = 0
      for state in states { if case .pending = state { count += 1 } }
      return count
    }

    /// The snapshot's other parts, around its entries.
    func makeSnapshot(_ entries: [LibraryEntry]) -> LibrarySnapshot {
      let progress: LibraryProgress
      switch step {
      case .readingPeople?, .indexingText?:
        progress = LibraryProgress(step: step, done: stepDone, total: stepTotal)
      default:
        progress = LibraryProgress(step: step, done: files.count - pendingCount, total: files.count)
      }
      return LibrarySnapshot(
        entries: feedEntries.isEmpty ? entries : entries + feedEntries, progress: progress, messages: messages,
        version: version, people: builtPeople, peopleVersion: peopleVersion, feedProgress: feedProgress)
    }
  }

  /// Opens the library of `paths` with the cache in `cacheDirectory` (the XDG cache folder
  /// when nil; pass `useCache: false` for none).
  ///
  /// Among `paths`, http(s) URLs and feed files are sources of their own (``feeds``), with the
  /// subscriptions `feeds`: a URL opens as the items of its feed, or as its one article when it
  /// is a web page.
  public init(paths: [String], feeds: [FeedSubscription] = [], cacheDirectory: String? = nil, useCache: Bool = true) {
    // Web pages are articles of a library too (idempotent; the executable installs it first).
    BylineWeb.install()
    var sources = feeds
    var filePaths: [String] = []
    for raw in paths {
      if PageFetcher.isURL(raw) || (!raw.hasSuffix("/") && FeedSubscription.isFeedFile(raw)) {
        let source = FeedSubscription(location: raw, pageAllowed: PageFetcher.isURL(raw))
        if !sources.contains(where: { $0.location == source.location }) { sources.append(source) }
      } else {
        filePaths.append(raw)
      }
    }
    self.paths = filePaths
    self.subscriptions = sources
    let paths = filePaths
    var roots: [LibraryRoot] = []
    var missing: [String] = []
    for raw in paths {
      let path = LibraryScanner.absolute(raw)
      if let info = LibraryScanner.statInfo(path) {
        roots.append(LibraryRoot(path: path, isFolder: info.isDirectory))
      } else {
        missing.append(path)
      }
    }
    self.roots = roots
    var s = State()
    if useCache {
      let result = LibraryCache.open(directory: cacheDirectory ?? LibraryCache.defaultDirectory())
      s._cache = result.cache
      if let message = result.message { s.messages.append(message) }
    }
    // Each root's rows from the cache, if it knows any. Paths are unique within a root; only
    // several roots can name a file twice.
    var seen = Set<String>()
    var cachedRoots = Set<String>()
    var docs: [Int] = []  // the cache's number of each row's content: duplicates without hashing
    for root in roots {
      guard let cache = s._cache else { break }
      let before = s.files.count
      _ = cache.readCachedFiles(under: [root]) { file in
        if roots.count > 1, !seen.insert(file.path).inserted { return }
        s.files.append(ScannedFile(path: file.path, size: file.size, mtime: file.mtime))
        s.hashes.append(file.hash)
        s.states.append(.ready(file.listing))
        s.reads.append(file.read)
        docs.append(file.doc)
      }
      if cache.isCorrupt {
        // Damaged where the rows are: a new cache now, every folder listed.
        let (fresh, message) = cache.rebuilt()
        s._cache = fresh
        s.messages.append(message)
        s.files = []
        s.hashes = []
        s.states = []
        s.reads = []
        docs = []
        seen = []
        cachedRoots = []
        break
      }
      if s.files.count > before { cachedRoots.insert(root.path) }
    }
    // The feed files of the folders the cache knows, as it knew them (the background check of
    // the files finds those added or removed since).
    var folderFeeds: [String] = []
    if let cache = s._cache {
      for root in roots where cachedRoots.contains(root.path) && root.isFolder {
        folderFeeds += cache.feedLocations(under: root).filter {
          LibraryScanner.isListed($0, under: root.path, feed: true)
        }
      }
    }
    if let message = s._cache?.message { s.messages.append(message) }
    // Folders the cache does not know, and s.files named directly that it does not know: listed.
    let unknown = roots.filter { !cachedRoots.contains($0.path) }
    let listed = LibraryScanner.list(unknown.map(\.path))
    // Their files' marks, if the cache has any (a cache rebuilt keeps them): a few at most.
    if !unknown.isEmpty, let cache = s._cache { s.markOf = cache.fileReadMarks(under: unknown) }
    for file in listed.files where roots.count == 1 || seen.insert(file.path).inserted {
      s.files.append(file)
      s.hashes.append(nil)
      s.states.append(.pending)
      s.reads.append(!s.markOf.isEmpty && s.markOf[file.path] != nil)
    }
    folderFeeds += listed.feedFiles.filter(FeedSubscription.isFeedFile)
    for location in folderFeeds where !sources.contains(where: { $0.location == location }) {
      sources.append(.folderFeed(location))
    }
    s.feeds = sources
    for failure in listed.failures {
      s.files.append(.unchecked(failure.path))
      s.hashes.append(nil)
      s.states.append(.failed(failure.error))
      s.reads.append(false)
    }
    for path in missing {
      s.files.append(.unchecked(path))
      s.hashes.append(nil)
      s.states.append(.failed(.notFound(path: path)))
      s.reads.append(false)
    }
    // The first snapshot, its duplicates found by the cache's integer numbers rather than by
    // hashing 100,000 content s.hashes (the rows after the cache's have none: no duplicates).
    let entries = Library.entries(s.files, s.hashes, s.states, s.reads) { $0 < docs.count ? docs[$0] : nil }
    if !s.feeds.isEmpty, let cache = s._cache {
      // The feeds' stored items: a few small columns each, read at once.
      s.feedRecords = cache.feedRecords(sources.map(\.location))
      s.items = cache.storedItems(of: sources.map(\.location))
    }
    s.feedEntries = Library.feedEntries(s.feeds, records: s.feedRecords, items: s.items)
    s.cachedSnapshot = s.makeSnapshot(entries)
    state = Mutex(s)
  }

  /// The cache in use (nil when there is none or it was turned off at open).
  public var cache: LibraryCache? { state.withLock { s in s._cache } }

  /// Starts the background work: check the files, load the people of cached articles, analyse
  /// the rest. Returns at once; calling it again does nothing.
  public func start() {
    if state.withLock({ s in s.started }) { return }
    wake()
    // Feeds never read, and feed files, are read at once; the others wait for a refresh.
    let toRead = feedsToReadAtOpen
    if !toRead.isEmpty { refreshFeeds(toRead) }
  }

  /// Runs the background work again if it has ended: after the cache failed in a search, so
  /// that it is rebuilt, or the texts indexed in memory.
  func wake() {
    let go = state.withLock { (s: inout State) -> Bool in
      if s.running { return false }
      s.running = true
      s.started = true
      if s.step == nil { s.step = .checkingCache }
      s.bump()
      return true
    }
    guard go else { return }
    Workers.start(name: "byline-library") { [self] in
      run()
      // The people index, built here so the picker opens at once.
      buildPeople()
      state.withLock { s in
        s.step = nil
        s.bump()
      }
      finished.lock()
      state.withLock { s in s.running = false }
      finished.broadcast()
      finished.unlock()
    }
  }

  /// Blocks until background work is done (for commands and tests, never for the UI).
  public func waitUntilFinished() {
    start()
    finished.lock()
    while state.withLock({ s in s.running || s.refreshing }) { finished.wait() }
    finished.unlock()
  }

  /// Waits for background work to end and closes the cache.
  public func close() {
    waitUntilFinished()
    cache?.close()
  }

  /// The rows as they are now. Built outside the lock from copies of the arrays (copies are
  /// cheap until the next change), so the background work never waits for a large snapshot.
  public func snapshot() -> LibrarySnapshot {
    let copied = state.withLock {
      (s: inout State) -> (LibrarySnapshot?, [ScannedFile], [String?], [LibraryEntry.State], [Bool], Int) in
      if let cached = s.cachedSnapshot, cached.version == s.version { return (cached, [], [], [], [], s.version) }
      return (nil, s.files, s.hashes, s.states, s.reads, s.version)
    }
    if let ready = copied.0 { return ready }
    let (_, rowFiles, rowHashes, rowStates, rowReads, rowVersion) = copied
    let entries = Library.entries(rowFiles, rowHashes, rowStates, rowReads) { rowHashes[$0] }
    return state.withLock { s in
      // The entries are those of `rowVersion`: if the rows changed meanwhile, the next call
      // sees a newer version and builds again.
      var snapshot = s.makeSnapshot(entries)
      snapshot.version = rowVersion
      if s.version == rowVersion { s.cachedSnapshot = snapshot }
      return snapshot
    }
  }

  /// One entry per row, byte-identical files (the same `key`) folded into the first's entry.
  /// A row is unread unless one of its files is read (`reads`); a row that failed to load is
  /// neither.
  static func entries<Key: Hashable>(
    _ files: [ScannedFile], _ hashes: [String?], _ states: [LibraryEntry.State], _ reads: [Bool],
    key: (Int) -> Key?
  ) -> [LibraryEntry] {
    var entries: [LibraryEntry] = []
    entries.reserveCapacity(files.count)
    var rowOfKey: [Key: Int] = [:]
    rowOfKey.reserveCapacity(files.count)
    for i in files.indices {
      let read = i < reads.count && reads[i]
      if let key = key(i) {
        if let row = rowOfKey[key] {
          entries[row].duplicatePaths.append(files[i].path)
          if read { entries[row].unread = false }
          continue
        }
        rowOfKey[key] = entries.count
      }
      var entry = LibraryEntry(path: files[i].path, hash: hashes[i], state: states[i])
      if case .failed = states[i] {
      } else {
        entry.unread = !read
      }
      entries.append(entry)
    }
    return entries
  }

  /// The people across every article analysed so far. Builds the index when articles came
  /// since the last one (seconds for 100,000 articles): for commands and tests; the UI takes
  /// ``LibrarySnapshot/people``, built in the background.
  public func people() -> PeopleIndex {
    buildPeople()
    return state.withLock { s in s.builtPeople } ?? PeopleIndex(summaries: [:])
  }

  /// The summary of an entry, once analysed or loaded from the cache.
  public func summary(hash: String) -> ArticleSummary? { state.withLock { s in s.summaries[hash] } }

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
      guard let hash = entry.hash, let names = person.appearances[hash], let summary = summary(hash: hash) else {
        continue
      }
      for quote in summary.quotes where quote.speaker.map(names.contains) ?? false {
        result.append(
          PersonQuote(
            reference: entry.reference, path: Library.location(of: entry), title: summary.title, date: summary.date,
            quote: quote))
      }
    }
    result.sort {
      switch ($0.date, $1.date) {
      case (let a?, let b?) where a != b: return a > b
      case (_?, nil): return true
      case (nil, _?): return false
      default: return ($0.title, $0.quote.start) < ($1.title, $1.quote.start)
      }
    }
    return result
  }

  /// Full-text search over titles and bodies, with matches per article, best first: FTS5 in
  /// the cache, or in memory when there is no cache (the same query, so the same hits and
  /// counts). Articles whose text is not indexed yet match by their title's words.
  public func search(_ text: String) -> [SearchHit] {
    let entries = snapshot().entries
    var rowOfHash: [String: Int] = [:]
    for (i, entry) in entries.enumerated() { if let h = entry.hash { rowOfHash[h] = i } }
    if let cache, !cache.isDisabled, let hits = cache.search(text), !cache.isDisabled {
      return hits.compactMap { hit in rowOfHash[hit.hash].map { SearchHit(entry: entries[$0], matches: hit.matches) } }
    }
    // No cache to search (or it failed just now): the background work rebuilds a damaged one,
    // or indexes the texts in memory, and until then titles stand in for the texts not indexed.
    if !state.withLock({ s in s.memoryIndexComplete }) { wake() }
    let (index, indexed) = state.withLock { s in (s.memoryIndex, s.memoryIndexed) }
    var hits = ((try? index?.search(text)) ?? []).compactMap { hit in
      rowOfHash[hit.hash].map { SearchHit(entry: entries[$0], matches: hit.matches) }
    }
    let words = TextFold.key(text).split(separator: " ").map(String.init)
    guard !words.isEmpty else { return hits }
    for entry in entries where entry.hash.map({ !indexed.contains($0) }) ?? true {
      let title = TextFold.key(entry.title).split(separator: " ")
      guard words.allSatisfy({ w in title.contains { $0.hasPrefix(w) } }) else { continue }
      let n = words.reduce(0) { total, w in total + title.filter { $0.hasPrefix(w) }.count }
      hits.append(SearchHit(entry: entry, matches: n))
    }
    return hits
  }

  /// Indexes the people of the summaries so far, for the snapshot, unless nothing changed.
  /// (Summaries are only added, so their number tells.)
  func buildPeople() {
    let copy = state.withLock { s in
      s.summaries.count == s.builtPeopleSummaries && s.builtPeople != nil ? nil : s.summaries
    }
    guard let copy else { return }
    let index = PeopleIndex(summaries: copy)
    state.withLock { s in
      // An index built at the same time over more s.summaries stays.
      guard copy.count >= s.builtPeopleSummaries || s.builtPeople == nil else { return }
      s.builtPeople = index
      s.builtPeopleSummaries = copy.count
      s.peopleVersion += 1
      s.bump()
    }
  }

  /// Indexes the people again, on a thread of its own so that analysis goes on, when twice as
  /// many articles have a summary as at the last index: the picker fills in while a large
  /// library is analysed, and all the indexes together cost about two of the last.
  func buildPeopleIfGrown() {
    let go = state.withLock { (s: inout State) -> Bool in
      guard !s.buildingPeople, s.summaries.count >= 16, s.summaries.count >= 2 * s.builtPeopleSummaries else {
        return false
      }
      s.buildingPeople = true
      return true
    }
    guard go else { return }
    Workers.start(name: "byline-people") { [self] in
      buildPeople()
      state.withLock { s in s.buildingPeople = false }
    }
  }
}
