import BylineCore
import Foundation
import TOMLKit

/// Byline's config file, `$XDG_CONFIG_HOME/byline/config.toml` (else
/// `~/.config/byline/config.toml`):
///
/// ```toml
/// library = "~/news"   # the folder `byline` opens with no argument
/// theme = "light"      # the theme when no --theme is given (a name or a path)
/// wpm = 200            # reading speed when no --wpm is given (20 to 2000)
/// ```
///
/// A key Byline does not know is named in a warning (a misspelt key would otherwise do
/// nothing without a word); a known key of the wrong type is an error.
struct BylineConfig {
  /// The library folder, `~` expanded.
  var library: String?
  /// The theme's name or path (`~` expanded).
  var theme: String?
  /// Words per minute.
  var wpm: Double?
  /// Keys that are not Byline's, one warning each.
  var warnings: [String] = []

  static let knownKeys = ["library", "theme", "wpm"]

  /// Why the config file could not be used.
  struct LoadError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
  }

  static var defaultURL: URL { URL(fileURLWithPath: XDGDirectories().config + "/config.toml") }

  /// The largest config file read.
  static let maximumBytes = 256 * 1024

  /// Reads the config file (at most ``maximumBytes``); a missing file is an empty config.
  static func load(from url: URL = defaultURL) throws(LoadError) -> BylineConfig {
    guard FileManager.default.fileExists(atPath: url.path) else { return BylineConfig() }
    let data: Data
    switch BoundedRead.read(path: url.path, limit: maximumBytes) {
    case .success(let read): data = read
    case .failure(let failure): throw LoadError(path: url.path, reason: failure.description)
    }
    if let nul = data.firstIndex(of: 0) {
      throw LoadError(path: url.path, reason: "not a text file: it holds a NUL byte at offset \(nul - data.startIndex)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LoadError(path: url.path, reason: "is not valid UTF-8 text")
    }
    if let problem = TOMLGuard.problem(in: text) {  // TOMLKit would abort on these
      throw LoadError(path: url.path, reason: "line \(problem.line): \(problem.message)")
    }
    let table: TOMLTable
    do { table = try TOMLTable(string: text) } catch {
      if let parse = error as? TOMLParseError {
        throw LoadError(path: url.path, reason: "line \(parse.source.begin.line): \(parse.description)")
      }
      throw LoadError(path: url.path, reason: "\(error)")
    }
    var config = BylineConfig()
    if let value = table["library"] {
      guard let folder = value.string else {
        throw LoadError(path: url.path, reason: "library must be a string (a folder path)")
      }
      config.library = (folder as NSString).expandingTildeInPath
    }
    if let value = table["theme"] {
      guard let theme = value.string, !theme.isEmpty else {
        throw LoadError(path: url.path, reason: "theme must be a string (a theme name or a .toml path)")
      }
      config.theme = theme.hasPrefix("~") ? (theme as NSString).expandingTildeInPath : theme
    }
    if let value = table["wpm"] {
      guard let wpm = value.double ?? value.int.map(Double.init), wpm.isFinite, wpm >= 20, wpm <= 2000 else {
        throw LoadError(path: url.path, reason: "wpm must be a number of words per minute from 20 to 2000")
      }
      config.wpm = wpm
    }
    for key in table.keys.sorted() where !knownKeys.contains(key) {
      config.warnings.append("unknown key '\(key)' in \(url.lastPathComponent) (known: \(knownKeys.joined(separator: ", ")))")
    }
    return config
  }
}
