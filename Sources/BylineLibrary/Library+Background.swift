import BylineCore
import Foundation

/// The library's background work, on its own thread (``Library/start()``), step by step; each
/// step publishes what it is doing through the snapshot's progress.
extension Library {
  /// Runs every step that has work. A cache found damaged on the way is moved aside and
  /// rebuilt, and the steps run again with the new one.
  func run() {
    if !state.withLock({ s in s.filesChecked }) { checkFiles() }
    while true {
      if rebuildIfCorrupt() { continue }
      if let cache = usableCache, !state.withLock({ s in s.cacheChecked }) {
        setStep(.checkingCache)
        state.withLock { s in s.cacheChecked = true }
        if !cache.isSound() { continue }
      }
      readPeople()
      if usableCache == nil, rebuildIfCorrupt() { continue }
      buildPeople()
      analyseAgainWithoutCache()
      analysePending()
      if usableCache == nil, rebuildIfCorrupt() { continue }
      indexTextInMemory()
      break
    }
  }

  /// The cache while it works; nil when there is none or it was turned off.
  var usableCache: LibraryCache? {
    state.withLock { s in s._cache.flatMap { $0.isDisabled ? nil : $0 } }
  }

  func setStep(_ next: LibraryProgress.Step, total: Int = 0) {
    state.withLock { s in
      s.step = next
      s.stepDone = 0
      s.stepTotal = total
      s.bump()
    }
  }

  func noteCacheMessage() {
    guard let message = state.withLock({ s in s._cache?.message }) else { return }
    state.withLock { s in
      if !s.messages.contains(message) {
        s.messages.append(message)
        s.bump()
      }
    }
  }

  /// Reads every file's size and time: rows whose file changed become pending, new files are
  /// added, removed ones dropped (and forgotten by the cache, read marks included). Rows come
  /// out in scan order. Feed files found in the folders are feeds of the library: those new
  /// since the library opened are read (queued behind a refresh under way), those gone leave
  /// the list (their items stay in the cache).
  func checkFiles() {
    setStep(.checkingFiles)
    let scan = LibraryScanner.scan(paths)
    let folderFeeds = scan.feedFiles.filter(FeedSubscription.isFeedFile)
    let newFeeds = updateFolderFeeds(folderFeeds)
    if !newFeeds.isEmpty { refreshFeeds(newFeeds, queue: true) }
    let removed = state.withLock { (s: inout State) -> [String] in
      var old: [String: Int] = [:]
      old.reserveCapacity(s.files.count)
      for (i, file) in s.files.enumerated() { old[file.path] = i }
      var newFiles: [ScannedFile] = []
      var newHashes: [String?] = []
      var newStates: [LibraryEntry.State] = []
      var newReads: [Bool] = []
      newReads.reserveCapacity(scan.files.count)
      newFiles.reserveCapacity(scan.files.count)
      newHashes.reserveCapacity(scan.files.count)
      newStates.reserveCapacity(scan.files.count)
      for file in scan.files {
        newFiles.append(file)
        let i = old.removeValue(forKey: file.path)
        // A changed file keeps its verdict until its content is known.
        newReads.append(i.map { s.reads[$0] } ?? (s.markOf[file.path] != nil))
        if let i, case .ready = s.states[i], s.files[i].size == file.size, s.files[i].mtime == file.mtime {
          newHashes.append(s.hashes[i])
          newStates.append(s.states[i])
        } else {
          newHashes.append(nil)
          newStates.append(.pending)
        }
      }
      for failure in scan.failures {
        old.removeValue(forKey: failure.path)
        newFiles.append(.unchecked(failure.path))
        newHashes.append(nil)
        newStates.append(.failed(failure.error))
        newReads.append(false)
      }
      let removed = old.keys.filter { path in old[path].map { s.files[$0].isChecked } ?? false }
      for path in removed { s.markOf.removeValue(forKey: path) }
      s.files = newFiles
      s.hashes = newHashes
      s.states = newStates
      s.reads = newReads
      s.filesChecked = true
      s.bump()
      return removed
    }
    usableCache?.forget(paths: removed)
    noteCacheMessage()
  }

  /// Makes the feed files found in the folders (`found`, in scan order) the library's folder
  /// feeds, after its subscriptions; returns those new to it.
  func updateFolderFeeds(_ found: [String]) -> [FeedSubscription] {
    state.withLock { (s: inout State) -> [FeedSubscription] in
      let given = Set(subscriptions.map(\.location))
      let wanted = found.filter { !given.contains($0) }
      let before = Set(s.feeds.map(\.location))
      let new = wanted.filter { !before.contains($0) }.map(FeedSubscription.folderFeed)
      let next = subscriptions + wanted.map(FeedSubscription.folderFeed)
      if next.map(\.location) != s.feeds.map(\.location) {
        s.feeds = next
        s.feedEntries = Library.feedEntries(s.feeds, records: s.feedRecords, items: s.items)
        s.bump()
      }
      return new
    }
  }

  /// A cache that SQLite found damaged: moved aside and replaced by a new one, the message
  /// shown once, and every row analysed again for the new cache. True when it did so.
  func rebuildIfCorrupt() -> Bool {
    guard let cache = state.withLock({ s in s._cache }), cache.isCorrupt else { return false }
    let (fresh, message) = cache.rebuilt()
    // The feeds' items the rebuild kept (read from the damaged file) are the rows again.
    let kept = fresh?.storedItems(of: feeds.map(\.location))
    state.withLock { s in
      s._cache = fresh
      if let kept, !kept.isEmpty {
        s.items = kept
        s.feedEntries = Library.feedEntries(s.feeds, records: s.feedRecords, items: s.items)
      }
      s.cacheChecked = true
      s.messages.append(message)
      s.summaries = [:]
      s.builtPeopleSummaries = 0
      for i in s.states.indices where s.hashes[i] != nil {
        if case .ready = s.states[i] {
          s.states[i] = .pending
          s.hashes[i] = nil
        }
      }
      s.bump()
    }
    return true
  }

  /// Without a usable cache (turned off after the first screen), rows whose summary was not
  /// read from it yet are analysed again, so that their people and quotes are known.
  func analyseAgainWithoutCache() {
    guard usableCache == nil else { return }
    state.withLock { s in
      var changed = false
      for i in s.states.indices {
        guard case .ready = s.states[i], let hash = s.hashes[i], s.summaries[hash] == nil else { continue }
        s.states[i] = .pending
        s.hashes[i] = nil
        changed = true
      }
      if changed { s.bump() }
    }
  }

  /// Loads the summaries (people, quotes) of rows that came from the cache.
  func readPeople() {
    guard let cache = usableCache else { return }
    let wanted = state.withLock { (s: inout State) -> Set<String> in
      var wanted = Set<String>()
      for case let hash? in s.hashes where s.summaries[hash] == nil { wanted.insert(hash) }
      for item in s.items where item.listing != nil && s.summaries[item.hash] == nil { wanted.insert(item.hash) }
      return wanted
    }
    guard !wanted.isEmpty else { return }
    setStep(.readingPeople, total: wanted.count)
    cache.loadSummaries(hashes: wanted) { batch in
      state.withLock { s in
        s.summaries.merge(batch) { a, _ in a }
        s.stepDone += batch.count
        s.bump()
      }
      buildPeopleIfGrown()
    }
    noteCacheMessage()
  }

  /// Analyses pending rows in batches on every core, storing them in the cache (or indexing
  /// them in memory without one). Content the cache already holds (a copy, a touched or moved
  /// file) is not analysed again.
  func analysePending() {
    let pending = state.withLock { s in
      s.states.indices.filter { if case .pending = s.states[$0] { return true } else { return false } }
    }
    guard !pending.isEmpty else { return }
    setStep(.analysing)
    let storedHashes = usableCache?.storedHashes() ?? []
    let batchSize = max(32, ProcessInfo.processInfo.activeProcessorCount * 16)
    var start = 0
    while start < pending.count {
      let batch = Array(pending[start..<min(start + batchSize, pending.count)])
      start += batchSize
      let cache = usableCache
      let inputs = state.withLock { s in batch.map { s.files[$0] } }
      let known: @Sendable (String) -> Bool = { [self] hash in
        state.withLock { s in
          cache != nil
            ? storedHashes.contains(hash) || s.summaries[hash] != nil
            : s.summaries[hash] != nil && s.memoryIndexed.contains(hash)
        }
      }
      let results = Workers.map(batch.count) { k in Library.analyse(inputs[k], known: known) }
      // The batch's read marks, to compare with the content found (one small read).
      let marks = cache?.fileMarks(paths: inputs.map(\.path)) ?? [:]
      var toStore: [LibraryCache.Entry] = []
      var toIndex: [(hash: String, title: String, body: String)] = []
      state.withLock { s in
        for (k, index) in batch.enumerated() {
          switch results[k]! {
          case .failure(let error):
            s.states[index] = .failed(error)
          case .success(let outcome):
            s.hashes[index] = outcome.hash
            let path = inputs[k].path
            if let mark = marks[path] { s.markOf[path] = mark }
            s.reads[index] = s.markOf[path] == outcome.hash
            if let summary = outcome.summary {
              s.summaries[outcome.hash] = summary
              toIndex.append((outcome.hash, summary.title, outcome.body))
            }
            if let summary = outcome.summary ?? s.summaries[outcome.hash] {
              s.states[index] = .ready(summary.listing)
            }
            toStore.append(
              LibraryCache.Entry(file: inputs[k], hash: outcome.hash, summary: outcome.summary, body: outcome.body))
          }
        }
        s.bump()
      }
      if let cache {
        cache.store(toStore)
        // Files whose summary is in the cache alone (a copy of an article analysed before).
        let missing = state.withLock { s in
          batch.compactMap { i in s.hashes[i].flatMap { s.summaries[$0] == nil ? $0 : nil } }
        }
        if !missing.isEmpty {
          cache.loadSummaries(hashes: Set(missing)) { loaded in
            state.withLock { s in
              s.summaries.merge(loaded) { a, _ in a }
              for i in batch {
                if let h = s.hashes[i], let summary = s.summaries[h] { s.states[i] = .ready(summary.listing) }
              }
              s.bump()
            }
          }
        }
        noteCacheMessage()
        if cache.isDisabled { return }
      } else {
        addToMemoryIndex(toIndex)
      }
      buildPeopleIfGrown()
    }
  }

  /// Without a usable cache: reads the texts of rows that are ready but not indexed in memory
  /// (their listing came from a cache that then failed) and indexes them for `/`.
  func indexTextInMemory() {
    guard usableCache == nil else { return }
    defer { state.withLock { s in s.memoryIndexComplete = true } }
    let todo = state.withLock { (s: inout State) -> [(hash: String, file: ScannedFile)] in
      var seen = s.memoryIndexed
      var todo: [(String, ScannedFile)] = []
      for i in s.files.indices {
        guard let hash = s.hashes[i], case .ready = s.states[i], seen.insert(hash).inserted else { continue }
        todo.append((hash, s.files[i]))
      }
      return todo
    }
    guard !todo.isEmpty else { return }
    setStep(.indexingText, total: todo.count)
    var start = 0
    while start < todo.count {
      let batch = Array(todo[start..<min(start + 64, todo.count)])
      start += 64
      let texts = Workers.map(batch.count) { k in Library.searchableText(of: batch[k].file) }
      var articles: [(hash: String, title: String, body: String)] = []
      for (k, text) in texts.enumerated() {
        if case let text?? = text { articles.append((batch[k].hash, text.title, text.body)) }
      }
      addToMemoryIndex(articles)
      state.withLock { s in
        s.stepDone += batch.count
        s.bump()
      }
    }
  }

  func addToMemoryIndex(_ articles: [(hash: String, title: String, body: String)]) {
    guard !articles.isEmpty else { return }
    let index = state.withLock { (s: inout State) -> MemoryTextIndex? in
      if s.memoryIndex == nil { s.memoryIndex = try? MemoryTextIndex() }
      return s.memoryIndex
    }
    guard let index, (try? index.add(articles)) != nil else { return }
    state.withLock { s in for article in articles { s.memoryIndexed.insert(article.hash) } }
  }
}
