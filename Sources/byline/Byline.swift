import ArgumentParser
import BylineCore
import BylineTerminal
import BylineWeb
import Foundation

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
    subcommands: [
      Read.self, LibraryBrowse.self, FeedCommand.self, Render.self, Analyze.self, Quotes.self, Export.self, Themes.self,
    ],
    // Commands for working on Byline itself, apart from the user's in --help.
    groupedSubcommands: [
      CommandGroup(name: "Developer", subcommands: [Eval.self, Bench.self, BenchReader.self, BenchLibrary.self])
    ],
    defaultSubcommand: Read.self
  )

  /// Runs the command. Argument errors, help and usage are written here rather than by
  /// ArgumentParser, so that they pass through `TerminalSafe` like every other output: an
  /// option value or file name full of escape sequences is echoed inert.
  static func main() {
    TerminalRestorer.resetSignalMask()
    fixLargeBlockThreshold()
    // Web pages join plain text and Markdown in the format registry (BylineCore cannot
    // import libxml2, so BylineWeb adds itself here).
    BylineWeb.install()
    do {
      var command = try parseAsRoot(nil)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success {
          emit(message)
        } else {
          FileHandle.standardError.write(Data((TerminalSafe.block(message) + "\n").utf8))
        }
      }
      Foundation.exit(code.rawValue)
    }
  }

  /// Blocks of 128 KB and more (the analysis's arrays) are mapped on their own and returned
  /// to the system when freed. glibc otherwise raises that threshold to the size of each such
  /// block freed (the parser's 11 MB of blocks for 200,000 one-line paragraphs), and the large
  /// blocks made after it come from its heap and stay resident once freed: that article was
  /// rendered at 28 MB over a one-line article's peak where 20 MB were in use at once.
  /// (`mallopt` is not in Swift's Glibc module: looked up by name.)
  static func fixLargeBlockThreshold() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(nil, "mallopt") else { return }
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
      _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
    #endif
  }
}
