/// Writes pretty-printed JSON as it goes, byte for byte as Foundation's `JSONEncoder` writes it
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and then ``TerminalSafe/json(_:)``
/// escapes it: two spaces of indentation, `"key" : value`, DEL, C1 and bidi controls escaped
/// as `\u009b`. The caller gives the keys of an object in sorted order.
///
/// `JSONEncoder` builds the whole document as a tree and then as one string before a byte is
/// written (a fifth of `byline analyze`'s time, and several times the input in memory on an
/// article of many names); this writer holds at most `chunkSize` bytes and hands them to
/// `sink` as they fill.
public struct JSONWriter {
  /// Bytes collected before they are handed on.
  public static let chunkSize = 1 << 16

  private var buffer: [UInt8] = []
  private let sink: ([UInt8]) -> Void
  /// One entry per open container: whether it is an array, and how many members it has so far.
  private var open: [(isArray: Bool, count: Int)] = []

  /// A writer that hands its bytes to `sink` in chunks of about `chunkSize` (and the rest at
  /// ``finish()``).
  public init(sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.chunkSize + 4096)
  }

  /// Hands on what is left. Call once, at the end.
  public mutating func finish() {
    if !buffer.isEmpty { sink(buffer) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes text as it is (no escaping): separators between documents.
  public mutating func raw(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    flushIfFull()
  }

  // MARK: - Containers

  public mutating func beginObject() {
    beforeValue()
    buffer.append(UInt8(ascii: "{"))
    open.append((false, 0))
  }

  public mutating func endObject() { end(UInt8(ascii: "}")) }

  public mutating func beginArray() {
    beforeValue()
    buffer.append(UInt8(ascii: "["))
    open.append((true, 0))
  }

  public mutating func endArray() { end(UInt8(ascii: "]")) }

  /// The key of the next member of the open object.
  public mutating func key(_ name: StaticString) {
    separate()
    buffer.append(UInt8(ascii: "\""))
    // Byte by byte: an array literal here was an allocation a key, and one `append(contentsOf:)`
    // a key cost more than the few bytes (a twentieth of `analyze` on a flood of quotes).
    name.withUTF8Buffer { for byte in $0 { buffer.append(byte) } }
    buffer.append(UInt8(ascii: "\""))
    buffer.append(0x20)
    buffer.append(UInt8(ascii: ":"))
    buffer.append(0x20)
  }

  // MARK: - Values

  public mutating func null() {
    beforeValue()
    buffer.append(contentsOf: "null".utf8)
  }

  public mutating func value(_ number: Int) {
    beforeValue()
    // The decimal digits written straight into the buffer, as `String(number)` spells them.
    var magnitude = number.magnitude
    if number < 0 { buffer.append(UInt8(ascii: "-")) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, no allocation
    var count = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      repeat {
        raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for k in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[k]) }
    }
    flushIfFull()
  }

  /// A number as `JSONEncoder` writes a `Double`: `238` for 238.0, `238.5` otherwise.
  public mutating func value(_ number: Double) {
    beforeValue()
    var text = number.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    buffer.append(contentsOf: text.utf8)
  }

  public mutating func value(_ flag: Bool) {
    beforeValue()
    buffer.append(contentsOf: (flag ? "true" : "false").utf8)
  }

  public mutating func value(_ text: String?) {
    guard var text else { return null() }
    beforeValue()
    buffer.append(UInt8(ascii: "\""))
    text.withUTF8 { escape($0) }
    buffer.append(UInt8(ascii: "\""))
    flushIfFull()
  }

  public mutating func value(_ number: Int?) {
    guard let number else { return null() }
    value(number)
  }

  /// A string given as UTF-8 bytes (valid UTF-8: a slice of a Swift string on scalar bounds).
  public mutating func value(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    beforeValue()
    buffer.append(UInt8(ascii: "\""))
    escape(bytes)
    buffer.append(UInt8(ascii: "\""))
    flushIfFull()
  }

  /// A string given as Unicode scalars.
  public mutating func value<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(scalars.underestimatedCount)
    for s in scalars { UTF8.encode(s) { utf8.append($0) } }
    utf8.withUnsafeBufferPointer { value(utf8: $0) }
  }

  // MARK: - Layout

  private mutating func flushIfFull() {
    guard buffer.count >= Self.chunkSize else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// A comma after the previous member, a new line and the indentation.
  private mutating func separate() {
    guard let last = open.indices.last else { return }
    if open[last].count > 0 { buffer.append(UInt8(ascii: ",")) }
    open[last].count += 1
    newLine(indent: open.count)
  }

  /// In an array, the separation before a member; after a key, nothing.
  private mutating func beforeValue() {
    if let last = open.last, last.isArray { separate() }
  }

  private mutating func end(_ mark: UInt8) {
    let container = open.removeLast()
    // JSONEncoder writes an empty array or object as a line break, an empty line and the mark.
    if container.count == 0 { buffer.append(0x0A) }
    newLine(indent: open.count)
    buffer.append(mark)
    flushIfFull()
  }

  /// A new line and the indentation: one append of the spaces (a byte at a time was a
  /// twentieth of `analyze` on an article of many names).
  private mutating func newLine(indent: Int) {
    buffer.append(0x0A)
    let count = 2 * indent
    if count <= Self.spaces.count {
      Self.spaces.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
    } else {
      for _ in 0..<count { buffer.append(0x20) }
    }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 32)

  // MARK: - Strings

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends the escaped form of UTF-8 text: `"` and `\` escaped, C0 controls as JSONEncoder
  /// writes them (`\n`, `\t`, `\u001b`), DEL, C1 and bidi controls as `\u009b`, `\u202e`.
  private mutating func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
    var copied = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      var length = 1
      var replacement: (value: UInt32, short: UInt8?)?
      if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
        replacement = (UInt32(b), b)
      } else if b < 0x20 {
        switch b {
        case 0x08: replacement = (0x08, UInt8(ascii: "b"))
        case 0x09: replacement = (0x09, UInt8(ascii: "t"))
        case 0x0A: replacement = (0x0A, UInt8(ascii: "n"))
        case 0x0C: replacement = (0x0C, UInt8(ascii: "f"))
        case 0x0D: replacement = (0x0D, UInt8(ascii: "r"))
        default: replacement = (UInt32(b), nil)
        }
      } else if b == 0x7F {
        replacement = (0x7F, nil)
      } else if b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF {
        // The lead bytes of every other scalar ``TerminalSafe/isUnsafe(_:)`` names.
        length = b < 0xE0 ? 2 : 3
        if i + length <= n {
          var value = UInt32(b) & (b < 0xE0 ? 0x1F : 0x0F)
          for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
          if let scalar = Unicode.Scalar(value), TerminalSafe.isUnsafe(scalar) { replacement = (value, nil) }
        }
      } else if b >= 0xF0 {
        length = 4
      } else if b >= 0xE0 {
        length = 3
      } else if b >= 0xC0 {
        length = 2
      }
      if let replacement {
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
        buffer.append(UInt8(ascii: "\\"))
        if let short = replacement.short {
          buffer.append(short)
        } else {
          buffer.append(UInt8(ascii: "u"))
          for shift in stride(from: 12, through: 0, by: -4) {
            buffer.append(Self.hexDigits[Int((replacement.value >> UInt32(shift)) & 0xF)])
          }
        }
        copied = min(n, i + length)
      }
      i += length
    }
    if copied < n { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n])) }
  }
}
