/// The `?` overlay: a box of keys and what they do. The reader's rows come from the same
/// table the keys are handled by, so the help always lists exactly the keys that work.
public enum HelpOverlay {
  /// The reader's help for the current view.
  public static func draw(into frame: inout Frame, context: ReaderKeyMap.Context) {
    var rows: [(String, String)] = ReaderKeyMap.bindings(in: context).map { ($0.label, $0.description) }
    rows.append(("Ctrl-C", "quit at once"))
    rows.append(("mouse wheel", context == .panel ? "move in the panel" : "turn pages"))
    drawBox(into: &frame, title: context == .panel ? " Keys: entity panel " : " Keys: reading ", rows: rows)
  }

  /// Draws a centred box titled `title` listing `rows` of (keys, what they do).
  public static func drawBox(into frame: inout Frame, title: String, rows: [(String, String)]) {
    let keyWidth = rows.map { DisplayWidth.width(of: $0.0) }.max() ?? 0
    let textWidth = rows.map { DisplayWidth.width(of: $0.1) }.max() ?? 0
    let boxWidth = min(frame.width, keyWidth + textWidth + 7)
    let boxHeight = min(frame.height - 1, rows.count + 4)
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
  }
}
