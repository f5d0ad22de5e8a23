import BylineCore
import BylineLibrary
import Foundation

/// The `p` picker: the article's people, narrowed as the user types. Case, accents and
/// punctuation are ignored as in the library's picker (``PeopleIndex/fold(_:)``: "oconnor" and
/// "o'connor" find O'Connor), and every word typed must start a word of the name ("is ai"
/// finds "Aiman Ispolova"). It opens empty; Ctrl-U empties it again.
public struct PersonPicker: Equatable, Sendable {
  public private(set) var query = ""
  /// Indices into `analysis.entities`, all people, most mentioned first.
  private let people: [Int]
  private let names: [Int: String]
  /// The people matching the query.
  public private(set) var matches: [Int]
  public private(set) var selection = 0

  init(analysis: ArticleAnalysis, people: [Int]) {
    self.people = people.sorted {
      (analysis.entities[$0].mentions.count, analysis.entities[$1].name)
        > (analysis.entities[$1].mentions.count, analysis.entities[$0].name)
    }
    var names: [Int: String] = [:]
    for index in people {
      let entity = analysis.entities[index]
      names[index] = ([entity.name] + entity.aliases).map(PersonPicker.fold).joined(separator: " ")
    }
    self.names = names
    matches = self.people
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
    guard !matches.isEmpty else { return }
    selection = max(0, min(matches.count - 1, selection + delta))
  }

  private mutating func narrow() {
    let words = PersonPicker.fold(query).split(separator: " ")
    matches = people.filter { index in
      let nameWords = (names[index] ?? "").split(separator: " ")
      return words.allSatisfy { word in nameWords.contains { $0.hasPrefix(word) } }
    }
    selection = 0
  }

  /// Lower case, accents and apostrophes removed, other punctuation as spaces: the library's
  /// fold, so that both pickers find the same names.
  public static func fold(_ text: String) -> String {
    PeopleIndex.fold(text)
  }

  /// Draws the picker as a box in the middle of the frame.
  func draw(into frame: inout Frame, analysis: ArticleAnalysis) {
    let width = min(frame.width - 2, 50)
    let height = min(frame.height - 3, matches.count + 4)
    guard width > 10, height > 3 else { return }
    let left = (frame.width - width) / 2
    let top = max(0, (frame.height - 1 - height) / 2)
    for r in 0..<height { frame.fill(row: top + r, from: left, to: left + width, role: .panel) }
    frame.put(" Person: ", row: top, column: left + 1, role: .panelHeading)
    let x = frame.put(query, row: top, column: left + 10, role: .panel, limit: left + width - 2)
    frame.put("▏", row: top, column: x, role: .panel)
    let visible = height - 3
    let first = max(0, min(selection - visible + 1, matches.count - visible))
    for (k, index) in matches.dropFirst(first).prefix(visible).enumerated() {
      let entity = analysis.entities[index]
      let selected = first + k == selection
      let row = top + 2 + k
      let role: StyleRole = selected ? .selection : .panel
      if selected { frame.fill(row: row, from: left, to: left + width, role: role) }
      var text = entity.name
      if let role = entity.role { text += " — " + role }
      frame.put(text, row: row, column: left + 2, role: role, limit: left + width - 1)
    }
    if matches.isEmpty { frame.put("no one matches", row: top + 2, column: left + 2, role: .meta) }
    frame.put("Enter filters · Ctrl-U clears · Esc closes", row: top + height - 1, column: left + 2, role: .meta,
      limit: left + width - 1)
  }
}
