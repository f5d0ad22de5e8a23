import BylineCore
import Foundation

/// Reads RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 feeds with libxml2's XML parser.
public enum FeedParser {
  /// The largest feed read (bytes): real feeds are well under a megabyte.
  public static let maximumSize = 32 * 1_048_576

  /// Parses a feed. `url` is where it came from: relative links resolve against it.
  public static func parse(_ data: Data, url: URL?) throws(FeedError) -> Feed {
    if data.count > maximumSize { throw .tooLarge(bytes: data.count) }
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
    throw .notAFeed(root: nil)
  }

  /// Whether the first bytes look like a feed: after an optional BOM, XML declaration,
  /// comments and processing instructions, a `<rss`, `<rdf:RDF` (any prefix) or `<feed`
  /// root element.
  @Sendable public static func looksLikeFeed(_ data: Data) -> Bool {
    false
  }
}
