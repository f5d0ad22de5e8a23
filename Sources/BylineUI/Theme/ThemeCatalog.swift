import BylineCore
import Foundation

/// Where Byline finds themes, in search order: the user's folder
/// (`$XDG_CONFIG_HOME/byline/themes`, else `~/.config/byline/themes`), the installed share
/// folder (`../share/byline/themes` next to the executable), then `./themes`, then the
/// shipped themes compiled into the binary (``ShippedThemes``). The default theme is built
/// in, so Byline starts whatever is missing, and the five shipped themes are there wherever
/// the binary runs.
public struct ThemeCatalog: Sendable {
  /// Where a theme came from.
  public enum Origin: String, Sendable, Equatable {
    case builtIn = "built in"
    case path = "given path"
    case user = "user"
    case installed = "installed"
    case local = "./themes"
  }

  public struct Folder: Sendable, Equatable {
    public var path: String
    public var origin: Origin
    public init(path: String, origin: Origin) {
      self.path = path
      self.origin = origin
    }
  }

  /// One theme file found (or the built-in default), loaded or not.
  public struct Entry: Sendable {
    public var name: String
    /// The file, or nil for the built-in default.
    public var path: String?
    public var origin: Origin
    public var result: Result<Theme, ThemeError>
    /// True when a theme of the same name earlier in the search path is used instead.
    public var shadowed: Bool
  }

  /// The themes the reader can cycle through, the one to start with, and the error to report
  /// (once) if the theme asked for could not be used.
  public struct Selection: Sendable {
    public var themes: [Theme]
    public var index: Int
    public var error: ThemeError?
    public var current: Theme { themes[index] }
  }

  public var folders: [Folder]
  /// Themes compiled into the binary, after the folders (the shipped ones, for
  /// ``standard(environment:executablePath:currentDirectory:)``).
  public var compiledIn: [(name: String, text: String)]

  public init(folders: [Folder], compiledIn: [(name: String, text: String)] = []) {
    var seen = Set<String>()
    self.folders = folders.filter { seen.insert(($0.path as NSString).standardizingPath).inserted }
    self.compiledIn = compiledIn
  }

  /// The standard search path for this process.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = ThemeCatalog.executablePath,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    compiledIn: [(name: String, text: String)] = ShippedThemes.files
  ) -> ThemeCatalog {
    ThemeCatalog(
      folders: standardFolders(
        environment: environment, executablePath: executablePath,
        currentDirectory: currentDirectory), compiledIn: compiledIn)
  }

  public static func standardFolders(
    environment: [String: String], executablePath: String?, currentDirectory: String
  ) -> [Folder] {
    var folders: [Folder] = []
    folders.append(Folder(path: XDGDirectories(environment: environment).config + "/themes", origin: .user))
    if let executablePath {
      let bin = (executablePath as NSString).deletingLastPathComponent
      let share = ((bin as NSString).appendingPathComponent("../share/byline/themes") as NSString).standardizingPath
      folders.append(Folder(path: share, origin: .installed))
    }
    folders.append(Folder(path: (currentDirectory as NSString).appendingPathComponent("themes"), origin: .local))
    return folders
  }

  /// The running executable, symlinks resolved.
  public static var executablePath: String? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
  }

  /// Every theme file in the search path, in search order, each loaded, then the built-in
  /// default.
  public func entries() -> [Entry] {
    sources().map { source in
      Entry(
        name: source.name, path: source.path, origin: source.origin, result: source.load(),
        shadowed: source.shadowed)
    }
  }

  /// A theme found in the search path, not read yet.
  struct Source {
    enum Content {
      case file(String)
      case compiledIn(String)
      case builtInDefault
    }
    var name: String
    var origin: Origin
    var content: Content
    var shadowed: Bool

    var path: String? {
      if case .file(let path) = content { return path }
      return nil
    }

    func load() -> Result<Theme, ThemeError> {
      switch content {
      case .file(let path): return Result { () throws(ThemeError) in try ThemeFile.load(path: path) }
      case .compiledIn(let text):
        return Result { () throws(ThemeError) in try ThemeFile.parse(text, name: name, file: "built-in \(name)") }
      case .builtInDefault: return .success(.builtInDefault)
      }
    }
  }

  /// Every theme in search order (folders, compiled-in themes, the built-in default), each
  /// marked shadowed when an earlier one has its name; nothing is read but the folders.
  func sources() -> [Source] {
    var result: [Source] = []
    var names = Set<String>()
    for folder in folders {
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".toml") }.sorted()
      for file in files {
        let name = (file as NSString).deletingPathExtension
        let path = (folder.path as NSString).appendingPathComponent(file)
        result.append(
          Source(name: name, origin: folder.origin, content: .file(path), shadowed: !names.insert(name).inserted))
      }
    }
    for (name, text) in compiledIn {
      result.append(
        Source(name: name, origin: .builtIn, content: .compiledIn(text), shadowed: !names.insert(name).inserted))
    }
    result.append(
      Source(name: "default", origin: .builtIn, content: .builtInDefault, shadowed: names.contains("default")))
    return result
  }

  /// The error ``select(_:)`` would carry for `request`, found by reading only the theme
  /// asked for (`render` shows no theme, it only checks the one named).
  public func error(for request: String?) -> ThemeError? {
    let sources = sources()
    let result: Result<Theme, ThemeError>
    if let request, !request.isEmpty {
      if ThemeCatalog.looksLikePath(request) {
        result = Result { () throws(ThemeError) in try ThemeFile.load(path: request) }
      } else if let source = sources.first(where: { $0.name == request && !$0.shadowed }) {
        result = source.load()
      } else {
        return ThemeError(file: request, problem: .notFound(name: request, searched: folders.map(\.path)))
      }
    } else {
      guard let source = sources.first(where: { $0.name == "default" && !$0.shadowed }) else { return nil }
      result = source.load()
    }
    if case .failure(let error) = result { return error }
    return nil
  }

  /// Picks the theme `request` names (a name, or a path to a `.toml` file; nil for the
  /// default) and lists the themes to cycle through: every theme that loads, one per name,
  /// the first in the search path winning, default first and the rest by name. When the theme
  /// asked for cannot be used, the selection starts on the default and carries the error.
  public func select(_ request: String?) -> Selection {
    var themes: [Theme] = []
    // Every theme file is read and parsed once (the default's error was a second reading).
    let entries = entries()
    for entry in entries where !entry.shadowed {
      if case .success(let theme) = entry.result, !themes.contains(where: { $0.name == theme.name }) {
        themes.append(theme)
      }
    }
    if !themes.contains(where: { $0.name == "default" }) { themes.append(.builtInDefault) }
    themes.sort { ($0.name == "default" ? 0 : 1, $0.name) < ($1.name == "default" ? 0 : 1, $1.name) }
    let defaultIndex = themes.firstIndex { $0.name == "default" } ?? 0
    guard let request, !request.isEmpty else {
      return Selection(themes: themes, index: defaultIndex, error: Self.defaultError(in: entries))
    }
    if ThemeCatalog.looksLikePath(request) {
      do {
        let theme = try ThemeFile.load(path: request)
        if let index = themes.firstIndex(where: { $0.name == theme.name }) {
          themes[index] = theme
          return Selection(themes: themes, index: index, error: nil)
        }
        themes.append(theme)
        return Selection(themes: themes, index: themes.count - 1, error: nil)
      } catch {
        return Selection(themes: themes, index: defaultIndex, error: error)
      }
    }
    let candidates = entries.filter { $0.name == request && !$0.shadowed }
    guard let entry = candidates.first else {
      return Selection(
        themes: themes, index: defaultIndex,
        error: ThemeError(file: request, problem: .notFound(name: request, searched: folders.map(\.path))))
    }
    switch entry.result {
    case .success(let theme):
      return Selection(themes: themes, index: themes.firstIndex { $0.name == theme.name } ?? defaultIndex, error: nil)
    case .failure(let error):
      return Selection(themes: themes, index: defaultIndex, error: error)
    }
  }

  /// The error of a broken `default.toml` that would have replaced the built-in default.
  private static func defaultError(in entries: [Entry]) -> ThemeError? {
    guard let first = entries.first(where: { $0.name == "default" && !$0.shadowed }),
      case .failure(let error) = first.result
    else { return nil }
    return error
  }

  /// Whether `--theme` was given a file rather than a name.
  public static func looksLikePath(_ text: String) -> Bool {
    text.contains("/") || text.hasSuffix(".toml")
  }
}
