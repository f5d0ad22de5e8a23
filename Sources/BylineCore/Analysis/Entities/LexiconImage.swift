import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The binary form of the lexicon (`Resources/lexicon.bin`), generated from the text resources
/// by ``build(from:digest:)`` and mapped read-only at start-up, so no command parses 150,000
/// lines before it can begin (see `Resources/README.md`).
///
/// Layout, all little-endian: a header of 32 bytes (magic `BYLNLEX1`, format version, the most
/// words of a place name, the digest of the text files it was built from, the table count),
/// then one 32-byte entry per table (capacity, entries, offset of the keys, offset of the
/// values or 0), then the tables. Each table is an open-addressing hash table: `capacity`
/// (a power of two, at most half full) UInt64 keys, the ``ScalarHash`` values, 0 for an empty
/// slot, placed at ``LexiconTable/home(_:)`` and probed linearly; then one value per slot.
enum LexiconImage {
  /// `BYLNLEX1` read as a little-endian UInt64.
  static let magic: UInt64 = 0x3158_454C_4E4C_5942
  /// Raised whenever the layout or the meaning of a value changes.
  static let version: UInt32 = 1
  /// The resource's file name.
  static let fileName = "lexicon.bin"
  static let headerSize = 32
  static let tableEntrySize = 32

  /// The tables, in file order, and the bytes each value takes.
  enum Table: Int, CaseIterable {
    /// Value: ``Lexicon/PlaceKind`` in the low bits, ``bigCityFlag`` set for a big city.
    case places
    /// Value: ``Lexicon/Gender``.
    case firstNames
    /// Value: UInt32 frequency rank.
    case surnames
    /// A set: no values.
    case words
    case demonyms

    var valueWidth: Int {
      switch self {
      case .places, .firstNames: 1
      case .surnames: 4
      case .words, .demonyms: 0
      }
    }
  }

  static let placeKindMask: UInt8 = 0x03
  static let bigCityFlag: UInt8 = 0x80

  /// The tables and scalars of an image that passed every check.
  struct Contents {
    var tables: [LexiconTable]
    var longestPlaceWords: Int
    var digest: UInt64
  }

  // MARK: Building

  /// The image of `text`, stamped with `digest` (of the files `text` was parsed from). The
  /// same text always gives the same bytes: keys are placed in ascending order.
  static func build(from text: LexiconText, digest: UInt64) -> [UInt8] {
    var places: [UInt64: UInt32] = [:]
    for (key, kind) in text.places {
      places[key.value] = UInt32(kind.rawValue | (text.bigCities.contains(key) ? bigCityFlag : 0))
    }
    let entries: [[UInt64: UInt32]] = [
      places,
      Dictionary(uniqueKeysWithValues: text.firstNames.map { ($0.key.value, UInt32($0.value.rawValue)) }),
      Dictionary(uniqueKeysWithValues: text.surnames.map { ($0.key.value, UInt32(bitPattern: $0.value)) }),
      Dictionary(uniqueKeysWithValues: text.words.map { ($0.value, 0) }),
      Dictionary(uniqueKeysWithValues: text.demonyms.map { ($0.value, 0) }),
    ]
    var out: [UInt8] = []
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    func pad() { while out.count % 8 != 0 { out.append(0) } }
    append(magic)
    append(version)
    append(UInt32(text.longestPlaceWords))
    append(digest)
    append(UInt32(Table.allCases.count))
    append(UInt32(0))
    let directory = out.count
    out.append(contentsOf: [UInt8](repeating: 0, count: Table.allCases.count * tableEntrySize))
    for table in Table.allCases {
      let (keys, values) = hashTable(entries[table.rawValue])
      let keysOffset = out.count
      for key in keys { append(key) }
      var valuesOffset = 0
      if table.valueWidth > 0 {
        valuesOffset = out.count
        for value in values {
          if table.valueWidth == 1 { append(UInt8(truncatingIfNeeded: value)) } else { append(value) }
        }
        pad()
      }
      let fields = [
        UInt64(keys.count), UInt64(entries[table.rawValue].count), UInt64(keysOffset), UInt64(valuesOffset),
      ]
      for (n, field) in fields.enumerated() {
        withUnsafeBytes(of: field.littleEndian) { bytes in
          let at = directory + table.rawValue * tableEntrySize + n * 8
          out.replaceSubrange(at..<(at + 8), with: bytes)
        }
      }
    }
    return out
  }

  /// Open addressing with linear probing, at most half full, keys inserted in ascending order.
  static func hashTable(_ entries: [UInt64: UInt32]) -> (keys: [UInt64], values: [UInt32]) {
    var capacity = 8
    while capacity < entries.count * 2 { capacity *= 2 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var values = [UInt32](repeating: 0, count: capacity)
    for key in entries.keys.sorted() {
      // 0 marks an empty slot; no word of the lists hashes to it (a 2^-64 chance).
      precondition(key != 0, "a lexicon word hashes to 0, which marks an empty slot")
      var i = Int(truncatingIfNeeded: LexiconTable.home(key)) & (capacity - 1)
      while keys[i] != 0 { i = (i + 1) & (capacity - 1) }
      keys[i] = key
      values[i] = entries[key]!
    }
    return (keys, values)
  }

  // MARK: Digest

  /// A 64-bit digest of the text files' names and sizes (``LexiconText/files``, in order),
  /// the format version, and of ``ScalarHash`` and ``LexiconTable/home(_:)`` on a probe word:
  /// an image whose digest differs was built from other files or by other code. Sizes, not
  /// contents, so that no command reads 2 MB of text to start: an edit that keeps a file's
  /// size is caught by `LexiconImageTests.imageIsCurrent`, which rebuilds the image from the
  /// text and compares every byte.
  static func digest(size: (String) throws(Lexicon.LoadError) -> Int) throws(Lexicon.LoadError) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(version)
    func mix(_ word: UInt64) {
      h = (h ^ word) &* 0x100_0000_01b3
      h ^= h >> 29
    }
    let probe = ScalarHash("Zürich Naïve-Ō'Brien").value
    mix(probe)
    mix(LexiconTable.home(probe))
    for name in LexiconText.files {
      for byte in name.utf8 { mix(UInt64(byte)) }
      mix(UInt64(try size(name)))
    }
    return h
  }

  // MARK: Reading

  /// The tables of the image in `bytes`, or nil when its magic, version or digest differs
  /// (`expectedDigest` nil accepts any) or a table does not fit in it.
  static func contents(of bytes: LexiconBytes, expectedDigest: UInt64?) -> Contents? {
    let base = bytes.base
    let size = bytes.count
    guard size >= headerSize + Table.allCases.count * tableEntrySize else { return nil }
    func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    guard u64(0) == magic, u32(8) == version, u32(24) == UInt32(Table.allCases.count) else { return nil }
    let digest = u64(16)
    if let expectedDigest, digest != expectedDigest { return nil }
    var tables: [LexiconTable] = []
    for table in Table.allCases {
      let entry = headerSize + table.rawValue * tableEntrySize
      let capacity = Int(truncatingIfNeeded: u64(entry))
      let count = Int(truncatingIfNeeded: u64(entry + 8))
      let keysOffset = Int(truncatingIfNeeded: u64(entry + 16))
      let valuesOffset = Int(truncatingIfNeeded: u64(entry + 24))
      guard capacity > 0, capacity & (capacity - 1) == 0, capacity <= size / 8, count >= 0, count * 2 <= capacity,
        keysOffset > 0, keysOffset % 8 == 0, keysOffset <= size - capacity * 8
      else { return nil }
      var values: UnsafeRawPointer?
      if table.valueWidth > 0 {
        guard valuesOffset > 0, valuesOffset % 8 == 0, valuesOffset <= size - capacity * table.valueWidth else {
          return nil
        }
        values = base + valuesOffset
      }
      let keys = (base + keysOffset).assumingMemoryBound(to: UInt64.self)
      tables.append(LexiconTable(keys: keys, values: values, mask: capacity - 1))
    }
    return Contents(tables: tables, longestPlaceWords: Int(u32(12)), digest: digest)
  }
}

/// The bytes of a lexicon image: a read-only mapping of `lexicon.bin` (shared with every
/// other process reading it, never copied) or, when the image was built from the text
/// resources, a heap copy. Freed with the last ``Lexicon`` using it.
final class LexiconBytes: @unchecked Sendable {
  let base: UnsafeRawPointer
  let count: Int
  /// True for a file mapping.
  let isMapped: Bool

  /// Maps the file at `path`, or nil if it cannot be opened or is empty.
  init?(mapping path: String) {
    #if canImport(Glibc) || canImport(Darwin)
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
      let size = Int(info.st_size)
      // Populated at once: any article of some length looks words up all over the tables, and
      // faulting the pages in one by one as they were first read made the reference data's
      // memory (up to its 2.9 MB, shared with every process reading the file) count as the
      // article's in `byline bench`, which subtracts what a one-line article uses.
      #if os(Linux)
        let flags = MAP_PRIVATE | 0x8000  // MAP_POPULATE
      #else
        let flags = MAP_PRIVATE
      #endif
      guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else { return nil }
      base = UnsafeRawPointer(address)
      count = size
      isMapped = true
    #else
      return nil
    #endif
  }

  /// A heap copy of `bytes` (8-byte aligned, as the tables need).
  init(copying bytes: [UInt8]) {
    let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 8), alignment: 8)
    bytes.withUnsafeBytes { raw in
      if let source = raw.baseAddress { memory.copyMemory(from: source, byteCount: raw.count) }
    }
    base = UnsafeRawPointer(memory)
    count = bytes.count
    isMapped = false
  }

  deinit {
    #if canImport(Glibc) || canImport(Darwin)
      if isMapped {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
        return
      }
    #endif
    UnsafeMutableRawPointer(mutating: base).deallocate()
  }
}
