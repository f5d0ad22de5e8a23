import BylineCore
import BylineLibrary

/// Renders a ``LibraryState`` into a ``Frame``: the article list, the person picker or the
/// quotes view, with a header line and a status bar. Pure: the same state gives the same frame.
///
/// List row: `title (×n)  date  read  quotes  main people`; the title is cut by display width
/// with an ellipsis; a failed file shows its name and its reason in the warning style.
public enum LibraryView {
  /// The smallest window the library draws its list in.
  public static let minimumWidth = 20
  public static let minimumHeight = 4

  public static func render(_ state: LibraryState) -> Frame {
    var frame = Frame(width: state.width, height: state.height)
    guard state.width >= minimumWidth, state.height >= minimumHeight else {
      TooSmall.draw(into: &frame, needs: (minimumWidth, minimumHeight))
      return frame
    }
    switch state.mode {
    case .list, .search: drawList(state, into: &frame)
    case .picker: drawPicker(state, into: &frame)
    case .quotes: drawQuotes(state, into: &frame)
    }
    drawStatus(state, into: &frame)
    if state.showingHelp { drawHelp(into: &frame, top: state.helpTop) }
    return frame
  }

  /// Cuts text to a display width, ending with "…" when something was cut.
  public static func fit(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.width(of: text) <= width { return text }
    var out = ""
    var used = 0
    for ch in text {
      let w = DisplayWidth.width(of: ch)
      if used + w > width - 1 { break }
      out.append(ch)
      used += w
    }
    while out.last == " " { out.removeLast() }
    return out + "…"
  }

  static func header(_ text: String, into frame: inout Frame) {
    frame.fill(row: 0, role: .panelHeading)
    frame.put(fit(text, width: frame.width - 1), row: 0, column: 1, role: .panelHeading)
  }

  /// Column widths of a list row at a screen width.
  struct Columns {
    var title: Int
    var date = 10
    var read = 6
    var quotes = 4
    var people: Int
    init(width: Int) {
      people = width >= 100 ? 30 : width >= 70 ? 18 : 0
      title = max(8, width - 1 - (date + 1) - (read + 1) - (quotes + 1) - (people > 0 ? people + 1 : 0) - 1)
    }
  }

  static func drawList(_ state: LibraryState, into frame: inout Frame) {
    let total = state.snapshot.entries.count
    var head =
      "Byline library · \(state.rows.count == total ? "\(total)" : "\(state.rows.count) of \(total)") article\(total == 1 ? "" : "s") · by \(state.sort.rawValue)"
    if let person = state.person { head += " · \(person.name)" }
    if let feed = state.feedFilter,
      let name = state.snapshot.entries.first(where: { $0.feedRow?.location == feed })?.feedRow?.name
    {
      head += " · \(name)"
    }
    if state.unreadOnly { head += " · unread only" }
    header(head, into: &frame)
    let c = Columns(width: frame.width)
    for row in 0..<state.bodyHeight {
      let index = state.top + row
      guard state.rows.indices.contains(index) else { break }
      let entry = state.rows[index]
      let y = row + 1
      let isSelected = index == state.selected
      let base: StyleRole = isSelected ? .selection : .text
      if isSelected { frame.fill(row: y, role: .selection) }
      if let feed = entry.feedRow {
        drawFeedRow(feed, selected: isSelected, row: y, columns: c, into: &frame)
        continue
      }
      // An unread item is marked in the margin.
      if entry.unread { frame.put("•", row: y, column: 0, role: isSelected ? .selection : .statusAccent) }
      var suffix = ""
      if entry.count > 1 { suffix += " (×\(entry.count))" }
      // The reader's count of the phrase; none when only the words are there, apart.
      if let h = entry.hash, let n = state.textMatches?[h], n > 0 { suffix += " [\(n)]" }
      // The title is cut, never the copies or the count after it.
      let suffixWidth = DisplayWidth.width(of: suffix)
      let title =
        suffixWidth < c.title / 2 ? fit(entry.title, width: c.title - suffixWidth) + suffix : entry.title + suffix
      var x = 1
      if let error = entry.error {
        x = frame.put(fit(title, width: c.title), row: y, column: x, role: base)
        frame.put(" ⚠ " + error.reason, row: y, column: x, role: isSelected ? .selection : .warning)
        continue
      }
      frame.put(fit(title, width: c.title), row: y, column: x, role: entry.listing == nil ? .meta : base)
      x += c.title + 1
      guard let listing = entry.listing else {
        frame.put("analysing…", row: y, column: x, role: isSelected ? .selection : .meta)
        continue
      }
      frame.put(listing.date?.description ?? "", row: y, column: x, role: isSelected ? .selection : .meta)
      x += c.date + 1
      let read = "\(listing.readMinutes) min"
      frame.put(read, row: y, column: x + c.read - DisplayWidth.width(of: read), role: isSelected ? .selection : .meta)
      x += c.read + 1
      let quotes = listing.quoteCount > 0 ? "\(listing.quoteCount)\u{201D}" : ""
      frame.put(
        quotes, row: y, column: x + c.quotes - DisplayWidth.width(of: quotes), role: isSelected ? .selection : .quote)
      x += c.quotes + 1
      if let note = entry.note {
        // A feed's item whose page could not be fetched says so where its people go.
        frame.put(
          fit("⚠ " + note, width: max(c.people, frame.width - x - 1)), row: y, column: x,
          role: isSelected ? .selection : .warning)
      } else if c.people > 0 {
        frame.put(
          fit(listing.mainPeople.joined(separator: ", "), width: c.people), row: y, column: x,
          role: isSelected ? .selection : .person)
      }
    }
    if state.rows.isEmpty {
      frame.put(total == 0 ? "No articles here." : "Nothing matches.", row: 2, column: 2, role: .meta)
    }
  }

  /// A feed's own row: `▸ name  3 unread · 12 items`, `▸ name ⚠ 404 Not Found` (with its
  /// counts when it has stored items), or `▸ name  not read yet`.
  static func drawFeedRow(
    _ feed: LibraryEntry.FeedRow, selected: Bool, row y: Int, columns c: Columns, into frame: inout Frame
  ) {
    var x = frame.put("▸ ", row: y, column: 1, role: selected ? .selection : .statusAccent)
    x = frame.put(fit(feed.name, width: max(8, c.title - 2)), row: y, column: x, role: selected ? .selection : .title)
    if let error = feed.error {
      x = frame.put(
        fit(" ⚠ " + error, width: max(0, frame.width - x - 1)), row: y, column: x,
        role: selected ? .selection : .warning)
      // A feed that failed this time still has the items stored before.
      if feed.items == 0 { return }
    }
    let counts =
      feed.neverRead ? "not read yet" : "\(feed.unread) unread · \(feed.items) item\(feed.items == 1 ? "" : "s")"
    frame.put(
      fit(counts, width: max(0, frame.width - x - 2)), row: y, column: max(x + 1, 1 + c.title + 1),
      role: selected ? .selection : .meta)
  }

  static func drawPicker(_ state: LibraryState, into frame: inout Frame) {
    let count = state.people?.people.count ?? 0
    header("People · \(count) in the library · Enter: their articles · Tab: their quotes", into: &frame)
    var x = frame.put("person: ", row: 1, column: 1, role: .meta)
    x = frame.put(state.pickerQuery, row: 1, column: x, role: .text)
    frame.put("▏", row: 1, column: x, role: .statusAccent)
    let countWidth = 22
    for row in 0..<state.pickerHeight {
      let index = state.pickerTop + row
      guard state.pickerResults.indices.contains(index) else { break }
      let person = state.pickerResults[index]
      let y = row + 2
      let isSelected = index == state.pickerSelected
      if isSelected { frame.fill(row: y, role: .selection) }
      let nameWidth = max(8, frame.width - countWidth - 3)
      var name = person.name
      if let alias = person.aliases.first, frame.width >= 100 { name += " (\(alias))" }
      frame.put(fit(name, width: nameWidth), row: y, column: 1, role: isSelected ? .selection : .person)
      let counts = "\(person.articleCount) art. · \(person.quoteCount) quote\(person.quoteCount == 1 ? "" : "s")"
      frame.put(
        counts, row: y, column: frame.width - 1 - DisplayWidth.width(of: counts),
        role: isSelected ? .selection : .meta)
    }
    if state.pickerResults.isEmpty {
      frame.put(
        state.snapshot.progress.isFinished
          ? "Nobody matches." : "Nobody matches yet (the library is still being read).",
        row: 3, column: 2, role: .meta)
    }
  }

  static func drawQuotes(_ state: LibraryState, into frame: inout Frame) {
    let name = state.quotesPerson?.name ?? ""
    header("\(name) · \(state.quotes.count) quote\(state.quotes.count == 1 ? "" : "s"), newest first", into: &frame)
    var y = 1
    let bottom = frame.height - 1
    var index = state.quotesTop
    while y < bottom, state.quotes.indices.contains(index) {
      let q = state.quotes[index]
      let isSelected = index == state.quotesSelected
      let meta = "\(q.date?.description ?? "undated") · \(q.title)"
      if isSelected { frame.fill(row: y, role: .selection) }
      frame.put(fit(meta, width: frame.width - 2), row: y, column: 1, role: isSelected ? .selection : .meta)
      y += 1
      // The quote, wrapped to at most three lines.
      let lines = wrap(
        "\u{201C}" + q.quote.text.replacingOccurrences(of: "\n\n", with: " ") + "\u{201D}",
        width: frame.width - 4, maxLines: 3)
      for line in lines where y < bottom {
        frame.put(line, row: y, column: 3, role: .quote)
        y += 1
      }
      y += 1
      index += 1
    }
    if state.quotes.isEmpty { frame.put("No quotes attributed to \(name).", row: 2, column: 2, role: .meta) }
  }

  /// Greedy word wrap by display width; the last line ends with "…" when text is left.
  static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    let words = text.split(separator: " ")
    for (i, word) in words.enumerated() {
      let w = DisplayWidth.width(of: word)
      if lineWidth > 0 && lineWidth + 1 + w > width {
        lines.append(line)
        if lines.count == maxLines {
          lines[maxLines - 1] = fit(lines[maxLines - 1] + " " + words[i...].joined(separator: " "), width: width)
          return lines
        }
        line = ""
        lineWidth = 0
      }
      if lineWidth > 0 {
        line += " "
        lineWidth += 1
      }
      line += word
      lineWidth += w
    }
    if !line.isEmpty { lines.append(fit(line, width: width)) }
    return lines
  }

  static func drawStatus(_ state: LibraryState, into frame: inout Frame) {
    let y = frame.height - 1
    frame.fill(row: y, role: .status)
    var x = 1
    if state.mode == .search {
      x = frame.put("/" + state.searchText, row: y, column: x, role: .status)
      frame.put("▏", row: y, column: x, role: .statusAccent)
      x += 2
      x = frame.put("Enter: search the text too · Esc: cancel", row: y, column: x, role: .status)
    } else {
      if let person = state.person {
        x = frame.put(" \(person.name) — x to clear ", row: y, column: x, role: .filterBadge) + 1
      }
      if state.textMatches != nil || !state.searchText.isEmpty {
        x = frame.put(" /\(state.searchText) ", row: y, column: x, role: .filterBadge) + 1
      }
      if state.isSearchingText {
        x = frame.put("searching the text…", row: y, column: x, role: .statusAccent) + 2
      }
      if let progress = state.snapshot.progress.text {
        x = frame.put(progress, row: y, column: x, role: .statusAccent) + 2
      }
      if let refresh = state.snapshot.feedProgress {
        x = frame.put(refresh.text, row: y, column: x, role: .statusAccent) + 2
      }
      if let message = state.message {
        frame.put(fit(message, width: frame.width - x - 1), row: y, column: x, role: .warning)
      } else {
        let hint: String
        switch state.mode {
        case .quotes: hint = "Enter open at the quote · q back · Q quit"
        case .picker: hint = "type to narrow · Enter filter · Tab quotes · Esc back"
        default: hint = LibraryKeyMap.listHint
        }
        frame.put(fit(hint, width: max(0, frame.width - x - 1)), row: y, column: x, role: .status)
      }
    }
  }

  /// The library's keys, one line each, in a box (any key closes it): from the key table.
  static var helpRows: [(String, String)] { LibraryKeyMap.bindings.map { ($0.label, $0.description) } }

  static func drawHelp(into frame: inout Frame, top: Int = 0) {
    HelpOverlay.drawBox(into: &frame, title: " Keys: library ", rows: helpRows, top: top)
  }
}
