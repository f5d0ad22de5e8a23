import Foundation

/// Byline's folders under the XDG Base Directory rules, in one place: the config folder
/// (`config.toml`, `themes/`), the cache folder (`library.sqlite`) and the state folder
/// (`positions.json`).
///
/// Each is `$XDG_CONFIG_HOME/byline`, `$XDG_CACHE_HOME/byline` or `$XDG_STATE_HOME/byline`
/// when that variable holds an absolute path (the specification says to ignore a relative
/// one), else `~/.config/byline`, `~/.cache/byline` or `~/.local/state/byline`, with `~`
/// from `$HOME` (or the password database when it is unset or empty).
public struct XDGDirectories: Sendable, Equatable {
  public var config: String
  public var cache: String
  public var state: String

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    func folder(_ variable: String, _ fallback: String) -> String {
      if let value = environment[variable], value.hasPrefix("/") { return value + "/byline" }
      return home + "/" + fallback + "/byline"
    }
    config = folder("XDG_CONFIG_HOME", ".config")
    cache = folder("XDG_CACHE_HOME", ".cache")
    state = folder("XDG_STATE_HOME", ".local/state")
  }
}
