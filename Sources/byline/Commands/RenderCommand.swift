import ArgumentParser
import BylineCore
import BylineUI

/// `byline render`: the reader's screen as plain text, from the same Frame the TUI draws.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a page of the reader's screen as plain text.",
    discussion: "The output is exactly what the reader shows at that size, status bar included, with trailing spaces removed.")

  @Argument(help: "The article file (- for standard input).")
  var file: String

  @Option(help: "Screen width in columns.")
  var width: Int = 80

  @Option(help: "Screen height in rows.")
  var height: Int = 24

  @Option(help: "The page to print, from 1.")
  var page: Int = 1

  @Option(help: "Focus the quote with this number (from 1), as the ] key does.")
  var quote: Int?

  @OptionGroup var analysisOptions: AnalysisOptions

  /// Render prints plain text, so the theme is only checked (errors go to standard error);
  /// the option is here so that render takes what the reader takes.
  @OptionGroup var themeOptions: ThemeOptions

  func validate() throws {
    guard (1...1000).contains(width), (1...1000).contains(height) else {
      throw ValidationError("--width and --height must be between 1 and 1000.")
    }
    guard page >= 1 else { throw ValidationError("--page counts from 1.") }
  }

  func run() throws {
    _ = themeOptions.selectTheme()
    let article = try loadArticleOrExit(file)
    let analysis = ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)
    var state = ReaderState(analysis: analysis, width: width, height: height)
    if let quote {
      guard (1...max(1, analysis.quotes.count)).contains(quote), !analysis.quotes.isEmpty else {
        reportError("quote \(quote) does not exist: the article has \(analysis.quotes.count) quotes")
        throw ExitCode(1)
      }
      for _ in 0..<quote { state.apply(.nextQuote) }
    } else {
      guard page <= state.pageCount else {
        reportError(CommandError.pageOutOfRange(page: page, pages: state.pageCount, width: width, height: height).description)
        throw ExitCode(1)
      }
      for _ in 1..<page { state.apply(.nextPage) }
    }
    print(ReaderView.render(state).plainText)
  }
}
