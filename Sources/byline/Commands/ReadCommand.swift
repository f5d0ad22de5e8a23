import ArgumentParser
import BylineCore
import BylineTerminal
import BylineUI
import Foundation

/// `byline [FILE]`: the reader.
struct Read: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read an article in the terminal (the default command).",
    discussion: """
      FILE may be - to read the article from standard input. With no FILE, the first article \
      of ./sample-articles opens. The reading position of each file is saved in \
      $XDG_STATE_HOME/byline/positions.json (~/.local/state/byline by default) and restored \
      when the file is opened again.
      """)

  @Argument(help: "The article file to read.")
  var file: String?

  @Flag(help: "Neither restore nor save the reading position.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    let path = try file ?? firstSampleArticle()
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
}
