import Foundation

/// Where an article comes from, as the library, its cache and the saved reading positions
/// identify it: a file, an item inside a file (a feed file's entry), a web page, or an item of
/// a feed fetched from a URL.
///
/// Every reference has one string form, ``key``, that the cache and the positions file store:
/// a file's key is its absolute path and a page's its URL, exactly the keys older versions
/// used, so existing caches and position files keep working. An item's key is its container's
/// key, U+001F (the unit separator, which neither paths, URLs nor the sanitised item ids of a
/// feed contain), then the item's id.
public enum ArticleReference: Hashable, Sendable, CustomStringConvertible {
  /// A file, by its absolute path.
  case file(path: String)
  /// An item inside a file (an entry of a feed file), by the file's absolute path and the
  /// item's id.
  case fileItem(path: String, item: String)
  /// A web page, by its URL as given.
  case url(String)
  /// An entry of a feed fetched over HTTP: the feed's URL and the item's id.
  case feedItem(feed: String, item: String)

  /// The separator between a container's key and an item's id in ``key``.
  public static let separator: Character = "\u{1F}"

  /// A reference to what a person typed: an `http(s)` URL as given, else a path made absolute.
  public init(typed text: String) {
    let lower = text.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
      self = .url(text)
    } else {
      self = .file(path: ArticleReference.absolute(text))
    }
  }

  /// The reference a ``key`` stands for.
  public init(key: String) {
    if let cut = key.firstIndex(of: ArticleReference.separator) {
      let container = String(key[..<cut])
      let item = String(key[key.index(after: cut)...])
      self = container.hasPrefix("/") ? .fileItem(path: container, item: item) : .feedItem(feed: container, item: item)
    } else {
      self = key.hasPrefix("/") ? .file(path: key) : .url(key)
    }
  }

  /// The one-string form stored by the cache and the positions file.
  public var key: String {
    switch self {
    case .file(let path): return path
    case .url(let url): return url
    case .fileItem(let path, let item): return path + String(ArticleReference.separator) + item
    case .feedItem(let feed, let item): return feed + String(ArticleReference.separator) + item
    }
  }

  /// The file or feed an item belongs to; a file's path or a page's URL for the others.
  public var container: String {
    switch self {
    case .file(let path), .fileItem(let path, _): return path
    case .url(let url): return url
    case .feedItem(let feed, _): return feed
    }
  }

  /// The item's id, for the items of a file or a feed.
  public var item: String? {
    switch self {
    case .fileItem(_, let item), .feedItem(_, let item): return item
    case .file, .url: return nil
    }
  }

  /// The path of a file reference.
  public var filePath: String? {
    if case .file(let path) = self { return path }
    return nil
  }

  /// Whether this is an entry of a feed (a file's or a URL's).
  public var isFeedItem: Bool { item != nil }

  /// How a person reads the reference: the path or URL, an item as `id in container`.
  public var description: String {
    switch self {
    case .file(let path): return path
    case .url(let url): return url
    case .fileItem(let path, let item): return "\(item) in \(path)"
    case .feedItem(let feed, let item): return "\(item) in \(feed)"
    }
  }

  /// `path` made absolute against the working folder and standardised (`.` and `..`
  /// resolved), the form ``file(path:)`` holds.
  public static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent(path).standardizedFileURL.path
  }
}
