/// A 64-bit FNV-1a hash over Unicode scalars, so word lists can be looked up straight from
/// ranges of ``Article/scalars`` without building a `String` for every token.
///
/// Phrases hash their words joined by single spaces, so `hash("Central Asia")` equals the hash
/// of the two tokens `Central` and `Asia` combined with ``ScalarHash/appendSpace()``.
struct ScalarHash: Hashable {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  init() {}

  /// The hash of a whole string.
  init(_ string: Substring) {
    for s in string.unicodeScalars { append(s) }
  }

  init(_ string: String) { self.init(Substring(string)) }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }

  /// What `Set` and `Dictionary` use to place a key. The value is already a 64-bit hash, so a
  /// cheap finaliser (MurmurHash3's) stands in for SipHash: lexicon lookups are most of the
  /// analysis, and SipHash was a fifth of its time.
  func _rawHashValue(seed: Int) -> Int {
    var x = value ^ UInt64(UInt(bitPattern: seed))
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return Int(truncatingIfNeeded: x)
  }

  @inline(__always)
  mutating func append(_ scalar: Unicode.Scalar) {
    value = (value ^ UInt64(scalar.value)) &* 0x100_0000_01b3
  }

  @inline(__always)
  mutating func appendSpace() { append(" ") }

  /// Appends the scalars of `text[range]`.
  @inline(__always)
  mutating func append(_ text: ScalarText, _ range: Range<Int>) {
    for i in range { append(text[i]) }
  }

  /// Appends the scalars of `text[range]` lowercased (ASCII fast path).
  mutating func appendLowercased(_ text: ScalarText, _ range: Range<Int>) {
    for i in range {
      let s = text[i]
      if s.value >= 65 && s.value <= 90 {
        append(Unicode.Scalar(s.value + 32)!)
      } else if s.value < 128 {
        append(s)
      } else {
        for l in s.properties.lowercaseMapping.unicodeScalars { append(l) }
      }
    }
  }
}
