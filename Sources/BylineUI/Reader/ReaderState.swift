import BylineCore

/// Everything the reader view shows, as a value: the article, the screen size, the page and
/// the focused quote. Actions change it through ``apply(_:)``; ``ReaderView`` renders it.
public struct ReaderState: Sendable {
  /// The smallest window the reader draws an article in.
  public static let minimumWidth = 24
  public static let minimumHeight = 6
  /// The widest text column: long lines are hard to read, so wide windows get margins.
  public static let maximumTextWidth = 80

  public let analysis: ArticleAnalysis
  public private(set) var screenWidth: Int
  public private(set) var screenHeight: Int
  public private(set) var layout: DocumentLayout
  public private(set) var pages: [Range<Int>]
  public private(set) var pageIndex: Int = 0
  /// The index in `analysis.quotes` of the focused quote.
  public private(set) var focusedQuote: Int?
  public private(set) var showingHelp = false
  /// The model offset of the first word on screen: kept on screen across resizes.
  public private(set) var anchorOffset: Int = 0
  /// A one-off message for the status bar ("no more quotes").
  public private(set) var message: String?

  public init(analysis: ArticleAnalysis, width: Int, height: Int) {
    self.analysis = analysis
    screenWidth = width
    screenHeight = height
    let geometry = ReaderState.geometry(width: width, height: height)
    layout = DocumentLayout(analysis: analysis, width: geometry.textWidth)
    pages = Pagination.pages(of: layout.lines, height: geometry.bodyHeight)
  }

  /// Where the text column sits and how many rows it has.
  public struct Geometry: Equatable, Sendable {
    public var left: Int
    public var textWidth: Int
    public var bodyHeight: Int
  }

  public static func geometry(width: Int, height: Int) -> Geometry {
    let margin = width >= 60 ? 2 : 1
    let textWidth = max(1, min(width - 2 * margin, maximumTextWidth))
    return Geometry(left: max(0, (width - textWidth) / 2), textWidth: textWidth,
      bodyHeight: max(1, height - 1))
  }

  public var geometry: Geometry { ReaderState.geometry(width: screenWidth, height: screenHeight) }

  /// True when the window is too small to read in.
  public var isTooSmall: Bool {
    screenWidth < ReaderState.minimumWidth || screenHeight < ReaderState.minimumHeight
  }

  public var pageCount: Int { pages.count }

  /// The lines shown on the current page.
  public var visibleLines: ArraySlice<LayoutLine> { layout.lines[pages[pageIndex]] }

  /// The model offsets the current page covers, from its first to its last text line.
  public var visibleRange: TextRange {
    let page = pages[pageIndex]
    let ranges = layout.lines[page].compactMap(\.textRange)
    guard let first = ranges.first, let last = ranges.last else { return anchorOffset..<anchorOffset }
    return first.lowerBound..<last.upperBound
  }

  /// What the reader should do after an action.
  public enum Outcome: Equatable, Sendable {
    case redraw
    case quit
  }

  /// Shows a one-off message in the status bar until the next action (a theme error at
  /// start, the name of the theme just chosen).
  public mutating func post(message text: String) {
    message = text
  }

  @discardableResult
  public mutating func apply(_ action: ReaderAction) -> Outcome {
    message = nil
    if showingHelp, action != .quit {
      if case .resize(let w, let h) = action { resize(width: w, height: h) }
      else { showingHelp = false }
      return .redraw
    }
    switch action {
    case .nextPage:
      if pageIndex + 1 < pages.count { go(toPage: pageIndex + 1) } else { message = "last page" }
    case .previousPage:
      if pageIndex > 0 { go(toPage: pageIndex - 1) } else { message = "first page" }
    case .firstPage: go(toPage: 0)
    case .lastPage: go(toPage: pages.count - 1)
    case .nextQuote: jumpToQuote(forward: true)
    case .previousQuote: jumpToQuote(forward: false)
    case .toggleHelp: showingHelp.toggle()
    case .cycleTheme: break  // the session switches themes; the text does not change
    case .resize(let w, let h): resize(width: w, height: h)
    case .quit: return .quit
    }
    return .redraw
  }

  private mutating func go(toPage index: Int) {
    pageIndex = max(0, min(index, pages.count - 1))
    anchorOffset = layout.firstOffset(atOrAfterLine: pages[pageIndex].lowerBound) ?? anchorOffset
    if let focused = focusedQuote, !visibleRange.overlaps(analysis.quotes[focused].range) {
      focusedQuote = nil
    }
  }

  private mutating func jumpToQuote(forward: Bool) {
    let quotes = analysis.quotes
    guard !quotes.isEmpty else {
      message = "no quotes in this article"
      return
    }
    let target: Int?
    if let focused = focusedQuote {
      target = forward ? (focused + 1 < quotes.count ? focused + 1 : nil) : (focused > 0 ? focused - 1 : nil)
    } else {
      let top = visibleRange.lowerBound
      if forward {
        target = quotes.firstIndex { $0.range.upperBound > top }
      } else {
        target = quotes.lastIndex { $0.range.lowerBound < top }
          ?? quotes.firstIndex { visibleRange.overlaps($0.range) }
      }
    }
    guard let target else {
      message = forward ? "no more quotes after this one" : "no quotes before this one"
      return
    }
    focusedQuote = target
    let line = layout.lineIndex(containing: quotes[target].range.lowerBound)
    if let page = pages.firstIndex(where: { $0.contains(line) }), page != pageIndex {
      pageIndex = page
      anchorOffset = layout.firstOffset(atOrAfterLine: pages[page].lowerBound) ?? anchorOffset
    }
  }

  /// Reflows for a new window size, keeping the first word that was on screen on screen.
  private mutating func resize(width: Int, height: Int) {
    screenWidth = width
    screenHeight = height
    let geometry = self.geometry
    if geometry.textWidth != layout.width {
      layout = DocumentLayout(analysis: analysis, width: geometry.textWidth)
    }
    pages = Pagination.pages(of: layout.lines, height: geometry.bodyHeight)
    let line = pageIndex == 0 && anchorOffset == 0 ? 0 : layout.lineIndex(containing: anchorOffset)
    pageIndex = pages.firstIndex(where: { $0.contains(line) }) ?? min(pageIndex, pages.count - 1)
  }
}
