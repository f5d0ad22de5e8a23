import BylineCore
import BylineLibrary
import BylineUI
import Foundation

/// Runs the library in the terminal: the list, picker and quotes screens of ``LibraryState``,
/// and the reader (``ReaderState``) on Enter. q or Esc in the reader comes back to the same row;
/// Q quits from anywhere. The library works in the background, started once the first screen
/// is drawn; the loop polls its snapshot while it works (every 100 ms, less often when taking
/// the snapshot of a large library costs more), so the screen never waits for it.
public enum LibrarySession {
  public static func run(_ library: Library, theme: Theme, allowColour: Bool) throws(TerminalError) {
    let terminal = try CursesTerminal(allowColour: allowColour)
    defer { terminal.stop() }
    let (width, height) = terminal.size
    var state = LibraryState(library: library, width: width, height: height)
    terminal.draw(LibraryView.render(state), theme: theme)
    library.start()
    var pollMilliseconds: Int32 = 100
    while true {
      let idle = state.snapshot.progress.isFinished && !state.isSearchingText
      let input = terminal.nextInput(timeoutMilliseconds: idle ? 1000 : pollMilliseconds)
      let event: InputEvent
      switch input {
      case .event(let next): event = next
      case .nothing:
        let before = (state.snapshot.version, state.isSearchingText)
        let started = DispatchTime.now().uptimeNanoseconds
        state.apply(.refresh)
        if (state.snapshot.version, state.isSearchingText) != before {
          terminal.draw(LibraryView.render(state), theme: theme)
        }
        // A refresh that took t ms waits at least 5t before the next: the keys keep most of
        // the time.
        let took = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        pollMilliseconds = Int32(max(100, min(1000, took * 5)))
        continue
      case .closed:
        terminal.stop()
        TerminalRestorer.endInterruptedProcess()
        return
      }
      let action: LibraryAction?
      switch event {
      case .key(let key): action = LibraryKeyMap.action(for: key, typing: state.isTyping)
      case .resize(let w, let h): action = .resize(width: w, height: h)
      case .wheelUp: action = .up
      case .wheelDown: action = .down
      }
      guard let action else { continue }
      state.apply(action)
      switch state.effect {
      case .quit?:
        return
      case .openArticle(let path, let offset)?:
        let (w, h) = terminal.size
        switch read(path: path, offset: offset, search: state.readerSearch, width: w, height: h,
          terminal: terminal, theme: theme) {
        case .quitAll: return
        case .closed:
          terminal.stop()
          TerminalRestorer.endInterruptedProcess()
          return
        case .back(let w, let h): state.apply(.resize(width: w, height: h))
        }
      case nil:
        break
      }
      terminal.draw(LibraryView.render(state), theme: theme)
    }
  }

  enum ReaderExit {
    case back(width: Int, height: Int)
    case quitAll
    case closed
  }

  /// The reader loop for one article, opened at the quote starting at `offset` (0: the top),
  /// or at the first match of `search`.
  static func read(
    path: String, offset: Int, search: String?, width: Int, height: Int, terminal: CursesTerminal,
    theme: Theme
  ) -> ReaderExit {
    let article: Article
    do {
      article = try ArticleLoader.load(path: path)
    } catch {
      return .back(width: width, height: height)
    }
    let analysis = ArticleAnalysis(article: article)
    var state = ReaderState(analysis: analysis, width: width, height: height)
    if offset > 0 {
      // Step through the quotes to the one at the offset.
      for _ in analysis.quotes.indices {
        if let focused = state.focusedQuote, analysis.quotes[focused].range.lowerBound >= offset { break }
        _ = state.apply(.nextQuote)
      }
    }
    if let search, offset == 0 {
      state.apply(.startSearch)
      for character in search { state.apply(.type(character)) }
      state.apply(.choose)
    }
    var size = (width, height)
    terminal.draw(ReaderView.render(state), theme: theme)
    while true {
      let event: InputEvent
      switch terminal.nextInput() {
      case .event(let next): event = next
      case .nothing: continue
      case .closed: return .closed
      }
      if case .resize(let w, let h) = event { size = (w, h) }
      let context = state.keyContext
      if context != .input, event == .key(.character("Q")), !state.showingHelp { return .quitAll }
      if state.isTooSmall, case .key(let key) = event, key != .character("q") { continue }
      var action = ReaderKeyMap.action(for: event, in: context)
      if state.showingHelp, case .key = event, action != .quit { action = .toggleHelp }
      guard let action else { continue }
      // q, and Esc with nothing left to close, go back to the library.
      if action == .quit || (action == .cancel && context == .text && state.search == nil) {
        return .back(width: size.0, height: size.1)
      }
      _ = state.apply(action)
      terminal.draw(ReaderView.render(state), theme: theme)
    }
  }
}
