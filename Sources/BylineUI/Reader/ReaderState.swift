import BylineCore
import Foundation

/// Everything the reader view shows, as a value: the article, the screen size, the page, the
/// focused quote, the entity panel, a person filter, a search. Actions change it through
/// ``apply(_:)``; ``ReaderView`` renders it.
public struct ReaderState: Sendable {
  /// The smallest window the reader draws an article in.
  public static let minimumWidth = 24
  public static let minimumHeight = 6
  /// The widest text column: long lines are hard to read, so wide windows get margins.
  public static let maximumTextWidth = 80
  /// The narrowest text column the panel may squeeze the text to; below it the panel is
  /// shown as a full-screen overlay instead.
  public static let minimumReadableWidth = 50

  public let analysis: ArticleAnalysis
  public private(set) var screenWidth: Int
  public private(set) var screenHeight: Int
  public private(set) var layout: DocumentLayout
  public private(set) var pages: [Range<Int>]
  public private(set) var pageIndex: Int = 0
  /// The index in `analysis.quotes` of the focused quote.
  public private(set) var focusedQuote: Int?
  public private(set) var showingHelp = false
  /// The first help row shown, when the help is taller than the window.
  public private(set) var helpTop = 0
  /// The model offset of the first word on screen: kept on screen across reflows.
  public private(set) var anchorOffset: Int = 0
  /// A one-off message for the status bar ("no more quotes").
  public private(set) var message: String?
  /// The entity panel.
  public private(set) var panel: EntityPanel
  /// The article narrowed to one entity's paragraphs.
  public private(set) var filter: Filter?
  /// The person picker, while it is open.
  public private(set) var picker: PersonPicker?
  /// The search being typed, while the search line is open.
  public private(set) var searchInput: String?
  /// The last search and its matches.
  public private(set) var search: Search?
  /// The link list, while it is open.
  public private(set) var linkList: LinkList?
  /// Where each of the article's links is in the text (nil: not found), in link order.
  public let linkRanges: [TextRange?]
  /// The link numbers drawn after the links' text.
  public let linkMarkers: LinkMarkers
  /// Layouts made before, by width and filter, so toggling the panel or a filter back is
  /// instant. A few at most.
  private var layoutCache: [LayoutKey: DocumentLayout] = [:]

  private struct LayoutKey: Hashable, Sendable {
    var width: Int
    var blocks: Set<Int>?
  }

  /// A person (or place, or organisation) filter.
  public struct Filter: Equatable, Sendable {
    /// Index into `analysis.entities`.
    public var entity: Int
    /// Indices of the blocks shown.
    public var blocks: [Int]
    /// Indices of this entity's quotes in `analysis.quotes`.
    public var quotes: [Int]
  }

  /// A search and its matches, as model ranges.
  public struct Search: Equatable, Sendable {
    public var query: String
    public var matches: [TextRange]
    /// The index of the current match.
    public var current: Int?
  }

  public init(analysis: ArticleAnalysis, width: Int, height: Int, startOffset: Int? = nil) {
    self.analysis = analysis
    screenWidth = width
    screenHeight = height
    panel = EntityPanel.unloaded
    linkRanges = analysis.article.linkRanges()
    linkMarkers = LinkMarkers(ranges: linkRanges)
    // A placeholder until relayout(): no body blocks, or every character of the body would be
    // a line at width 1 (a 50 MB article took gigabytes here).
    layout = DocumentLayout(analysis: analysis, width: 1, shownBlocks: [])
    pages = [0..<0]
    relayout()
    if let startOffset { show(offset: startOffset) }
  }

  // MARK: - Geometry

  /// Where the text column and the panel sit.
  public struct Geometry: Equatable, Sendable {
    public var left: Int
    public var textWidth: Int
    public var bodyHeight: Int
    /// The panel's first column and width, when it is shown beside the text.
    public var panelColumn: Int?
    public var panelWidth: Int
    /// True when the panel covers the text (narrow windows).
    public var panelIsOverlay: Bool
  }

  public var geometry: Geometry {
    ReaderState.geometry(width: screenWidth, height: screenHeight, panelVisible: panel.isVisible)
  }

  public static func geometry(width: Int, height: Int, panelVisible: Bool = false) -> Geometry {
    let panelWidth = min(36, max(26, width / 3))
    var textArea = width
    var panelColumn: Int?
    var overlay = false
    if panelVisible {
      let squeezed = width - panelWidth - 1
      if squeezed - 2 >= minimumReadableWidth {
        textArea = squeezed
        panelColumn = width - panelWidth
      } else {
        overlay = true
      }
    }
    let margin = textArea >= 60 ? 2 : 1
    let textWidth = max(1, min(textArea - 2 * margin, maximumTextWidth))
    return Geometry(
      left: max(0, (textArea - textWidth) / 2), textWidth: textWidth, bodyHeight: max(1, height - 1),
      panelColumn: panelColumn, panelWidth: overlay ? width : panelWidth, panelIsOverlay: overlay)
  }

  /// True when the window is too small to read in.
  public var isTooSmall: Bool {
    screenWidth < ReaderState.minimumWidth || screenHeight < ReaderState.minimumHeight
  }

  public var pageCount: Int { pages.count }

  /// The lines shown on the current page.
  public var visibleLines: ArraySlice<LayoutLine> { layout.lines[pages[pageIndex]] }

  /// The model offsets the current page covers, from its first to its last text line.
  public var visibleRange: TextRange {
    let ranges = layout.lines[pages[pageIndex]].compactMap(\.textRange)
    guard let first = ranges.first, let last = ranges.last else { return anchorOffset..<anchorOffset }
    return first.lowerBound..<last.upperBound
  }

  /// Which keys the help lists: the link list's while it is open, the panel's while it has
  /// the focus.
  public var helpContext: ReaderKeyMap.Context {
    if linkList != nil { return .links }
    return panel.isFocused && panel.isVisible ? .panel : .text
  }

  /// Where keys go now.
  public var keyContext: ReaderKeyMap.Context {
    if picker != nil || searchInput != nil { return .input }
    if linkList != nil { return .links }
    if panel.isFocused && panel.isVisible { return .panel }
    return .text
  }

  /// The quotes the quote keys move through: the filtered entity's, or all.
  public var navigableQuotes: [Int] { filter?.quotes ?? Array(analysis.quotes.indices) }

  /// The index of the first word on screen among the body's words: a reading position that
  /// survives another window size.
  public var firstWordIndex: Int { analysis.readingTime.firstWordIndex(atOrAfter: anchorOffset) }

  /// Minutes left to read from the first word on screen, within the filter if there is one.
  public var minutesLeft: Int {
    let time = analysis.readingTime
    guard filter != nil else { return time.minutesLeft(from: anchorOffset) }
    let (total, before) = filteredWords()
    return time.minutes(forWords: total - before)
  }

  /// How far through the article (or the filtered paragraphs) the first word on screen is.
  public var percentRead: Int {
    guard filter != nil else {
      return Int((analysis.readingTime.fractionRead(before: anchorOffset) * 100).rounded())
    }
    let (total, before) = filteredWords()
    return total > 0 ? Int((before / total * 100).rounded()) : 100
  }

  /// The words of the filtered blocks: all of them, and those before the first word on screen.
  private func filteredWords() -> (total: Double, before: Double) {
    let time = analysis.readingTime
    var total = 0.0
    var before = 0.0
    for index in filter?.blocks ?? [] {
      let range = analysis.article.blocks[index].range
      let words = time.wordsLeft(from: range.lowerBound) - time.wordsLeft(from: range.upperBound)
      total += words
      if range.upperBound <= anchorOffset {
        before += words
      } else if range.lowerBound < anchorOffset {
        before += time.wordsLeft(from: range.lowerBound) - time.wordsLeft(from: anchorOffset)
      }
    }
    return (total, before)
  }

  // MARK: - Actions

  /// What the reader should do after an action.
  public enum Outcome: Equatable, Sendable {
    case redraw
    case quit
    /// Open this link's address (the app runs `$BROWSER`, or shows the address).
    case openLink(ArticleLink)
    /// Copy this link's address to the clipboard (the app has the backend send OSC 52).
    case copyLink(ArticleLink)
  }

  /// Shows a one-off message in the status bar until the next action (a theme error at
  /// start, the name of the theme just chosen).
  public mutating func post(message text: String) {
    message = text
  }

  @discardableResult
  public mutating func apply(_ action: ReaderAction) -> Outcome {
    message = nil
    if case .resize(let w, let h) = action {
      screenWidth = w
      screenHeight = h
      relayout()
      linkList?.fit(frameHeight: h)
      picker?.fit(frameHeight: h)
      panel.fit(height: geometry.bodyHeight)
      return .redraw
    }
    if showingHelp {
      // The keys that move down or up scroll a help taller than the window; any other key (any
      // key at all when it fits) closes it.
      let count = HelpOverlay.rows(helpContext).count
      let maximum = HelpOverlay.maximumTop(count: count, height: screenHeight)
      switch maximum > 0 || action == .quit ? action : .toggleHelp {
      case .quit: return .quit
      case .nextPage, .panelDown:
        helpTop = min(helpTop + 1, maximum)
      case .previousPage, .panelUp: helpTop = max(0, helpTop - 1)
      default:
        showingHelp = false
        helpTop = 0
      }
      return .redraw
    }
    if picker != nil { return applyToPicker(action) }
    if linkList != nil { return applyToLinkList(action) }
    if searchInput != nil { return applyToSearchInput(action) }
    switch action {
    case .nextPage:
      if pageIndex + 1 < pages.count { go(toPage: pageIndex + 1) } else { message = "last page" }
    case .previousPage:
      if pageIndex > 0 { go(toPage: pageIndex - 1) } else { message = "first page" }
    case .firstPage: go(toPage: 0)
    case .lastPage: go(toPage: pages.count - 1)
    case .nextQuote: jumpToQuote(forward: true)
    case .previousQuote: jumpToQuote(forward: false)
    case .nextMatchOrQuote:
      if search != nil { jumpToMatch(forward: true) } else { jumpToQuote(forward: true) }
    case .previousMatchOrQuote:
      if search != nil { jumpToMatch(forward: false) } else { jumpToQuote(forward: false) }
    case .toggleHelp: showingHelp = true
    case .togglePanel:
      panel.load(from: analysis)
      panel.isVisible.toggle()
      if !panel.isVisible { panel.isFocused = false }
      relayout()
    case .switchFocus:
      panel.load(from: analysis)
      if !panel.isVisible {
        panel.isVisible = true
        relayout()
      }
      panel.isFocused.toggle()
      if panel.entries.isEmpty, panel.isFocused { message = "no people, places or organisations found" }
    case .panelUp:
      panel.load(from: analysis)
      panel.move(by: -1, height: geometry.bodyHeight)
    case .panelDown:
      panel.load(from: analysis)
      panel.move(by: 1, height: geometry.bodyHeight)
    case .choose:
      panel.load(from: analysis)
      if let entity = panel.selectedEntity { applyFilter(entity: entity) }
    case .clearFilter:
      if filter != nil { setFilter(nil) } else { message = "no filter to clear" }
    case .openPicker:
      let people = analysis.entities.indices.filter { analysis.entities[$0].kind == .person }
      if people.isEmpty {
        message = "no people found in this article"
      } else {
        picker = PersonPicker(analysis: analysis, people: people, frameHeight: screenHeight)
      }
    case .startSearch: searchInput = ""
    case .openLinks:
      if analysis.article.links.isEmpty {
        message = "no links in this article"
      } else {
        // At the first link on the page, else the first after it, else the last.
        let top = visibleRange.lowerBound
        let first = linkRanges.firstIndex { ($0?.upperBound ?? -1) > top } ?? analysis.article.links.count - 1
        linkList = LinkList(count: analysis.article.links.count, selected: first, frameHeight: screenHeight)
      }
    case .openLink, .copyLink: message = "l lists the links"
    case .cancel:
      if search != nil {
        search = nil
      } else if panel.isFocused {
        panel.isFocused = false
        if panel.isOverlay(in: self) { panel.isVisible = false; relayout() }
      }
    case .filterByName(let name):
      if let entity = ReaderState.entityIndex(named: name, in: analysis) {
        applyFilter(entity: entity)
      } else {
        message = "no one called \(name) in this article"
      }
    case .cycleTheme: break  // the session switches themes; the text does not change
    case .type, .deleteBackward, .clearInput, .resize: break
    case .quit: return .quit
    }
    return .redraw
  }

  private mutating func applyToPicker(_ action: ReaderAction) -> Outcome {
    switch action {
    case .type(let c): picker?.type(c)
    case .deleteBackward: picker?.deleteBackward()
    case .clearInput: picker?.clear()
    case .panelUp: picker?.move(by: -1)
    case .panelDown: picker?.move(by: 1)
    case .choose:
      if let entity = picker?.selectedEntity {
        picker = nil
        applyFilter(entity: entity)
      } else {
        message = "no match"
      }
    case .cancel: picker = nil
    case .quit: return .quit
    default: break
    }
    return .redraw
  }

  private mutating func applyToLinkList(_ action: ReaderAction) -> Outcome {
    guard var list = linkList else { return .redraw }
    let links = analysis.article.links
    let page = LinkList.listRows(count: links.count, frameHeight: screenHeight)
    switch action {
    case .panelDown: list.move(by: 1, frameHeight: screenHeight)
    case .panelUp: list.move(by: -1, frameHeight: screenHeight)
    case .nextPage: list.move(by: page, frameHeight: screenHeight)
    case .previousPage: list.move(by: -page, frameHeight: screenHeight)
    case .firstPage: list.select(0, frameHeight: screenHeight)
    case .lastPage: list.select(links.count - 1, frameHeight: screenHeight)
    case .type(let c):
      if !list.type(digit: c, frameHeight: screenHeight) { message = "no link \(list.typedNumber)\(c)" }
    case .deleteBackward: list.deleteDigit(frameHeight: screenHeight)
    case .openLink, .choose:
      linkList = list
      return .openLink(links[list.selected])
    case .copyLink:
      linkList = list
      return .copyLink(links[list.selected])
    case .toggleHelp: showingHelp = true
    case .cancel, .openLinks:
      linkList = nil
      return .redraw
    case .quit: return .quit
    default: break
    }
    linkList = list
    return .redraw
  }

  private mutating func applyToSearchInput(_ action: ReaderAction) -> Outcome {
    switch action {
    case .type(let c): searchInput?.append(c)
    case .deleteBackward:
      if searchInput?.isEmpty == true { searchInput = nil } else { searchInput?.removeLast() }
    case .clearInput: searchInput = ""
    case .choose:
      let query = searchInput ?? ""
      searchInput = nil
      runSearch(query)
    case .cancel: searchInput = nil
    case .quit: return .quit
    default: break
    }
    return .redraw
  }

  // MARK: - Pages and quotes

  private mutating func go(toPage index: Int) {
    pageIndex = max(0, min(index, pages.count - 1))
    anchorOffset = layout.firstOffset(atOrAfterLine: pages[pageIndex].lowerBound) ?? anchorOffset
    if let focused = focusedQuote, !visibleRange.overlaps(analysis.quotes[focused].range) {
      focusedQuote = nil
    }
  }

  /// Turns to the page showing `offset` (or the nearest text after it).
  private mutating func show(offset: Int) {
    let line = layout.lineIndex(containing: offset)
    if let page = pages.firstIndex(where: { $0.contains(line) }) {
      pageIndex = page
      anchorOffset = layout.firstOffset(atOrAfterLine: pages[page].lowerBound) ?? offset
    }
  }

  private mutating func jumpToQuote(forward: Bool) {
    let candidates = navigableQuotes
    let quotes = analysis.quotes
    guard !candidates.isEmpty else {
      message = filter != nil ? "no quotes from \(filterName ?? "them")" : "no quotes in this article"
      return
    }
    let target: Int?
    if let focused = focusedQuote, let position = candidates.firstIndex(of: focused) {
      let next = position + (forward ? 1 : -1)
      target = candidates.indices.contains(next) ? candidates[next] : nil
    } else {
      let top = visibleRange.lowerBound
      if forward {
        target = candidates.first { quotes[$0].range.upperBound > top }
      } else {
        target =
          candidates.last { quotes[$0].range.lowerBound < top }
          ?? candidates.first { visibleRange.overlaps(quotes[$0].range) }
      }
    }
    guard let target else {
      message = forward ? "no more quotes after this one" : "no quotes before this one"
      return
    }
    focusedQuote = target
    show(offset: quotes[target].range.lowerBound)
  }

  /// The quote's number among the navigable ones, from 1, and how many there are.
  public var focusedQuotePosition: (number: Int, count: Int)? {
    guard let focused = focusedQuote, let position = navigableQuotes.firstIndex(of: focused) else {
      return nil
    }
    return (position + 1, navigableQuotes.count)
  }

  // MARK: - Filter

  /// The name of the entity the article is filtered to.
  public var filterName: String? { filter.map { analysis.entities[$0.entity].name } }

  private mutating func applyFilter(entity: Int) {
    let blocks = EntityFilter.blocks(for: analysis.entities[entity], in: analysis)
    guard !blocks.isEmpty else {
      message = "\(analysis.entities[entity].name) is only in the header"
      return
    }
    setFilter(
      Filter(
        entity: entity, blocks: blocks,
        quotes: EntityFilter.quotes(of: analysis.entities[entity], in: analysis)))
    panel.load(from: analysis)
    panel.select(entity: entity, height: geometry.bodyHeight)
    panel.isFocused = false
    if panel.isOverlay(in: self) {
      panel.isVisible = false
      relayout()
    }
  }

  private mutating func setFilter(_ newFilter: Filter?) {
    let keep = anchorOffset
    filter = newFilter
    focusedQuote = nil
    if let query = search?.query { runSearch(query, moveToFirst: false) }
    relayout()
    if newFilter != nil {
      pageIndex = 0
      anchorOffset = layout.firstOffset(atOrAfterLine: 0) ?? 0
      // Start at the first shown paragraph rather than the header when filtering.
      if let first = newFilter?.blocks.first { show(offset: analysis.article.blocks[first].range.lowerBound) }
    } else {
      show(offset: keep)
    }
  }

  /// The paragraph count for the filter badge: shown and total body paragraphs.
  public var filterCounts: (shown: Int, total: Int)? {
    guard let filter else { return nil }
    let blocks = analysis.article.blocks
    return (filter.blocks.filter { blocks[$0].kind == .paragraph }.count, analysis.article.paragraphs.count)
  }

  /// Finds an entity by name: exact, then ignoring case and accents, then by alias or part.
  public static func entityIndex(named name: String, in analysis: ArticleAnalysis) -> Int? {
    let entities = analysis.entities
    if let exact = entities.firstIndex(where: { $0.name == name }) { return exact }
    let key = TextFold.key(name)
    if let folded = entities.firstIndex(where: { TextFold.key($0.name) == key }) { return folded }
    if let alias = entities.firstIndex(where: { $0.aliases.contains { TextFold.key($0) == key } }) {
      return alias
    }
    return entities.firstIndex { TextFold.key($0.name).contains(key) }
  }

  // MARK: - Search

  private mutating func runSearch(_ query: String, moveToFirst: Bool = true) {
    guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
      search = nil
      return
    }
    let article = analysis.article
    let searched =
      filter.map { TextSearch(scalars: article.scalars, ranges: $0.blocks.map { article.blocks[$0].range }) }
      ?? TextSearch(scalars: article.scalars, bodyOf: article.blocks)
    let matches = searched.matches(query)
    search = Search(query: query, matches: matches, current: nil)
    guard moveToFirst else { return }
    if matches.isEmpty {
      message = "not found: \(query)"
    } else {
      jumpToMatch(forward: true, fromTop: true)
    }
  }

  private mutating func jumpToMatch(forward: Bool, fromTop: Bool = false) {
    guard var current = search, !current.matches.isEmpty else {
      message = "no matches"
      return
    }
    let matches = current.matches
    var target: Int
    // From the current match while it is on screen; after paging away from it, from the first
    // word on screen.
    let onScreen = current.current.map { visibleRange.overlaps(matches[$0]) } ?? false
    if let index = current.current, !fromTop, onScreen {
      target = index + (forward ? 1 : -1)
      if target >= matches.count { target = 0; message = "search wrapped to the top" }
      if target < 0 { target = matches.count - 1; message = "search wrapped to the bottom" }
    } else if forward || fromTop {
      let top = visibleRange.lowerBound
      target = matches.firstIndex { $0.lowerBound >= top } ?? 0
      if !fromTop, matches[target].lowerBound < top { message = "search wrapped to the top" }
    } else {
      let top = visibleRange.lowerBound
      target = matches.lastIndex { $0.lowerBound < top } ?? matches.count - 1
      if matches[target].lowerBound >= top { message = "search wrapped to the bottom" }
    }
    current.current = target
    search = current
    show(offset: matches[target].lowerBound)
  }

  // MARK: - Layout

  /// Whether a layout the next keypress may need (the other side of the panel toggle) is not
  /// made yet: the session makes it with ``prepareLayouts()`` while the reader is idle.
  public var hasLayoutToPrepare: Bool {
    let other = ReaderState.geometry(width: screenWidth, height: screenHeight, panelVisible: !panel.isVisible)
    return layoutCache[LayoutKey(width: other.textWidth, blocks: layout.shownBlocks)] == nil
      && other.textWidth != layout.width
  }

  /// Lays out in advance what toggling the panel will show, so that the toggle is instant.
  public mutating func prepareLayouts() {
    let other = ReaderState.geometry(width: screenWidth, height: screenHeight, panelVisible: !panel.isVisible)
    let key = LayoutKey(width: other.textWidth, blocks: layout.shownBlocks)
    guard layoutCache[key] == nil, other.textWidth != layout.width else { return }
    if layoutCache.count >= 4 { layoutCache = layoutCache.filter { $0.value == layout } }
    layoutCache[key] = DocumentLayout(
      analysis: analysis, width: other.textWidth, shownBlocks: layout.shownBlocks, markers: linkMarkers)
  }

  /// Lays the article out for the current size, panel and filter, keeping the first word on
  /// screen.
  private mutating func relayout() {
    let geometry = self.geometry
    let blocks = filter.map { Set($0.blocks) }
    if geometry.textWidth != layout.width || blocks != layout.shownBlocks {
      let key = LayoutKey(width: geometry.textWidth, blocks: blocks)
      if let cached = layoutCache[key] {
        layout = cached
      } else {
        layout = DocumentLayout(
          analysis: analysis, width: geometry.textWidth, shownBlocks: blocks, markers: linkMarkers)
        if layoutCache.count >= 4 { layoutCache.removeAll() }
        layoutCache[key] = layout
      }
    }
    pages = Pagination.pages(of: layout.lines, height: geometry.bodyHeight)
    let line = layout.lineIndex(containing: anchorOffset)
    pageIndex = pages.firstIndex(where: { $0.contains(line) }) ?? min(pageIndex, pages.count - 1)
  }
}
