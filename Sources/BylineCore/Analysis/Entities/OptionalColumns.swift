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

/// A column of optional ranges, most rows empty (a quote's source as written, given only
/// where no cue token tells it): only the rows that have one are kept, where a row of two
/// 32-bit integers each took 8 bytes a quote (1 MB for a flood of 120,000 quotes).
struct OptionalRangeColumn {
  private var ranges: [Int32: (Int32, Int32)] = [:]

  subscript(row: Int) -> TextRange? {
    get { ranges[Int32(row)].map { Range(uncheckedBounds: (Int($0.0), Int($0.1))) } }
    set { ranges[Int32(row)] = newValue.map { (Int32($0.lowerBound), Int32($0.upperBound)) } }
  }
}

/// A column of integers appended in runs of equal values (the block of each quote, quotes
/// being in reading order), kept as one entry a run: a paragraph of twenty quotes takes 8
/// bytes, where a row each took 4 (and an `Int` 8).
struct IndexColumn {
  /// The first row of each run and its value.
  private var starts: [Int32] = []
  private var values: [Int32] = []
  private(set) var count = 0

  mutating func append(_ value: Int) {
    if values.last != Int32(value) {
      starts.append(Int32(count))
      values.append(Int32(value))
    }
    count += 1
  }

  subscript(row: Int) -> Int {
    precondition(row >= 0 && row < count, "row out of range")
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(starts[mid]) <= row { low = mid } else { high = mid - 1 }
    }
    return Int(values[low])
  }
}

/// A column of optional strings from a small set (the cues as written: "said", "told",
/// "according to"), each row an index into the strings seen: 4 bytes a row where a
/// `String?` took 16.
struct OptionalStringColumn {
  private var rows: SmallIndexRows
  private var strings = StringTable()

  init(count: Int) { rows = SmallIndexRows(count: count) }

  subscript(row: Int) -> String? {
    get { rows[row] < 0 ? nil : strings[rows[row]] }
    set { rows[row] = newValue.map { strings.index(of: $0) } ?? -1 }
  }
}

/// Strings filed once each, by their bytes (``ExactString``), each known by its index.
struct StringTable {
  private var strings: [String] = []
  private var indexOf: [ExactString: Int32] = [:]

  subscript(index: Int32) -> String { strings[Int(index)] }

  /// The index of `string`, filed now if it is new.
  mutating func index(of string: String) -> Int32 {
    let key = ExactString(string)
    if let known = indexOf[key] { return known }
    let index = Int32(strings.count)
    strings.append(string)
    indexOf[key] = index
    return index
  }
}

/// A string compared and hashed by its UTF-8 bytes, not by canonical equivalence as `String`
/// is: a table of strings seen gives back the very bytes it was given ("é" as one scalar or
/// two stays as written).
struct ExactString: Hashable {
  let string: String

  init(_ string: String) { self.string = string }

  static func == (a: ExactString, b: ExactString) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

  func hash(into hasher: inout Hasher) {
    hasher.combine(string.utf8.count)
    for byte in string.utf8 { hasher.combine(byte) }
  }
}

extension SpeechAttributor {
  /// A column of optional speakers: an entity's index, or a description as written kept in a
  /// table (4 bytes a row where a `Speaker?` took 24).
  struct SpeakerColumn {
    /// -1 for none, 2e for entity e, 2k + 1 for description k.
    private var rows: SmallIndexRows
    private var descriptions = StringTable()

    init(count: Int) { rows = SmallIndexRows(count: count) }

    subscript(row: Int) -> Speaker? {
      get {
        let value = rows[row]
        if value < 0 { return nil }
        return value % 2 == 0 ? .entity(Int(value / 2)) : .description(descriptions[value / 2])
      }
      set {
        switch newValue {
        case nil: rows[row] = -1
        case .entity(let index): rows[row] = Int32(index) * 2
        case .description(let text): rows[row] = descriptions.index(of: text) * 2 + 1
        }
      }
    }
  }
}

/// Rows of small indices, -1 for none: 2 bytes a row while every index is under 65,535
/// (cues, speakers and the entity of each token of an article of fewer than 32,767
/// entities), 4 after (widened once).
struct SmallIndexRows {
  private var narrow: [UInt16]
  private var wide: [Int32]?

  private static let none = UInt16.max

  /// `count` rows of none.
  init(count: Int) { narrow = Array(repeating: Self.none, count: count) }

  var count: Int { wide?.count ?? narrow.count }

  subscript(row: Int) -> Int32 {
    get {
      if let wide { return wide[row] }
      let value = narrow[row]
      return value == Self.none ? -1 : Int32(value)
    }
    set {
      if wide != nil {
        wide![row] = newValue
      } else if newValue < 0 {
        narrow[row] = Self.none
      } else if newValue < Int32(Self.none) {
        narrow[row] = UInt16(newValue)
      } else {
        // Index 65,535 or more: every row widened to 4 bytes, once.
        var widened = narrow.map { $0 == Self.none ? Int32(-1) : Int32($0) }
        widened[row] = newValue
        wide = widened
        narrow = []
      }
    }
  }
}
