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
      PATHs are files and folders (read recursively: .txt, .md, .markdown; hidden files and \
      README, LICENSE, LICENCE, COPYING and CHANGELOG files are skipped). With none, ./sample-articles \
      opens, else the folder in $BYLINE_LIBRARY. Analysis results are cached in \
      $XDG_CACHE_HOME/byline/library.sqlite (else ~/.cache/byline). Keys: Enter open, s sort, \
      / search, p people (Enter: their articles, Tab: their quotes), w quotes of the chosen \
      person, x clear, t theme, q back, Q quit. Articles open at their saved reading position.
      """)

  @Argument(help: "Article files and folders.")
  var paths: [String] = []

  @Flag(help: "Do not read or write the cache.")
  var noCache = false

  @Flag(help: "Neither restore nor save the reading positions of the articles opened.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    let library = Library(paths: try LibraryBrowse.defaultPaths(paths), useCache: !noCache)
    try runApp(.library(library), themeOptions: themeOptions, wordsPerMinute: analysisOptions.wpm,
      keepPositions: !noState)
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
      if let folder = try BylineConfig.load().library { return [folder] }
    } catch {
      reportError(error.description)
      throw ExitCode.badInput
    }
    reportError("no library: give a folder, start in a folder with sample-articles/, set BYLINE_LIBRARY, or set library in \(BylineConfig.defaultURL.path)")
    throw ExitCode.badInput
  }
}
