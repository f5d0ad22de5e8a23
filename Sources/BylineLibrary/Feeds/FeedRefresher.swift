import BylineCore
import BylineWeb
import Foundation
import Synchronization

/// Reads feeds and turns their new items into analysed articles, ready to store.
///
/// A refresh reads the feeds a few at a time (``concurrentFeeds``), each with a conditional
/// request (the `ETag` and `Last-Modified` of the last answer) and its own time-out
/// (``feedFetcher``); a feed that fails is reported and never stops the others. Then, for the
/// new items that carry only a summary, it fetches the linked pages, a few at a time, and
/// extracts their articles (BylineWeb's ``PageFetcher`` and HTML extractor); an item whose
/// page cannot be fetched keeps the feed's summary and says why. Items already stored are not
/// fetched again, except a summary-only item whose page fetch failed: every refresh (even of a
/// feed that answers 304) tries a few of those again (``retriesPerFeed``,
/// ``retriesPerRefresh``), each no sooner than its back-off allows (``retryDelay(after:)``:
/// 15 minutes after the first failure, doubling, at most a day) and at most
/// ``maximumAttempts`` times in all. A page fetched once is never fetched again. Finally every
/// new or completed article is analysed, on every core.
public struct FeedRefresher: Sendable {
  /// Fetches the feeds: a short time-out, since a refresh waits for the slowest feed.
  public var feedFetcher = PageFetcher(timeout: 15, maximumBytes: FeedParser.maximumSize)
  /// Fetches the pages of summary-only items.
  public var pageFetcher = PageFetcher(timeout: 15)
  /// Feeds read at once, and pages fetched at once.
  public var concurrentFeeds = 4
  public var concurrentPages = 4
  /// Page fetches tried in all for an item (the first and the retries).
  public var maximumAttempts = 6
  /// Failed page fetches tried again per feed, and in all, at one refresh.
  public var retriesPerFeed = 3
  public var retriesPerRefresh = 12
  /// The wait after the first failed fetch (doubling after each further one, up to a day).
  public var firstRetryDelay: Double = 15 * 60
  /// The time now, in seconds since 1970 (tests move it on).
  public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }

  public init() {}

  /// What is already stored of a feed's item: whether it has its full article, and the item
  /// as stored (for a retry of its page).
  public struct Known: Sendable {
    public var fullText: Bool
    public var stored: StoredItem?
    public init(fullText: Bool, stored: StoredItem? = nil) {
      self.fullText = fullText
      self.stored = stored
    }
  }

  /// How long to wait before the next fetch of a page that failed `attempts` times: the first
  /// delay, doubled for each further failure, at most a day.
  public func retryDelay(after attempts: Int) -> Double {
    min(firstRetryDelay * Double(1 << min(max(attempts - 1, 0), 20)), 86_400)
  }

  /// Whether a stored item is due for another try at its page: summary only because its fetch
  /// failed, a web link, tries left, and its back-off over.
  func isDueForRetry(_ item: StoredItem, at time: Double) -> Bool {
    !item.fullText && item.note != nil && item.link.map(PageFetcher.isURL) == true
      && item.attempts < maximumAttempts && (item.retryAt ?? 0) <= time
  }

  /// One feed's refresh: what to store and what to report.
  public struct Result: Sendable {
    public var report: FeedRefreshReport
    /// The feed's record to store (title, validators, last error).
    public var record: FeedRecord
    /// New items and items re-read (their pages fetched this time), analysed.
    public var items: [ItemToStore]
    /// Every item of the feed as read, in feed order (empty when it was not read).
    public var order: [ArticleReference]
  }

  /// Refreshes `feeds`. `records` are their stored records (validators), `known` what is
  /// stored of a feed's items (by reference key). `progress` is called as each feed and page
  /// is done; `deliver` as each feed's result is ready (from worker threads, one at a time).
  public func refresh(
    _ feeds: [FeedSubscription], records: [String: FeedRecord],
    known: @escaping @Sendable (String) -> [String: Known],
    storedArticle: @escaping @Sendable (ArticleReference) -> Article? = { _ in nil },
    progress: @escaping @Sendable (FeedRefreshProgress) -> Void,
    deliver: @escaping @Sendable (Result) -> Void
  ) -> [FeedRefreshReport] {
    guard !feeds.isEmpty else { return [] }
    // 1. The feeds, a few at a time.
    progress(FeedRefreshProgress(phase: .feeds, done: 0, total: feeds.count))
    let feedsDone = Mutex(0)
    let read = Workers.map(feeds.count, width: concurrentFeeds) { k in
      let outcome = readFeed(feeds[k], record: records[feeds[k].location])
      let done = feedsDone.withLock { n in
        n += 1; return n
      }
      progress(FeedRefreshProgress(phase: .feeds, done: done, total: feeds.count))
      return outcome
    }
    // 2. Which items are new or need their page (again).
    struct Work {
      var feed: Int
      /// The item as the feed has it now; nil for a retry of a stored item's page.
      var item: FeedItem?
      var reference: ArticleReference
      var position: Int
      var fetchPage: Bool
      /// A retry: the item as stored and its stored (summary) article.
      var retry: (item: StoredItem, article: Article)?
      var link: String? { item?.link ?? retry?.item.link }
    }
    var work: [Work] = []
    var results: [Result?] = Array(repeating: nil, count: feeds.count)
    var storedOf: [Int: [String: Known]] = [:]
    for (k, outcome) in read.enumerated() {
      let subscription = feeds[k]
      switch outcome! {
      case .failed(let record, let reason, let message):
        results[k] = Result(
          report: FeedRefreshReport(
            subscription: subscription, name: subscription.displayName(title: record.title),
            outcome: .failed(reason: reason, message: message)),
          record: record, items: [], order: [])
      case .page(let record, let article):
        // A web page given by URL: its one article, stored as the source's one item.
        let reference = ArticleReference.url(subscription.location)
        let stored = StoredItem(
          reference: reference, feed: subscription.location, title: article.displayTitle, link: subscription.location,
          published: nil, position: 0, fullText: true, note: nil, hash: "", read: false, listing: nil)
        let isNew = known(subscription.location)[reference.key] == nil
        results[k] = Result(
          report: FeedRefreshReport(
            subscription: subscription, name: subscription.displayName(title: record.title),
            outcome: .updated(new: isNew ? 1 : 0, items: 1)),
          record: record, items: [LibraryCache.itemToStore(stored, article: article)], order: [reference])
      case .unchanged(let record):
        storedOf[k] = known(subscription.location)
        results[k] = Result(
          report: FeedRefreshReport(
            subscription: subscription, name: subscription.displayName(title: record.title),
            outcome: .unchanged),
          record: record, items: [], order: [])
      case .read(let record, let feed):
        let stored = known(subscription.location)
        storedOf[k] = stored
        var seen = Set<String>()
        var order: [ArticleReference] = []
        for item in feed.items {
          let reference = subscription.reference(item: item.id)
          guard seen.insert(reference.key).inserted else { continue }
          order.append(reference)
          let needsPage =
            subscription.fetchesPages && !item.hasFullContent && item.link.map(PageFetcher.isURL) == true
          // Stored: its page is tried again only as a retry (below), within the bounds.
          if stored[reference.key] != nil { continue }
          work.append(Work(feed: k, item: item, reference: reference, position: order.count - 1, fetchPage: needsPage))
        }
        results[k] = Result(
          report: FeedRefreshReport(
            subscription: subscription, name: subscription.displayName(title: record.title),
            outcome: .updated(
              new: work.filter { $0.feed == k && stored[$0.reference.key] == nil }.count,
              items: order.count)),
          record: record, items: [], order: order)
      }
    }
    // Stored items whose page fetch failed, due again: a few per feed and per refresh, those
    // waiting longest first.
    let time = now()
    var budget = retriesPerRefresh
    for k in feeds.indices where budget > 0 {
      guard feeds[k].fetchesPages, let stored = storedOf[k] else { continue }
      let due = stored.values.compactMap(\.stored).filter { isDueForRetry($0, at: time) }
        .sorted { ($0.retryAt ?? 0, $0.position) < ($1.retryAt ?? 0, $1.position) }
      for old in due.prefix(min(retriesPerFeed, budget)) {
        guard let article = storedArticle(old.reference) else { continue }
        work.append(
          Work(
            feed: k, item: nil, reference: old.reference, position: old.position, fetchPage: true,
            retry: (old, article)))
        budget -= 1
      }
    }
    // Feeds with nothing to fetch are delivered now.
    for k in results.indices where !work.contains(where: { $0.feed == k }) {
      // A feed read again without a new item is unchanged (its order still places the items).
      if case .updated(0, _)? = results[k]?.report.outcome { results[k]!.report.outcome = .unchanged }
      deliver(results[k]!)
    }
    guard !work.isEmpty else { return results.map { $0!.report } }
    // 3. The pages of summary-only items, a few at a time.
    let jobs = work
    let pages = jobs.indices.filter { jobs[$0].fetchPage }
    let pagesDone = Mutex(0)
    if !pages.isEmpty { progress(FeedRefreshProgress(phase: .articles, done: 0, total: pages.count)) }
    let fetcher = pageFetcher
    let fetched = Workers.map(pages.count, width: concurrentPages) { p -> (article: Article?, problem: String?) in
      let outcome = FeedRefresher.fetchArticle(link: jobs[pages[p]].link, fetcher: fetcher)
      let done = pagesDone.withLock { n in
        n += 1; return n
      }
      progress(FeedRefreshProgress(phase: .articles, done: done, total: pages.count))
      return outcome
    }
    var pageOf: [Int: (article: Article?, problem: String?)] = [:]
    for (p, index) in pages.enumerated() { pageOf[index] = fetched[p] ?? (nil, "not fetched") }
    let pagesByWork = pageOf
    // 4. Analysis, on every core.
    let maximumAttempts = self.maximumAttempts
    let delays = (0...maximumAttempts).map { retryDelay(after: $0) }
    let analysed = Workers.map(jobs.count) { w -> ItemToStore in
      let job = jobs[w]
      let subscription = feeds[job.feed]
      var stored: StoredItem
      var article: Article
      if case (let old, let summary)? = job.retry {
        stored = old
        article = summary
      } else {
        let item = job.item!
        article = item.article(source: item.link ?? subscription.location)
        stored = StoredItem(
          reference: job.reference, feed: subscription.location, title: item.title, link: item.link,
          published: item.published, position: job.position, fullText: item.hasFullContent, note: nil, hash: "",
          read: false, listing: nil)
      }
      if let page = pagesByWork[w] {
        if let full = page.article {
          article = FeedRefresher.merge(page: full, title: stored.title, summary: article)
          stored.fullText = true
          stored.note = nil
          stored.retryAt = nil
        } else {
          stored.attempts += 1
          let tries = stored.attempts >= maximumAttempts ? " (gave up after \(stored.attempts) tries)" : ""
          stored.note = "summary only: \(page.problem ?? "the page could not be read")\(tries)"
          stored.retryAt = time + delays[min(stored.attempts, maximumAttempts)]
        }
      }
      return LibraryCache.itemToStore(stored, article: article)
    }
    for k in results.indices where jobs.contains(where: { $0.feed == k }) {
      var result = results[k]!
      for (w, job) in jobs.enumerated() where job.feed == k {
        guard let item = analysed[w] else { continue }
        result.items.append(item)
        if job.fetchPage {
          if item.item.fullText {
            result.report.fetchedPages += 1
          } else if job.retry != nil {
            result.report.failedAgain += 1
          } else {
            result.report.summaryOnly += 1
          }
        }
      }
      // A feed whose only work was retries has no new item: unchanged.
      if case .updated(0, _) = result.report.outcome { result.report.outcome = .unchanged }
      deliver(result)
      results[k] = result
    }
    return results.map { $0!.report }
  }

  /// How reading one feed went.
  enum ReadOutcome: Sendable {
    case read(FeedRecord, Feed)
    /// Not a feed but a web page, where a page is allowed: its article.
    case page(FeedRecord, Article)
    case unchanged(FeedRecord)
    case failed(FeedRecord, reason: String, message: String)
  }

  /// Reads one feed: a file, or a URL with a conditional request.
  func readFeed(_ subscription: FeedSubscription, record old: FeedRecord?) -> ReadOutcome {
    var record = old ?? FeedRecord(location: subscription.location)
    record.checked = Date().timeIntervalSince1970
    let data: Data
    var url: URL?
    var fetched: FetchedPage?
    if subscription.isRemote {
      do {
        let page = try feedFetcher.fetch(
          subscription.location, accepting: PageFetcher.readableTypes,
          validators: old.map { FetchValidators(etag: $0.etag, lastModified: $0.lastModified) })
        if page.notModified {
          record.error = nil
          return .unchanged(record)
        }
        data = page.data
        url = page.url
        fetched = page
        record.etag = page.etag
        record.lastModified = page.lastModified
      } catch {
        record.error = FeedRefresher.shortReason(error)
        return .failed(record, reason: record.error!, message: error.reason)
      }
    } else {
      do {
        data = try ArticleLoader.readData(path: subscription.location)
        url = URL(fileURLWithPath: subscription.location)
      } catch {
        record.error = error.reason
        return .failed(record, reason: error.reason, message: error.reason)
      }
    }
    do {
      let feed = try FeedParser.parse(data, url: url)
      record.title = feed.title
      record.error = nil
      return .read(record, feed)
    } catch {
      // A web page given by URL is its one article; anything else that is not a feed is an error.
      if subscription.pageAllowed, let page = fetched, ["text/html", "application/xhtml+xml"].contains(page.mediaType),
        let article = try? ArticleSource.article(from: page, reference: subscription.location)
      {
        record.title = article.displayTitle
        record.error = nil
        return .page(record, article)
      }
      // A broken answer must not keep its validators: the next refresh asks again in full.
      record.etag = nil
      record.lastModified = nil
      record.error = FeedRefresher.shortReason(error)
      return .failed(record, reason: record.error!, message: error.description)
    }
  }

  /// The few words a feed's error row shows: `404 Not Found`, `not a feed`, `no answer within 15 s`.
  static func shortReason(_ error: FetchError) -> String {
    switch error {
    case .httpStatus(_, let status): return PageFetcher.statusLine(status)
    case .notAnArticle(_, let type): return "not a feed (\(TerminalSafe.line(type)))"
    default: return TerminalSafe.line(error.reason)
    }
  }

  static func shortReason(_ error: FeedError) -> String {
    switch error {
    case .notAFeed: return "not a feed"
    case .malformed(let line, _): return "broken XML at line \(line)"
    case .tooLarge: return "feed too large"
    case .empty: return "empty feed"
    case .entityExpansion: return "refused: entity expansion"
    }
  }

  /// Fetches an item's linked page and extracts its article; the reason when it cannot.
  static func fetchArticle(link: String?, fetcher: PageFetcher) -> (article: Article?, problem: String?) {
    guard let link else { return (nil, "no link") }
    let page: FetchedPage
    do {
      page = try fetcher.fetch(link)
    } catch {
      return (nil, shortReason(error))
    }
    do {
      let article = try ArticleSource.article(from: page, reference: link)
      guard !article.paragraphs.isEmpty else { return (nil, "no article found on the page") }
      return (article, nil)
    } catch {
      return (nil, error.description)
    }
  }

  /// The page's article under the feed's title (a page's own title often carries the site's
  /// name: "Night crew strike | Harbour Times"), with the feed's author and date where the
  /// page has none.
  static func merge(page: Article, title feedTitle: String, summary: Article) -> Article {
    var article = page
    let title = feedTitle.trimmingCharacters(in: .whitespacesAndNewlines)
    if !title.isEmpty, title != article.title { article = retitled(article, title) }
    if article.title?.isEmpty ?? true { article.title = summary.title }
    if article.author == nil { article.author = summary.author }
    if article.date == nil { article.date = summary.date }
    return article
  }

  /// The article with another title: the title block's text replaced in the model text and
  /// every later range moved by the difference (or the title set, when there is no block).
  static func retitled(_ article: Article, _ title: String) -> Article {
    var result = article
    let clean = Sanitizer.clean(title)
    result.title = clean
    guard let index = article.blocks.firstIndex(where: { $0.kind == .title }) else { return result }
    let old = article.blocks[index].range
    let new = Array(clean.unicodeScalars)
    let delta = new.count - old.count
    var scalars = ScalarText(article.scalars[..<old.lowerBound])
    scalars.append(contentsOf: new)
    scalars.append(contentsOf: article.scalars[old.upperBound...])
    result.scalars = scalars
    func moved(_ range: TextRange?) -> TextRange? {
      guard let range, range.lowerBound >= old.upperBound else { return range }
      return (range.lowerBound + delta)..<(range.upperBound + delta)
    }
    for i in result.blocks.indices {
      if i == index {
        result.blocks[i].range = old.lowerBound..<(old.lowerBound + new.count)
        continue
      }
      result.blocks[i].range = moved(result.blocks[i].range)!
      result.blocks[i].creditRange = moved(result.blocks[i].creditRange)
      result.blocks[i].captionTextRange = moved(result.blocks[i].captionTextRange)
    }
    result.sourceMap = SourceMap()
    result.sourceText = result.text
    return result
  }
}
