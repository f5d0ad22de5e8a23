/// Where each Unicode-scalar offset of a UTF-8 text lies in its bytes, found in constant time
/// from a checkpoint every `stride` scalars (one integer per 64 scalars, an eighth of the
/// text's size), instead of an array of the text's scalars (four times its size).
public struct ScalarOffsets: Sendable {
  /// Scalars between checkpoints.
  public static let stride = 64
  /// The byte offset of scalar `k * stride`, for every k.
  private var checkpoints: [Int] = []
  /// How many scalars the text has.
  public private(set) var scalarCount = 0

  /// Indexes valid UTF-8 bytes (a Swift string's).
  public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
    var count = 0
    for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
      if count % Self.stride == 0 { checkpoints.append(i) }
      count += 1
    }
    scalarCount = count
  }

  /// The byte offset of scalar `offset` (the end of the bytes for `scalarCount`), in `bytes`,
  /// the bytes the index was made from.
  public func byteOffset(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    precondition(offset >= 0 && offset <= scalarCount, "scalar offset out of the text")
    if offset == scalarCount { return bytes.count }
    var i = checkpoints[offset / Self.stride]
    var left = offset % Self.stride
    while left > 0 {
      i += 1
      while bytes[i] & 0xC0 == 0x80 { i += 1 }
      left -= 1
    }
    return i
  }
}
