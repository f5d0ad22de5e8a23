import Foundation

/// The small part of Python that feedparser's test files write their expectations in
/// (`not bozo and entries[0]['title'] == u'caf\xe9'`), parsed into a tree for
/// ``FeedEvaluation``: literals (strings with escapes, numbers, tuples, lists, dicts, None,
/// True, False), names, subscripts, attributes, calls (`len`, `.get`, `.has_key`), `+`,
/// comparisons (`==`, `!=`, `is`, `is not`, `in`, `not in`, chained), `not`, `and`, `or`.
indirect enum PythonExpression: Equatable {
  case string(String)
  case number(Double)
  case none
  case bool(Bool)
  case tuple([PythonExpression])
  case dict([PythonExpression])
  case name(String)
  case subscriptOf(PythonExpression, PythonExpression)
  case attribute(PythonExpression, String)
  case call(PythonExpression, [PythonExpression])
  case add(PythonExpression, PythonExpression)
  case compare(PythonExpression, [(String, PythonExpression)])
  case not(PythonExpression)
  case and([PythonExpression])
  case or([PythonExpression])

  static func == (lhs: PythonExpression, rhs: PythonExpression) -> Bool {
    String(describing: lhs) == String(describing: rhs)
  }

  struct SyntaxError: Error {}

  /// Parses one expression (the whole text).
  static func parse(_ text: String) throws(SyntaxError) -> PythonExpression {
    var parser = Parser(tokens: try tokenize(text))
    let expression = try parser.orExpression()
    guard parser.atEnd else { throw SyntaxError() }
    return expression
  }

  enum Token: Equatable {
    case string(String)
    case number(Double)
    case name(String)
    case symbol(String)
  }

  static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
        continue
      }
      // String literal, with an optional u/r/b prefix.
      var prefixLength = 0
      while i + prefixLength < scalars.count, "uUrRbB".unicodeScalars.contains(scalars[i + prefixLength]),
        prefixLength < 2
      {
        prefixLength += 1
      }
      if i + prefixLength < scalars.count, scalars[i + prefixLength] == "'" || scalars[i + prefixLength] == "\"" {
        let raw = scalars[i..<(i + prefixLength)].contains { $0 == "r" || $0 == "R" }
        let quote = scalars[i + prefixLength]
        i += prefixLength + 1
        // '''...''' and """...""" too.
        let triple = i + 1 < scalars.count && scalars[i] == quote && scalars[i + 1] == quote
        if triple { i += 2 }
        var value = String.UnicodeScalarView()
        while true {
          guard i < scalars.count else { throw SyntaxError() }
          let s = scalars[i]
          if s == quote, !triple {
            i += 1
            break
          }
          if s == quote, i + 2 < scalars.count, scalars[i + 1] == quote, scalars[i + 2] == quote {
            i += 3
            break
          }
          if s == "\\" && !raw, i + 1 < scalars.count {
            let e = scalars[i + 1]
            i += 2
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "x", "u", "U":
              let count = e == "x" ? 2 : e == "u" ? 4 : 8
              guard i + count <= scalars.count,
                let code = UInt32(String(String.UnicodeScalarView(scalars[i..<(i + count)])), radix: 16),
                let scalar = Unicode.Scalar(code)
              else { throw SyntaxError() }
              value.append(scalar)
              i += count
            case "\n": break
            case "\\", "'", "\"": value.append(e)
            default:
              value.append("\\")
              value.append(e)
            }
            continue
          }
          value.append(s)
          i += 1
        }
        // Adjacent literals concatenate.
        if case .string(let previous) = tokens.last {
          tokens[tokens.count - 1] = .string(previous + String(value))
        } else {
          tokens.append(.string(String(value)))
        }
        continue
      }
      if c.properties.numericType != nil && c.isASCII
        || (c == "." && i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1]))
      {
        var j = i
        while j < scalars.count,
          ("0"..."9").contains(scalars[j]) || scalars[j] == "." || scalars[j] == "e" || scalars[j] == "L"
        {
          j += 1
        }
        let literal = String(String.UnicodeScalarView(scalars[i..<j])).replacingOccurrences(of: "L", with: "")
        guard let value = Double(literal) else { throw SyntaxError() }
        tokens.append(.number(value))
        i = j
        continue
      }
      if c.properties.isAlphabetic || c == "_" {
        var j = i
        while j < scalars.count,
          scalars[j].properties.isAlphabetic || scalars[j] == "_" || ("0"..."9").contains(scalars[j])
        {
          j += 1
        }
        tokens.append(.name(String(String.UnicodeScalarView(scalars[i..<j]))))
        i = j
        continue
      }
      let two = i + 1 < scalars.count ? String(String.UnicodeScalarView(scalars[i...(i + 1)])) : ""
      if ["==", "!=", "<=", ">="].contains(two) {
        tokens.append(.symbol(two))
        i += 2
        continue
      }
      guard "()[]{}.,:+-<>".unicodeScalars.contains(c) else { throw SyntaxError() }
      tokens.append(.symbol(String(c)))
      i += 1
    }
    return tokens
  }

  struct Parser {
    var tokens: [Token]
    var position = 0
    var atEnd: Bool { position >= tokens.count }

    func peek(_ offset: Int = 0) -> Token? { position + offset < tokens.count ? tokens[position + offset] : nil }

    mutating func accept(_ token: Token) -> Bool {
      guard peek() == token else { return false }
      position += 1
      return true
    }

    mutating func expect(_ token: Token) throws(SyntaxError) {
      guard accept(token) else { throw SyntaxError() }
    }

    mutating func orExpression() throws(SyntaxError) -> PythonExpression {
      var parts = [try andExpression()]
      while accept(.name("or")) { parts.append(try andExpression()) }
      return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func andExpression() throws(SyntaxError) -> PythonExpression {
      var parts = [try notExpression()]
      while accept(.name("and")) { parts.append(try notExpression()) }
      return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func notExpression() throws(SyntaxError) -> PythonExpression {
      if accept(.name("not")) { return .not(try notExpression()) }
      return try comparison()
    }

    mutating func comparison() throws(SyntaxError) -> PythonExpression {
      let first = try sum()
      var rest: [(String, PythonExpression)] = []
      while true {
        var op: String?
        if accept(.symbol("==")) {
          op = "=="
        } else if accept(.symbol("!=")) {
          op = "!="
        } else if accept(.name("in")) {
          op = "in"
        } else if peek() == .name("not"), peek(1) == .name("in") {
          position += 2; op = "not in"
        } else if accept(.name("is")) {
          op = accept(.name("not")) ? "is not" : "is"
        }
        guard let op else { break }
        rest.append((op, try sum()))
      }
      return rest.isEmpty ? first : .compare(first, rest)
    }

    mutating func sum() throws(SyntaxError) -> PythonExpression {
      var value = try postfix()
      while accept(.symbol("+")) { value = .add(value, try postfix()) }
      return value
    }

    mutating func postfix() throws(SyntaxError) -> PythonExpression {
      var value = try primary()
      while true {
        if accept(.symbol("[")) {
          let index = try orExpression()
          try expect(.symbol("]"))
          value = .subscriptOf(value, index)
        } else if accept(.symbol(".")) {
          guard case .name(let name) = peek() else { throw SyntaxError() }
          position += 1
          value = .attribute(value, name)
        } else if accept(.symbol("(")) {
          var arguments: [PythonExpression] = []
          if !accept(.symbol(")")) {
            repeat { arguments.append(try orExpression()) } while accept(.symbol(","))
            try expect(.symbol(")"))
          }
          value = .call(value, arguments)
        } else {
          return value
        }
      }
    }

    mutating func primary() throws(SyntaxError) -> PythonExpression {
      guard let token = peek() else { throw SyntaxError() }
      position += 1
      switch token {
      case .string(let value): return .string(value)
      case .number(let value): return .number(value)
      case .symbol("-"):
        guard case .number(let value) = peek() else { throw SyntaxError() }
        position += 1
        return .number(-value)
      case .name("None"): return .none
      case .name("True"): return .bool(true)
      case .name("False"): return .bool(false)
      case .name(let name): return .name(name)
      case .symbol("("), .symbol("["):
        let close: Token = token == .symbol("(") ? .symbol(")") : .symbol("]")
        var items: [PythonExpression] = []
        var sawComma = false
        while !accept(close) {
          items.append(try orExpression())
          if accept(.symbol(",")) { sawComma = true } else { try expect(close); break }
        }
        if token == .symbol("("), items.count == 1, !sawComma { return items[0] }
        return .tuple(items)
      case .symbol("{"):
        var items: [PythonExpression] = []
        while !accept(.symbol("}")) {
          let key = try orExpression()
          try expect(.symbol(":"))
          items.append(.tuple([key, try orExpression()]))
          if !accept(.symbol(",")) { try expect(.symbol("}")); break }
        }
        return .dict(items)
      default:
        throw SyntaxError()
      }
    }
  }
}
