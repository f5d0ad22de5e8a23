import ArgumentParser
import BylineCore
import BylineUI

/// `byline themes`: the themes Byline finds, where, and how many colours each needs.
struct Themes: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the themes found, where each was found and how many colours it needs.",
    discussion:
      "Search order: $XDG_CONFIG_HOME/byline/themes (or ~/.config/byline/themes), the installed share folder (../share/byline/themes next to the executable), ./themes. The first theme of a name wins; the default is built in. The format is in docs/themes.md."
  )

  func run() throws {
    let catalog = ThemeCatalog.standard()
    let entries = catalog.entries()
    // Names, paths and error messages come from files: one line each, controls made visible.
    let one = TerminalSafe.line
    let nameWidth = max(8, entries.map { one($0.name).count }.max() ?? 0)
    emit(
      "NAME".padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
        + "COLOURS     FROM        WHERE")
    var broken = false
    for entry in entries {
      let colours: String
      var note = ""
      switch entry.result {
      case .success(let theme): colours = theme.depthNeeded.label
      case .failure(let error):
        colours = "-"
        note = "  BROKEN: " + one(error.message) + (error.line.map { " (line \($0))" } ?? "")
        broken = true
      }
      if entry.shadowed { note += "  (hidden: a theme of this name comes first)" }
      emit(
        one(entry.name).padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
          + colours.padding(toLength: 12, withPad: " ", startingAt: 0)
          + entry.origin.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
          + one(entry.path ?? "-") + note)
    }
    emit("")
    emit("Searched: " + catalog.folders.map { "\(one($0.path)) (\($0.origin.rawValue))" }.joined(separator: ", "))
    if broken { throw ExitCode.badInput }
  }
}
