import BylineCore
import Foundation
import TOMLKit

/// Reads theme files (`themes/NAME.toml`): a `[palette]` of named colours and a
/// `[styles.ROLE]` table per element. The format is described in docs/themes.md.
///
/// Roles the file leaves out keep the built-in default's style (colour and monochrome), so a
/// theme can change only what it cares about.
public enum ThemeFile {
  static let styleKeys: Set<String> = ["fg", "bg", "bold", "underline", "reverse", "italic", "dim", "mono"]
  static let topLevelKeys: Set<String> = ["name", "description", "palette", "styles"]
  static let attributes = ["bold", "underline", "reverse", "italic", "dim"]

  /// The largest theme file read (the shipped ones are under 2 KB).
  public static let maximumBytes = 256 * 1024

  /// Loads a theme file; its name is the file's name without `.toml`. The file is read against
  /// ``maximumBytes``; a NUL byte or bytes that are not UTF-8 are reported with their line.
  public static func load(path: String) throws(ThemeError) -> Theme {
    let data: Data
    switch BoundedRead.read(path: path, limit: maximumBytes) {
    case .success(let read): data = read
    case .failure(.failed(let reason)):
      throw ThemeError(
        file: path, problem: .unreadable(reason == "no such file or directory" ? "no such file" : reason))
    case .failure(.overLimit(let limit)):
      throw ThemeError(
        file: path, problem: .unreadable("it is over the \(BoundedRead.size(limit)) limit for theme files"))
    case .failure(.notRegularFile):
      throw ThemeError(file: path, problem: .unreadable("not a regular file"))
    }
    let text = try decode(data, file: path)
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return try parse(text, name: name, file: path)
  }

  /// The file's bytes as text; a NUL (which the TOML parser would take for the end of the
  /// file) or a bad UTF-8 sequence is an error at its line.
  static func decode(_ data: Data, file: String) throws(ThemeError) -> String {
    func line(at offset: Int) -> Int { data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
    if let nul = data.firstIndex(of: 0) {
      let offset = nul - data.startIndex
      throw ThemeError(file: file, line: line(at: offset), problem: .notText("a NUL byte at offset \(offset)"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let offset = ArticleLoader.firstInvalidUTF8Offset(data) ?? 0
      throw ThemeError(
        file: file, line: line(at: offset), problem: .notText("bytes that are not UTF-8 at offset \(offset)"))
    }
    return text
  }

  /// Parses a theme from TOML text. `file` names the source in errors.
  public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
    // Shapes on which TOMLKit's parser aborts the process rather than failing.
    if let problem = TOMLGuard.problem(in: text) {
      throw ThemeError(file: file, line: problem.line, column: problem.column, problem: .syntax(problem.message))
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ThemeError(
        file: file, line: error.source.begin.line, column: error.source.begin.column,
        problem: .syntax(error.description))
    } catch {
      throw ThemeError(file: file, problem: .syntax(String(describing: error)))
    }
    let lines = KeyLines(text)
    func fail(_ path: [String], _ problem: ThemeError.Problem) -> ThemeError {
      ThemeError(file: file, line: lines.line(of: path), problem: problem)
    }

    for key in table.keys where !topLevelKeys.contains(key) { throw fail([key], .unknownKey(key)) }
    for key in ["name", "description"] {
      if let value = table[key], value.tomlValue.type != .string {
        throw fail([key], .wrongType(key: key, expected: "a string", found: describe(value.tomlValue)))
      }
    }

    // The palette: names for colours, used by the styles.
    var palette: [String: ThemeColor?] = [:]
    if let value = table["palette"] {
      guard let paletteTable = value.tomlValue.table else {
        throw fail(["palette"], .wrongType(key: "palette", expected: "a table", found: describe(value.tomlValue)))
      }
      for key in paletteTable.keys {
        let entry = paletteTable[key]!.tomlValue
        let path = ["palette", key]
        guard let colour = colour(entry, palette: [:]) else {
          throw fail(path, unknownOrWrong(entry, key: "palette." + key))
        }
        palette[key] = colour
      }
    }

    var theme = Theme.builtInDefault
    theme.name = name
    guard let value = table["styles"] else { return theme }
    guard let stylesTable = value.tomlValue.table else {
      throw fail(["styles"], .wrongType(key: "styles", expected: "a table", found: describe(value.tomlValue)))
    }
    for roleName in stylesTable.keys {
      guard let role = StyleRole(rawValue: roleName) else {
        throw fail(["styles", roleName], .unknownRole(roleName))
      }
      let entry = stylesTable[roleName]!.tomlValue
      guard let styleTable = entry.table else {
        throw fail(
          ["styles", roleName],
          .wrongType(key: "styles.\(roleName)", expected: "a table", found: describe(entry)))
      }
      var style = Style()
      var mono = Theme.builtInDefault.monochrome[role] ?? .plain
      for key in styleTable.keys {
        let path = ["styles", roleName, key]
        let dotted = path.joined(separator: ".")
        guard styleKeys.contains(key) else { throw fail(path, .unknownKey(dotted)) }
        let item = styleTable[key]!.tomlValue
        switch key {
        case "fg", "bg":
          guard let parsed = colour(item, palette: palette) else {
            throw fail(path, unknownOrWrong(item, key: dotted))
          }
          if key == "fg" { style.foreground = parsed } else { style.background = parsed }
        case "mono":
          var names: [String] = []
          if let array = item.array {
            for element in array {
              guard let name = element.tomlValue.string else {
                throw fail(
                  path,
                  .wrongType(
                    key: dotted, expected: "a list of attribute names",
                    found: "a list holding " + describe(element.tomlValue)))
              }
              names.append(name)
            }
          } else {
            // `mono = "bold"` is refused like `bold = "yes"`: the value is a list, `["bold"]`.
            let hint = item.string.map { " (write [\"\($0)\"])" } ?? ""
            throw fail(
              path, .wrongType(key: dotted, expected: "a list of attribute names", found: describe(item) + hint))
          }
          mono = Style()
          for name in names {
            switch name.lowercased() {
            case "bold": mono.bold = true
            case "underline": mono.underline = true
            case "reverse": mono.reverse = true
            case "italic": mono.italic = true
            case "dim": mono.dim = true
            case "none", "plain": break
            default: throw fail(path, .unknownAttribute(value: name, key: dotted))
            }
          }
        default:
          guard item.type == .bool, let flag = item.bool else {
            throw fail(path, .wrongType(key: dotted, expected: "true or false", found: describe(item)))
          }
          switch key {
          case "bold": style.bold = flag
          case "underline": style.underline = flag
          case "reverse": style.reverse = flag
          case "italic": style.italic = flag
          default: style.dim = flag
          }
        }
      }
      theme.styles[role] = style
      theme.monochrome[role] = mono
    }
    return theme
  }

  /// A colour value: a string (name, `#rrggbb`, palette name) or an integer index. Returns
  /// `.some(nil)` for the terminal's default colour, nil when the value is not a colour.
  private static func colour(_ value: TOMLValue, palette: [String: ThemeColor?]) -> ThemeColor?? {
    switch value.type {
    case .string: return value.string.flatMap { ThemeColor.parse($0, palette: palette) }
    case .int:
      guard let n = value.int, (0...255).contains(n) else { return nil }
      return .indexed(n)
    default: return nil
    }
  }

  private static func unknownOrWrong(_ value: TOMLValue, key: String) -> ThemeError.Problem {
    switch value.type {
    case .string: return .unknownColour(value: value.string ?? "", key: key)
    case .int: return .unknownColour(value: value.int.map(String.init) ?? "?", key: key)
    default:
      return .wrongType(
        key: key, expected: "a colour (a name, an index 0-255 or \"#rrggbb\")",
        found: describe(value))
    }
  }

  private static func describe(_ value: TOMLValue) -> String {
    switch value.type {
    case .string: return "a string"
    case .int: return "a number (\(value.int.map(String.init) ?? ""))"
    case .double: return "a number"
    case .bool: return "\(value.bool == true ? "true" : "false")"
    case .array: return "a list"
    case .table: return "a table"
    default: return "a date or time"
    }
  }
}

/// Finds the line of a key in TOML text, for error messages. TOMLKit gives lines only for
/// syntax errors, so this looks for the table header and `key =` line the usual way; keys
/// written in other ways (inline tables, dotted keys) give the nearest line found, or nil.
struct KeyLines {
  private var entries: [(line: Int, section: String, text: Substring)] = []

  init(_ text: String) {
    var section = ""
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") {
        let inner = line.dropFirst().prefix { $0 != "]" }
        section = KeyLines.normalise(inner)
        entries.append((index + 1, "[header]", Substring(section)))
      } else if !line.hasPrefix("#") && !line.isEmpty {
        entries.append((index + 1, section, line))
      }
    }
  }

  /// The line of `path` (e.g. ["styles", "quote", "fg"]).
  func line(of path: [String]) -> Int? {
    guard !path.isEmpty else { return nil }
    // `[styles.quote]` then `fg = ...`; or `[styles]` then `quote.fg = ...`/`quote = {...}`.
    for split in stride(from: path.count - 1, through: 0, by: -1) {
      let section = path[..<split].joined(separator: ".")
      let key = path[split]
      if let hit = entries.first(where: { $0.section == section && KeyLines.starts($0.text, with: key) }) {
        return hit.line
      }
      if split == path.count - 1,
        let header = entries.first(where: { $0.section == "[header]" && $0.text == path.joined(separator: ".") })
      {
        return header.line
      }
    }
    // A header below the path, e.g. `[styles.quoet]` for ["styles", "quoet"].
    let prefix = path.joined(separator: ".")
    return entries.first { $0.section == "[header]" && ($0.text == prefix || $0.text.hasPrefix(prefix + ".")) }?.line
  }

  private static func starts(_ text: Substring, with key: String) -> Bool {
    var rest = text
    if rest.hasPrefix("\"" + key + "\"") {
      rest = rest.dropFirst(key.count + 2)
    } else if rest.hasPrefix(key) {
      rest = rest.dropFirst(key.count)
    } else {
      return false
    }
    let next = rest.drop { $0 == " " || $0 == "\t" }.first
    return next == "=" || next == "."
  }

  private static func normalise(_ header: Substring) -> String {
    header.split(separator: ".").map {
      $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }.joined(separator: ".")
  }
}
