import ArgumentParser
import BylineTerminal
import BylineWeb

/// `byline`: a terminal reader for news articles.
@main
struct Byline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline",
    abstract: "A terminal reader for news articles: pages, quotes and who said them.",
    discussion: """
      With no subcommand, Byline opens the reader, `byline FILE`, or the library: `byline` \
      alone opens ./sample-articles (or $BYLINE_LIBRARY, or the config file's library). Keys in the reader: Space/PgDn next page, b/PgUp \
      previous, ] and [ next and previous quote, t next theme, ? help, q quit.
      """,
    version: "0.1.0",
    subcommands: [Read.self, LibraryBrowse.self, Render.self, Analyze.self, Quotes.self, Export.self, Themes.self],
    // Commands for working on Byline itself, apart from the user's in --help.
    groupedSubcommands: [
      CommandGroup(name: "Developer", subcommands: [Eval.self, Bench.self, BenchReader.self, BenchLibrary.self])
    ],
    defaultSubcommand: Read.self
  )

  static func main() {
    TerminalRestorer.resetSignalMask()
    // Web pages join plain text and Markdown in the format registry (BylineCore cannot
    // import libxml2, so BylineWeb adds itself here).
    BylineWeb.install()
    main(nil)
  }
}
