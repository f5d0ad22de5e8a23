import BylineCore
import BylineUI
import Foundation

/// Runs the reader in the terminal: the event loop between ``CursesTerminal`` and
/// ``ReaderState``.
public enum ReaderSession {
  /// Shows an article until the user quits, and returns the state it ended in (for the
  /// reading position). The terminal is restored on return.
  public static func run(
    _ analysis: ArticleAnalysis, theme: Theme, allowColour: Bool, startOffset: Int? = nil,
    message: String? = nil
  ) throws(TerminalError) -> ReaderState {
    let terminal = try CursesTerminal(allowColour: allowColour)
    defer { terminal.stop() }
    let (width, height) = terminal.size
    var state = ReaderState(analysis: analysis, width: width, height: height, startOffset: startOffset)
    if let message { state.show(message: message) }
    terminal.draw(ReaderView.render(state), theme: theme)
    while true {
      let event: InputEvent
      switch terminal.nextInput() {
      case .event(let next): event = next
      case .nothing: continue
      case .closed: return state
      }
      if state.isTooSmall, case .key(let key) = event, key != .character("q"), key != .character("Q") {
        continue
      }
      var action = ReaderKeyMap.action(for: event, in: state.keyContext)
      if state.showingHelp, case .key = event, action != .quit { action = .toggleHelp }
      guard let action else { continue }
      if state.apply(action) == .quit { return state }
      terminal.draw(ReaderView.render(state), theme: theme)
    }
  }
}
