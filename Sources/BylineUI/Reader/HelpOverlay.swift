/// The `?` overlay: a box of keys and what they do. The reader's rows come from the same
/// table the keys are handled by, so the help always lists exactly the keys that work.
public enum HelpOverlay {
  /// The reader's help rows for a view.
  public static func rows(_ context: ReaderKeyMap.Context) -> [(String, String)] {
    var rows: [(String, String)] = ReaderKeyMap.bindings(in: context).map { ($0.label, $0.description) }
    rows.append(("Ctrl-C", "save the position and quit"))
    rows.append(
      ("mouse wheel", context == .panel ? "move in the panel" : context == .links ? "move in the list" : "turn pages"))
    return rows
  }

  /// The reader's help for the current view, scrolled down by `top` rows.
  public static func draw(into frame: inout Frame, context: ReaderKeyMap.Context, top: Int = 0) {
    let titles: [ReaderKeyMap.Context: String] = [.panel: " Keys: entity panel ", .links: " Keys: links "]
    drawBox(
      into: &frame, title: titles[context] ?? " Keys: reading ",
      rows: rows(context), top: top)
  }

  /// How many rows a box of `count` rows shows in a window `height` rows high.
  public static func visibleRows(count: Int, height: Int) -> Int {
    max(0, min(height - 1, count + 4) - 3)
  }

  /// The furthest a box of `count` rows can scroll in a window `height` rows high.
  public static func maximumTop(count: Int, height: Int) -> Int {
    max(0, count - visibleRows(count: count, height: height))
  }

  /// Draws a centred box titled `title` listing `rows` of (keys, what they do).
  /// In a window too short for every row, the box scrolls (`top`: the first row shown) and
  /// its foot says which way there is more.
  public static func drawBox(into frame: inout Frame, title: String, rows allRows: [(String, String)], top: Int = 0) {
    let first = max(0, min(top, maximumTop(count: allRows.count, height: frame.height)))
    let rows = Array(allRows.dropFirst(first))
    let hidden = (above: first > 0, below: visibleRows(count: allRows.count, height: frame.height) < rows.count)
    // The box keeps its size while it scrolls.
    let keyWidth = allRows.map { DisplayWidth.width(of: $0.0) }.max() ?? 0
    let textWidth = allRows.map { DisplayWidth.width(of: $0.1) }.max() ?? 0
    let boxWidth = min(frame.width, keyWidth + textWidth + 7)
    let boxHeight = min(frame.height - 1, allRows.count + 4)
    guard boxWidth > 10, boxHeight > 3 else { return }
    let left = (frame.width - boxWidth) / 2
    let top = max(0, (frame.height - 1 - boxHeight) / 2)
    for r in 0..<boxHeight { frame.fill(row: top + r, from: left, to: left + boxWidth, role: .help) }
    frame.put(title, row: top, column: left + 2, role: .helpKey)
    for (k, row) in rows.enumerated() where k + 2 < boxHeight - 1 {
      frame.put(row.0, row: top + 2 + k, column: left + 2, role: .helpKey, limit: left + boxWidth - 1)
      frame.put(row.1, row: top + 2 + k, column: left + 4 + keyWidth, role: .help, limit: left + boxWidth - 1)
    }
    frame.put("any key closes", row: top + boxHeight - 1, column: left + boxWidth - 16, role: .help)
    if hidden.above || hidden.below {
      let arrows = (hidden.above ? "↑" : "") + (hidden.below ? "↓" : "") + " more"
      frame.put(arrows, row: top + boxHeight - 1, column: left + 2, role: .helpKey)
    }
  }
}
