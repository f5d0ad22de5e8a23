import BylineCore
import BylineUI
import Foundation

/// Runs the reader in the terminal: the event loop between ``CursesTerminal`` and
/// ``ReaderState``.
public enum ReaderSession {
  /// Shows an article until the user quits, and returns the state it ended in (for the
  /// reading position). The terminal is restored on return.
  ///
  /// - Parameters:
  ///   - theme: the theme to start with.
  ///   - themes: the themes `t` cycles through (the start theme is added if missing).
  ///   - startOffset: a model offset to open at (a saved reading position).
  ///   - message: shown once in the status bar at the start (a theme or state file's error).
  public static func run(
    _ analysis: ArticleAnalysis, theme: Theme, allowColour: Bool, themes: [Theme] = [],
    startOffset: Int? = nil, message: String? = nil
  ) throws(TerminalError) -> ReaderState {
    let terminal = try CursesTerminal(allowColour: allowColour)
    defer { terminal.stop() }
    var themes = themes
    if !themes.contains(where: { $0.name == theme.name }) { themes.append(theme) }
    var themeIndex = themes.firstIndex { $0.name == theme.name }!
    themes[themeIndex] = theme
    var theme = theme
    let (width, height) = terminal.size
    var state = ReaderState(analysis: analysis, width: width, height: height, startOffset: startOffset)
    if let message { state.post(message: message) }
    terminal.draw(ReaderView.render(state), theme: theme)
    while true {
      let event: InputEvent
      // While there is layout work to do in advance, wait briefly for a key, and do the work
      // when none comes.
      let idleWork = state.hasLayoutToPrepare
      switch terminal.nextInput(timeoutMilliseconds: idleWork ? 50 : -1) {
      case .event(let next): event = next
      case .nothing:
        if idleWork { state.prepareLayouts() }
        continue
      case .closed:
        terminal.stop()
        TerminalRestorer.endInterruptedProcess()
        return state
      }
      if state.isTooSmall, case .key(let key) = event, key != .character("q"), key != .character("Q") {
        continue
      }
      var action = ReaderKeyMap.action(for: event, in: state.keyContext)
      if state.showingHelp, case .key = event, action != .quit { action = .toggleHelp }
      guard let action else { continue }
      if state.apply(action) == .quit { return state }
      if action == .cycleTheme {
        themeIndex = (themeIndex + 1) % themes.count
        theme = themes[themeIndex]
        let note = terminal.usesColour ? "" : " (no colour: attributes only)"
        state.post(message: "theme \(theme.name) (\(themeIndex + 1)/\(themes.count))\(note)")
      }
      terminal.draw(ReaderView.render(state), theme: theme)
    }
  }
}
