import ArgumentParser
import BylineCore
import BylineLibrary
import BylineTerminal
import BylineUI
import Foundation

/// `byline library [PATH...]`: the library screen.
struct LibraryBrowse: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "library",
    abstract: "Browse a library of articles: every article, the people across them, who said what.",
    discussion: """
      PATHs are files and folders (read recursively: .txt, .md, .markdown, .html; hidden files and \
      README, LICENSE, LICENCE, COPYING and CHANGELOG files are skipped; .rss, .atom, .rdf and \
      feed .xml files in them are feeds), feed files and http(s) \
      URLs: a feed's items are articles of the library, a page's URL is a one-article library. \
      With no PATH, the feeds of config.toml are in the library too (see `byline feed`). With none, ./sample-articles \
      opens, else the folder in $BYLINE_LIBRARY. Analysis results are cached in \
      $XDG_CACHE_HOME/byline/library.sqlite (else ~/.cache/byline). Keys: Enter open, s sort, \
      / search, p people (Enter: their articles, Tab: their quotes), w quotes of the chosen \
      person, x clear, r refresh the feeds, N read/unread, A feed read, u only unread, t theme, \
      q back, Q quit. Articles and items are unread (•) until opened; a file is unread again when \
      its content changes. Articles open at their saved reading position.
      """)

  @Argument(help: "Article files and folders, feed files, and http(s) URLs of feeds or pages.")
  var paths: [String] = []

  @Flag(help: "Do not read or write the cache.")
  var noCache = false

  @Flag(help: "Neither restore nor save the reading positions of the articles opened.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    let library = Library(
      paths: try LibraryBrowse.defaultPaths(paths), feeds: try LibraryBrowse.defaultFeeds(paths), useCache: !noCache)
    try runApp(
      .library(library), themeOptions: themeOptions, wordsPerMinute: analysisOptions.wpm,
      keepPositions: !noState)
  }

  /// The feeds of the config file when no path is given (paths given are the whole library).
  static func defaultFeeds(_ paths: [String]) throws -> [FeedSubscription] {
    guard paths.isEmpty else { return [] }
    do {
      return try BylineConfig.load().feeds
    } catch {
      reportError(error.description)
      throw ExitCode.badInput
    }
  }

  /// The paths given, else ./sample-articles, else $BYLINE_LIBRARY, else the `library`
  /// folder of the config file.
  static func defaultPaths(_ paths: [String]) throws -> [String] {
    if !paths.isEmpty { return paths }
    let samples = FileManager.default.currentDirectoryPath + "/sample-articles"
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: samples, isDirectory: &isDirectory), isDirectory.boolValue {
      return [samples]
    }
    if let env = ProcessInfo.processInfo.environment["BYLINE_LIBRARY"], !env.isEmpty { return [env] }
    do {
      let config = try BylineConfig.load()
      if let folder = config.library { return [folder] }
      // Feeds alone make a library.
      if !config.feeds.isEmpty { return [] }
    } catch {
      reportError(error.description)
      throw ExitCode.badInput
    }
    reportError(
      "no library: give a folder, start in a folder with sample-articles/, set BYLINE_LIBRARY, or set library in \(BylineConfig.defaultURL.path)"
    )
    throw ExitCode.badInput
  }
}
