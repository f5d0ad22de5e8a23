import BylineCore
import BylineLibrary
import BylineWeb
import Foundation
import TOMLKit

/// Byline's config file, `$XDG_CONFIG_HOME/byline/config.toml` (else
/// `~/.config/byline/config.toml`):
///
/// ```toml
/// library = "~/news"   # the folder `byline` opens with no argument
/// theme = "light"      # the theme when no --theme is given (a name or a path)
/// wpm = 200            # reading speed when no --wpm is given (20 to 2000)
/// feeds = ["https://example.org/feed.xml"]   # feeds the library follows, or tables:
///
/// [[feeds]]
/// url = "https://example.org/news.atom"
/// name = "Example news"   # optional: shown instead of the feed's title
/// tags = ["world"]        # optional
/// ```
///
/// `byline feed add` and `byline feed import` append `[[feeds]]` tables to the file and
/// `byline feed remove` deletes one, leaving the rest of the file (comments too) as it was.
///
/// A key Byline does not know is named in a warning (a misspelt key would otherwise do
/// nothing without a word); a known key of the wrong type is an error.
struct BylineConfig {
  /// The library folder, `~` expanded.
  var library: String?
  /// The theme's name or path (`~` expanded).
  var theme: String?
  /// Words per minute.
  var wpm: Double?
  /// The feeds the library follows.
  var feeds: [FeedSubscription] = []
  /// Keys that are not Byline's, one warning each.
  var warnings: [String] = []

  static let knownKeys = ["library", "theme", "wpm", "feeds"]

  /// Why the config file could not be used.
  struct LoadError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
  }

  static var defaultURL: URL { URL(fileURLWithPath: XDGDirectories().config + "/config.toml") }

  /// The largest config file read.
  static let maximumBytes = 256 * 1024

  /// Reads the config file (at most ``maximumBytes``); a missing file is an empty config.
  static func load(from url: URL = defaultURL) throws(LoadError) -> BylineConfig {
    guard FileManager.default.fileExists(atPath: url.path) else { return BylineConfig() }
    let data: Data
    switch BoundedRead.read(path: url.path, limit: maximumBytes) {
    case .success(let read): data = read
    case .failure(let failure): throw LoadError(path: url.path, reason: failure.description)
    }
    if let nul = data.firstIndex(of: 0) {
      throw LoadError(path: url.path, reason: "not a text file: it holds a NUL byte at offset \(nul - data.startIndex)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LoadError(path: url.path, reason: "is not valid UTF-8 text")
    }
    if let problem = TOMLGuard.problem(in: text) {  // TOMLKit would abort on these
      throw LoadError(path: url.path, reason: "line \(problem.line): \(problem.message)")
    }
    let table: TOMLTable
    do { table = try TOMLTable(string: text) } catch {
      if let parse = error as? TOMLParseError {
        throw LoadError(path: url.path, reason: "line \(parse.source.begin.line): \(parse.description)")
      }
      throw LoadError(path: url.path, reason: "\(error)")
    }
    var config = BylineConfig()
    if let value = table["library"] {
      guard let folder = value.string else {
        throw LoadError(path: url.path, reason: "library must be a string (a folder path)")
      }
      config.library = (folder as NSString).expandingTildeInPath
    }
    if let value = table["theme"] {
      guard let theme = value.string, !theme.isEmpty else {
        throw LoadError(path: url.path, reason: "theme must be a string (a theme name or a .toml path)")
      }
      config.theme = theme.hasPrefix("~") ? (theme as NSString).expandingTildeInPath : theme
    }
    if let value = table["wpm"] {
      guard let wpm = value.double ?? value.int.map(Double.init), wpm.isFinite, wpm >= 20, wpm <= 2000 else {
        throw LoadError(path: url.path, reason: "wpm must be a number of words per minute from 20 to 2000")
      }
      config.wpm = wpm
    }
    if let value = table["feeds"] {
      config.feeds = try feeds(in: value, file: url.path)
    }
    for key in table.keys.sorted() where !knownKeys.contains(key) {
      config.warnings.append(
        "unknown key '\(key)' in \(url.lastPathComponent) (known: \(knownKeys.joined(separator: ", ")))")
    }
    return config
  }

  /// The `feeds` value: a list of URLs or `{ url, name, tags }` tables (`[[feeds]]`).
  static func feeds(in value: any TOMLValueConvertible, file: String) throws(LoadError) -> [FeedSubscription] {
    guard let list = value.array else {
      throw LoadError(path: file, reason: "feeds must be a list of URLs or of { url, name, tags } tables")
    }
    var feeds: [FeedSubscription] = []
    for (index, element) in list.enumerated() {
      let position = "feeds entry \(index + 1)"
      var subscription: FeedSubscription
      if let url = element.string {
        subscription = FeedSubscription(location: url)
      } else if let table = element.table {
        guard let url = table["url"]?.string else {
          throw LoadError(path: file, reason: "\(position) has no url (a table needs url = \"https://...\")")
        }
        var tags: [String] = []
        if let value = table["tags"] {
          guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
            throw LoadError(path: file, reason: "\(position): tags must be a list of strings")
          }
          tags = array.compactMap { $0.string }
        }
        if let name = table["name"], name.string == nil {
          throw LoadError(path: file, reason: "\(position): name must be a string")
        }
        for key in table.keys where !["url", "name", "tags"].contains(key) {
          throw LoadError(path: file, reason: "\(position): unknown key '\(key)' (known: url, name, tags)")
        }
        subscription = FeedSubscription(location: url, name: table["name"]?.string, tags: tags)
      } else {
        throw LoadError(path: file, reason: "\(position) must be a URL or a { url, name, tags } table")
      }
      guard PageFetcher.isURL(subscription.location) else {
        throw LoadError(
          path: file, reason: "\(position): \(TerminalSafe.line(subscription.location)) is not an http(s) URL")
      }
      feeds.append(subscription)
    }
    return feeds
  }
}
