/// Checks that a text is well-formed TOML 1.0 before toml++ (the C++ parser under TOMLKit)
/// sees it, and says where it is not, with a line and column a user can act on.
///
/// Why a whole syntax check: toml++ asserts on some malformed input instead of reporting an
/// error, and the assertion aborts the process in release builds too. The `theme` fuzz target
/// (scripts/fuzz.sh) found one shape after another: a table header starting with `{` or `=`
/// (`[{`), an array closed by a brace (`g=[}`). Guarding shape by shape left the next one to
/// the next fuzz run, so this checks the grammar of TOML 1.0 (toml.io/en/v1.0.0) whole:
/// comments, table and array-of-table headers, dotted and quoted keys, the four kinds of
/// strings with their escapes, integers in four bases, floats, booleans, dates and times,
/// arrays over several lines and inline tables. What it does not check is left to toml++,
/// which reports it as an error: duplicate keys and tables defined twice.
/// Arrays and inline tables nested deeper than ``maximumDepth`` are refused too.
public enum TOMLGuard {
  /// How deep arrays and inline tables may nest (toml++ recurses on each level).
  public static let maximumDepth = 32

  /// The first syntax error: its line and column (from 1) and what is wrong; nil when the text
  /// is well-formed.
  public static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
    var checker = TOMLSyntaxChecker(Array(text.unicodeScalars))
    do {
      try checker.document()
      return nil
    } catch {
      let (line, column) = checker.position(of: error.offset)
      return (line, column, error.message)
    }
  }
}

/// A syntax error at a scalar offset.
struct TOMLSyntaxError: Error {
  let offset: Int
  let message: String
}

/// A recursive-descent recogniser of TOML 1.0 over Unicode scalars (no values are built).
struct TOMLSyntaxChecker {
  private let s: [Unicode.Scalar]
  private var i = 0
  private var depth = 0

  init(_ scalars: [Unicode.Scalar]) { s = scalars }

  /// Line and column (from 1) of a scalar offset.
  func position(of offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for k in 0..<min(offset, s.count) {
      if s[k] == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return (line, column)
  }

  private var current: Unicode.Scalar? { i < s.count ? s[i] : nil }
  private func peek(_ ahead: Int) -> Unicode.Scalar? { i + ahead < s.count ? s[i + ahead] : nil }
  private func fail(_ message: String) -> TOMLSyntaxError { TOMLSyntaxError(offset: i, message: message) }

  private func describeCurrent() -> String {
    guard let c = current else { return "the end of the file" }
    if c == "\n" || c == "\r" { return "the end of the line" }
    if c.value < 0x20 || c.value == 0x7F { return "a control character" }
    return "'\(c)'"
  }

  /// expression *( newline expression )
  mutating func document() throws(TOMLSyntaxError) {
    while i < s.count {
      skipBlanks()
      if current == "[" {
        try tableHeader()
      } else if let c = current, !isLineEnd(c), c != "#" {
        try keyValue()
      }
      skipBlanks()
      try comment()
      try lineEnd()
    }
  }

  // MARK: - Lines, blanks and comments

  private func isLineEnd(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }

  private mutating func skipBlanks() {
    while let c = current, c == " " || c == "\t" { i += 1 }
  }

  /// A comment runs to the line's end and holds no control character but tab.
  private mutating func comment() throws(TOMLSyntaxError) {
    guard current == "#" else { return }
    i += 1
    while let c = current, !isLineEnd(c) {
      if isControl(c) { throw fail("a comment holds a control character") }
      i += 1
    }
  }

  /// The end of a line (LF or CRLF) or of the file.
  private mutating func lineEnd() throws(TOMLSyntaxError) {
    guard let c = current else { return }
    if c == "\n" { i += 1; return }
    if c == "\r" {
      guard peek(1) == "\n" else { throw fail("a carriage return must be followed by a line feed") }
      i += 2
      return
    }
    throw fail("expected the end of the line, found \(describeCurrent())")
  }

  /// Blanks, comments and line ends, as allowed between an array's values.
  private mutating func skipBlanksCommentsAndLines() throws(TOMLSyntaxError) {
    while true {
      skipBlanks()
      try comment()
      guard let c = current, isLineEnd(c) else { return }
      try lineEnd()
    }
  }

  private func isControl(_ c: Unicode.Scalar) -> Bool {
    (c.value < 0x20 && c != "\t") || c.value == 0x7F
  }

  // MARK: - Tables and keys

  /// `[a.b]` or `[[a.b]]`.
  private mutating func tableHeader() throws(TOMLSyntaxError) {
    i += 1
    let arrayOfTables = current == "["
    if arrayOfTables { i += 1 }
    skipBlanks()
    try key()
    skipBlanks()
    guard current == "]" else { throw fail("a table header must end with ], found \(describeCurrent())") }
    i += 1
    if arrayOfTables {
      guard current == "]" else { throw fail("an array-of-tables header must end with ]]") }
      i += 1
    }
  }

  /// `key = value`.
  private mutating func keyValue() throws(TOMLSyntaxError) {
    try key()
    skipBlanks()
    guard current == "=" else { throw fail("expected = after the key, found \(describeCurrent())") }
    i += 1
    skipBlanks()
    try value()
  }

  /// A simple key or dotted keys: `name`, `"quoted key"`, `'literal'`, `a.b.c`.
  private mutating func key() throws(TOMLSyntaxError) {
    try simpleKey()
    while true {
      let mark = i
      skipBlanks()
      guard current == "." else { i = mark; return }
      i += 1
      skipBlanks()
      try simpleKey()
    }
  }

  private mutating func simpleKey() throws(TOMLSyntaxError) {
    switch current {
    case "\"":
      if peek(1) == "\"", peek(2) == "\"" { throw fail("a key cannot be a multi-line string") }
      try basicString()
    case "'":
      if peek(1) == "'", peek(2) == "'" { throw fail("a key cannot be a multi-line string") }
      try literalString()
    default:
      let start = i
      while let c = current, isBareKeyScalar(c) { i += 1 }
      if i == start {
        throw fail("expected a key (letters, digits, _, - or a quoted name), found \(describeCurrent())")
      }
    }
  }

  private func isBareKeyScalar(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "a"..."z", "A"..."Z", "0"..."9", "_", "-": return true
    default: return false
    }
  }

  // MARK: - Values

  private mutating func value() throws(TOMLSyntaxError) {
    guard let c = current else { throw fail("expected a value, found the end of the file") }
    switch c {
    case "\"":
      if peek(1) == "\"", peek(2) == "\"" { try multiLineBasicString() } else { try basicString() }
    case "'":
      if peek(1) == "'", peek(2) == "'" { try multiLineLiteralString() } else { try literalString() }
    case "[": try array()
    case "{": try inlineTable()
    case "t", "f": try boolean()
    default: try numberOrDate()
    }
  }

  private mutating func boolean() throws(TOMLSyntaxError) {
    for word in ["true", "false"] where matches(word) {
      i += word.unicodeScalars.count
      return
    }
    throw fail("expected a value (a string, number, true, false, date, array or table), found \(describeCurrent())")
  }

  private func matches(_ word: String) -> Bool {
    var k = i
    for w in word.unicodeScalars {
      guard k < s.count, s[k] == w else { return false }
      k += 1
    }
    return true
  }

  private mutating func enter() throws(TOMLSyntaxError) {
    depth += 1
    if depth > TOMLGuard.maximumDepth {
      throw fail("arrays and tables nest deeper than \(TOMLGuard.maximumDepth) levels")
    }
  }

  /// `[ v, v, ]` over any number of lines, with comments.
  private mutating func array() throws(TOMLSyntaxError) {
    try enter()
    i += 1
    try skipBlanksCommentsAndLines()
    while current != "]" {
      try value()
      try skipBlanksCommentsAndLines()
      if current == "," {
        i += 1
        try skipBlanksCommentsAndLines()
      } else if current != "]" {
        throw fail("expected , or ] in the array, found \(describeCurrent())")
      }
    }
    i += 1
    depth -= 1
  }

  /// `{ k = v, k = v }` on one line, no trailing comma.
  private mutating func inlineTable() throws(TOMLSyntaxError) {
    try enter()
    i += 1
    skipBlanks()
    if current == "}" {
      i += 1
      depth -= 1
      return
    }
    while true {
      try keyValue()
      skipBlanks()
      if current == "}" { break }
      guard current == "," else { throw fail("expected , or } in the inline table, found \(describeCurrent())") }
      i += 1
      skipBlanks()
      if current == "}" { throw fail("an inline table cannot end with a comma") }
    }
    i += 1
    depth -= 1
  }

  // MARK: - Strings

  /// `"..."` with escapes, on one line.
  private mutating func basicString() throws(TOMLSyntaxError) {
    i += 1
    while true {
      guard let c = current, !isLineEnd(c) else { throw fail("a string is not closed on its line") }
      if c == "\"" { i += 1; return }
      if c == "\\" { try escape(); continue }
      if isControl(c) { throw fail("a string holds a control character (write it as an escape)") }
      i += 1
    }
  }

  /// `"""..."""` over lines, with escapes and line-ending backslashes.
  private mutating func multiLineBasicString() throws(TOMLSyntaxError) {
    i += 3
    while true {
      guard let c = current else { throw fail("a multi-line string is not closed (\"\"\")") }
      if c == "\"", peek(1) == "\"", peek(2) == "\"" {
        i += 3
        // Up to two more quotes belong to the string: `""""` ends with one quote inside.
        for _ in 0..<2 where current == "\"" { i += 1 }
        return
      }
      if c == "\\" {
        // A backslash at a line's end trims the line break and the blanks after it.
        var k = i + 1
        while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
        if k < s.count, s[k] == "\n" || (s[k] == "\r" && k + 1 < s.count && s[k + 1] == "\n") {
          i = k
          continue
        }
        try escape()
        continue
      }
      if c == "\r" {
        guard peek(1) == "\n" else { throw fail("a carriage return must be followed by a line feed") }
        i += 2
        continue
      }
      if c != "\n", isControl(c) { throw fail("a string holds a control character (write it as an escape)") }
      i += 1
    }
  }

  /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
  private mutating func escape() throws(TOMLSyntaxError) {
    i += 1
    guard let c = current else { throw fail("a string ends inside an escape") }
    switch c {
    case "b", "t", "n", "f", "r", "\"", "\\":
      i += 1
    case "u", "U":
      let count = c == "u" ? 4 : 8
      i += 1
      var code: UInt32 = 0
      for _ in 0..<count {
        guard let h = current, h.isASCII, let digit = UInt32(String(h), radix: 16) else {
          throw fail("\\\(c) needs \(count) hexadecimal digits")
        }
        code = code &* 16 &+ digit
        i += 1
      }
      guard Unicode.Scalar(code) != nil else { throw fail("\\\(c) names no Unicode scalar value") }
    default:
      throw fail("unknown escape \\\(c) in a string")
    }
  }

  /// `'...'` with no escapes, on one line.
  private mutating func literalString() throws(TOMLSyntaxError) {
    i += 1
    while true {
      guard let c = current, !isLineEnd(c) else { throw fail("a string is not closed on its line") }
      if c == "'" { i += 1; return }
      if isControl(c) { throw fail("a string holds a control character") }
      i += 1
    }
  }

  /// `'''...'''` over lines.
  private mutating func multiLineLiteralString() throws(TOMLSyntaxError) {
    i += 3
    while true {
      guard let c = current else { throw fail("a multi-line string is not closed (''')") }
      if c == "'", peek(1) == "'", peek(2) == "'" {
        i += 3
        for _ in 0..<2 where current == "'" { i += 1 }
        return
      }
      if c == "\r" {
        guard peek(1) == "\n" else { throw fail("a carriage return must be followed by a line feed") }
        i += 2
        continue
      }
      if c != "\n", isControl(c) { throw fail("a string holds a control character") }
      i += 1
    }
  }

  // MARK: - Numbers, dates and times

  /// The value's scalars up to a blank, a comma, a bracket, a brace, a comment or a line end,
  /// allowing the one blank between a date and a time (`1979-05-27 07:32:00`).
  private mutating func numberOrDate() throws(TOMLSyntaxError) {
    let start = i
    while let c = current, !isValueEnd(c) { i += 1 }
    if current == " ", isDate(start..<i), let h = peek(1), ("0"..."9").contains(h) {
      i += 1
      while let c = current, !isValueEnd(c) { i += 1 }
    }
    let token = String(String.UnicodeScalarView(s[start..<i]))
    if token.isEmpty {
      throw fail("expected a value (a string, number, true, false, date, array or table), found \(describeCurrent())")
    }
    guard TOMLScalarSyntax.isNumber(token) || TOMLScalarSyntax.isDateTime(token) else {
      i = start
      throw fail("'\(token.prefix(40))' is not a TOML value (strings need quotes)")
    }
  }

  private func isValueEnd(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "," || c == "]" || c == "}" || c == "#" || c == "[" || c == "{" || isLineEnd(c)
  }

  private func isDate(_ range: Range<Int>) -> Bool {
    TOMLScalarSyntax.isDateTime(String(String.UnicodeScalarView(s[range]))) && range.count == 10
  }
}

/// The shapes of TOML's unquoted scalars: integers, floats, dates and times.
enum TOMLScalarSyntax {
  /// `42`, `+1_000`, `0xDEAD_beef`, `0o755`, `0b1101`, `3.14`, `-2E-2`, `6.626e-34`, `inf`, `-nan`.
  static func isNumber(_ t: String) -> Bool {
    var body = Substring(t)
    if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(t) { return true }
    for (prefix, digits) in [("0x", "0123456789abcdefABCDEF"), ("0o", "01234567"), ("0b", "01")]
    where t.hasPrefix(prefix) {
      return isDigitRun(t.dropFirst(2), digits: digits)
    }
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    // Split into integer part, fraction and exponent.
    var exponent: Substring?
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = body[body.index(after: e)...]
      body = body[..<e]
    }
    var fraction: Substring?
    if let dot = body.firstIndex(of: ".") {
      fraction = body[body.index(after: dot)...]
      body = body[..<dot]
    }
    guard isDigitRun(body, digits: "0123456789") else { return false }
    if body.count > 1, body.first == "0" { return false }  // no leading zeros
    if let fraction, !isDigitRun(fraction, digits: "0123456789") { return false }
    if var exponent {
      if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
      if !isDigitRun(exponent, digits: "0123456789") { return false }
    }
    return true
  }

  /// Digits with single underscores between them: `1_000`, not `_1`, `1_`, `1__0`.
  static func isDigitRun(_ t: Substring, digits: String) -> Bool {
    guard let first = t.first, let last = t.last, first != "_", last != "_" else { return false }
    var previousUnderscore = false
    for c in t {
      if c == "_" {
        if previousUnderscore { return false }
        previousUnderscore = true
      } else {
        guard digits.contains(c) else { return false }
        previousUnderscore = false
      }
    }
    return true
  }

  /// `1979-05-27`, `07:32:00`, `07:32:00.999`, `1979-05-27T07:32:00Z`, `1979-05-27 07:32:00-07:00`.
  static func isDateTime(_ t: String) -> Bool {
    let c = Array(t.utf8)
    func digits(_ range: Range<Int>) -> Bool {
      range.upperBound <= c.count && range.allSatisfy { c[$0] >= 48 && c[$0] <= 57 }
    }
    func at(_ k: Int, _ ch: Character) -> Bool { k < c.count && c[k] == ch.asciiValue! }
    func isTime(from k: Int) -> Int? {  // returns the end of HH:MM:SS(.frac)?
      guard digits(k..<k + 2), at(k + 2, ":"), digits(k + 3..<k + 5), at(k + 5, ":"), digits(k + 6..<k + 8) else {
        return nil
      }
      var end = k + 8
      if at(end, ".") {
        end += 1
        let start = end
        while end < c.count, c[end] >= 48, c[end] <= 57 { end += 1 }
        if end == start { return nil }
      }
      return end
    }
    if let end = isTime(from: 0) { return end == c.count }  // a local time
    guard digits(0..<4), at(4, "-"), digits(5..<7), at(7, "-"), digits(8..<10) else { return false }
    if c.count == 10 { return true }  // a local date
    guard at(10, "T") || at(10, "t") || at(10, " "), var end = isTime(from: 11) else { return false }
    if end == c.count { return true }  // a local date-time
    if at(end, "Z") || at(end, "z") {
      end += 1
    } else if at(end, "+") || at(end, "-") {
      guard digits(end + 1..<end + 3), at(end + 3, ":"), digits(end + 4..<end + 6) else { return false }
      end += 6
    } else {
      return false
    }
    return end == c.count
  }
}
