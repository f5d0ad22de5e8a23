/// Values by an integer key (a token or a block index), kept as two arrays sorted by key and
/// searched by halves. The attributor sets its keys in increasing order (it reads the tokens
/// in order), so every set appends or replaces the last entry; a key out of order is inserted
/// where it belongs.
///
/// A key takes 4 bytes beside its value, where a `Dictionary` took 8 and kept a quarter to
/// a half of its room empty: the attributor's three tables by verb and block were 4.5 MB of
/// the 23 MB that 2 MB of news needed at its peak.
struct SortedTable<Value> {
  private var keys: [Int32] = []
  private var values: [Value] = []

  /// Where `key` is, or where it would go.
  private func position(of key: Int32) -> Int {
    if let last = keys.last, last < key { return keys.count }
    var low = 0
    var high = keys.count
    while low < high {
      let mid = (low + high) / 2
      if keys[mid] < key { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The entry with the greatest key below `key`, if any.
  func last(before key: Int) -> (key: Int, value: Value)? {
    let at = position(of: Int32(key))
    return at > 0 ? (Int(keys[at - 1]), values[at - 1]) : nil
  }

  subscript(key: Int) -> Value? {
    get {
      let k = Int32(key)
      let at = position(of: k)
      return at < keys.count && keys[at] == k ? values[at] : nil
    }
    set {
      let k = Int32(key)
      let at = position(of: k)
      let found = at < keys.count && keys[at] == k
      switch (found, newValue) {
      case (true, let value?): values[at] = value
      case (true, nil):
        keys.remove(at: at)
        values.remove(at: at)
      case (false, let value?):
        keys.insert(k, at: at)
        values.insert(value, at: at)
      case (false, nil): break
      }
    }
  }
}
