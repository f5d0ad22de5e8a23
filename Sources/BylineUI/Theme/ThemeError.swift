/// What is wrong with a theme file, and where: the file, and the line (and column) when known.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The theme file as it was found (a path), or the name asked for when none was found.
  public var file: String
  /// 1-based line of the problem, when known.
  public var line: Int?
  /// 1-based column, when known (TOML syntax errors).
  public var column: Int?
  public var problem: Problem

  public enum Problem: Equatable, Sendable {
    /// The file is not valid TOML; the text is the TOML parser's.
    case syntax(String)
    /// A colour that is not an ANSI name, an index 0-255, `#rrggbb` or a palette name.
    case unknownColour(value: String, key: String)
    /// A `[styles.NAME]` table whose name is not an element Byline draws.
    case unknownRole(String)
    /// A key Byline does not know (a typo such as `bolt`).
    case unknownKey(String)
    /// A `mono` attribute that is not bold, underline, reverse, italic or dim.
    case unknownAttribute(value: String, key: String)
    /// A value of the wrong type (`bold = "yes"`).
    case wrongType(key: String, expected: String, found: String)
    /// No theme of that name in any theme folder.
    case notFound(name: String, searched: [String])
    /// The file could not be read.
    case unreadable(String)
    /// The file is not text (a NUL byte, bytes that are not UTF-8).
    case notText(String)
  }

  public init(file: String, line: Int? = nil, column: Int? = nil, problem: Problem) {
    self.file = file
    self.line = line
    self.column = column
    self.problem = problem
  }

  /// What is wrong, without the place.
  public var message: String {
    switch problem {
    case .syntax(let text):
      return "not valid TOML: \(text)"
    case .unknownColour(let value, let key):
      return "unknown colour \"\(value)\" for \(key) (use an ANSI name such as bright-blue, "
        + "a 256-colour index 0-255, #rrggbb, or a name from [palette])"
    case .unknownRole(let name):
      return "unknown element [styles.\(name)] (known: "
        + StyleRole.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    case .unknownKey(let key):
      return "unknown key \(key)"
    case .unknownAttribute(let value, let key):
      return "unknown attribute \"\(value)\" in \(key) (use bold, underline, reverse, italic or dim)"
    case .wrongType(let key, let expected, let found):
      return "\(key) must be \(expected), not \(found)"
    case .notFound(let name, let searched):
      return "no theme named \"\(name)\" (looked in "
        + (searched.isEmpty ? "no folder" : searched.joined(separator: ", ")) + ")"
    case .unreadable(let reason):
      return "cannot read the file: \(reason)"
    case .notText(let what):
      return "not a text file: it holds \(what)"
    }
  }

  /// Where the problem is: `path, line 12, column 8`.
  public var place: String {
    var text = file
    if let line { text += ", line \(line)" }
    if let column { text += ", column \(column)" }
    return text
  }

  /// `path, line 12: what is wrong`.
  public var description: String {
    if case .notFound = problem { return "theme: " + message }
    return place + ": " + message
  }

  /// A one-line form for the status bar: the file's name rather than its whole path.
  public var shortDescription: String {
    if case .notFound(let name, _) = problem { return "no theme named \"\(name)\"" }
    var text = file.split(separator: "/").last.map(String.init) ?? file
    if let line { text += " line \(line)" }
    let short: String
    switch problem {
    case .syntax(let detail): short = "not valid TOML: \(detail)"
    case .unknownColour(let value, let key): short = "unknown colour \"\(value)\" for \(key)"
    case .unknownRole(let name): short = "unknown element [styles.\(name)]"
    case .unknownAttribute(let value, let key): short = "unknown attribute \"\(value)\" in \(key)"
    default: short = message
    }
    return text + ": " + short
  }
}
