import BylineCore
import BylineWeb
import Foundation

/// A feed the library follows: a URL (from the config file, `byline feed add`, or the command
/// line) or a feed file given on the command line, with an optional name and tags.
public struct FeedSubscription: Sendable, Equatable, Hashable {
  /// The feed's URL as given, or a feed file's absolute path.
  public var location: String
  /// The name to show instead of the feed's own title.
  public var name: String?
  public var tags: [String]
  /// Whether a web page found at the URL is read as a one-article source (a URL given on the
  /// command line) rather than reported as "not a feed" (a subscription).
  public var pageAllowed: Bool
  /// Whether the pages of its summary-only items are fetched: false for a feed file found in
  /// a library folder, which never makes the library touch the network.
  public var fetchesPages: Bool

  /// A subscription to a URL (kept as given) or a file (made absolute).
  public init(
    location: String, name: String? = nil, tags: [String] = [], pageAllowed: Bool = false, fetchesPages: Bool = true
  ) {
    self.location = PageFetcher.isURL(location) ? location : ArticleReference.absolute(location)
    // A name from the config or an OPML file is shown on screen: sanitised like article text.
    self.name = name.map { Sanitizer.clean($0).trimmingCharacters(in: .whitespacesAndNewlines) }
      .flatMap { $0.isEmpty ? nil : $0 }
    self.tags = tags
    self.pageAllowed = pageAllowed
    self.fetchesPages = fetchesPages
  }

  /// A feed file found in a library folder: read from disk, no page fetched.
  public static func folderFeed(_ path: String) -> FeedSubscription {
    FeedSubscription(location: path, fetchesPages: false)
  }

  /// Whether the feed is fetched over HTTP (else read from a file).
  public var isRemote: Bool { PageFetcher.isURL(location) }

  /// The reference of one of the feed's items.
  public func reference(item id: String) -> ArticleReference {
    isRemote ? .feedItem(feed: location, item: id) : .fileItem(path: location, item: id)
  }

  /// The name shown for the feed: its own, else the feed's title, else its location.
  public func displayName(title: String?) -> String {
    if let name { return name }
    if let title, !title.isEmpty { return title }
    return Sanitizer.clean(location)
  }

  /// Whether a file is a feed rather than an article: named `.rss`, `.atom` or `.rdf`, or its
  /// first bytes are an RSS, RDF or Atom document.
  public static func isFeedFile(_ path: String) -> Bool {
    if let ext = ArticleFormats.pathExtension(path), ["rss", "atom", "rdf"].contains(ext) { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: ArticleFormats.sniffLength)) ?? Data()
    return FeedParser.looksLikeFeed(head)
  }
}

/// Where a refresh is: reading feeds, then fetching the pages of summary-only items.
public struct FeedRefreshProgress: Sendable, Equatable {
  public enum Phase: Sendable, Equatable {
    case feeds
    case articles
  }

  public var phase: Phase
  public var done: Int
  public var total: Int

  public init(phase: Phase, done: Int, total: Int) {
    self.phase = phase
    self.done = done
    self.total = total
  }

  /// The status bar's words: `refreshing 3/12 feeds`, `fetching 5/40 articles`.
  public var text: String {
    switch phase {
    case .feeds: return "refreshing \(done)/\(total) feed\(total == 1 ? "" : "s")"
    case .articles: return "fetching \(done)/\(total) article\(total == 1 ? "" : "s")"
    }
  }
}

/// What a refresh did to one feed.
public struct FeedRefreshReport: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    /// Read: `new` items stored (and `refetched` earlier summary-only items fetched again).
    case updated(new: Int, items: Int)
    /// The server said nothing changed (304), or the file's feed has no new item.
    case unchanged
    /// The feed could not be read: the short reason for its row and the full one-line error.
    case failed(reason: String, message: String)
  }

  public var subscription: FeedSubscription
  /// The feed's name as shown.
  public var name: String
  public var outcome: Outcome
  /// New items whose page could not be fetched: they keep the feed's summary.
  public var summaryOnly: Int = 0
  /// Pages fetched for summary-only items (new ones, and earlier ones tried again).
  public var fetchedPages: Int = 0
  /// Earlier summary-only items whose page fetch, tried again, failed again.
  public var failedAgain: Int = 0

  /// One line for `byline feed refresh`.
  public var line: String {
    let who = TerminalSafe.line(name)
    var text: String
    switch outcome {
    case .updated(let new, let items):
      text = "\(who): \(new) new item\(new == 1 ? "" : "s") (\(items) in the feed)"
    case .unchanged:
      text = "\(who): unchanged"
    case .failed(_, let message):
      return "\(who): \(TerminalSafe.line(message))"
    }
    if fetchedPages > 0 { text += ", \(fetchedPages) full article\(fetchedPages == 1 ? "" : "s") fetched" }
    if summaryOnly > 0 { text += ", \(summaryOnly) kept as summary (page fetch failed)" }
    if failedAgain > 0 { text += ", \(failedAgain) page fetch\(failedAgain == 1 ? "" : "es") failed again" }
    return text
  }

  public var failed: Bool {
    if case .failed = outcome { return true }
    return false
  }
}
