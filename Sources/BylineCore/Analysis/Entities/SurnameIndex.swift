/// Surnames of the article's people, found within one edit of a word in time independent of
/// how many there are.
///
/// ``EntityRecognizer/closeSurname(_:_:)`` used to compare a word with every surname, so an
/// article of many names cost names × words (a 480 KB list of names took 9.7 s). Here every
/// surname is filed under the hash of itself and of each of its one-scalar deletions: two words
/// within one edit (a substitution, an insertion or a deletion) always share one such key, so
/// a lookup hashes the word's own deletions and checks only the surnames filed there. The
/// answer is the one the linear scan gave: the first surname in insertion order within one edit.
struct SurnameIndex {
  private(set) var entries: [(scalars: ArraySlice<Unicode.Scalar>, owner: Int)] = []
  private var byKey: [ScalarHash: [Int]] = [:]
  /// Positions of surnames too long to index (their keys would cost length²): scanned.
  private var long: [Int] = []

  /// Surnames longer than this are scanned rather than indexed.
  static let maximumLength = 40

  mutating func append(_ entry: (scalars: ArraySlice<Unicode.Scalar>, owner: Int)) {
    let position = entries.count
    entries.append(entry)
    guard entry.scalars.count <= Self.maximumLength else { return long.append(position) }
    for key in Self.keys(entry.scalars) where byKey[key]?.last != position {
      byKey[key, default: []].append(position)
    }
  }

  /// The owner of the first surname (in insertion order) within one edit of `word`.
  func first(withinOneEditOf word: ArraySlice<Unicode.Scalar>) -> Int? {
    var best: Int?
    for position in long where abs(entries[position].scalars.count - word.count) <= 1 {
      if EntityRecognizer.withinOneEdit(word, entries[position].scalars) {
        best = position
        break
      }
    }
    // A word this long is within one edit of long surnames only.
    for key in word.count <= Self.maximumLength + 1 ? Self.keys(word) : [] {
      for position in byKey[key, default: []] where position < (best ?? Int.max) {
        let known = entries[position].scalars
        if abs(known.count - word.count) <= 1, EntityRecognizer.withinOneEdit(word, known) {
          best = position
        }
      }
    }
    return best.map { entries[$0].owner }
  }

  /// The hash of the word and of each of its one-scalar deletions.
  private static func keys(_ word: ArraySlice<Unicode.Scalar>) -> [ScalarHash] {
    var keys: [ScalarHash] = []
    keys.reserveCapacity(word.count + 1)
    var whole = ScalarHash()
    for s in word { whole.append(s) }
    keys.append(whole)
    for skip in word.indices {
      var h = ScalarHash()
      for i in word.indices where i != skip { h.append(word[i]) }
      keys.append(h)
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
