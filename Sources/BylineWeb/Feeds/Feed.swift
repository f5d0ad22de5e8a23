import BylineCore
import Foundation

/// A parsed RSS, RDF or Atom feed: its title, its home page and its items, in feed order.
///
/// Every string has been through Byline's sanitiser (no control characters, escapes or bidi
/// overrides); links are absolute where the feed gave enough to resolve them.
public struct Feed: Sendable, Equatable {
  /// The feed's title ("" when it has none).
  public var title: String
  /// The site the feed belongs to (RSS `<link>`, Atom `link rel="alternate"`).
  public var link: String?
  /// The feed's description (RSS `<description>`, Atom `subtitle`), as plain text.
  public var subtitle: String?
  /// The feed's author or editor, as ``FeedItem/author``.
  public var author: String?
  /// When the feed last changed, as it says (Atom `updated`, RSS `lastBuildDate`/`pubDate`).
  public var updated: Date?
  public var items: [FeedItem]

  public init(
    title: String, link: String? = nil, subtitle: String? = nil, author: String? = nil, updated: Date? = nil,
    items: [FeedItem] = []
  ) {
    self.title = title
    self.link = link
    self.subtitle = subtitle
    self.author = author
    self.updated = updated
    self.items = items
  }
}

/// One entry of a feed.
public struct FeedItem: Sendable, Equatable {
  /// The guid / atom:id, else the link, else a stable hash of title and date.
  public var id: String
  public var title: String
  /// Absolute (resolved against `xml:base` or the feed's URL).
  public var link: String?
  /// `Name (email)`, the name, or the email; several authors joined by ", ".
  public var author: String?
  /// When it was published (else when it was last updated), as the feed says.
  public var published: Date?
  /// The summary or description as plain text (HTML removed, scripts dropped).
  public var summary: String?
  /// The full content (`content:encoded`, Atom `content`) as plain text.
  public var content: String?
  /// The content (or, without it, the summary) as HTML, for extraction into an article.
  public var contentHTML: String?
  public var enclosures: [FeedEnclosure]
  /// False when the item carries only a summary or description, not the article itself.
  public var hasFullContent: Bool

  public init(
    id: String, title: String, link: String? = nil, author: String? = nil, published: Date? = nil,
    summary: String? = nil, content: String? = nil, contentHTML: String? = nil,
    enclosures: [FeedEnclosure] = [], hasFullContent: Bool = false
  ) {
    self.id = id
    self.title = title
    self.link = link
    self.author = author
    self.published = published
    self.summary = summary
    self.content = content
    self.contentHTML = contentHTML
    self.enclosures = enclosures
    self.hasFullContent = hasFullContent
  }

  /// The item as a Byline Article (title, author, date, paragraphs from the HTML through
  /// BylineWeb's extraction).
  public func article(source: String) -> Article {
    FeedArticle.article(of: self, source: source)
  }
}

/// A file attached to an item (a podcast episode, an image).
public struct FeedEnclosure: Sendable, Equatable {
  public var url: String
  public var type: String?
  /// Bytes, as the feed states it.
  public var length: Int?

  public init(url: String, type: String? = nil, length: Int? = nil) {
    self.url = url
    self.type = type
    self.length = length
  }
}

/// Why a feed could not be read: one line a person can act on.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The document is XML (or something else) but not RSS, RDF or Atom.
  case notAFeed(root: String?)
  /// The XML is broken beyond what recovery can read.
  case malformed(line: Int, reason: String)
  /// Larger than ``FeedParser/maximumSize``.
  case tooLarge(bytes: Int)
  /// Nothing but white space.
  case empty
  /// It declares entities that expand beyond the limit (a "billion laughs" document).
  case entityExpansion

  public var description: String {
    switch self {
    case .notAFeed(let root?):
      return "not a feed: the document is <\(TerminalSafe.line(root))>, not RSS, RDF or Atom"
    case .notAFeed(nil):
      return "not a feed: no RSS, RDF or Atom document found"
    case .malformed(let line, let reason):
      return "not a readable feed: broken XML at line \(line) (\(TerminalSafe.line(reason)))"
    case .tooLarge(let bytes):
      return "feed too large: \(bytes) bytes (the limit is \(FeedParser.maximumSize / 1_048_576) MB)"
    case .empty:
      return "the feed is empty"
    case .entityExpansion:
      return "feed refused: its entities expand beyond the limit (possible \"billion laughs\" attack)"
    }
  }
}
