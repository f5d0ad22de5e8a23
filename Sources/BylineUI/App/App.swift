import BylineCore
import BylineLibrary
import Foundation

/// Where the app starts.
public enum AppStart {
  /// The library screen (`byline`, `byline FOLDER`, `byline library`).
  case library(Library)
  /// The reader on one article (`byline FILE`, `byline -`, `byline URL`). `reference` keys its
  /// reading position; nil (standard input) keeps none.
  case article(Article, reference: ArticleReference?)

  /// The reader on one article whose reading position is kept by its path or URL as typed.
  public static func article(_ article: Article, path: String?) -> AppStart {
    .article(article, reference: path.map(ArticleReference.init(typed:)))
  }
}

/// What every screen of the app shares: the themes `t` cycles through, the reading speed, a
/// message to show once at the start.
public struct AppSettings: Sendable {
  public var themes: [Theme]
  /// The theme in use, an index into ``themes``.
  public var themeIndex: Int
  public var wordsPerMinute: Double
  /// Shown once in the first screen's status bar (a theme or state file's error).
  public var message: String?
  /// Articles from this size on get a progress line ("opening NAME…") while they are read
  /// and laid out: about a second of work for 1 MB.
  public var progressLineBytes = 1 << 20
  /// `$BROWSER`, which `o` runs on a link (``LinkOpener``); nil or empty: `o` shows the
  /// address in the status bar instead.
  public var browser: String?

  public init(
    themes: [Theme] = [.builtInDefault], themeIndex: Int = 0,
    wordsPerMinute: Double = ReadingTime.defaultWordsPerMinute, message: String? = nil, browser: String? = nil
  ) {
    self.browser = browser
    self.themes = themes.isEmpty ? [.builtInDefault] : themes
    self.themeIndex = max(0, min(themeIndex, self.themes.count - 1))
    self.wordsPerMinute = wordsPerMinute
    self.message = message
  }

  /// The themes and the one to start with, from a theme catalog's selection.
  public init(
    selection: ThemeCatalog.Selection, wordsPerMinute: Double, message: String? = nil, browser: String? = nil
  ) {
    self.init(
      themes: selection.themes, themeIndex: selection.index, wordsPerMinute: wordsPerMinute,
      message: message, browser: browser)
  }

  public var theme: Theme { themes[themeIndex] }
}

/// How the app ended.
public enum AppExit: Equatable, Sendable {
  /// q in the reader of one file or in the library list, or Q anywhere.
  case quit
  /// The terminal went away or a signal ended the session (the caller ends the process by
  /// that signal); the reading position was saved first.
  case closed
}

/// Byline's one app loop: the library (list, people, quotes), the reader (with its panel,
/// picker, search and help) and the way between them, for every entry point, over any
/// ``TerminalBackend``.
///
/// The loop reads an event, maps it to the screen's action, applies it to the screen's value
/// state, runs the commands the library screen returns (against the ``Library``, through
/// ``LibraryEffects``) and feeds their results back as actions, and draws the screen's pure
/// render. A time-out is a tick: the library's progress and search results are polled, and
/// the reader lays out in advance what the next key may need.
///
/// Every article's reading position is restored when it opens (unless it was opened at a
/// quote or a search match) and saved whenever the reader closes: back to the library, q, Q,
/// or the terminal gone.
public final class App {
  public private(set) var settings: AppSettings
  /// The reading positions (nil: `--no-state`); its ``ReadingPositionStore/problem`` tells the
  /// caller whether saving failed.
  public private(set) var positions: ReadingPositionStore?
  private let start: AppStart
  private var library: LibraryState?
  private var effects: LibraryEffects?
  private var reader: OpenReader?
  /// Milliseconds between polls of a library at work: longer when a snapshot costs more.
  private var pollMilliseconds = 100

  /// The reader on screen, and where its position is kept.
  struct OpenReader {
    var state: ReaderState
    /// The article, for its reading position (nil: standard input).
    var reference: ArticleReference?
    /// True when q goes back to the library rather than quitting.
    var fromLibrary: Bool
  }

  public init(start: AppStart, settings: AppSettings = AppSettings(), positions: ReadingPositionStore? = nil) {
    self.start = start
    self.settings = settings
    self.positions = positions
  }

  /// The reader's state while an article is open (for tests and the final position).
  public var readerState: ReaderState? { reader?.state }
  /// The library screen's state, when the app has one.
  public var libraryState: LibraryState? { library }

  /// Runs until the user quits or the terminal goes. Draws the first screen at once; the
  /// library's background work starts after it.
  public func run(on backend: some TerminalBackend) -> AppExit {
    let (width, height) = backend.size
    switch start {
    case .library(let lib):
      let effects = LibraryEffects(library: lib)
      self.effects = effects
      var state = LibraryState(library: lib, width: width, height: height)
      if let message = settings.message { state.post(message: message) }
      library = state
      draw(on: backend)
      effects.start()
    case .article(let article, let reference):
      var state = openReader(
        ArticleAnalysis(article: article, wordsPerMinute: settings.wordsPerMinute),
        reference: reference, offset: 0, search: nil, width: width, height: height)
      if let message = settings.message { state.post(message: message) }
      reader = OpenReader(state: state, reference: reference, fromLibrary: false)
      draw(on: backend)
    }
    while true {
      switch backend.nextEvent(timeoutMilliseconds: timeout) {
      case .closed:
        closeReader()
        return .closed
      case .timeout:
        if tick() { draw(on: backend) }
      case .event(let event):
        if let exit = handle(event, on: backend) { return exit }
        draw(on: backend)
      }
    }
  }

  /// How long to wait for a key: not at all long while there is work to do between keys.
  private var timeout: Int? {
    if let reader { return reader.state.hasLayoutToPrepare ? 50 : nil }
    guard let effects else { return nil }
    // An idle library still looks now and then: a failed search can wake its work again.
    return effects.isBusy ? pollMilliseconds : 1000
  }

  /// The work of a time-out; true when the screen changed.
  private func tick() -> Bool {
    if reader != nil {
      if reader!.state.hasLayoutToPrepare { reader!.state.prepareLayouts() }
      return false
    }
    guard let effects, library != nil else { return false }
    let started = ContinuousClock.now
    let results = effects.poll()
    var changed = false
    for action in results where feed(action) { changed = true }
    // A poll that took t ms waits at least 5t before the next: the keys keep most of the time.
    let took = (ContinuousClock.now - started).components
    let ms = Int(took.seconds) * 1000 + Int(took.attoseconds / 1_000_000_000_000_000)
    pollMilliseconds = max(100, min(1000, ms * 5))
    return changed
  }

  /// Applies a result to the library screen; true when something may have changed.
  private func feed(_ action: LibraryAction) -> Bool {
    let before = library?.snapshot.version
    let commands = library?.apply(action) ?? []
    _ = commands  // results give no further commands
    if case .snapshot(let s) = action { return s.version != before }
    return true
  }

  private func draw(on backend: some TerminalBackend) {
    if let reader {
      backend.draw(ReaderView.render(reader.state), theme: settings.theme)
    } else if let library {
      backend.draw(LibraryView.render(library), theme: settings.theme)
    }
  }

  // MARK: - Events

  /// Handles one event; returns how the app ends when it does.
  private func handle(_ event: InputEvent, on backend: some TerminalBackend) -> AppExit? {
    if reader != nil { return handleReader(event, on: backend) }
    return handleLibrary(event, on: backend)
  }

  private func handleReader(_ event: InputEvent, on backend: some TerminalBackend) -> AppExit? {
    guard var open = reader else { return nil }
    let context = open.state.keyContext
    // Q leaves from anywhere but a text line.
    if event == .key(.character("Q")), context != .input, !open.state.showingHelp {
      closeReader()
      return .quit
    }
    if open.state.isTooSmall, case .key(let key) = event, key != .character("q") { return nil }
    var action = ReaderKeyMap.action(for: event, in: context)
    // In the help, the keys that move scroll it; any other key closes it.
    let scrolls: [ReaderAction] = [.quit, .nextPage, .previousPage, .panelDown, .panelUp]
    if open.state.showingHelp, case .key = event, !(action.map(scrolls.contains) ?? false) { action = .toggleHelp }
    guard let action else { return nil }
    // q, and (from the library) Esc with nothing left to close, leave the reader.
    if action == .quit
      || (open.fromLibrary && action == .cancel && context == .text && open.state.search == nil)
    {
      closeReader()
      guard open.fromLibrary, library != nil else { return .quit }
      let (w, h) = backend.size
      library!.apply(.resize(width: w, height: h))
      if let problem = positions?.problem { library!.post(message: problem) }
      return nil
    }
    switch open.state.apply(action) {
    case .openLink(let link): open.state.post(message: openLink(link, on: backend))
    case .copyLink(let link):
      backend.copyToClipboard(link.url)
      open.state.post(message: "copied (OSC 52): \(ArticleLink.sanitizedURL(link.url))")
    case .redraw, .quit: break
    }
    if action == .cycleTheme { open.state.post(message: cycleTheme(backend)) }
    reader = open
    return nil
  }

  /// Opens a link with `$BROWSER`, the terminal handed to it meanwhile; returns what the
  /// status bar says: the address itself when there is no browser to run.
  private func openLink(_ link: ArticleLink, on backend: some TerminalBackend) -> String {
    let address = ArticleLink.sanitizedURL(link.url)
    guard let browser = settings.browser, let arguments = LinkOpener.arguments(browser: browser, url: link.url) else {
      return "\(address) · no $BROWSER to open it · y copies"
    }
    backend.suspend()
    let result = LinkOpener.run(arguments)
    backend.resume()
    switch result {
    case .opened: return "opened \(address)"
    case .failed(let status): return "\(arguments[0]) exited with status \(status): \(address)"
    case .cannotRun(let reason): return "cannot run \(arguments[0]) ($BROWSER): \(reason)"
    }
  }

  private func handleLibrary(_ event: InputEvent, on backend: some TerminalBackend) -> AppExit? {
    guard let state = library else { return .quit }
    let action: LibraryAction?
    switch event {
    case .key(let key): action = LibraryKeyMap.action(for: key, typing: state.isTyping)
    case .resize(let w, let h): action = .resize(width: w, height: h)
    case .wheelUp: action = .up
    case .wheelDown: action = .down
    }
    guard let action else { return nil }
    var pending = library!.apply(action)
    if action == .cycleTheme, !state.showingHelp { library!.post(message: cycleTheme(backend)) }
    while !pending.isEmpty {
      let command = pending.removeFirst()
      switch command {
      case .quit:
        return .quit
      case .openArticle(let reference, let offset, let search):
        if let path = reference.filePath, App.fileSize(path) >= settings.progressLineBytes {
          // A large article takes a moment to read and lay out: say so rather than freeze.
          library!.post(message: "opening \(App.fileName(path))…")
          draw(on: backend)
        }
        openFromLibrary(reference: reference, offset: offset, search: search, size: backend.size)
      case .searchText, .loadQuotes, .refreshFeeds, .setRead, .markFeedRead:
        for result in effects?.run(command) ?? [] { pending += library!.apply(result) }
      }
    }
    return nil
  }

  /// A file's size in bytes (0 when it cannot be read).
  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Switches to the next theme; returns the message that says which.
  private func cycleTheme(_ backend: some TerminalBackend) -> String {
    settings.themeIndex = (settings.themeIndex + 1) % settings.themes.count
    let note = backend.usesColour ? "" : " (no colour: attributes only)"
    return "theme \(settings.theme.name) (\(settings.themeIndex + 1)/\(settings.themes.count))\(note)"
  }

  // MARK: - The reader

  /// Opens a library article (a file read again, a feed's item or a page as stored), or says
  /// in the library's status bar why it cannot. The article is read from then on.
  private func openFromLibrary(
    reference: ArticleReference, offset: Int, search: String?, size: (width: Int, height: Int)
  ) {
    let article: Article
    do {
      guard let effects else { throw ArticleLoadError.notFound(path: reference.description) }
      article = try effects.library.article(for: reference)
    } catch {
      // Deleted, emptied or made unreadable since the list was made; an item no longer stored.
      library?.post(message: (error as? ArticleLoadError)?.description ?? "\(error)")
      return
    }
    // Opened: read from now on (a file until its content changes).
    for result in effects?.run(.setRead([reference], read: true)) ?? [] { _ = library?.apply(result) }
    let analysis = ArticleAnalysis(article: article, wordsPerMinute: settings.wordsPerMinute)
    let state = openReader(
      analysis, reference: reference, offset: offset, search: search, width: size.width,
      height: size.height)
    reader = OpenReader(state: state, reference: reference, fromLibrary: true)
  }

  /// A reader on an article: at the quote starting at `offset` (0: none), or at the first
  /// match of `search`, or else at the saved reading position.
  private func openReader(
    _ analysis: ArticleAnalysis, reference: ArticleReference?, offset: Int, search: String?, width: Int, height: Int
  ) -> ReaderState {
    var startOffset: Int?
    if offset == 0, search == nil, let reference, let saved = positions?.position(for: reference) {
      let starts = analysis.readingTime.wordStarts
      if !starts.isEmpty { startOffset = starts[min(saved.wordIndex, starts.count - 1)] }
    }
    var state = ReaderState(analysis: analysis, width: width, height: height, startOffset: startOffset)
    if offset > 0 {
      // Step through the quotes to the one at the offset.
      for _ in analysis.quotes.indices {
        if let focused = state.focusedQuote, analysis.quotes[focused].range.lowerBound >= offset { break }
        state.apply(.nextQuote)
      }
    } else if let search {
      state.apply(.startSearch)
      for character in search { state.apply(.type(character)) }
      state.apply(.choose)
    }
    return state
  }

  /// Saves the open article's reading position and closes the reader.
  private func closeReader() {
    guard let open = reader else { return }
    reader = nil
    guard let reference = open.reference, positions != nil else { return }
    let time = open.state.analysis.readingTime
    positions?.save(wordIndex: open.state.firstWordIndex, wordCount: time.wordCount, for: reference)
  }
}
