/// A table from ``ScalarHash`` keys to entity indices, as a `[ScalarHash: Int]` answers, in
/// two arrays: 12 bytes a slot (the 64-bit key, a 32-bit index) where the dictionary took 16.
/// The grouper files every name of the article in one (4 MB for 165,000 names as a
/// dictionary, 3 MB here). Open addressing with linear probing, at most three quarters full;
/// nothing is ever removed.
struct ScalarHashIndex {
  private var keys: [UInt64] = []
  /// The index filed in each slot, -1 for an empty slot.
  private var values: [Int32] = []
  private var used = 0

  /// Room for `count` keys without growing.
  mutating func reserveCapacity(_ count: Int) {
    var capacity = 16
    while capacity * 3 < count * 4 { capacity *= 2 }
    if capacity > keys.count { resize(capacity) }
  }

  subscript(key: ScalarHash) -> Int? {
    get {
      guard !keys.isEmpty else { return nil }
      let mask = keys.count - 1
      var i = Self.slot(key.value) & mask
      while values[i] >= 0 {
        if keys[i] == key.value { return Int(values[i]) }
        i = (i + 1) & mask
      }
      return nil
    }
    set {
      guard let newValue else { preconditionFailure("ScalarHashIndex never removes a key") }
      if (used + 1) * 4 > keys.count * 3 { resize(max(16, keys.count * 2)) }
      let mask = keys.count - 1
      var i = Self.slot(key.value) & mask
      while values[i] >= 0 {
        if keys[i] == key.value {
          values[i] = Int32(newValue)
          return
        }
        i = (i + 1) & mask
      }
      keys[i] = key.value
      values[i] = Int32(newValue)
      used += 1
    }
  }

  private mutating func resize(_ capacity: Int) {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: capacity)
    values = [Int32](repeating: -1, count: capacity)
    let mask = capacity - 1
    for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
      var i = Self.slot(key) & mask
      while values[i] >= 0 { i = (i + 1) & mask }
      keys[i] = key
      values[i] = value
    }
  }

  /// The key's bits mixed as the lexicon's tables mix theirs: FNV's low bits alone cluster.
  private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: LexiconTable.home(key))
  }
}
