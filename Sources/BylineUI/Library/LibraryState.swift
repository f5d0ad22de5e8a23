import BylineCore
import BylineLibrary

/// What the library screens do, whatever key asked for it.
public enum LibraryAction: Equatable, Sendable {
  case up, down, pageUp, pageDown, first, last
  /// Enter: open the selected article (list, quotes) or choose the person (picker).
  case open
  /// q / Esc: close the picker, the quotes view or the search line; in the list, quit.
  case back
  /// Q: quit from anywhere.
  case quit
  case cycleSort
  case startSearch
  case openPicker
  /// x: clear the person filter and the narrowing.
  case clearFilter
  /// Tab in the picker, `w` in a list filtered by a person: that person's quotes.
  case showQuotes
  case type(Character)
  case deleteBackward
  /// Ctrl-U: empty the search line or the picker's query.
  case clearInput
  /// `?`: the keys of the library screens.
  case toggleHelp
  /// `t`: the next theme (the app switches it; the list does not change).
  case cycleTheme
  /// `r`: refresh the feeds in the background.
  case refreshFeeds
  /// `N`: the selected item read / unread.
  case toggleRead
  /// `A`: every item of the selected feed (or the selected item's feed) read.
  case markFeedRead
  /// `u`: only unread items (and feeds), or everything again.
  case toggleUnreadOnly
  case resize(width: Int, height: Int)

  // Results of ``LibraryCommand``s, fed back by the app loop.

  /// The library's latest snapshot (the app polls the library on a tick while it works).
  case snapshot(LibrarySnapshot)
  /// The full-text matches (per content hash) of ``LibraryCommand/searchText(_:)``.
  case textMatches(query: String, matches: [String: Int])
  /// A person's quotes across the library, for ``LibraryCommand/loadQuotes(_:)``.
  case quotesLoaded(person: LibraryPerson, quotes: [PersonQuote])
  /// A one-off message for the status bar (an article that could not be opened).
  case show(message: String)

  public static func == (a: LibraryAction, b: LibraryAction) -> Bool {
    switch (a, b) {
    case (.up, .up), (.down, .down), (.pageUp, .pageUp), (.pageDown, .pageDown), (.first, .first),
      (.last, .last), (.open, .open), (.back, .back), (.quit, .quit), (.cycleSort, .cycleSort),
      (.startSearch, .startSearch), (.openPicker, .openPicker), (.clearFilter, .clearFilter),
      (.showQuotes, .showQuotes), (.deleteBackward, .deleteBackward), (.clearInput, .clearInput),
      (.toggleHelp, .toggleHelp), (.refreshFeeds, .refreshFeeds), (.toggleRead, .toggleRead),
      (.markFeedRead, .markFeedRead), (.toggleUnreadOnly, .toggleUnreadOnly),
      (.cycleTheme, .cycleTheme):
      return true
    case (.type(let x), .type(let y)): return x == y
    case (.resize(let w1, let h1), .resize(let w2, let h2)): return w1 == w2 && h1 == h2
    // Snapshots are equal when they are the same version of the library.
    case (.snapshot(let x), .snapshot(let y)):
      return x.version == y.version && x.peopleVersion == y.peopleVersion
    case (.textMatches(let q1, let m1), .textMatches(let q2, let m2)): return q1 == q2 && m1 == m2
    case (.quotesLoaded(let p1, let q1), .quotesLoaded(let p2, let q2)): return p1 == p2 && q1 == q2
    case (.show(let x), .show(let y)): return x == y
    default: return false
    }
  }

  /// Whether the action comes from the user (a key, a resize) rather than from work the loop
  /// ran: only these clear a message or close the help.
  var isFromUser: Bool {
    switch self {
    case .snapshot, .textMatches, .quotesLoaded, .show: return false
    default: return true
    }
  }
}

/// What the library screen asks the app loop to do: effects as values, so that
/// ``LibraryState/apply(_:)`` stays pure. The loop runs them against the ``Library`` and feeds
/// their results back as actions.
public enum LibraryCommand: Equatable, Sendable {
  /// Search the articles' text (in the background); the matches come back as
  /// ``LibraryAction/textMatches(query:matches:)``.
  case searchText(String)
  /// Load every quote of a person; they come back as
  /// ``LibraryAction/quotesLoaded(person:quotes:)``.
  case loadQuotes(LibraryPerson)
  /// Open the reader on an article at a model offset (0: the saved position or the top),
  /// running `search` there when the article was found by a full-text search. Opening marks a
  /// feed's item read.
  case openArticle(reference: ArticleReference, offset: Int, search: String?)
  /// Refresh the feeds in the background; the progress comes with the snapshots.
  case refreshFeeds
  /// Mark items read or unread.
  case setRead([ArticleReference], read: Bool)
  /// Mark every item of a feed read.
  case markFeedRead(String)
  case quit
}

/// Keys of the library screens, as one table that serves the key handling, the help overlay
/// and the status bar's hints, so that they always agree (as the reader's ``ReaderKeyMap``).
/// While a text line is being typed (search, picker), printable keys type; the loop asks
/// ``LibraryState/isTyping`` first.
public enum LibraryKeyMap {
  /// One line of the help: the keys as shown, what they do, the action of each key, and the
  /// word the status bar's hint uses for it, if it has one.
  public struct Binding: Sendable {
    public var label: String
    public var description: String
    public var keys: [(Key, LibraryAction)]
    public var hint: String?
  }

  public static let bindings: [Binding] = [
    Binding(
      label: "↑ ↓ j k", description: "move",
      keys: [(.up, .up), (.down, .down), (.character("k"), .up), (.character("j"), .down)]),
    Binding(
      label: "Space b PgDn PgUp", description: "page down / up",
      keys: [(.character(" "), .pageDown), (.character("b"), .pageUp), (.pageDown, .pageDown), (.pageUp, .pageUp)]),
    Binding(
      label: "g G Home End", description: "first / last",
      keys: [(.character("g"), .first), (.character("G"), .last), (.home, .first), (.end, .last)]),
    Binding(
      label: "Enter", description: "open the article (picker: choose the person)", keys: [(.enter, .open)],
      hint: "Enter open"),
    Binding(
      label: "s", description: "sort by date, title, read time", keys: [(.character("s"), .cycleSort)],
      hint: "s sort"),
    Binding(
      label: "/", description: "narrow by title; Enter searches the text too",
      keys: [(.character("/"), .startSearch)], hint: "/ search"),
    Binding(
      label: "p", description: "people across the library", keys: [(.character("p"), .openPicker)],
      hint: "p people"),
    Binding(
      label: "Tab w", description: "the chosen person's quotes",
      keys: [(.tab, .showQuotes), (.character("w"), .showQuotes)], hint: "w quotes"),
    Binding(label: "x", description: "clear the person and the search", keys: [(.character("x"), .clearFilter)]),
    Binding(label: "Ctrl-U", description: "empty the search line or the picker", keys: [(.control("u"), .clearInput)]),
    Binding(label: "r", description: "refresh the feeds", keys: [(.character("r"), .refreshFeeds)]),
    Binding(label: "N", description: "mark the article read / unread", keys: [(.character("N"), .toggleRead)]),
    Binding(label: "A", description: "mark the feed's items read", keys: [(.character("A"), .markFeedRead)]),
    Binding(label: "u", description: "only unread articles / everything", keys: [(.character("u"), .toggleUnreadOnly)]),
    Binding(label: "t", description: "next theme", keys: [(.character("t"), .cycleTheme)]),
    Binding(
      label: "q Esc", description: "back (in the list: quit)",
      keys: [(.character("q"), .back), (.escape, .back), (.backspace, .deleteBackward)]),
    Binding(label: "Q", description: "quit from anywhere", keys: [(.character("Q"), .quit)], hint: "Q quit"),
    Binding(label: "?", description: "this help", keys: [(.character("?"), .toggleHelp)]),
  ]

  private static let table: [Key: LibraryAction] = {
    var table: [Key: LibraryAction] = [:]
    for binding in bindings {
      for (key, action) in binding.keys where table[key] == nil { table[key] = action }
    }
    return table
  }()

  /// The status bar's hint for the list: the bindings that have one, in the table's order.
  public static var listHint: String { bindings.compactMap(\.hint).joined(separator: " · ") }

  public static func action(for key: Key, typing: Bool) -> LibraryAction? {
    if typing {
      switch key {
      case .character(let c): return .type(c)
      case .backspace: return .deleteBackward
      default: break
      }
    } else if key == .control("u") {
      return nil  // nothing to empty
    }
    return table[key]
  }
}

/// The library list, the person picker and the quotes view, as one value. The app loop feeds it
/// actions and draws ``LibraryView/render(_:)``; what must happen outside (search the text,
/// load quotes, open the reader, quit) comes back from ``apply(_:)`` as ``LibraryCommand``s.
/// It holds no reference to the ``Library``: it sees the library through the snapshots fed to
/// it, so it is a plain value, tested without threads.
public struct LibraryState: Sendable {
  public enum Sort: String, CaseIterable, Sendable {
    case date, title, readTime = "read time"
  }

  public enum Mode: Equatable, Sendable {
    case list
    case search
    case picker
    case quotes
  }

  public private(set) var width: Int
  public private(set) var height: Int
  public private(set) var snapshot: LibrarySnapshot
  public private(set) var mode: Mode = .list
  public private(set) var sort: Sort = .date
  /// The narrowing typed after `/`.
  public private(set) var searchText = ""
  /// Full-text matches per content hash for the committed search (nil: titles only).
  public private(set) var textMatches: [String: Int]?
  /// The full-text search under way, if any: its matches come in a later action.
  private var pendingSearch: String?
  public private(set) var person: LibraryPerson?
  /// The feed whose items the list shows (Enter on a feed's row), if any.
  public private(set) var feedFilter: String?
  /// Whether the list shows only unread items (`u`).
  public private(set) var unreadOnly = false
  public private(set) var rows: [LibraryEntry] = []
  /// The list's cursor over ``rows``; the picker's over ``pickerResults``; the quotes view's
  /// over ``quotes``: one ``ListCursor`` each, one scrolling policy for all.
  public private(set) var listCursor = ListCursor()
  public private(set) var pickerCursor = ListCursor()
  public private(set) var quotesCursor = ListCursor()
  public var selected: Int { listCursor.selected }
  public var top: Int { listCursor.top }
  public private(set) var pickerQuery = ""
  public private(set) var pickerResults: [LibraryPerson] = []
  public var pickerSelected: Int { pickerCursor.selected }
  public var pickerTop: Int { pickerCursor.top }
  public private(set) var people: PeopleIndex?
  /// The ``LibrarySnapshot/peopleVersion`` of ``people``.
  private var peopleVersion = -1
  public private(set) var quotes: [PersonQuote] = []
  public private(set) var quotesPerson: LibraryPerson?
  public var quotesSelected: Int { quotesCursor.selected }
  public var quotesTop: Int { quotesCursor.top }
  /// Whether the key help covers the screen (any key closes it).
  public private(set) var showingHelp = false
  /// The first help row shown, when the help is taller than the window.
  public private(set) var helpTop = 0
  /// Messages of the snapshot already shown, so each shows once.
  public private(set) var message: String?
  private var shownMessages = 0
  /// Folded titles by title, so narrowing a large library folds each distinct title once.
  private var foldedTitles: [String: String] = [:]

  public init(snapshot: LibrarySnapshot, width: Int, height: Int) {
    self.width = width
    self.height = height
    self.snapshot = snapshot
    takeMessages()
    rebuildRows(keeping: nil)
  }

  /// The state over the library's snapshot as it is now.
  public init(library: Library, width: Int, height: Int) {
    self.init(snapshot: library.snapshot(), width: width, height: height)
  }

  /// True while printable keys type text (the search line, the picker).
  public var isTyping: Bool { mode == .search || mode == .picker }

  /// True while a full-text search runs in the background (the session keeps polling).
  public var isSearchingText: Bool { pendingSearch != nil }

  /// Rows of the list body: the screen less the header and the status bar.
  public var bodyHeight: Int { max(1, height - 2) }

  /// The search to start in the reader when an article opens from a full-text search, so that
  /// it lands on the first match.
  public var readerSearch: String? {
    textMatches != nil && !searchText.isEmpty ? searchText : nil
  }

  /// Shows a one-off message in the status bar until the next key.
  public mutating func post(message text: String) {
    message = text
  }

  /// Applies an action and returns what the loop must do for it. Pure: no threads, no I/O.
  @discardableResult
  public mutating func apply(_ action: LibraryAction) -> [LibraryCommand] {
    if action.isFromUser { message = nil }
    if showingHelp, action.isFromUser {
      // The keys that move scroll a help taller than the window; any other key (any key at all
      // when it fits) closes it.
      let maximum = HelpOverlay.maximumTop(count: LibraryKeyMap.bindings.count, height: height)
      if case .resize = action {
      } else {
        switch maximum > 0 ? action : .toggleHelp {
        case .down, .pageDown:
          helpTop = min(helpTop + 1, maximum)
          return []
        case .up, .pageUp:
          helpTop = max(0, helpTop - 1)
          return []
        default:
          showingHelp = false
          helpTop = 0
          return action == .quit ? [.quit] : []
        }
      }
    }
    switch action {
    case .toggleHelp:
      showingHelp = true
    case .quit:
      return [.quit]
    case .cycleTheme:
      break  // the app switches the theme
    case .resize(let w, let h):
      width = w
      height = h
      listCursor.fit(height: bodyHeight)
      pickerCursor.fit(height: pickerHeight)
      quotesCursor.fit(height: quotesPerScreen)
    case .show(let text):
      message = text
    case .textMatches(let query, let matches):
      guard query == pendingSearch else { return [] }  // an older search, overtaken
      pendingSearch = nil
      textMatches = matches
      rebuildRows(keeping: nil)
    case .quotesLoaded(let person, let loaded):
      quotesPerson = person
      quotes = loaded
      quotesCursor.reset(count: loaded.count, height: quotesPerScreen)
      mode = .quotes
    case .snapshot(let latest):
      // Versions only grow: an equal one changes nothing, an older one came late.
      guard latest.version > snapshot.version else { return [] }
      snapshot = latest
      takeMessages()
      // A cursor on the first row stays there while the list fills in (the rows re-sort as
      // titles and dates arrive); one the reader moved stays on its article.
      rebuildRows(keeping: selected > 0 && rows.indices.contains(selected) ? rows[selected].path : nil)
      if mode == .picker, snapshot.peopleVersion != peopleVersion { refreshPeople(keepingSelection: true) }
    default:
      switch mode {
      case .list: return applyList(action)
      case .search: return applySearch(action)
      case .picker: return applyPicker(action)
      case .quotes: return applyQuotes(action)
      }
    }
    return []
  }

  private mutating func applyList(_ action: LibraryAction) -> [LibraryCommand] {
    switch action {
    case .up, .down, .pageUp, .pageDown, .first, .last:
      LibraryState.step(&listCursor, by: action, page: bodyHeight, height: bodyHeight)
    case .open:
      guard rows.indices.contains(selected) else { return [] }
      let row = rows[selected]
      if let feed = row.feedRow {
        // A feed's row: the list of its items (x or q goes back to everything).
        if let error = feed.error, feed.items == 0 {
          message = "\(feed.name): \(error)"
          return []
        }
        if feed.neverRead {
          message = "\(feed.name): not read yet (r reads the feeds)"
          return []
        }
        feedFilter = feed.location
        rebuildRows(keeping: nil)
        return []
      }
      if let error = row.error {
        // A broken row says why it cannot open.
        message = error.description
        return []
      }
      return [.openArticle(reference: row.reference, offset: 0, search: readerSearch)]
    case .refreshFeeds:
      if snapshot.feedProgress != nil {
        message = "a refresh is under way"
        return []
      }
      if !snapshot.entries.contains(where: { $0.feedRow != nil }) {
        message = "no feeds to refresh: add one with byline feed add URL"
        return []
      }
      return [.refreshFeeds]
    case .toggleRead:
      guard rows.indices.contains(selected), rows[selected].feedRow == nil, rows[selected].error == nil else {
        message =
          rows.indices.contains(selected) && rows[selected].error != nil
          ? "N: this file could not be read, so it has no read mark"
          : "N marks an article or a feed's item read or unread (A: a whole feed)"
        return []
      }
      return [.setRead([rows[selected].reference], read: rows[selected].unread)]
    case .markFeedRead:
      guard let feed = rows.indices.contains(selected) ? rows[selected].feed : feedFilter else {
        message = "A marks a feed's items read: select a feed or one of its items"
        return []
      }
      return [.markFeedRead(feed)]
    case .toggleUnreadOnly:
      unreadOnly.toggle()
      rebuildRows(keeping: rows.indices.contains(selected) ? rows[selected].path : nil)
      message = unreadOnly ? "only unread articles (u: everything)" : "every article"
    case .back:
      if !searchText.isEmpty || person != nil || feedFilter != nil {
        clear()
      } else {
        return [.quit]
      }
    case .cycleSort:
      let all = Sort.allCases
      sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
      rebuildRows(keeping: rows.indices.contains(selected) ? rows[selected].path : nil)
    case .startSearch:
      mode = .search
      textMatches = nil
      pendingSearch = nil
    case .openPicker:
      // The picker opens empty, whatever was typed in it last time.
      pickerQuery = ""
      refreshPeople()
      mode = .picker
    case .clearFilter:
      clear()
    case .showQuotes:
      if let person { return [.loadQuotes(person)] }
      message = "choose a person first: p opens the people, Enter chooses"
    default:
      break
    }
    return []
  }

  private mutating func applySearch(_ action: LibraryAction) -> [LibraryCommand] {
    switch action {
    case .type(let c):
      let before = TextFold.key(searchText)
      searchText.append(c)
      let needle = TextFold.key(searchText)
      if needle.hasPrefix(before), textMatches == nil {
        // A longer needle: only rows that matched the shorter one can match, already in
        // order, so narrowing them is enough (no pass over the whole library, no sort).
        var folded = foldedTitles
        rows = rows.filter { LibraryState.fold($0.title, cache: &folded).contains(needle) }
        foldedTitles = folded
        listCursor.reset(count: rows.count, height: bodyHeight)
      } else {
        rebuildRows(keeping: nil)
      }
    case .deleteBackward:
      if !searchText.isEmpty { searchText.removeLast() }
      rebuildRows(keeping: nil)
    case .clearInput:
      searchText = ""
      rebuildRows(keeping: nil)
    case .open:
      // Committed: the text of the articles counts too (full-text search, in the background;
      // the rows narrowed by title stay until its matches come).
      mode = .list
      rebuildRows(keeping: nil)
      if !searchText.isEmpty {
        pendingSearch = searchText
        return [.searchText(searchText)]
      }
    case .back:
      mode = .list
      searchText = ""
      textMatches = nil
      pendingSearch = nil
      rebuildRows(keeping: nil)
    case .up, .down, .pageUp, .pageDown:
      LibraryState.step(&listCursor, by: action, page: bodyHeight, height: bodyHeight)
    default:
      break
    }
    return []
  }

  private mutating func applyPicker(_ action: LibraryAction) -> [LibraryCommand] {
    switch action {
    case .type(let c):
      pickerQuery.append(c)
      narrowPicker()
    case .deleteBackward:
      if !pickerQuery.isEmpty { pickerQuery.removeLast() }
      narrowPicker()
    case .clearInput:
      pickerQuery = ""
      narrowPicker()
    case .up, .down, .pageUp, .pageDown, .first, .last:
      LibraryState.step(&pickerCursor, by: action, page: pickerHeight, height: pickerHeight)
    case .open:
      guard pickerResults.indices.contains(pickerSelected) else { return [] }
      person = pickerResults[pickerSelected]
      mode = .list
      rebuildRows(keeping: nil)
    case .showQuotes:
      guard pickerResults.indices.contains(pickerSelected) else { return [] }
      return [.loadQuotes(pickerResults[pickerSelected])]
    case .back:
      mode = .list
    default:
      break
    }
    return []
  }

  private mutating func applyQuotes(_ action: LibraryAction) -> [LibraryCommand] {
    switch action {
    case .up, .down, .pageUp, .pageDown, .first, .last:
      LibraryState.step(&quotesCursor, by: action, page: quotesPerScreen, height: quotesPerScreen)
    case .open:
      guard quotes.indices.contains(quotesSelected) else { return [] }
      let q = quotes[quotesSelected]
      return [.openArticle(reference: q.reference, offset: q.quote.start, search: nil)]
    case .back:
      mode = .list
    default:
      break
    }
    return []
  }

  /// Rows of the picker list (the screen less header, query line and status bar).
  public var pickerHeight: Int { max(1, height - 3) }

  /// The quotes the quotes view always has room for: a quote takes at most five rows (its
  /// article, three lines of text, a blank), the last needs no blank.
  public var quotesPerScreen: Int { max(1, (bodyHeight + 1) / 5) }

  /// Takes the people index the library built last (never builds one here: that takes
  /// seconds in a large library, and the screen must not wait).
  private mutating func refreshPeople(keepingSelection: Bool = false) {
    let chosen =
      keepingSelection && pickerResults.indices.contains(pickerSelected) ? pickerResults[pickerSelected].name : nil
    people = snapshot.people
    peopleVersion = snapshot.peopleVersion
    narrowPicker()
    if let chosen, let index = pickerResults.firstIndex(where: { $0.name == chosen }) {
      pickerCursor.select(index, height: pickerHeight)
    }
  }

  private mutating func narrowPicker() {
    pickerResults = people?.search(pickerQuery) ?? []
    pickerCursor.reset(count: pickerResults.count, height: pickerHeight)
  }

  private mutating func clear() {
    person = nil
    feedFilter = nil
    searchText = ""
    textMatches = nil
    pendingSearch = nil
    rebuildRows(keeping: rows.indices.contains(selected) ? rows[selected].path : nil)
  }

  private mutating func takeMessages() {
    if snapshot.messages.count > shownMessages {
      message = snapshot.messages[shownMessages...].joined(separator: "; ")
      shownMessages = snapshot.messages.count
    }
  }

  /// Filters and sorts the snapshot's entries; keeps the selection on the same article. The
  /// feeds' own rows come first, as a group (they hold articles, as folders in a file
  /// manager), sorted among themselves by the same key as the articles (``orderFeeds(_:by:)``);
  /// the articles and items follow, mixed, in the sort's order. Inside a feed (or with a
  /// person or a search) the feeds' rows are left out.
  private mutating func rebuildRows(keeping path: String?) {
    var entries = snapshot.entries
    var feedRows: [LibraryEntry] = []
    if entries.last?.feed != nil || entries.first?.feed != nil || feedFilter != nil {
      feedRows = entries.filter { $0.feedRow != nil }
      entries = entries.filter { $0.feedRow == nil }
    }
    if let feedFilter { entries = entries.filter { $0.feed == feedFilter } }
    if unreadOnly {
      // Articles and items not opened yet; files that failed to load stay (as feeds with errors).
      entries = entries.filter { $0.unread || $0.error != nil }
      feedRows = feedRows.filter { $0.feedRow.map { $0.unread > 0 || $0.error != nil } ?? true }
    }
    if person != nil || feedFilter != nil || !searchText.isEmpty { feedRows = [] }
    if let person {
      entries = entries.filter { $0.hash.map { person.appearances[$0] != nil } ?? false }
    }
    let needle = TextFold.key(searchText)
    if !needle.isEmpty {
      var folded = foldedTitles
      entries = entries.filter { entry in
        if let textMatches, let h = entry.hash, textMatches[h] != nil { return true }
        return LibraryState.fold(entry.title, cache: &folded).contains(needle)
      }
      foldedTitles = folded
    }
    entries = LibraryState.order(entries, by: sort).map { entries[$0] }
    if feedRows.count > 1 { feedRows = LibraryState.orderFeeds(feedRows, by: sort) }
    rows = feedRows.isEmpty ? entries : feedRows + entries
    var index = path == nil ? 0 : selected
    if let path, let found = rows.firstIndex(where: { $0.path == path }) { index = found }
    listCursor.reset(count: rows.count, selected: index, height: bodyHeight)
  }

  /// The order of rows: by date, newest first, undated last; by title; or by read time,
  /// longest first; ties by title (case ignored), then in the library's order (by path).
  ///
  /// Every row's keys are computed once, titles as ranks among the distinct titles, so the
  /// sort compares integers: sorting 100,000 rows takes some tens of milliseconds, where
  /// lowercasing titles in each comparison took most of a second.
  static func order(_ entries: [LibraryEntry], by sort: Sort) -> [Int] {
    let count = entries.count
    var primary = [Int](repeating: 0, count: count)
    var titleRank = [Int](repeating: 0, count: count)
    var slotOf: [String: Int] = [:]
    var titles: [String] = []
    for i in 0..<count {
      let title: String
      switch entries[i].state {
      case .ready(let listing):
        title = listing.title
        switch sort {
        case .date: primary[i] = listing.date.map { -($0.year * 10_000 + $0.month * 100 + $0.day) } ?? Int.max
        case .title: primary[i] = 0
        case .readTime: primary[i] = -listing.readMinutes
        }
      default:
        title = entries[i].title
        primary[i] = sort == .readTime ? 1 : sort == .date ? Int.max : 0
      }
      if let slot = slotOf[title] {
        titleRank[i] = slot
      } else {
        slotOf[title] = titles.count
        titleRank[i] = titles.count
        titles.append(title)
      }
    }
    let lowered = titles.map(lowercased)
    let byTitle = titles.indices.sorted {
      lowered[$0] != lowered[$1] ? lowered[$0] < lowered[$1] : titles[$0] < titles[$1]
    }
    var rankOfSlot = [Int](repeating: 0, count: titles.count)
    for (rank, slot) in byTitle.enumerated() { rankOfSlot[slot] = rank }
    for i in 0..<count { titleRank[i] = rankOfSlot[titleRank[i]] }
    // Up to a million rows, the three keys fit one 64-bit integer: primary (made positive and
    // ranked too), title rank and index, 20 bits each, and the sort compares integers only.
    if count < 1 << 20 {
      let primaries = Array(Set(primary)).sorted()
      var primaryRank: [Int: UInt64] = [:]
      for (rank, value) in primaries.enumerated() { primaryRank[value] = UInt64(rank) }
      if primaries.count < 1 << 20 {
        var keys = [UInt64](repeating: 0, count: count)
        for i in 0..<count {
          keys[i] = primaryRank[primary[i]]! << 40 | UInt64(titleRank[i]) << 20 | UInt64(i)
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFFFF) }
      }
    }
    return (0..<count).sorted { a, b in
      if primary[a] != primary[b] { return primary[a] < primary[b] }
      if titleRank[a] != titleRank[b] { return titleRank[a] < titleRank[b] }
      return a < b
    }
  }

  /// The feeds' rows in the sort's order: by date, the feed with the newest item first (feeds
  /// without a dated item last); by title, by name; by read time, the feed whose unread items
  /// take longest first. Ties by name (case ignored), then in the library's order.
  static func orderFeeds(_ feeds: [LibraryEntry], by sort: Sort) -> [LibraryEntry] {
    func key(_ row: LibraryEntry) -> Int {
      guard let feed = row.feedRow else { return Int.max }
      switch sort {
      case .date: return feed.newest.map { -($0.year * 10_000 + $0.month * 100 + $0.day) } ?? Int.max
      case .title: return 0
      case .readTime: return -feed.unreadMinutes
      }
    }
    let keys = feeds.map(key)
    let names = feeds.map { lowercased($0.title) }
    return feeds.indices.sorted { a, b in
      if keys[a] != keys[b] { return keys[a] < keys[b] }
      if names[a] != names[b] { return names[a] < names[b] }
      return a < b
    }.map { feeds[$0] }
  }

  /// Lowercased, without allocating for the usual all-lowercase ASCII title.
  static func lowercased(_ text: String) -> String {
    var upper = false
    for byte in text.utf8 {
      if byte >= 0x80 { return text.lowercased() }
      if byte >= 0x41 && byte <= 0x5A { upper = true }
    }
    if !upper { return text }
    return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// A title folded for narrowing (``TextFold/key(_:)``), each distinct title once.
  static func fold(_ title: String, cache: inout [String: String]) -> String {
    if let known = cache[title] { return known }
    let folded = TextFold.key(title)
    cache[title] = folded
    return folded
  }

  /// Moves a list's cursor for a moving key.
  private static func step(_ cursor: inout ListCursor, by action: LibraryAction, page: Int, height: Int) {
    switch action {
    case .up: cursor.move(by: -1, height: height)
    case .down: cursor.move(by: 1, height: height)
    case .pageUp: cursor.move(by: -page, height: height)
    case .pageDown: cursor.move(by: page, height: height)
    case .first: cursor.select(0, height: height)
    case .last: cursor.select(cursor.count - 1, height: height)
    default: break
    }
  }
}
