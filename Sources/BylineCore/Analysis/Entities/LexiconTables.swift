/// Read-only views of the open-addressing hash tables of a lexicon image (``LexiconImage``):
/// 64-bit ``ScalarHash`` keys, a power-of-two capacity, linear probing, 0 marking an empty
/// slot, and one value array beside the keys. They point into memory a ``LexiconBytes`` owns
/// (the mapped `lexicon.bin`), so a ``Lexicon`` must keep that alive. A class, so that the
/// promise that the pointed-to memory is never written (what makes it safe to share across
/// threads) is made once, by a reference type, and no value type carries `@unchecked Sendable`.
final class LexiconTable: @unchecked Sendable {
  let keys: UnsafePointer<UInt64>?
  let values: UnsafeRawPointer?
  /// Capacity - 1.
  let mask: Int

  init(keys: UnsafePointer<UInt64>?, values: UnsafeRawPointer?, mask: Int) {
    self.keys = keys
    self.values = values
    self.mask = mask
  }

  static let empty = LexiconTable(keys: nil, values: nil, mask: 0)

  /// Spreads a key over the slots (MurmurHash3's finaliser): FNV-1a's low bits alone cluster
  /// for words that differ only at their end.
  @inline(__always)
  static func home(_ key: UInt64) -> UInt64 {
    var x = key
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
  }

  /// The slot holding `key`, or nil. The table is at most half full, so probing ends.
  @inline(__always)
  func slot(_ key: UInt64) -> Int? {
    guard let keys else { return nil }
    var i = Int(truncatingIfNeeded: Self.home(key)) & mask
    while true {
      let k = keys[i]
      if k == 0 { return nil }
      if k == key { return i }
      i = (i &+ 1) & mask
    }
  }

  @inline(__always)
  func byte(_ slot: Int) -> UInt8 { values.unsafelyUnwrapped.load(fromByteOffset: slot, as: UInt8.self) }

  @inline(__always)
  func word(_ slot: Int) -> UInt32 {
    UInt32(littleEndian: values.unsafelyUnwrapped.load(fromByteOffset: slot &* 4, as: UInt32.self))
  }
}

extension Lexicon {
  /// Place names to their kind: `lexicon.places[h]`.
  struct Places: Sendable {
    let table: LexiconTable
    subscript(_ key: ScalarHash) -> PlaceKind? {
      guard let slot = table.slot(key.value) else { return nil }
      return PlaceKind(rawValue: table.byte(slot) & LexiconImage.placeKindMask)
    }
  }

  /// Cities of 300,000 people or more, read from the flag beside their place kind.
  struct BigCities: Sendable {
    let table: LexiconTable
    func contains(_ key: ScalarHash) -> Bool {
      guard let slot = table.slot(key.value) else { return false }
      return table.byte(slot) & LexiconImage.bigCityFlag != 0
    }
  }

  /// First names to the sex they are usually given to: `lexicon.firstNames[h]`.
  struct FirstNames: Sendable {
    let table: LexiconTable
    subscript(_ key: ScalarHash) -> Gender? {
      guard let slot = table.slot(key.value) else { return nil }
      return Gender(rawValue: table.byte(slot))
    }
  }

  /// Surnames to their frequency rank (0 = most common): `lexicon.surnames[h]`.
  struct Surnames: Sendable {
    let table: LexiconTable
    subscript(_ key: ScalarHash) -> Int32? {
      guard let slot = table.slot(key.value) else { return nil }
      return Int32(bitPattern: table.word(slot))
    }
  }

  /// A set of hashed words (common words, demonyms): `lexicon.words.contains(h)`.
  struct Words: Sendable {
    let table: LexiconTable
    func contains(_ key: ScalarHash) -> Bool { table.slot(key.value) != nil }
  }
}
