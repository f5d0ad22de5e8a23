import ArgumentParser
import BylineCore
import BylineLibrary
import BylineTerminal
import BylineUI
import Foundation

/// `byline [PATH...]`: the reader for one file, the library for folders or several files.
struct Read: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read an article, or browse a library of them (the default command).",
    discussion: """
      One FILE (or - for standard input) opens the reader. Folders, several files, or no PATH \
      open the library: with no PATH, ./sample-articles, else $BYLINE_LIBRARY, else the \
      `library` folder set in $XDG_CONFIG_HOME/byline/config.toml. The reading position of each file is saved in \
      $XDG_STATE_HOME/byline/positions.json (~/.local/state/byline by default) and restored \
      when the file is opened again. An http(s) URL is fetched and read as its article. \
      Formats: \(ArticleFormats.helpList).
      """)

  @Argument(help: "An article file or URL, or folders and files for the library.")
  var paths: [String] = []

  @Flag(help: "Neither restore nor save the reading position.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    var isDirectory: ObjCBool = false
    guard paths.count == 1, let path = paths.first,
      path == "-" || !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    else {
      return try openLibrary()
    }
    let article = try loadArticleOrExit(path)
    let analysis = ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)
    let remember = !noState && path != "-"
    var store = remember ? ReadingPositionStore() : nil
    var startOffset: Int?
    if let saved = store?.position(for: path) {
      let starts = analysis.readingTime.wordStarts
      if !starts.isEmpty { startOffset = starts[min(saved.wordIndex, starts.count - 1)] }
    }
    let startProblem = store?.problem
    let themes = themeOptions.selectTheme()
    let messages = [themes.error.map { $0.shortDescription + " · default theme" }, startProblem]
      .compactMap { $0 }
    let final: ReaderState
    do {
      final = try ReaderSession.run(
        analysis, theme: themes.current, allowColour: colourAllowed, themes: themes.themes,
        startOffset: startOffset, message: messages.isEmpty ? nil : messages.joined(separator: " · "))
    } catch {
      reportError(error.description)
      throw ExitCode(2)
    }
    if store != nil {
      store?.save(wordIndex: final.firstWordIndex, wordCount: analysis.readingTime.wordCount, for: path)
      if let problem = store?.problem, problem != startProblem { reportError(problem) }
    }
  }

  private func openLibrary() throws {
    let library = Library(paths: try LibraryBrowse.defaultPaths(paths))
    let theme = themeOptions.selectTheme().current
    do {
      try LibrarySession.run(library, theme: theme, allowColour: colourAllowed)
    } catch {
      reportError(error.description)
      throw ExitCode(2)
    }
  }
}
