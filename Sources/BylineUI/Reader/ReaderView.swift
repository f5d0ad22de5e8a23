import BylineCore

/// Renders a ``ReaderState`` into a ``Frame``: the page of text, the entity panel, the status
/// bar and, when open, the person picker or the help overlay. Pure: the same state always
/// gives the same frame.
public enum ReaderView {
  public static func render(_ state: ReaderState) -> Frame {
    var frame = Frame(width: state.screenWidth, height: state.screenHeight)
    if state.isTooSmall {
      drawTooSmall(into: &frame)
      return frame
    }
    let geometry = state.geometry
    if !(state.panel.isVisible && geometry.panelIsOverlay) {
      let highlights = Highlights(state: state)
      for (row, line) in state.visibleLines.enumerated() {
        draw(
          line, row: row, left: geometry.left, width: geometry.textWidth, state: state,
          highlights: highlights, into: &frame)
      }
    }
    if state.panel.isVisible {
      state.panel.draw(
        into: &frame, column: geometry.panelColumn ?? 0, width: geometry.panelWidth,
        height: geometry.bodyHeight)
    }
    drawStatusBar(state, into: &frame)
    state.picker?.draw(into: &frame, analysis: state.analysis)
    state.linkList?.draw(into: &frame, links: state.analysis.article.links)
    if state.showingHelp {
      HelpOverlay.draw(into: &frame, context: state.helpContext, top: state.helpTop)
    }
    return frame
  }

  private static func draw(
    _ line: LayoutLine, row: Int, left: Int, width: Int, state: ReaderState,
    highlights: Highlights, into frame: inout Frame
  ) {
    let x = left + line.indent
    if line.bar { frame.put("│", row: row, column: left, role: .meta) }
    switch line.content {
    case .blank:
      return
    case .rule:
      frame.put(String(repeating: "─", count: min(width, 24)), row: row, column: left, role: .meta)
    case .synthetic(let number):
      frame.put(state.layout.syntheticText(number), row: row, column: x, role: line.role, limit: left + width)
    case .text(let range):
      let scalars = state.analysis.article.scalars
      var column = x
      var offset = range.lowerBound
      let markers = state.layout.markers
      for character in String(String.UnicodeScalarView(scalars[range])) {
        let role = highlights.role(at: offset, base: line.role)
        column = frame.put(String(character), row: row, column: column, role: role, limit: left + width)
        offset += character.unicodeScalars.count
        if !markers.isEmpty, let marker = markers.byOffset[offset - 1] {
          column = frame.put(marker, row: row, column: column, role: .link, limit: left + width)
        }
      }
    }
  }

  private static func drawStatusBar(_ state: ReaderState, into frame: inout Frame) {
    let row = state.screenHeight - 1
    frame.fill(row: row, role: .status)
    if let input = state.searchInput {
      let x = frame.put("/" + input, row: row, column: 0, role: .status)
      frame.put("▏", row: row, column: x, role: .status)
      let hint = "Enter searches · Esc cancels "
      let w = DisplayWidth.width(of: hint)
      if x + 2 + w <= state.screenWidth { frame.put(hint, row: row, column: state.screenWidth - w, role: .status) }
      return
    }
    var column = frame.put(
      " page \(state.pageIndex + 1)/\(state.pageCount) · \(state.percentRead)%",
      row: row, column: 0, role: .status)
    let minutesLeft = state.minutesLeft
    let left = minutesLeft == 0 ? "done" : "\(minutesLeft) min left"
    // The right-hand side, shortened until it fits: the help hint goes first, then the
    // article's stated read time, then Byline's estimate; the time left stays.
    let estimate = "est. \(state.analysis.readingTime.estimatedMinutes) min"
    var readTimes = [estimate]
    if let stated = state.analysis.article.statedReadTimeMinutes {
      readTimes.insert("stated \(stated) min · \(estimate)", at: 0)
    }
    let rightForms = [readTimes[0] + " · \(left) · ? help "] + readTimes.map { $0 + " · \(left) " } + ["\(left) "]
    // The middle: the quote and its speaker first, then the search, the filter, a message.
    // When short of room the filter shortens first, then the message, the search, the quote:
    // labels shorten, names are cut with an ellipsis, numbers are never cut.
    var parts: [StatusFit.Part] = []
    if let (number, count) = state.focusedQuotePosition, let focused = state.focusedQuote {
      let counter = "quote \(number)/\(count)"
      let quote = state.analysis.quotes[focused]
      var forms = [counter]
      if let speaker = quote.speaker {
        let cue = quote.cue.map { " (\($0))" } ?? ""
        forms =
          ["\(counter) — \(speaker)\(cue)", "\(counter) — \(speaker)"]
          + [12, 6].map { "\(counter) — \(StatusFit.cut(speaker, width: $0))" } + ["\(number)/\(count)"]
      }
      // The bare counter only when nothing else fits.
      parts.append(StatusFit.Part(forms: forms, role: .statusAccent, priority: 4, preferred: max(1, forms.count - 1)))
    }
    if let search = state.search {
      if let current = search.current {
        parts.append(
          StatusFit.Part(
            forms: ["match \(current + 1)/\(search.matches.count)"], role: .statusAccent,
            priority: 3))
      } else if !search.matches.isEmpty {
        parts.append(StatusFit.Part(forms: ["\(search.matches.count) matches"], role: .statusAccent, priority: 3))
      }
    }
    if let name = state.filterName, let counts = state.filterCounts {
      let shown = "\(counts.shown)/\(counts.total)"
      let forms =
        [
          "filtered: \(name), \(counts.shown) of \(counts.total) paragraphs, x clears",
          "filtered: \(name), \(shown) ¶, x clears", "filtered: \(name) \(shown)",
        ]
        + [16, 8].map { "filtered: \(StatusFit.cut(name, width: $0)) \(shown)" } + ["filter \(shown)"]
      parts.append(StatusFit.Part(forms: forms, role: .filterBadge, priority: 1))
    }
    // A message (once, after an action) may take the read time's room, as it always did.
    let shortestRight = DisplayWidth.width(of: rightForms.last!)
    let room = state.screenWidth - column - 1 - (state.message == nil ? 2 + shortestRight : 0)
    if let message = state.message {
      parts.append(
        StatusFit.Part(
          forms: [message, StatusFit.cut(message, width: room - 3)],
          role: .statusAccent, priority: 2))
    }
    // The time left keeps its room unless a part would be left out for it.
    var fitted = StatusFit.fit(parts, width: room)
    if fitted.count < parts.count { fitted = StatusFit.fit(parts, width: state.screenWidth - column - 1) }
    for (text, role) in fitted {
      column = frame.put(" · ", row: row, column: column, role: .status)
      column = frame.put(text, row: row, column: column, role: role)
    }
    for text in rightForms {
      let width = DisplayWidth.width(of: text)
      if column + 2 + width <= state.screenWidth {
        frame.put(text, row: row, column: state.screenWidth - width, role: .status)
        break
      }
    }
  }

  private static func drawTooSmall(into frame: inout Frame) {
    TooSmall.draw(into: &frame, needs: (ReaderState.minimumWidth, ReaderState.minimumHeight))
  }
}

/// Which model offsets are drawn in which highlight role: search matches over the focused
/// quote's speaker over quotes over filtered mentions over reported speech.
struct Highlights {
  private var layers: [(range: TextRange, role: StyleRole)] = []

  init(state: ReaderState) {
    let visible = state.visibleRange
    let analysis = state.analysis
    let scalars = analysis.article.scalars
    func add(_ range: TextRange, _ role: StyleRole) {
      if range.overlaps(visible) || range.isEmpty { layers.append((range, role)) }
    }
    if let search = state.search {
      for (k, match) in search.matches.enumerated() where match.overlaps(visible) {
        add(match, k == search.current ? .quoteFocused : .searchMatch)
      }
    }
    if let focused = state.focusedQuote, let speaker = analysis.quotes[focused].speaker,
      let mention = ReaderView.speakerMention(of: analysis.quotes[focused], speaker: speaker, in: analysis)
    {
      add(mention, .speaker)
    }
    for (index, quote) in analysis.quotes.enumerated() where quote.range.overlaps(visible) {
      for segment in quote.segments {
        var lower = segment.lowerBound
        var upper = segment.upperBound
        if lower > 0, QuoteFinder.isQuoteMark(scalars[lower - 1]) { lower -= 1 }
        if upper < scalars.count, QuoteFinder.isQuoteMark(scalars[upper]) { upper += 1 }
        add(lower..<upper, index == state.focusedQuote ? .quoteFocused : .quote)
      }
    }
    if let filter = state.filter {
      let entity = analysis.entities[filter.entity]
      let role: StyleRole = entity.kind == .person ? .person : entity.kind == .place ? .place : .organisation
      for mention in entity.mentions { add(mention, role) }
    }
    for speech in analysis.reportedSpeech { add(speech.range, .reportedSpeech) }
  }

  func role(at offset: Int, base: StyleRole) -> StyleRole {
    for layer in layers where layer.range.contains(offset) { return layer.role }
    return base
  }
}

extension ReaderView {
  /// The mention of a quote's speaker that introduces it: the nearest one before the quote
  /// (in its paragraph or earlier), else the nearest after it.
  static func speakerMention(of quote: Quote, speaker: String, in analysis: ArticleAnalysis) -> TextRange? {
    guard let entity = analysis.entities.first(where: { $0.name == speaker }) else { return nil }
    let paragraph =
      analysis.article.blockIndex(containing: quote.range.lowerBound)
      .map { analysis.article.blocks[$0].range } ?? quote.range
    let inParagraph = entity.mentions.filter { paragraph.contains($0.lowerBound) && !$0.overlaps(quote.range) }
    if let after = inParagraph.first(where: { $0.lowerBound >= quote.range.upperBound }) { return after }
    if let before = inParagraph.last { return before }
    return entity.mentions.last { $0.upperBound <= quote.range.lowerBound }
      ?? entity.mentions.first { $0.lowerBound >= quote.range.upperBound }
  }
}
