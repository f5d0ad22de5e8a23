import ArgumentParser
import BylineCore
import BylineTerminal
import BylineUI

/// `byline [FILE]`: the reader.
struct Read: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read an article in the terminal (the default command).",
    discussion: "FILE may be - to read the article from standard input. With no FILE, the first article of ./sample-articles opens.")

  @Argument(help: "The article file to read.")
  var file: String?

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    let path = try file ?? firstSampleArticle()
    let article = try loadArticleOrExit(path)
    let analysis = ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)
    let themes = themeOptions.selectTheme()
    do {
      try ReaderSession.run(analysis, theme: themes.current, allowColour: colourAllowed,
        themes: themes.themes, message: themes.error.map { $0.shortDescription + " · default theme" })
    } catch {
      reportError(error.description)
      throw ExitCode(2)
    }
  }
}
