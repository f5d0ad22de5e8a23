/// An article's model text: its Unicode scalars by integer offset, as ``TextRange``s count
/// them, held in one byte a scalar when the text uses at most 128 scalars outside ASCII (text
/// in a Latin script, with its curly quotes, dashes and accents), else in four.
///
/// An array of `Unicode.Scalar` cost four bytes a scalar: four times the size of an English
/// file for as long as the article lives, and twice that while it was parsed (issue 14: no
/// input may need more than ten times its size).
public struct ScalarText: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  public typealias Index = Int
  public typealias Element = Unicode.Scalar
  public typealias Indices = Range<Int>
  public typealias SubSequence = Slice<ScalarText>

  /// One byte a scalar, an index into `table` (empty once the text is wide).
  @usableFromInline var narrow: [UInt8] = []
  /// The scalar of each byte of `narrow`: ASCII is itself, 128 and up are the text's other
  /// scalars in the order they first came.
  @usableFromInline var table: [Unicode.Scalar] = ScalarText.ascii
  /// Four bytes a scalar, once the text has more than 128 scalars outside ASCII.
  @usableFromInline var wide: [Unicode.Scalar] = []
  @usableFromInline var isWide = false
  /// The byte of each scalar of `table` past ASCII.
  private var codes: [UInt32: UInt8] = [:]

  private static let ascii: [Unicode.Scalar] = (0..<128).map { Unicode.Scalar(UInt8($0)) }

  public init() {}

  public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
    append(contentsOf: scalars)
  }

  public init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

  /// The scalars of a string: its runs of ASCII copied byte for byte (the whole file is made
  /// into one of these before it is parsed).
  public init(_ string: String) {
    var string = string
    reserveCapacity(string.utf8.count)
    string.withUTF8 { bytes in
      let n = bytes.count
      var i = 0
      while i < n {
        var j = i
        while j < n, bytes[j] < 0x80 { j += 1 }
        appendASCII(UnsafeBufferPointer(rebasing: bytes[i..<j]))
        guard j < n else { break }
        // One scalar of two to four bytes (the string's UTF-8 is valid).
        let lead = UInt32(bytes[j])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[j + k] & 0x3F) }
        append(Unicode.Scalar(value) ?? "\u{FFFD}")
        i = j + length
      }
    }
  }

  /// The scalars of a range of another text: runs of ASCII copied byte for byte while both
  /// texts are narrow (the parser copies each line of the file into the article's text).
  public mutating func append(contentsOf slice: Slice<ScalarText>) {
    let base = slice.base
    guard !isWide, !base.isWide else {
      for scalar in slice { append(scalar) }
      return
    }
    base.narrow.withUnsafeBufferPointer { source in
      var i = slice.startIndex
      let end = slice.endIndex
      while i < end {
        var j = i
        while j < end, source[j] < 0x80 { j += 1 }
        appendASCII(UnsafeBufferPointer(rebasing: source[i..<j]))
        guard j < end else { break }
        append(base.table[Int(source[j])])
        i = j + 1
      }
    }
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { isWide ? wide.count : narrow.count }
  @inlinable public var count: Int { endIndex }

  @inlinable public subscript(position: Int) -> Unicode.Scalar {
    isWide ? wide[position] : table[Int(narrow[position])]
  }

  @inlinable public subscript(bounds: Range<Int>) -> Slice<ScalarText> {
    Slice(base: self, bounds: bounds)
  }

  @inlinable public func index(after i: Int) -> Int { i + 1 }
  @inlinable public func index(before i: Int) -> Int { i - 1 }

  /// Room for `n` scalars without growing (one byte each while narrow).
  public mutating func reserveCapacity(_ n: Int) {
    if isWide { wide.reserveCapacity(n) } else { narrow.reserveCapacity(n) }
  }

  public mutating func append(_ scalar: Unicode.Scalar) {
    if isWide {
      wide.append(scalar)
    } else if scalar.value < 0x80 {
      narrow.append(UInt8(truncatingIfNeeded: scalar.value))
    } else if let code = codes[scalar.value] {
      narrow.append(code)
    } else if table.count < 256 {
      let code = UInt8(table.count)
      codes[scalar.value] = code
      table.append(scalar)
      narrow.append(code)
    } else {
      widen()
      wide.append(scalar)
    }
  }

  public mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
    for scalar in scalars { append(scalar) }
  }

  /// Four bytes a scalar from here on: the text has more different scalars than one byte holds.
  private mutating func widen() {
    var wide: [Unicode.Scalar] = []
    wide.reserveCapacity(Swift.max(narrow.capacity, narrow.count + 1))
    for code in narrow { wide.append(table[Int(code)]) }
    self.wide = wide
    narrow = []
    table = Self.ascii
    codes = [:]
    isWide = true
  }

  /// Appends a run of ASCII bytes: copied whole while the text is narrow.
  private mutating func appendASCII(_ run: UnsafeBufferPointer<UInt8>) {
    if isWide {
      for byte in run { wide.append(Unicode.Scalar(byte)) }
    } else {
      narrow.append(contentsOf: run)
    }
  }

  /// The end of the run of ASCII letters and digits that starts at `start`, at most `end`.
  @inlinable
  public func asciiWordCharacters(from start: Int, to end: Int) -> Int {
    var j = start
    if isWide {
      while j < end, wide[j].value < 0x80, wide[j].isWordCharacter { j += 1 }
      return j
    }
    return narrow.withUnsafeBufferPointer { bytes in
      while j < end {
        let b = bytes[j] | 0x20  // ASCII letters lowercased; digits keep their value
        guard (0x61...0x7A).contains(b) || (0x30...0x39).contains(bytes[j]) else { break }
        j += 1
      }
      return j
    }
  }

  /// The text of a range as a `String`.
  public func string(_ range: Range<Int>) -> String {
    if !isWide, narrow[range].allSatisfy({ $0 < 0x80 }) {
      return narrow.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
      }
    }
    return String(String.UnicodeScalarView(self[range]))
  }

  public static func == (a: ScalarText, b: ScalarText) -> Bool {
    if !a.isWide, !b.isWide, a.table == b.table { return a.narrow == b.narrow }
    return a.elementsEqual(b)
  }
}
