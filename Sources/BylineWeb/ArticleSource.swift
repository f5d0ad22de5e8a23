import BylineCore
import Foundation

/// Why an article could not be read from a file or a URL: one line, naming it.
public enum ArticleSourceError: Error, CustomStringConvertible {
  case file(ArticleLoadError)
  case fetch(FetchError)

  public var description: String {
    switch self {
    case .file(let error): return error.description
    case .fetch(let error): return error.description
    }
  }
}

/// Loads an article from what a person types: a path, `-`, or an `http(s)` URL.
public enum ArticleSource {
  /// Reads a file (any registered format) or fetches a page. `fetcher` sets the time-out and
  /// size limit for URLs.
  public static func load(_ reference: String, fetcher: PageFetcher = PageFetcher()) throws(ArticleSourceError) -> Article {
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

  /// An article from fetched bytes: HTML for web pages, plain text or Markdown otherwise.
  public static func article(from page: FetchedPage, reference: String) throws(ArticleSourceError) -> Article {
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
