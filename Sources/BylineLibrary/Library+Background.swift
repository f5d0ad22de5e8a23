import BylineCore
import Foundation

/// The library's background work, on its own thread (``Library/start()``), step by step; each
/// step publishes what it is doing through the snapshot's progress.
extension Library {
  /// Runs every step that has work. A cache found damaged on the way is moved aside and
  /// rebuilt, and the steps run again with the new one.
  func run() {
    if !lock.withLock({ filesChecked }) { checkFiles() }
    while true {
      if rebuildIfCorrupt() { continue }
      if let cache = usableCache, !lock.withLock({ cacheChecked }) {
        setStep(.checkingCache)
        lock.withLock { cacheChecked = true }
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
    lock.withLock { _cache.flatMap { $0.isDisabled ? nil : $0 } }
  }

  func setStep(_ next: LibraryProgress.Step, total: Int = 0) {
    lock.withLock {
      step = next
      stepDone = 0
      stepTotal = total
      bump()
    }
  }

  func noteCacheMessage() {
    guard let message = lock.withLock({ _cache?.message }) else { return }
    lock.withLock {
      if !messages.contains(message) {
        messages.append(message)
        bump()
      }
    }
  }

  /// Reads every file's size and time: rows whose file changed become pending, new files are
  /// added, removed ones dropped (and forgotten by the cache). Rows come out in scan order.
  func checkFiles() {
    setStep(.checkingFiles)
    let scan = LibraryScanner.scan(paths)
    let removed = lock.withLock { () -> [String] in
      var old: [String: Int] = [:]
      old.reserveCapacity(files.count)
      for (i, file) in files.enumerated() { old[file.path] = i }
      var newFiles: [ScannedFile] = []
      var newHashes: [String?] = []
      var newStates: [LibraryEntry.State] = []
      newFiles.reserveCapacity(scan.files.count)
      newHashes.reserveCapacity(scan.files.count)
      newStates.reserveCapacity(scan.files.count)
      for file in scan.files {
        newFiles.append(file)
        if let i = old.removeValue(forKey: file.path), case .ready = states[i],
          files[i].size == file.size, files[i].mtime == file.mtime
        {
          newHashes.append(hashes[i])
          newStates.append(states[i])
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
      }
      let removed = old.keys.filter { path in old[path].map { files[$0].isChecked } ?? false }
      files = newFiles
      hashes = newHashes
      states = newStates
      filesChecked = true
      bump()
      return removed
    }
    usableCache?.forget(paths: removed)
    noteCacheMessage()
  }

  /// A cache that SQLite found damaged: moved aside and replaced by a new one, the message
  /// shown once, and every row analysed again for the new cache. True when it did so.
  func rebuildIfCorrupt() -> Bool {
    guard let cache = lock.withLock({ _cache }), cache.isCorrupt else { return false }
    let (fresh, message) = cache.rebuilt()
    lock.withLock {
      _cache = fresh
      cacheChecked = true
      messages.append(message)
      summaries = [:]
      builtPeopleSummaries = 0
      for i in states.indices where hashes[i] != nil {
        if case .ready = states[i] {
          states[i] = .pending
          hashes[i] = nil
        }
      }
      bump()
    }
    return true
  }

  /// Without a usable cache (turned off after the first screen), rows whose summary was not
  /// read from it yet are analysed again, so that their people and quotes are known.
  func analyseAgainWithoutCache() {
    guard usableCache == nil else { return }
    lock.withLock {
      var changed = false
      for i in states.indices {
        guard case .ready = states[i], let hash = hashes[i], summaries[hash] == nil else { continue }
        states[i] = .pending
        hashes[i] = nil
        changed = true
      }
      if changed { bump() }
    }
  }

  /// Loads the summaries (people, quotes) of rows that came from the cache.
  func readPeople() {
    guard let cache = usableCache else { return }
    let wanted = lock.withLock { () -> Set<String> in
      var wanted = Set<String>()
      for case let hash? in hashes where summaries[hash] == nil { wanted.insert(hash) }
      return wanted
    }
    guard !wanted.isEmpty else { return }
    setStep(.readingPeople, total: wanted.count)
    cache.loadSummaries(hashes: wanted) { batch in
      lock.withLock {
        summaries.merge(batch) { a, _ in a }
        stepDone += batch.count
        bump()
      }
      buildPeopleIfGrown()
    }
    noteCacheMessage()
  }

  /// Analyses pending rows in batches on every core, storing them in the cache (or indexing
  /// them in memory without one). Content the cache already holds (a copy, a touched or moved
  /// file) is not analysed again.
  func analysePending() {
    let pending = lock.withLock {
      states.indices.filter { if case .pending = states[$0] { return true } else { return false } }
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
      let inputs = lock.withLock { batch.map { files[$0] } }
      let known: @Sendable (String) -> Bool = { [self] hash in
        lock.withLock {
          cache != nil
            ? storedHashes.contains(hash) || summaries[hash] != nil
            : summaries[hash] != nil && memoryIndexed.contains(hash)
        }
      }
      let results = Workers.map(batch.count) { k in Library.analyse(inputs[k], known: known) }
      var toStore: [LibraryCache.Entry] = []
      var toIndex: [(hash: String, title: String, body: String)] = []
      lock.withLock {
        for (k, index) in batch.enumerated() {
          switch results[k]! {
          case .failure(let error):
            states[index] = .failed(error)
          case .success(let outcome):
            hashes[index] = outcome.hash
            if let summary = outcome.summary {
              summaries[outcome.hash] = summary
              toIndex.append((outcome.hash, summary.title, outcome.body))
            }
            if let summary = outcome.summary ?? summaries[outcome.hash] {
              states[index] = .ready(summary.listing)
            }
            toStore.append(LibraryCache.Entry(file: inputs[k], hash: outcome.hash, summary: outcome.summary, body: outcome.body))
          }
        }
        bump()
      }
      if let cache {
        cache.store(toStore)
        // Files whose summary is in the cache alone (a copy of an article analysed before).
        let missing = lock.withLock { batch.compactMap { i in hashes[i].flatMap { summaries[$0] == nil ? $0 : nil } } }
        if !missing.isEmpty {
          cache.loadSummaries(hashes: Set(missing)) { loaded in
            lock.withLock {
              summaries.merge(loaded) { a, _ in a }
              for i in batch { if let h = hashes[i], let s = summaries[h] { states[i] = .ready(s.listing) } }
              bump()
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
    defer { lock.withLock { memoryIndexComplete = true } }
    let todo = lock.withLock { () -> [(hash: String, file: ScannedFile)] in
      var seen = memoryIndexed
      var todo: [(String, ScannedFile)] = []
      for i in files.indices {
        guard let hash = hashes[i], case .ready = states[i], seen.insert(hash).inserted else { continue }
        todo.append((hash, files[i]))
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
      lock.withLock {
        stepDone += batch.count
        bump()
      }
    }
  }

  func addToMemoryIndex(_ articles: [(hash: String, title: String, body: String)]) {
    guard !articles.isEmpty else { return }
    let index = lock.withLock { () -> MemoryTextIndex? in
      if memoryIndex == nil { memoryIndex = try? MemoryTextIndex() }
      return memoryIndex
    }
    guard let index, (try? index.add(articles)) != nil else { return }
    lock.withLock { for article in articles { memoryIndexed.insert(article.hash) } }
  }
}
