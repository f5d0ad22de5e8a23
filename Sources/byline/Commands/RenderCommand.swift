import ArgumentParser
import BylineCore
import BylineUI

/// `byline render`: the reader's screen as plain text, from the same Frame the TUI draws.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a page of the reader's screen as plain text.",
    discussion:
      "The output is exactly what the reader shows at that size, status bar included, with trailing spaces removed.")

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

  @Option(help: "Show only the paragraphs that mention or quote this person (or place, or organisation).")
  var person: String?

  @Flag(help: "Show the entity panel.")
  var panel = false

  @Option(help: "Search for this text and show its first match, as / does.")
  var search: String?

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
    themeOptions.checkTheme()
    let article = try loadArticleOrExit(file).droppingSourceText()
    let analysis = ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)
    var state = ReaderState(analysis: analysis, width: width, height: height)
    if panel { state.apply(.togglePanel) }
    if let person {
      guard ReaderState.entityIndex(named: person, in: analysis) != nil else {
        reportError("no one called '\(person)' in \(file); 'byline analyze \(file)' lists the people")
        throw ExitCode.badInput
      }
      state.apply(.filterByName(person))
    }
    if let search {
      state.apply(.startSearch)
      for character in search { state.apply(.type(character)) }
      state.apply(.choose)
      // The screen says so in its status bar; a script reads standard error.
      if state.search?.matches.isEmpty ?? true { reportError("not found: \(search) in \(file)") }
    } else if let quote {
      let count = state.navigableQuotes.count
      guard (1...max(1, count)).contains(quote), count > 0 else {
        reportError("quote \(quote) does not exist: there are \(count) quotes")
        throw ExitCode.badInput
      }
      for _ in 0..<quote { state.apply(.nextQuote) }
    } else {
      let start = state.pageIndex
      for _ in 1..<page where state.pageIndex + 1 < state.pageCount { state.apply(.nextPage) }
      if state.pageIndex - start != page - 1 {
        reportError(
          CommandError.pageOutOfRange(page: page, pages: state.pageCount, width: width, height: height).description)
        throw ExitCode.badInput
      }
    }
    emit(ReaderView.render(state).plainText)
  }
}
