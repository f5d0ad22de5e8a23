/// The selected row of a list and the first row shown: the one cursor and the one scrolling
/// policy of every list in Byline.
///
/// The policy: the selection moves within the list's bounds (it stops at either end, it does
/// not wrap); the view scrolls only as far as it must to keep the selection in sight (one row
/// at a time when stepping, so the rows around it stay where the eye left them); and the
/// window is never scrolled past the last row while rows above are hidden, so a list that fits
/// shows from its first row and a short list after a resize fills its window.
public struct ListCursor: Equatable, Sendable {
  /// How many rows the list has.
  public private(set) var count: Int
  /// The selected row (0 in an empty list).
  public private(set) var selected: Int
  /// The first row shown.
  public private(set) var top: Int

  public init(count: Int = 0, selected: Int = 0) {
    self.count = max(0, count)
    self.selected = 0
    self.top = 0
    self.selected = clamp(selected)
  }

  /// Whether the list has no rows.
  public var isEmpty: Bool { count == 0 }

  /// Moves the selection by `delta` rows, keeping it in a window of `height` rows.
  public mutating func move(by delta: Int, height: Int) {
    select(selected + delta, height: height)
  }

  /// Selects a row (clamped to the list), keeping it in a window of `height` rows.
  public mutating func select(_ row: Int, height: Int) {
    selected = clamp(row)
    scroll(height: height)
  }

  /// The list now has `count` rows: the selection goes to `selected` (clamped), the view
  /// follows it.
  public mutating func reset(count: Int, selected: Int = 0, height: Int) {
    self.count = max(0, count)
    self.selected = clamp(selected)
    scroll(height: height)
  }

  /// The window is now `height` rows high (a resize): the selection stays in sight.
  public mutating func fit(height: Int) { scroll(height: height) }

  /// The rows shown in a window of `height` rows.
  public func visible(height: Int) -> Range<Int> {
    let first = ListCursor.top(top, selected: selected, count: count, height: height)
    return first..<min(count, first + max(0, height))
  }

  private mutating func scroll(height: Int) {
    top = ListCursor.top(top, selected: selected, count: count, height: height)
  }

  private func clamp(_ row: Int) -> Int { count == 0 ? 0 : max(0, min(count - 1, row)) }

  /// The first row shown under the policy, from the previous first row.
  static func top(_ top: Int, selected: Int, count: Int, height: Int) -> Int {
    guard height > 0, count > height else { return 0 }
    var first = top
    if selected < first { first = selected }
    if selected >= first + height { first = selected - height + 1 }
    return max(0, min(first, count - height))
  }
}
