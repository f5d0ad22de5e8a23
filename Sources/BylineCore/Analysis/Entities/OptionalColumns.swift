/// Columns of optional token indices and text ranges in 32-bit integers (-1 for none), for
/// tables with a row for every quote: a flood of short quotes has one every 16 bytes, and an
/// `Int?` took 16 bytes a row where 4 do, a `TextRange?` 24 where 8 do. Offsets and indices
/// fit: article texts are at most 50 MB.
struct OptionalIndexColumn {
  private var values: [Int32]

  init(count: Int) { values = Array(repeating: -1, count: count) }

  subscript(row: Int) -> Int? {
    get { values[row] < 0 ? nil : Int(values[row]) }
    set { values[row] = newValue.map { Int32($0) } ?? -1 }
  }
}

/// A column of optional ranges; see ``OptionalIndexColumn``.
struct OptionalRangeColumn {
  private var lowers: [Int32]
  private var uppers: [Int32]

  init(count: Int) {
    lowers = Array(repeating: -1, count: count)
    uppers = Array(repeating: -1, count: count)
  }

  subscript(row: Int) -> TextRange? {
    get { lowers[row] < 0 ? nil : Range(uncheckedBounds: (Int(lowers[row]), Int(uppers[row]))) }
    set {
      lowers[row] = newValue.map { Int32($0.lowerBound) } ?? -1
      uppers[row] = newValue.map { Int32($0.upperBound) } ?? -1
    }
  }
}
