import BylineCore
import Foundation

/// Why an article could not be read from a file or a URL: one line, naming it.
public enum ArticleSourceError: Error, CustomStringConvertible {
  case file(ArticleLoadError)
  case fetch(FetchError)
  /// A feed (or XML that should have been one) that could not be read.
  case feed(reference: String, FeedError)
  /// A feed given where one article was wanted: its items are articles.
  case isFeed(reference: String)

  public var description: String {
    switch self {
    case .file(let error): return error.description
    case .fetch(let error): return error.description
    case .feed(let reference, let error): return "\(Sanitizer.clean(reference)): \(error)"
    case .isFeed(let reference):
      return "\(Sanitizer.clean(reference)): is a feed, not one article (byline export prints its items)"
    }
  }
}

/// Loads an article from what a person types: a path, `-`, or an `http(s)` URL.
public enum ArticleSource {
  /// Reads a file (any registered format) or fetches a page. `fetcher` sets the time-out and
  /// size limit for URLs.
  public static func load(_ reference: String, fetcher: PageFetcher = PageFetcher()) throws(ArticleSourceError)
    -> Article
  {
    // "ftp://..." and the like: say which schemes work rather than "no such file".
    let looksLikeOtherURL = reference.range(of: "://") != nil && !FileManager.default.fileExists(atPath: reference)
    guard PageFetcher.isURL(reference) || looksLikeOtherURL else {
      do {
        return try ArticleLoader.load(path: reference)
      } catch {
        throw .file(error)
      }
    }
    let page: FetchedPage
    do {
      page = try fetcher.fetch(reference)
    } catch {
      throw .fetch(error)
    }
    return try article(from: page, reference: reference)
  }

  /// A feed (RSS, RDF, Atom) or an article, from what a person types: a feed file or URL
  /// is read as a feed, anything else as an article.
  public static func loadFeedOrArticle(
    _ reference: String, fetcher: PageFetcher = PageFetcher()
  ) throws(ArticleSourceError) -> FeedOrArticle {
    guard PageFetcher.isURL(reference) else {
      if let data = FeedFile.read(reference), FeedParser.looksLikeFeed(data) {
        do {
          return .feed(try FeedParser.parse(data, url: nil))
        } catch {
          throw .feed(reference: reference, error)
        }
      }
      return .article(try load(reference, fetcher: fetcher))
    }
    let page: FetchedPage
    do {
      page = try fetcher.fetch(reference)
    } catch {
      throw .fetch(error)
    }
    // Generic XML is read as a feed too: what else it could be, Byline does not read.
    if isFeed(page) || page.mediaType == "application/xml" || page.mediaType == "text/xml" {
      do {
        return .feed(try FeedParser.parse(page.data, url: page.url))
      } catch {
        throw .feed(reference: reference, error)
      }
    }
    return .article(try article(from: page, reference: reference))
  }

  /// Whether fetched bytes are a feed: an RSS, RDF or Atom media type, or anything but
  /// HTML that starts like a feed.
  static func isFeed(_ page: FetchedPage) -> Bool {
    let feedTypes: Set<String> = [
      "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml",
      "application/x-atom+xml",
    ]
    return feedTypes.contains(page.mediaType) || (page.mediaType != "text/html" && FeedParser.looksLikeFeed(page.data))
  }

  /// An article from fetched bytes: HTML for web pages, plain text or Markdown otherwise.
  public static func article(from page: FetchedPage, reference: String) throws(ArticleSourceError) -> Article {
    if isFeed(page) { throw .isFeed(reference: reference) }
    if page.mediaType == "application/xml" || page.mediaType == "text/xml" {
      // XML that is not a feed is no article either.
      throw .fetch(.notAnArticle(url: reference, contentType: page.mediaType))
    }
    do {
      switch page.mediaType {
      case "text/html", "application/xhtml+xml":
        var article = try HTMLArticleReader.read(page.data, source: page.url.absoluteString, httpCharset: page.charset)
        article.source = reference
        return article
      case "text/markdown", "text/x-markdown":
        return try ArticleFormat.markdown.parse(page.data, reference)
      default:
        return try ArticleFormat.text.parse(page.data, reference)
      }
    } catch {
      throw .file(error)
    }
  }
}

/// What a reference holds: one article, or a feed of them.
public enum FeedOrArticle: Sendable {
  case article(Article)
  case feed(Feed)
}

/// The head of a feed file, bounded (a feed larger than ``FeedParser/maximumSize`` is refused
/// by the parser with its own message).
enum FeedFile {
  /// The file's bytes, or nil when it cannot be read (the article loader then says why).
  static func read(_ path: String) -> Data? {
    guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 4096), FeedParser.looksLikeFeed(head) else { return nil }
    guard let rest = try? handle.read(upToCount: FeedParser.maximumSize + 1 - head.count) else { return head }
    return head + rest
  }
}
