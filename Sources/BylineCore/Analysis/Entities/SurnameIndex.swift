/// Surnames of the article's people, found within one edit of a word in time independent of
/// how many there are.
///
/// ``EntityRecognizer/closeSurname(_:_:)`` used to compare a word with every surname, so an
/// article of many names cost names × words (a 480 KB list of names took 9.7 s). Here every
/// surname is filed under the hash of itself and of each of its one-scalar deletions: two words
/// within one edit (a substitution, an insertion or a deletion) always share one such key, so
/// a lookup hashes the word's own deletions and checks only the surnames filed there. The
/// answer is the one the linear scan gave: the first surname in insertion order within one edit.
///
/// Memory: a surname is 12 bytes until the first lookup, which files the surnames appended so
/// far (and each later lookup those appended since) in one open-addressing table of 32-bit
/// keys and positions, 8 bytes a slot. Most articles never look a word up; a list of 170,000
/// names used to cost about 700 bytes a name (a dictionary entry and an array per key).
/// A class, so that a lookup through a constant can file what it needs.
final class SurnameIndex {
  /// The text the surnames are ranges of.
  private let text: ScalarText
  /// Each surname as a range of `text` and its owner.
  private var lowers: [Int32] = []
  private var uppers: [Int32] = []
  private var owners: [Int32] = []
  /// The table: a key (0 for an empty slot) and the position of a surname filed under it.
  private var slotKeys: [UInt32] = []
  private var slotPositions: [Int32] = []
  private var used = 0
  /// Surnames filed so far.
  private var indexed = 0
  /// Positions of surnames too long to index (their keys would cost length²): scanned.
  private var long: [Int] = []

  /// Surnames longer than this are scanned rather than indexed.
  static let maximumLength = 40

  init(text: ScalarText) { self.text = text }

  /// How many surnames have been appended.
  var count: Int { owners.count }

  /// Appends the surname at `range` of the text, owned by `owner`.
  func append(range: Range<Int>, owner: Int) {
    lowers.append(Int32(range.lowerBound))
    uppers.append(Int32(range.upperBound))
    owners.append(Int32(owner))
  }

  private func scalars(_ position: Int) -> Slice<ScalarText> {
    text[Int(lowers[position])..<Int(uppers[position])]
  }

  /// Files the surnames appended since the last lookup.
  private func catchUp() {
    while indexed < owners.count {
      let position = indexed
      indexed += 1
      let word = scalars(position)
      guard word.count <= Self.maximumLength else {
        long.append(position)
        continue
      }
      var keys = Self.keys(word)
      keys.sort()
      var previous: UInt32 = 0
      for key in keys where key != previous {
        insert(key, position)
        previous = key
      }
    }
  }

  private func insert(_ key: UInt32, _ position: Int) {
    if (used + 1) * 2 > slotKeys.count { grow() }
    let mask = slotKeys.count - 1
    var i = Self.slot(key) & mask
    while slotKeys[i] != 0 { i = (i + 1) & mask }
    slotKeys[i] = key
    slotPositions[i] = Int32(position)
    used += 1
  }

  private func grow() {
    let oldKeys = slotKeys
    let oldPositions = slotPositions
    let capacity = max(64, slotKeys.count * 2)
    slotKeys = [UInt32](repeating: 0, count: capacity)
    slotPositions = [Int32](repeating: 0, count: capacity)
    used = 0
    for (key, position) in zip(oldKeys, oldPositions) where key != 0 { insert(key, Int(position)) }
  }

  private static func slot(_ key: UInt32) -> Int {
    var x = UInt64(key)
    x ^= x >> 16
    x &*= 0x45d9_f3b3_7197_344d
    x ^= x >> 29
    return Int(truncatingIfNeeded: x)
  }

  /// The owner of the first surname (in insertion order) within one edit of `word`.
  func first<W: RandomAccessCollection>(withinOneEditOf word: W) -> Int?
  where W.Element == Unicode.Scalar, W.Index == Int {
    catchUp()
    var best: Int?
    for position in long where abs(scalars(position).count - word.count) <= 1 {
      if EntityRecognizer.withinOneEdit(word, scalars(position)) {
        best = position
        break
      }
    }
    // A word this long is within one edit of long surnames only.
    if word.count <= Self.maximumLength + 1, !slotKeys.isEmpty {
      let mask = slotKeys.count - 1
      for key in Self.keys(word) {
        var i = Self.slot(key) & mask
        while slotKeys[i] != 0 {
          let position = Int(slotPositions[i])
          if slotKeys[i] == key, position < (best ?? Int.max) {
            let known = scalars(position)
            if abs(known.count - word.count) <= 1, EntityRecognizer.withinOneEdit(word, known) {
              best = position
            }
          }
          i = (i + 1) & mask
        }
      }
    }
    return best.map { Int(owners[$0]) }
  }

  /// The key of the word and of each of its one-scalar deletions: 32 bits of their hashes
  /// (never 0, the empty slot). Two keys that collide only cost a comparison.
  private static func keys<W: RandomAccessCollection>(_ word: W) -> [UInt32]
  where W.Element == Unicode.Scalar, W.Index == Int {
    func key(_ h: ScalarHash) -> UInt32 {
      let k = UInt32(truncatingIfNeeded: h.value ^ (h.value >> 32))
      return k == 0 ? 1 : k
    }
    var keys: [UInt32] = []
    keys.reserveCapacity(word.count + 1)
    var whole = ScalarHash()
    for s in word { whole.append(s) }
    keys.append(key(whole))
    for skip in word.indices {
      var h = ScalarHash()
      for i in word.indices where i != skip { h.append(word[i]) }
      keys.append(key(h))
    }
    return keys
  }
}

/// People by the proper prefixes (4 characters or more) of their first name, for
/// ``EntityRecognizer/personWithFirstNameStarting(_:in:prefixes:)``: "Deb" for "Debbie
/// Harris" without comparing the word with every person (which cost persons × words).
///
/// Entities are indexed as they are appended (``catchUp(_:)``). The recogniser asks only after
/// every full name has been merged, so no person it indexed is renamed afterwards.
struct FirstWordPrefixes {
  private var indexed = 0
  private var byPrefix: [String: [Int]] = [:]

  /// Indexes the entities appended since the last call.
  mutating func catchUp(_ entities: [Entity]) {
    while indexed < entities.count {
      let e = entities[indexed]
      if e.kind == .person, let space = e.name.firstIndex(of: " ") {
        let first = e.name[..<space]
        var prefix = ""
        for (n, character) in first.enumerated() {
          if n >= 4 { byPrefix[prefix, default: []].append(indexed) }
          prefix.append(character)
        }
      }
      indexed += 1
    }
  }

  /// Persons whose first name starts with `short` and is longer, in entity order.
  func candidates(_ short: String) -> [Int] { byPrefix[short] ?? [] }
}
