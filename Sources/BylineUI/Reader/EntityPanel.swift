import BylineCore

/// The side panel: the article's people, places and organisations with their mention counts,
/// and for people their role and number of quotes.
public struct EntityPanel: Equatable, Sendable {
  /// One row of the panel.
  public struct Entry: Equatable, Sendable {
    /// Index into `analysis.entities`.
    public var entity: Int
    public var name: String
    public var kind: Entity.Kind
    public var mentions: Int
    public var role: String?
    public var quotes: Int
  }

  public var isVisible = false
  public var isFocused = false
  /// Entities in panel order: people, places, organisations, each by mentions.
  public private(set) var entries: [Entry]
  /// The index into `entries` of the selected row.
  public private(set) var selection = 0
  /// The panel's lines (headings, entries, their detail lines, blanks) as one list, scrolled by
  /// a ``ListCursor`` (every list's policy) so that the selected entry, its detail line and,
  /// for the first of a kind, its heading are in sight.
  public private(set) var view = ListCursor()
  /// The line of each entry in the panel, and whether a detail line follows it.
  private var lineOfEntry: [Int] = []
  private var hasDetail: [Bool] = []

  /// False until the rows are made: a reader makes them when the panel is first used, so an
  /// article of 170,000 names costs no rows (64 bytes each, and three times that while they
  /// are sorted) unless the panel is opened.
  public private(set) var isLoaded = true

  public init(analysis: ArticleAnalysis) {
    entries = Self.entries(of: analysis)
    layOutLines()
  }

  /// A panel whose rows are made by ``load(from:)`` when it is first used.
  static var unloaded: EntityPanel { EntityPanel() }

  private init() {
    entries = []
    isLoaded = false
  }

  /// Makes the rows, once: the panel is then as ``init(analysis:)`` makes it, with the
  /// visibility and focus it had.
  mutating func load(from analysis: ArticleAnalysis) {
    guard !isLoaded else { return }
    entries = Self.entries(of: analysis)
    isLoaded = true
    layOutLines()
  }

  private static func entries(of analysis: ArticleAnalysis) -> [Entry] {
    var quoteCounts: [String: Int] = [:]
    for quote in analysis.quotes { if let speaker = quote.speaker { quoteCounts[speaker, default: 0] += 1 } }
    let all = analysis.entities.enumerated().map { index, entity in
      Entry(
        entity: index, name: entity.name, kind: entity.kind, mentions: entity.mentions.count,
        role: entity.role, quotes: quoteCounts[entity.name] ?? 0)
    }
    return Entity.Kind.allCases.flatMap { kind in
      all.filter { $0.kind == kind }.sorted {
        ($0.mentions + $0.quotes, $1.name) > ($1.mentions + $1.quotes, $0.name)
      }
    }
  }

  /// The lines as draw(into:) makes them: per kind a heading, the entries, a blank.
  private mutating func layOutLines() {
    lineOfEntry = []
    hasDetail = []
    var line = 0
    for kind in Entity.Kind.allCases {
      line += 1
      for entry in entries where entry.kind == kind {
        lineOfEntry.append(line)
        let detail = kind == .person && (entry.role != nil || entry.quotes > 0)
        hasDetail.append(detail)
        line += detail ? 2 : 1
      }
      line += 1
    }
    view = ListCursor(count: entries.isEmpty ? 2 : line)
  }

  public var selectedEntity: Int? { entries.indices.contains(selection) ? entries[selection].entity : nil }

  /// Selects the row of an entity (an index into `analysis.entities`), in a panel `height`
  /// lines high.
  public mutating func select(entity: Int, height: Int) {
    if let row = entries.firstIndex(where: { $0.entity == entity }) { select(row, height: height) }
  }

  public mutating func move(by delta: Int, height: Int) {
    guard !entries.isEmpty else { return }
    select(max(0, min(entries.count - 1, selection + delta)), height: height)
  }

  /// The panel is now `height` lines high.
  mutating func fit(height: Int) {
    guard !entries.isEmpty else { return }
    select(selection, height: height)
  }

  private mutating func select(_ row: Int, height: Int) {
    selection = row
    let line = lineOfEntry[row]
    view.select(line + (hasDetail[row] ? 1 : 0), height: height)
    let firstOfKind = row == 0 || entries[row - 1].kind != entries[row].kind
    view.select(firstOfKind ? line - 1 : line, height: height)
  }

  func isOverlay(in state: ReaderState) -> Bool { state.geometry.panelIsOverlay }

  /// The panel's heading for a kind.
  static func heading(_ kind: Entity.Kind) -> String {
    switch kind {
    case .person: return "People"
    case .place: return "Places"
    case .organisation: return "Organisations"
    }
  }

  /// Draws the panel into `frame` at `column`, `width` columns wide, over the body rows.
  func draw(into frame: inout Frame, column: Int, width: Int, height: Int) {
    for row in 0..<height { frame.fill(row: row, from: column, to: column + width, role: .panel) }
    if column > 0 {
      for row in 0..<height { frame.put("│", row: row, column: column - 1, role: .meta) }
    }
    // Rows: a heading per kind, then one or two lines per entry.
    struct Row { var left: String; var right: String; var role: StyleRole; var entry: Int? }
    var rows: [Row] = []
    for kind in Entity.Kind.allCases {
      let group = entries.indices.filter { entries[$0].kind == kind }
      rows.append(
        Row(left: "\(EntityPanel.heading(kind)) (\(group.count))", right: "", role: .panelHeading, entry: nil))
      for index in group {
        let entry = entries[index]
        rows.append(Row(left: entry.name, right: "\(entry.mentions)", role: .panel, entry: index))
        if kind == .person, entry.role != nil || entry.quotes > 0 {
          var detail: [String] = []
          if let role = entry.role { detail.append(role) }
          if entry.quotes > 0 { detail.append("\(entry.quotes) quote\(entry.quotes == 1 ? "" : "s")") }
          rows.append(Row(left: "  " + detail.joined(separator: " · "), right: "", role: .meta, entry: index))
        }
      }
      rows.append(Row(left: "", right: "", role: .panel, entry: nil))
    }
    if entries.isEmpty {
      rows = [
        Row(left: "No people, places or", right: "", role: .meta, entry: nil),
        Row(left: "organisations found.", right: "", role: .meta, entry: nil),
      ]
    }
    let top = view.visible(height: height).lowerBound
    for (r, row) in rows.dropFirst(top).prefix(height).enumerated() {
      let selected = row.entry == selection && !entries.isEmpty
      let role: StyleRole = selected && isFocused ? .selection : row.role
      if selected { frame.fill(row: r, from: column, to: column + width, role: role) }
      let rightWidth = DisplayWidth.width(of: row.right)
      let marker = selected && row.role != .meta ? (isFocused ? "▸" : "›") : " "
      frame.put(marker, row: r, column: column, role: role)
      frame.put(row.left, row: r, column: column + 1, role: role, limit: column + width - rightWidth - 2)
      if !row.right.isEmpty {
        frame.put(
          row.right, row: r, column: column + width - rightWidth - 1, role: selected && isFocused ? .selection : .meta)
      }
    }
  }
}
