import ArgumentParser
import BylineCore
import BylineLibrary
import BylineTerminal
import BylineUI
import BylineWeb
import Foundation

/// `byline [PATH...]`: the reader for one file, the library for folders or several files.
struct Read: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read an article, or browse a library of them (the default command).",
    discussion: """
      One FILE (or - for standard input) opens the reader. Folders, several files, or no PATH \
      open the library: with no PATH, ./sample-articles, else $BYLINE_LIBRARY, else the \
      `library` folder set in $XDG_CONFIG_HOME/byline/config.toml (which may also set `theme` and \
      `wpm`). The reading position of each file is saved in \
      $XDG_STATE_HOME/byline/positions.json (~/.local/state/byline by default) and restored \
      when the file is opened again. An http(s) URL is fetched and read as its article, or, for \
      a feed, as the library of its items; a feed file opens as the library of its items too. \
      With no PATH the library also shows the feeds of config.toml (see `byline feed`). \
      Formats: \(ArticleFormats.helpList). In the reader, ? lists the keys; l lists the \
      article's links, o opens one with $BROWSER (its first command, the address as one \
      argument, no shell) and y copies its address (OSC 52).
      """)

  @Argument(help: "An article file or URL, or folders and files for the library.")
  var paths: [String] = []

  @Flag(help: "Neither restore nor save the reading position.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  /// Fetches a URL: its article when it is a page, nil when it is a feed (the library then
  /// reads it); exits with a one-line error when it cannot be fetched.
  static func fetchPageOrFeed(_ url: String) throws -> Article? {
    do throws(ArticleSourceError) {
      let page: FetchedPage
      do { page = try PageFetcher().fetch(url, accepting: PageFetcher.readableTypes, validators: nil) } catch {
        throw .fetch(error)
      }
      if PageFetcher.feedTypes.contains(page.mediaType) || FeedParser.looksLikeFeed(page.data) { return nil }
      return try ArticleSource.article(from: page, reference: url)
    } catch {
      reportError(error.description)
      throw ExitCode(1)
    }
  }

  func run() throws {
    var isDirectory: ObjCBool = false
    let start: AppStart
    if paths.count == 1, let path = paths.first, PageFetcher.isURL(path) {
      // A page opens in the reader, a feed as the library of its items.
      switch try Read.fetchPageOrFeed(path) {
      case .some(let article): start = .article(article, path: path)
      case nil: start = .library(Library(paths: [path]))
      }
    } else if paths.count == 1, let path = paths.first,
      path == "-" || !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        || (!isDirectory.boolValue && !FeedSubscription.isFeedFile(path))
    {
      start = .article(try loadArticleOrExit(path).droppingSourceText(), path: path == "-" ? nil : path)
    } else {
      start = .library(
        Library(paths: try LibraryBrowse.defaultPaths(paths), feeds: try LibraryBrowse.defaultFeeds(paths)))
    }
    try runApp(start, themeOptions: themeOptions, wordsPerMinute: analysisOptions.wpm, keepPositions: !noState)
  }
}

/// Runs the app (library or reader) in the terminal until the user quits; reports a reading
/// position that could not be saved. Ends the process by the signal that ended the session,
/// if one did. The config file's `theme` and `wpm` stand in for options not given; its
/// problems are shown in the first screen's status bar (and a broken file on standard error).
func runApp(_ start: AppStart, themeOptions: ThemeOptions, wordsPerMinute: Double, keepPositions: Bool) throws {
  let store = keepPositions ? ReadingPositionStore() : nil
  let startProblem = store?.problem
  var configProblems: [String] = []
  var config = BylineConfig()
  do {
    config = try BylineConfig.load()
    configProblems = config.warnings
  } catch {
    reportError(error.description + "; config ignored")
    configProblems = [error.description]
  }
  var themeOptions = themeOptions
  if themeOptions.theme == nil { themeOptions.theme = config.theme }
  // --wpm at its default: the config's speed, if it sets one.
  let speed = wordsPerMinute == ReadingTime.defaultWordsPerMinute ? config.wpm ?? wordsPerMinute : wordsPerMinute
  let themes = themeOptions.selectTheme()
  let messages =
    [themes.error.map { $0.shortDescription + " · default theme" }, startProblem].compactMap { $0 }
    + configProblems
  let settings = AppSettings(
    selection: themes, wordsPerMinute: speed,
    message: messages.isEmpty ? nil : messages.joined(separator: " · "),
    browser: ProcessInfo.processInfo.environment["BROWSER"])
  let app = App(start: start, settings: settings, positions: store)
  let terminal: CursesTerminal
  do {
    terminal = try CursesTerminal(allowColour: colourAllowed)
  } catch {
    reportError(error.description)
    throw ExitCode.noTerminal
  }
  let exit = app.run(on: terminal)
  terminal.stop()
  if exit == .closed { TerminalRestorer.endInterruptedProcess() }
  if let problem = app.positions?.problem, problem != startProblem { reportError(problem) }
}
