import BylineCore
import BylineWeb
import Foundation

/// The library's feeds: their rows, refreshing them in the background, opening and marking
/// their items.
extension Library {
  /// The feed rows and item rows: each feed's row (unless the source is a single page), then
  /// its items in feed order.
  static func feedEntries(
    _ feeds: [FeedSubscription], records: [String: FeedRecord], items: [StoredItem]
  ) -> [LibraryEntry] {
    var byFeed: [String: [StoredItem]] = [:]
    for item in items { byFeed[item.feed, default: []].append(item) }
    var entries: [LibraryEntry] = []
    for feed in feeds {
      let mine = byFeed[feed.location] ?? []
      let record = records[feed.location]
      let isPage = mine.count == 1 && mine[0].reference.key == feed.location
      if !isPage {
        var row = LibraryEntry(reference: ArticleReference(key: feed.location), hash: nil, state: .pending)
        row.feed = feed.location
        // Its newest item's date and the minutes its unread items take: its place in the list
        // when sorted by date or by read time.
        var newest: ArticleDate?
        var unreadMinutes = 0
        for item in mine {
          if let date = item.listing?.date, newest.map({ date > $0 }) ?? true { newest = date }
          if !item.read { unreadMinutes += item.listing?.readMinutes ?? 0 }
        }
        row.feedRow = LibraryEntry.FeedRow(
          location: feed.location, name: feed.displayName(title: record?.title), items: mine.count,
          unread: mine.filter { !$0.read }.count, error: record?.error, neverRead: record == nil && mine.isEmpty,
          newest: newest, unreadMinutes: unreadMinutes)
        if let error = record?.error {
          row.state = .failed(.unavailable(source: feed.location, reason: error))
        }
        entries.append(row)
      }
      for item in mine {
        var entry = LibraryEntry(
          reference: item.reference, hash: item.listing == nil ? nil : item.hash,
          state: item.listing.map { .ready($0) } ?? .pending)
        entry.feed = feed.location
        entry.unread = !item.read
        entry.note = item.note
        entry.fallbackTitle = item.title
        entry.link = item.link
        entries.append(entry)
      }
    }
    return entries
  }

  /// Where an entry's article is, for people and scripts: a file's path, a page's URL, an
  /// item's link (else its id in its feed).
  static func location(of entry: LibraryEntry) -> String {
    switch entry.reference {
    case .file(let path): return path
    case .url(let url): return url
    case .fileItem, .feedItem: return entry.link ?? entry.reference.description
    }
  }

  /// The refresher the next refreshes use: its time-outs, concurrency and retry bounds (for
  /// tests, which move its clock on).
  public var refresher: FeedRefresher {
    get { state.withLock { $0.refresher } }
    set { state.withLock { $0.refresher = newValue } }
  }

  /// The reports of the last refresh that ended.
  public var lastRefreshReports: [FeedRefreshReport] { state.withLock { $0.lastReports } }

  /// Whether a refresh is under way.
  public var isRefreshing: Bool { state.withLock { $0.refreshing } }

  /// Starts a refresh of `which` (every feed when nil) in the background, unless one is under
  /// way (then, with `queue`, they are refreshed when it ends, by the same worker). Its
  /// progress is in the snapshot's ``LibrarySnapshot/feedProgress``; feeds whose refresh
  /// failed get an error row. With `announce`, its outcome is one of the snapshot's messages
  /// when it ends (`refreshed 3 feeds: 2 new items, 1 failed`). Returns whether it started.
  @discardableResult
  public func refreshFeeds(_ which: [FeedSubscription]? = nil, announce: Bool = false, queue: Bool = false) -> Bool {
    let feeds = which ?? self.feeds
    guard !feeds.isEmpty else { return false }
    let go = state.withLock { (s: inout State) -> Bool in
      if s.refreshing {
        if queue { s.queuedRefresh += feeds }
        return false
      }
      s.refreshing = true
      s.feedProgress = FeedRefreshProgress(phase: .feeds, done: 0, total: feeds.count)
      s.bump()
      return true
    }
    guard go else { return false }
    Workers.start(name: "byline-refresh", lowPriority: false) { [self] in
      var batch = feeds
      var reports: [FeedRefreshReport] = []
      while true {
        reports += runRefresh(batch)
        buildPeople()
        finished.lock()
        // Feeds queued meanwhile are refreshed now; else the refresh ends, in the same lock,
        // so that nothing is queued to a refresh that has ended.
        let next = state.withLock { (s: inout State) -> [FeedSubscription] in
          let queued = s.queuedRefresh.filter { feed in s.feeds.contains { $0.location == feed.location } }
          s.queuedRefresh = []
          if !queued.isEmpty {
            s.feedProgress = FeedRefreshProgress(phase: .feeds, done: 0, total: queued.count)
            s.bump()
            return queued
          }
          s.refreshing = false
          s.feedProgress = nil
          s.lastReports = reports
          if announce { s.messages.append(Library.summary(of: reports)) }
          s.bump()
          return []
        }
        if next.isEmpty {
          finished.broadcast()
          finished.unlock()
          return
        }
        finished.unlock()
        batch = next
      }
    }
    return true
  }

  /// One line for a refresh's outcome: `refreshed 3 feeds: 2 new items, 1 failed`.
  static func summary(of reports: [FeedRefreshReport]) -> String {
    var new = 0
    for report in reports { if case .updated(let n, _) = report.outcome { new += n } }
    let failed = reports.filter(\.failed).count
    var text = "refreshed \(reports.count) feed\(reports.count == 1 ? "" : "s"): "
    text += new == 0 ? "nothing new" : "\(new) new item\(new == 1 ? "" : "s")"
    if failed > 0 { text += ", \(failed) failed" }
    return text
  }

  /// Refreshes every feed and waits: for `byline feed refresh` and tests.
  public func refreshFeedsAndWait(_ which: [FeedSubscription]? = nil) -> [FeedRefreshReport] {
    let feeds = which ?? self.feeds
    guard !feeds.isEmpty else { return [] }
    while !refreshFeeds(feeds) { waitForRefresh() }
    waitForRefresh()
    return lastRefreshReports
  }

  /// Blocks until no refresh is under way.
  func waitForRefresh() {
    finished.lock()
    while state.withLock({ s in s.refreshing }) { finished.wait() }
    finished.unlock()
  }

  /// The feeds to read when the library opens: those never read, and feed files (read from
  /// disk, no network).
  var feedsToReadAtOpen: [FeedSubscription] {
    let records = state.withLock { $0.feedRecords }
    return feeds.filter { records[$0.location] == nil || !$0.isRemote }
  }

  func runRefresh(_ feeds: [FeedSubscription]) -> [FeedRefreshReport] {
    let records = state.withLock { $0.feedRecords }
    let refresher = state.withLock { $0.refresher }
    return refresher.refresh(
      feeds, records: records,
      known: { [self] location in
        state.withLock { s in
          var known: [String: FeedRefresher.Known] = [:]
          for item in s.items where item.feed == location {
            known[item.reference.key] = .init(fullText: item.fullText, stored: item)
          }
          return known
        }
      },
      storedArticle: { [self] reference in
        if let article = state.withLock({ $0.memoryArticles[reference.key] }) { return article }
        return usableCache?.storedArticle(reference)
      },
      progress: { [self] progress in
        state.withLock { s in
          s.feedProgress = progress
          s.bump()
        }
      },
      deliver: { [self] result in take(result) })
  }

  /// Stores one feed's refresh (in the cache, else in memory) and updates its rows.
  func take(_ result: FeedRefresher.Result) {
    let location = result.record.location
    var stored: [StoredItem]?
    if let cache = usableCache {
      if cache.storeFeed(result.record, items: result.items, order: result.order) {
        stored = cache.storedItems(of: [location])
      }
      noteCacheMessage()
    }
    state.withLock { s in
      s.feedRecords[location] = result.record
      for entry in result.items {
        if let summary = entry.summary { s.summaries[entry.item.hash] = summary }
      }
      if let stored {
        s.items.removeAll { $0.feed == location }
        s.items += stored
      } else {
        // No cache (or its write failed): the items live in memory for this run.
        var mine = s.items.filter { $0.feed == location }
        s.items.removeAll { $0.feed == location }
        for entry in result.items {
          s.memoryArticles[entry.item.reference.key] = entry.article
          if let index = mine.firstIndex(where: { $0.reference == entry.item.reference }) {
            let read = mine[index].read
            mine[index] = entry.item
            mine[index].read = read
          } else {
            mine.append(entry.item)
          }
        }
        if !result.order.isEmpty {
          var place: [String: Int] = [:]
          for (i, reference) in result.order.enumerated() { place[reference.key] = i }
          for i in mine.indices { mine[i].position = place[mine[i].reference.key] ?? 1_000_000 + mine[i].position }
          mine.sort { $0.position < $1.position }
        }
        s.items += mine
      }
      s.feedEntries = Library.feedEntries(s.feeds, records: s.feedRecords, items: s.items)
      s.bump()
    }
    if usableCache == nil {
      addToMemoryIndex(
        result.items.compactMap { entry in
          entry.summary.map { (entry.item.hash, $0.title, entry.body) }
        })
    }
  }

  /// The article of a row: a file read again, a stored item or page as it was read, or (never
  /// stored) a page fetched now.
  public func article(for reference: ArticleReference) throws(ArticleLoadError) -> Article {
    switch reference {
    case .file(let path):
      return try ArticleLoader.load(path: path)
    default:
      if let article = state.withLock({ $0.memoryArticles[reference.key] }) { return article }
      if let article = cache?.storedArticle(reference) { return article }
      if case .url(let url) = reference {
        do {
          return try ArticleSource.load(url)
        } catch {
          throw .unavailable(source: url, reason: error.description)
        }
      }
      throw .unavailable(source: reference.description, reason: "is no longer stored (refresh its feed with r)")
    }
  }

  /// Marks articles read or unread: feed items, and files. A file's mark holds its content
  /// hash (read from the file when it is not analysed yet), so that it is unread again when
  /// its content changes; marking a file marks its byte-identical copies (its row) too.
  public func setRead(_ references: [ArticleReference], read: Bool) {
    let keys = Set(references.map(\.key))
    // The files' content hashes: known once analysed, else read from their bytes (outside
    // the lock). One pass over the rows, however many files are marked.
    var paths = Set<String>()
    for case .file(let path) in references { paths.insert(path) }
    var hashOf: [String: String] = [:]
    if !paths.isEmpty {
      hashOf = state.withLock { s in
        var known: [String: String] = [:]
        for i in s.files.indices where paths.contains(s.files[i].path) {
          if let hash = s.hashes[i] { known[s.files[i].path] = hash }
        }
        return known
      }
      for path in paths where hashOf[path] == nil {
        if let data = try? ArticleLoader.readData(path: path) { hashOf[path] = ContentHash.of(data) }
      }
    }
    let (changed, marks) = state.withLock { (s: inout State) -> ([ArticleReference], [(String, String?)]) in
      var changed: [ArticleReference] = []
      for i in s.items.indices where keys.contains(s.items[i].reference.key) && s.items[i].read != read {
        s.items[i].read = read
        changed.append(s.items[i].reference)
      }
      if !changed.isEmpty {
        s.feedEntries = Library.feedEntries(s.feeds, records: s.feedRecords, items: s.items)
      }
      // Files: every file of the library with the same content is one row, marked together.
      var marks: [(String, String?)] = []
      let hashes = Set(hashOf.values)
      if !hashes.isEmpty {
        for i in s.files.indices {
          let path = s.files[i].path
          guard let hash = s.hashes[i] ?? hashOf[path], hashes.contains(hash) else { continue }
          s.reads[i] = read
          if read {
            s.markOf[path] = hash
            marks.append((path, hash))
          } else {
            s.markOf.removeValue(forKey: path)
            marks.append((path, nil))
          }
        }
      }
      if !changed.isEmpty || !marks.isEmpty { s.bump() }
      return (changed, marks)
    }
    let cache = usableCache
    cache?.setRead(changed, read: read)
    cache?.setFileMarks(marks)
  }

  /// Marks every item of a feed read.
  public func markFeedRead(_ location: String) {
    let all = state.withLock { s in s.items.filter { $0.feed == location && !$0.read }.map(\.reference) }
    setRead(all, read: true)
  }
}
