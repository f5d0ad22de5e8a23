import BylineLibrary
import Foundation
import Synchronization

/// Runs the library screen's ``LibraryCommand``s against a ``Library`` and turns their results
/// into ``LibraryAction``s for the app loop to feed back. The only part of the library screen
/// that touches threads and SQLite.
///
/// A full-text search runs on a worker thread of its own (half a second or more in a library
/// of 100,000 articles), so keys keep working; ``poll()`` hands its matches over once they are
/// there, with the library's latest snapshot when it changed.
public final class LibraryEffects: Sendable {
  public let library: Library
  private let state = Mutex(State())

  private struct State {
    /// The version of the last snapshot handed over.
    var version = -1
    /// The query of the search under way, and its matches once found.
    var searching: String?
    var matches: [String: Int]?
  }

  public init(library: Library) {
    self.library = library
  }

  /// Starts the library's background work (files, cache, analysis). Returns at once.
  public func start() { library.start() }

  /// Whether anything is still to come: the library at work or a search under way. The loop
  /// polls more often while this is true.
  public var isBusy: Bool {
    state.withLock { $0.searching != nil } || library.isRefreshing || !library.snapshot().progress.isFinished
  }

  /// Runs a command that needs the library; returns the actions its result makes at once.
  /// (``LibraryCommand/openArticle(reference:offset:search:)`` and ``LibraryCommand/quit`` belong
  /// to the app loop and give nothing here.)
  public func run(_ command: LibraryCommand) -> [LibraryAction] {
    switch command {
    case .loadQuotes(let person):
      return [.quotesLoaded(person: person, quotes: library.quotes(of: person))]
    case .searchText(let query):
      state.withLock {
        $0.searching = query
        $0.matches = nil
      }
      let library = self.library
      Workers.start(name: "byline-search") { [self] in
        var matches: [String: Int] = [:]
        for hit in library.search(query) {
          if let hash = hit.entry.hash { matches[hash] = hit.matches }
        }
        state.withLock {
          // A newer search may have started meanwhile: only the latest one's matches count.
          if $0.searching == query { $0.matches = matches }
        }
      }
      return []
    case .refreshFeeds:
      library.refreshFeeds(announce: true)
      return [.snapshot(library.snapshot())]
    case .setRead(let references, let read):
      library.setRead(references, read: read)
      return [.snapshot(library.snapshot())]
    case .markFeedRead(let feed):
      library.markFeedRead(feed)
      return [.snapshot(library.snapshot())]
    case .openArticle, .quit:
      return []
    }
  }

  /// The results that came since the last poll: a finished search's matches, and the
  /// library's snapshot when its version changed.
  public func poll() -> [LibraryAction] {
    var actions: [LibraryAction] = []
    let finished = state.withLock { s -> (String, [String: Int])? in
      guard let query = s.searching, let matches = s.matches else { return nil }
      s.searching = nil
      s.matches = nil
      return (query, matches)
    }
    if let (query, matches) = finished { actions.append(.textMatches(query: query, matches: matches)) }
    let snapshot = library.snapshot()
    let changed = state.withLock { s -> Bool in
      defer { s.version = snapshot.version }
      return s.version != snapshot.version
    }
    if changed { actions.append(.snapshot(snapshot)) }
    return actions
  }

  /// Runs a command and waits for everything it asked for (the search's matches): for tests
  /// and commands that drive the library screen without a loop.
  public func runAndWait(_ command: LibraryCommand) -> [LibraryAction] {
    let actions = run(command)
    guard case .searchText = command else { return actions }
    while true {
      let found = poll().filter { if case .textMatches = $0 { return true } else { return false } }
      if !found.isEmpty { return actions + found }
      usleep(2_000)
    }
  }
}
