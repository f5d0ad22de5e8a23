extension Unicode.Scalar {
  /// White space, answered without the Unicode property tables for ASCII (the common case:
  /// those lookups dominated the profile of parsing and word counting).
  @inline(__always)
  public var isSpaceLike: Bool {
    let v = value
    if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
    return properties.isWhitespace
  }

  /// A letter or a digit (the characters that make a word count), fast for ASCII.
  @inline(__always)
  public var isWordCharacter: Bool {
    let v = value
    if v < 0x80 {
      return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }
    return properties.isAlphabetic || properties.numericType != nil
  }

  /// A digit of any script (`numericType`), fast for ASCII: the names of a long list of
  /// names are each checked for digits.
  @inline(__always)
  public var isDigitLike: Bool {
    let v = value
    if v < 0x80 { return (0x30...0x39).contains(v) }
    return properties.numericType != nil
  }
}
