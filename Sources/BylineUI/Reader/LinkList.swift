import BylineCore

/// The `l` list: the article's links, numbered as the body numbers them ("the report[3]").
/// ↑/↓ (and the page keys) move, digits go to a link by its number, Enter or `o` opens the
/// chosen link, `y` copies its address, Esc closes. It scrolls as every list does
/// (``ListCursor``).
public struct LinkList: Equatable, Sendable {
  public private(set) var cursor: ListCursor
  /// The digits typed so far, to go to a link by number ("" when none).
  public private(set) var typedNumber = ""

  /// A list of `count` links with `selected` chosen, in a frame `frameHeight` rows high.
  init(count: Int, selected: Int, frameHeight: Int) {
    cursor = ListCursor(count: count)
    cursor.select(selected, height: LinkList.listRows(count: count, frameHeight: frameHeight))
  }

  /// The index into the article's links of the chosen one.
  public var selected: Int { cursor.selected }

  mutating func move(by delta: Int, frameHeight: Int) {
    typedNumber = ""
    cursor.move(by: delta, height: LinkList.listRows(count: cursor.count, frameHeight: frameHeight))
  }

  mutating func select(_ index: Int, frameHeight: Int) {
    typedNumber = ""
    cursor.select(index, height: LinkList.listRows(count: cursor.count, frameHeight: frameHeight))
  }

  mutating func fit(frameHeight: Int) {
    cursor.fit(height: LinkList.listRows(count: cursor.count, frameHeight: frameHeight))
  }

  /// A digit typed: goes to the link of the number typed so far, or of this digit alone when
  /// the longer number has no link. False when neither has one.
  mutating func type(digit: Character, frameHeight: Int) -> Bool {
    for candidate in [typedNumber + String(digit), String(digit)] {
      if let number = Int(candidate), number >= 1, number <= cursor.count {
        cursor.select(number - 1, height: LinkList.listRows(count: cursor.count, frameHeight: frameHeight))
        typedNumber = candidate
        return true
      }
    }
    return false
  }

  /// Backspace: the last digit typed taken back.
  mutating func deleteDigit(frameHeight: Int) {
    guard !typedNumber.isEmpty else { return }
    typedNumber.removeLast()
    if let number = Int(typedNumber), number >= 1, number <= cursor.count {
      cursor.select(number - 1, height: LinkList.listRows(count: cursor.count, frameHeight: frameHeight))
    }
  }

  /// The box: where it sits and how many link rows it shows. Rows: the title, a blank, the
  /// links, a blank, the chosen link's address, the keys.
  struct Box {
    var left: Int
    var top: Int
    var width: Int
    var height: Int
    var rows: Int
  }

  static func box(count: Int, frameWidth: Int, frameHeight: Int) -> Box {
    let width = min(frameWidth - 2, 72)
    let height = min(frameHeight - 1, count + 5)
    return Box(
      left: (frameWidth - width) / 2, top: max(0, (frameHeight - 1 - height) / 2), width: width,
      height: height, rows: max(0, height - 5))
  }

  /// How many link rows the box shows in a frame `frameHeight` rows high.
  static func listRows(count: Int, frameHeight: Int) -> Int {
    max(1, min(frameHeight - 1, count + 5) - 5)
  }

  /// Draws the list as a box in the middle of the frame.
  func draw(into frame: inout Frame, links: [ArticleLink]) {
    let box = LinkList.box(count: links.count, frameWidth: frame.width, frameHeight: frame.height)
    guard box.width > 10, box.rows > 0 else { return }
    let (left, top, width) = (box.left, box.top, box.width)
    for r in 0..<box.height { frame.fill(row: top + r, from: left, to: left + width, role: .panel) }
    var x = frame.put(" Links (\(links.count)) ", row: top, column: left + 1, role: .panelHeading)
    if !typedNumber.isEmpty { x = frame.put("#" + typedNumber, row: top, column: x + 1, role: .panel) }
    let numberWidth = String(links.count).count
    for (k, index) in cursor.visible(height: box.rows).enumerated() {
      let row = top + 2 + k
      let isSelected = index == cursor.selected
      let role: StyleRole = isSelected ? .selection : .panel
      if isSelected { frame.fill(row: row, from: left, to: left + width, role: role) }
      let number = String(index + 1)
      let column = frame.put(
        String(repeating: " ", count: numberWidth - number.count) + number,
        row: row, column: left + 2, role: isSelected ? .selection : .link)
      frame.put(
        StatusFit.cut(links[index].text, width: width - (column - left) - 2), row: row, column: column + 1,
        role: role, limit: left + width - 1)
    }
    let addressRow = top + box.height - 2
    if links.indices.contains(cursor.selected) {
      frame.put(
        StatusFit.cut(links[cursor.selected].url, width: width - 4), row: addressRow, column: left + 2,
        role: .link, limit: left + width - 1)
    }
    frame.put(
      "o opens · y copies · Esc closes", row: top + box.height - 1, column: left + 2,
      role: .meta, limit: left + width - 1)
  }
}
