/// A screen as a grid of styled cells: what every view renders into.
///
/// Views never talk to a terminal: they fill a Frame, which the terminal backend draws and
/// which tests and `byline render` read as text. A character two columns wide fills its cell
/// and marks the next one as its continuation.
public struct Frame: Equatable, Sendable {
  /// One terminal cell.
  public struct Cell: Equatable, Sendable {
    /// The grapheme shown in the cell ("" for the right half of a wide character).
    public var text: String
    public var role: StyleRole
    /// True for the second column of a two-column character.
    public var isContinuation: Bool

    public init(text: String = " ", role: StyleRole = .text, isContinuation: Bool = false) {
      self.text = text
      self.role = role
      self.isContinuation = isContinuation
    }
  }

  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, role: StyleRole = .text) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(role: role), count: self.width * self.height)
  }

  public subscript(row: Int, column: Int) -> Cell {
    get { cells[row * width + column] }
    set { cells[row * width + column] = newValue }
  }

  /// Writes `text` from `column` on `row`, clipped at `limit` (default: the frame's width).
  /// A wide character that would not fit is replaced by spaces. Returns the next column.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, row: Int, column: Int, role: StyleRole, limit: Int? = nil
  ) -> Int {
    guard row >= 0, row < height else { return column }
    let end = min(limit ?? width, width)
    var x = column
    for character in text {
      let w = DisplayWidth.width(of: character)
      if w == 0 {
        // A lone combining mark or control: attach to nothing, show nothing.
        continue
      }
      if x + w > end {
        while x < end {
          self[row, x] = Cell(text: " ", role: role)
          x += 1
        }
        break
      }
      if x >= 0 {
        self[row, x] = Cell(text: String(character), role: role)
        if w == 2 { self[row, x + 1] = Cell(text: "", role: role, isContinuation: true) }
      }
      x += w
    }
    return x
  }

  /// Fills a row (or part of it) with spaces in a role.
  public mutating func fill(row: Int, from column: Int = 0, to end: Int? = nil, role: StyleRole) {
    guard row >= 0, row < height else { return }
    for x in max(0, column)..<min(end ?? width, width) { self[row, x] = Cell(role: role) }
  }

  /// Sets the role of existing cells without changing their text.
  public mutating func restyle(row: Int, columns: Range<Int>, role: StyleRole) {
    guard row >= 0, row < height else { return }
    for x in max(0, columns.lowerBound)..<min(columns.upperBound, width) {
      self[row, x].role = role
    }
  }

  /// The text of one row, trailing spaces removed.
  public func text(row: Int) -> String {
    var line = ""
    for x in 0..<width where !self[row, x].isContinuation { line += self[row, x].text }
    while line.last == " " { line.removeLast() }
    return line
  }

  /// The whole frame as text, one line a row, trailing spaces removed.
  public var plainText: String {
    (0..<height).map { text(row: $0) }.joined(separator: "\n")
  }

  /// The roles of a row as one letter a cell, for compact style assertions in tests.
  public func roleMap(row: Int, legend: [StyleRole: Character]) -> String {
    String((0..<width).map { legend[self[row, $0].role] ?? "." })
  }
}
