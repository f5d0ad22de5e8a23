import BylineCore
import BylineLibrary
import BylineUI
import Foundation

/// Runs the library in the terminal: the list, picker and quotes screens of ``LibraryState``,
/// and the reader (``ReaderState``) on Enter. q or Esc in the reader comes back to the same row;
/// Q quits from anywhere. The library analyses in the background; the loop polls its snapshot
/// every 100 ms while analysis runs, so the screen never waits for it.
public enum LibrarySession {
  public static func run(_ library: Library, theme: Theme, allowColour: Bool) throws(TerminalError) {
    library.start()
    let terminal = try CursesTerminal(allowColour: allowColour)
    defer { terminal.stop() }
    let (width, height) = terminal.size
    var state = LibraryState(library: library, width: width, height: height)
    terminal.draw(LibraryView.render(state), theme: theme)
    while true {
      let input = terminal.nextInput(timeoutMilliseconds: state.snapshot.progress.isFinished ? 1000 : 100)
      let event: InputEvent
      switch input {
      case .event(let next): event = next
      case .nothing:
        let before = state.snapshot.version
        state.apply(.refresh)
        if state.snapshot.version != before { terminal.draw(LibraryView.render(state), theme: theme) }
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
        switch read(path: path, offset: offset, width: w, height: h, terminal: terminal, theme: theme) {
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

  /// The reader loop for one article, opened at the quote starting at `offset` (0: the top).
  static func read(path: String, offset: Int, width: Int, height: Int, terminal: CursesTerminal, theme: Theme) -> ReaderExit {
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
    var size = (width, height)
    terminal.draw(ReaderView.render(state), theme: theme)
    while true {
      let event: InputEvent
      switch terminal.nextInput() {
      case .event(let next): event = next
      case .nothing: continue
      case .closed: return .closed
      }
      switch event {
      case .key(.character("Q")): return .quitAll
      case .key(.character("q")), .key(.escape):
        if state.showingHelp {
          _ = state.apply(.toggleHelp)
        } else {
          return .back(width: size.0, height: size.1)
        }
      case .resize(let w, let h):
        size = (w, h)
        _ = state.apply(.resize(width: w, height: h))
      default:
        if state.isTooSmall { continue }
        var action = ReaderKeyMap.action(for: event)
        if state.showingHelp, case .key = event, action != .quit { action = .toggleHelp }
        guard let action else { continue }
        if state.apply(action) == .quit { return .back(width: size.0, height: size.1) }
      }
      terminal.draw(ReaderView.render(state), theme: theme)
    }
  }
}
