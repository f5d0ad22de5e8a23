extension Unicode.Scalar {
  /// White space, answered without the Unicode property tables for ASCII (the common case:
  /// those lookups dominated the profile of parsing and word counting).
  @inline(__always)
  public var isSpaceLike: Bool {
    let v = value
    if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
    if isDashOrQuoteMark { return false }
    return properties.isWhitespace
  }

  /// A letter or a digit (the characters that make a word count), fast for ASCII.
  @inline(__always)
  public var isWordCharacter: Bool {
    let v = value
    if v < 0x80 {
      return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }
    if isDashOrQuoteMark { return false }
    return properties.isAlphabetic || properties.numericType != nil
  }

  /// A digit of any script (`numericType`), fast for ASCII: the names of a long list of
  /// names are each checked for digits.
  @inline(__always)
  public var isDigitLike: Bool {
    let v = value
    if v < 0x80 { return (0x30...0x39).contains(v) }
    if isDashOrQuoteMark { return false }
    return properties.numericType != nil
  }

  /// A letter of any script (`isAlphabetic`), fast for ASCII.
  @inline(__always)
  public var isLetterLike: Bool {
    let v = value
    if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
    if isDashOrQuoteMark { return false }
    return properties.isAlphabetic
  }

  /// An uppercase letter of any script (`isUppercase`), fast for ASCII.
  @inline(__always)
  public var isUppercaseLike: Bool {
    let v = value
    if v < 0x80 { return (0x41...0x5A).contains(v) }
    if isDashOrQuoteMark { return false }
    return properties.isUppercase
  }

  /// U+2010 to U+2027, the dashes, curly quote marks, bullets and the ellipsis of
  /// General Punctuation: no space, letter, digit or mark among them, so the classes above
  /// answer them without a look-up of Unicode's tables (a quote flood is a third curly marks).
  @inline(__always)
  public var isDashOrQuoteMark: Bool { (0x2010...0x2027).contains(value) }
}
