import BylineCore
import BylineLibrary
import Foundation

/// The `p` picker: the article's people, narrowed as the user types. Case, accents and
/// punctuation are ignored as in the library's picker (``TextFold/key(_:)``: "oconnor" and
/// "o'connor" find O'Connor), and every word typed must start a word of the name ("is ai"
/// finds "Aiman Ispolova"). It opens empty; Ctrl-U empties it again.
public struct PersonPicker: Equatable, Sendable {
  public private(set) var query = ""
  /// Indices into `analysis.entities`, all people, most mentioned first.
  private let people: [Int]
  private let names: [Int: String]
  /// The people matching the query.
  public private(set) var matches: [Int]
  /// The chosen row of ``matches`` and the first shown (``ListCursor``: every list's policy).
  public private(set) var cursor: ListCursor
  /// The frame's height, which decides how many rows the box shows.
  private var frameHeight: Int

  public var selection: Int { cursor.selected }

  init(analysis: ArticleAnalysis, people: [Int], frameHeight: Int) {
    self.people = people.sorted {
      (analysis.entities[$0].mentions.count, analysis.entities[$1].name)
        > (analysis.entities[$1].mentions.count, analysis.entities[$0].name)
    }
    var names: [Int: String] = [:]
    for index in people {
      let entity = analysis.entities[index]
      names[index] = ([entity.name] + entity.aliases).map(TextFold.key).joined(separator: " ")
    }
    self.names = names
    matches = self.people
    self.frameHeight = frameHeight
    cursor = ListCursor(count: matches.count)
  }

  public var selectedEntity: Int? { matches.indices.contains(selection) ? matches[selection] : nil }

  mutating func type(_ character: Character) {
    query.append(character)
    narrow()
  }

  mutating func deleteBackward() {
    if !query.isEmpty { query.removeLast() }
    narrow()
  }

  /// Ctrl-U: the query emptied, every person listed again.
  mutating func clear() {
    query = ""
    narrow()
  }

  mutating func move(by delta: Int) {
    cursor.move(by: delta, height: rows)
  }

  /// The frame is now `height` rows high.
  mutating func fit(frameHeight height: Int) {
    frameHeight = height
    cursor.fit(height: rows)
  }

  /// How many names the box shows.
  private var rows: Int { PersonPicker.box(count: matches.count, frameHeight: frameHeight).rows }

  /// The box's height and its rows of names in a frame `frameHeight` high: the query line, a
  /// blank, the names, the keys.
  static func box(count: Int, frameHeight: Int) -> (height: Int, rows: Int) {
    let height = min(frameHeight - 3, count + 4)
    return (height, max(1, height - 3))
  }

  private mutating func narrow() {
    let words = TextFold.key(query).split(separator: " ")
    matches = people.filter { index in
      let nameWords = (names[index] ?? "").split(separator: " ")
      return words.allSatisfy { word in nameWords.contains { $0.hasPrefix(word) } }
    }
    cursor.reset(count: matches.count, height: rows)
  }

  /// Draws the picker as a box in the middle of the frame.
  func draw(into frame: inout Frame, analysis: ArticleAnalysis) {
    let width = min(frame.width - 2, 50)
    let height = PersonPicker.box(count: matches.count, frameHeight: frame.height).height
    guard width > 10, height > 3 else { return }
    let left = (frame.width - width) / 2
    let top = max(0, (frame.height - 1 - height) / 2)
    for r in 0..<height { frame.fill(row: top + r, from: left, to: left + width, role: .panel) }
    frame.put(" Person: ", row: top, column: left + 1, role: .panelHeading)
    let x = frame.put(query, row: top, column: left + 10, role: .panel, limit: left + width - 2)
    frame.put("▏", row: top, column: x, role: .panel)
    let shown = cursor.visible(height: height - 3)
    for (k, row) in shown.enumerated() {
      let index = matches[row]
      let entity = analysis.entities[index]
      let selected = row == cursor.selected
      let row = top + 2 + k
      let role: StyleRole = selected ? .selection : .panel
      if selected { frame.fill(row: row, from: left, to: left + width, role: role) }
      var text = entity.name
      if let role = entity.role { text += " — " + role }
      frame.put(text, row: row, column: left + 2, role: role, limit: left + width - 1)
    }
    if matches.isEmpty { frame.put("no one matches", row: top + 2, column: left + 2, role: .meta) }
    frame.put(
      "Enter filters · Ctrl-U clears · Esc closes", row: top + height - 1, column: left + 2, role: .meta,
      limit: left + width - 1)
  }
}
