import BylineCore

/// Renders a ``ReaderState`` into a ``Frame``: the page of text, the status bar and, when
/// asked for, the help overlay. Pure: the same state always gives the same frame.
public enum ReaderView {
  public static func render(_ state: ReaderState) -> Frame {
    var frame = Frame(width: state.screenWidth, height: state.screenHeight)
    if state.isTooSmall {
      drawTooSmall(into: &frame)
      return frame
    }
    let geometry = state.geometry
    let highlights = QuoteHighlights(state: state)
    for (row, line) in state.visibleLines.enumerated() {
      draw(line, row: row, left: geometry.left, width: geometry.textWidth, state: state,
        highlights: highlights, into: &frame)
    }
    drawStatusBar(state, into: &frame)
    if state.showingHelp { HelpOverlay.draw(into: &frame) }
    return frame
  }

  private static func draw(
    _ line: LayoutLine, row: Int, left: Int, width: Int, state: ReaderState,
    highlights: QuoteHighlights, into frame: inout Frame
  ) {
    let x = left + line.indent
    switch line.content {
    case .blank:
      return
    case .rule:
      frame.put(String(repeating: "─", count: min(width, 24)), row: row, column: left, role: .meta)
    case .synthetic(let text):
      frame.put(text, row: row, column: x, role: line.role, limit: left + width)
    case .text(let range):
      let scalars = state.analysis.article.scalars
      var column = x
      var offset = range.lowerBound
      for character in String(String.UnicodeScalarView(scalars[range])) {
        let role = highlights.role(at: offset, base: line.role)
        column = frame.put(String(character), row: row, column: column, role: role, limit: left + width)
        offset += character.unicodeScalars.count
      }
    }
  }

  private static func drawStatusBar(_ state: ReaderState, into frame: inout Frame) {
    let row = state.screenHeight - 1
    frame.fill(row: row, role: .status)
    var position = " page \(state.pageIndex + 1)/\(state.pageCount)"
    let time = state.analysis.readingTime
    let percent = Int((time.fractionRead(before: state.anchorOffset) * 100).rounded())
    position += " · \(percent)%"
    var accent = ""
    if let focused = state.focusedQuote {
      let quote = state.analysis.quotes[focused]
      accent = "quote \(focused + 1)/\(state.analysis.quotes.count)"
      if let speaker = quote.speaker {
        accent += " — \(speaker)"
        if let cue = quote.cue { accent += " (\(cue))" }
      }
    }
    if let message = state.message { accent = accent.isEmpty ? message : accent + " · " + message }
    let minutesLeft = time.minutesLeft(from: state.anchorOffset)
    let readTime = state.analysis.article.statedReadTimeMinutes ?? time.estimatedMinutes
    let left = minutesLeft == 0 ? "done" : "\(minutesLeft) min left"
    var column = frame.put(position, row: row, column: 0, role: .status)
    if !accent.isEmpty {
      column = frame.put(" · ", row: row, column: column, role: .status)
      column = frame.put(accent, row: row, column: column, role: .statusAccent)
    }
    // The right-hand side, shortened until it fits: help hint first, then the read time.
    let candidates = [
      "\(readTime) min read · \(left) · ? help ", "\(readTime) min read · \(left) ", "\(left) ",
    ]
    for text in candidates {
      let width = DisplayWidth.width(of: text)
      if column + 2 + width <= state.screenWidth {
        frame.put(text, row: row, column: state.screenWidth - width, role: .status)
        break
      }
    }
  }

  private static func drawTooSmall(into frame: inout Frame) {
    let lines = [
      "Window too small",
      "Enlarge it to at least \(ReaderState.minimumWidth)×\(ReaderState.minimumHeight)",
      "(now \(frame.width)×\(frame.height)) · q quits",
    ]
    let top = max(0, (frame.height - lines.count) / 2)
    for (k, line) in lines.enumerated() where top + k < frame.height {
      let width = DisplayWidth.width(of: line)
      frame.put(line, row: top + k, column: max(0, (frame.width - width) / 2), role: k == 0 ? .warning : .text)
    }
  }
}

/// Which model offsets are inside quotes (marks included), for styling text cells.
struct QuoteHighlights {
  private var ranges: [(range: TextRange, focused: Bool)] = []

  init(state: ReaderState) {
    let visible = state.visibleRange
    let scalars = state.analysis.article.scalars
    for (index, quote) in state.analysis.quotes.enumerated() where quote.range.overlaps(visible) || quote.range.isEmpty {
      for segment in quote.segments {
        var lower = segment.lowerBound
        var upper = segment.upperBound
        if lower > 0, QuoteFinder.isQuoteMark(scalars[lower - 1]) { lower -= 1 }
        if upper < scalars.count, QuoteFinder.isQuoteMark(scalars[upper]) { upper += 1 }
        ranges.append((lower..<upper, index == state.focusedQuote))
      }
    }
  }

  func role(at offset: Int, base: StyleRole) -> StyleRole {
    for entry in ranges where entry.range.contains(offset) {
      return entry.focused ? .quoteFocused : .quote
    }
    return base
  }
}
