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
      when the file is opened again.
      """)

  @Argument(help: "An article file, or folders and files for the library.")
  var paths: [String] = []

  @Flag(help: "Neither restore nor save the reading position.")
  var noState = false

  @OptionGroup var analysisOptions: AnalysisOptions

  @OptionGroup var themeOptions: ThemeOptions

  func run() throws {
    var isDirectory: ObjCBool = false
    let start: AppStart
    if paths.count == 1, let path = paths.first,
      path == "-" || !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      start = .article(try loadArticleOrExit(path), path: path == "-" ? nil : path)
    } else {
      start = .library(Library(paths: try LibraryBrowse.defaultPaths(paths)))
    }
    try runApp(start, themeOptions: themeOptions, wordsPerMinute: analysisOptions.wpm, keepPositions: !noState)
  }
}

/// Runs the app (library or reader) in the terminal until the user quits; reports a reading
/// position that could not be saved. Ends the process by the signal that ended the session,
/// if one did.
func runApp(_ start: AppStart, themeOptions: ThemeOptions, wordsPerMinute: Double, keepPositions: Bool) throws {
  let store = keepPositions ? ReadingPositionStore() : nil
  let startProblem = store?.problem
  let themes = themeOptions.selectTheme()
  let messages = [themes.error.map { $0.shortDescription + " · default theme" }, startProblem].compactMap { $0 }
  let settings = AppSettings(selection: themes, wordsPerMinute: wordsPerMinute,
    message: messages.isEmpty ? nil : messages.joined(separator: " · "))
  let app = App(start: start, settings: settings, positions: store)
  let terminal: CursesTerminal
  do {
    terminal = try CursesTerminal(allowColour: colourAllowed)
  } catch {
    reportError(error.description)
    throw ExitCode(2)
  }
  let exit = app.run(on: terminal)
  terminal.stop()
  if exit == .closed { TerminalRestorer.endInterruptedProcess() }
  if let problem = app.positions?.problem, problem != startProblem { reportError(problem) }
}
