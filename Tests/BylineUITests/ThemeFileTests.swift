import Foundation
import Testing

@testable import BylineUI

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let shippedThemes = ["default", "light", "solarized-dark", "high-contrast", "mono"]

private func shipped(_ name: String) -> String {
  packageRoot.appendingPathComponent("themes/\(name).toml").path
}

/// The error a theme text gives, or nil when it parses.
private func error(_ text: String) -> ThemeError? {
  do {
    _ = try ThemeFile.parse(text, name: "broken", file: "themes/broken.toml")
    return nil
  } catch {
    return error
  }
}

@Suite("Theme files")
struct ThemeFileTests {
  @Test(arguments: shippedThemes)
  func shippedThemeParsesAndSetsEveryRole(name: String) throws {
    let text = try String(contentsOfFile: shipped(name), encoding: .utf8)
    let theme = try ThemeFile.load(path: shipped(name))
    #expect(theme.name == name)
    for role in StyleRole.allCases {
      #expect(text.contains("[styles.\(role.rawValue)]"), "\(name) sets \(role.rawValue)")
      #expect(theme.monochrome[role] != nil, "\(name) has a mono style for \(role.rawValue)")
    }
  }

  @Test func shippedDefaultMatchesTheBuiltInOne() throws {
    let theme = try ThemeFile.load(path: shipped("default"))
    for role in StyleRole.allCases {
      #expect(theme.styles[role] == Theme.builtInDefault.styles[role], "\(role.rawValue)")
      #expect(
        theme.monochrome[role] ?? .plain == Theme.builtInDefault.monochrome[role] ?? .plain,
        "mono \(role.rawValue)")
    }
  }

  @Test func shippedThemesNeedTheColoursTheySay() throws {
    let needs = try shippedThemes.map { try ThemeFile.load(path: shipped($0)).depthNeeded }
    #expect(needs == [.indexed256, .indexed256, .truecolour, .sixteen, .monochrome])
    #expect(Theme.builtInDefault.depthNeeded == .indexed256)
  }

  @Test func shippedThemesLookDifferent() throws {
    let themes = try shippedThemes.map { try ThemeFile.load(path: shipped($0)) }
    for (i, a) in themes.enumerated() {
      for b in themes[(i + 1)...] { #expect(a.styles != b.styles, "\(a.name) vs \(b.name)") }
    }
  }

  @Test func coloursByNameIndexHexAndPalette() {
    #expect(ThemeColor.parse("red") == .some(.ansi(1)))
    #expect(ThemeColor.parse("bright-blue") == .some(.ansi(12)))
    #expect(ThemeColor.parse("Bright_Blue") == .some(.ansi(12)))
    #expect(ThemeColor.parse("grey") == .some(.ansi(8)))
    #expect(ThemeColor.parse("208") == .some(.indexed(208)))
    #expect(ThemeColor.parse("#1E2e3f") == .some(.rgb(0x1e, 0x2e, 0x3f)))
    #expect(ThemeColor.parse("default") == .some(nil))
    #expect(ThemeColor.parse("ink", palette: ["ink": .indexed(235)]) == .some(.indexed(235)))
    // The palette comes first, so a theme may name its own "blue".
    #expect(ThemeColor.parse("blue", palette: ["blue": .rgb(0, 0, 1)]) == .some(.rgb(0, 0, 1)))
    for bad in ["blurple", "256", "-1", "#12345", "#12345g", "", "bright-"] {
      #expect(ThemeColor.parse(bad) == nil, "\(bad)")
    }
  }

  @Test func stylesReadEveryKeyAndMissingRolesKeepTheDefault() throws {
    let theme = try ThemeFile.parse(
      """
      [palette]
      accent = "#ff8800"
      paper = 230

      [styles.quote]
      fg = "accent"
      bg = "paper"
      bold = true
      underline = true
      reverse = true
      italic = true
      dim = true
      mono = ["bold", "italic"]

      [styles.title]
      fg = 12
      bg = "default"
      """, name: "mine", file: "mine.toml")
    #expect(theme.name == "mine")
    #expect(
      theme.styles[.quote]
        == Style(
          foreground: .rgb(255, 136, 0), background: .indexed(230),
          bold: true, underline: true, reverse: true, italic: true, dim: true))
    #expect(theme.monochrome[.quote] == Style(bold: true, italic: true))
    #expect(theme.styles[.title] == Style(foreground: .indexed(12)))
    // Not mentioned: the built-in default's style, colour and mono.
    #expect(theme.monochrome[.title] == Theme.builtInDefault.monochrome[.title])
    #expect(theme.styles[.speaker] == Theme.builtInDefault.styles[.speaker])
    #expect(theme.monochrome[.speaker] == Theme.builtInDefault.monochrome[.speaker])
  }

  @Test func badSyntaxGivesTheLineAndColumn() throws {
    let found = try #require(error("[styles.quote]\nfg = \"red\"\nbold = maybe\n"))
    #expect(found.line == 3)
    #expect(found.column == 8)
    #expect(
      found.description
        == "themes/broken.toml, line 3, column 8: not valid TOML: 'maybe' is not a TOML value (strings need quotes)")
  }

  @Test func unknownColourNamesTheKeyAndLine() throws {
    let found = try #require(error("# a theme\n\n[styles.quote]\nbold = true\nfg = \"blurple\"\n"))
    #expect(found.problem == .unknownColour(value: "blurple", key: "styles.quote.fg"))
    #expect(found.line == 5)
    #expect(
      found.description.hasPrefix(
        "themes/broken.toml, line 5: unknown colour \"blurple\" for styles.quote.fg (use an ANSI name"))
    #expect(found.shortDescription == "broken.toml line 5: unknown colour \"blurple\" for styles.quote.fg")
    let index = try #require(error("[palette]\nink = 300\n"))
    #expect(index.problem == .unknownColour(value: "300", key: "palette.ink"))
    #expect(index.line == 2)
  }

  @Test func unknownRoleNamesTheLine() throws {
    let found = try #require(error("[styles.quote]\nfg = \"red\"\n\n[styles.quoet]\nfg = \"red\"\n"))
    #expect(found.problem == .unknownRole("quoet"))
    #expect(found.line == 4)
    #expect(
      found.description.hasPrefix("themes/broken.toml, line 4: unknown element [styles.quoet] (known: text, title,"))
  }

  @Test func wrongTypesUnknownKeysAndAttributes() throws {
    let type = try #require(error("[styles.quote]\nbold = \"yes\"\n"))
    #expect(type.description == "themes/broken.toml, line 2: styles.quote.bold must be true or false, not a string")
    let key = try #require(error("[styles.quote]\nfg = \"red\"\nbolt = true\n"))
    #expect(key.description == "themes/broken.toml, line 3: unknown key styles.quote.bolt")
    let mono = try #require(error("[styles.quote]\nmono = [\"bold\", \"blink\"]\n"))
    #expect(mono.problem == .unknownAttribute(value: "blink", key: "styles.quote.mono"))
    #expect(mono.line == 2)
    let top = try #require(error("colour = 1\n"))
    #expect(top.problem == .unknownKey("colour"))
    let table = try #require(error("[styles]\nquote = 3\n"))
    #expect(table.description == "themes/broken.toml, line 2: styles.quote must be a table, not a number (3)")
    let colourType = try #require(error("[styles.quote]\nfg = true\n"))
    #expect(
      colourType.problem
        == .wrongType(
          key: "styles.quote.fg", expected: "a colour (a name, an index 0-255 or \"#rrggbb\")", found: "true"))
  }

  @Test func dottedAndInlineStylesParseToo() throws {
    let theme = try ThemeFile.parse(
      "[styles]\nquote = { fg = \"red\", bold = true }\ntitle.fg = 3\n",
      name: "x", file: "x.toml")
    #expect(theme.styles[.quote] == Style(foreground: .ansi(1), bold: true))
    #expect(theme.styles[.title] == Style(foreground: .indexed(3)))
    let found = try #require(error("[styles]\ntitle.fg = 3\nquote = { fg = \"nope\" }\n"))
    #expect(found.line == 3)
  }

  @Test func missingFileIsReported() {
    #expect(throws: ThemeError(file: "/nonexistent/x.toml", problem: .unreadable("no such file"))) {
      try ThemeFile.load(path: "/nonexistent/x.toml")
    }
  }

  /// Shapes on which TOMLKit's parser aborts the process (found by the theme fuzz target:
  /// Fuzz/regressions/theme) are refused with their line first; a header-like line inside a multi-line string is text.
  @Test func headersThatWouldAbortTheParserAreErrors() throws {
    for (text, line, column) in [
      ("[{", 1, 2), ("g=[}", 1, 4), ("name = \"x\"\n  [[ =a]]\n", 2, 6), ("[styles.quote]\n[\u{1B}]\n", 2, 2),
      ("[", 1, 2),
    ] {
      let found = try #require(error(text), "\(text)")
      #expect(found.line == line && found.column == column, "\(text)")
      if case .syntax = found.problem {} else { Issue.record("\(found)") }
    }
    let fine = try ThemeFile.parse(
      "description = \"\"\"\n[{ not a header }\n\"\"\"\n[ styles.quote ]\nbold = true\n", name: "x", file: "x.toml")
    #expect(fine.styles[.quote]?.bold == true)
  }

  /// A string where a list of attributes is wanted is refused, with the list to write.
  @Test func monoMustBeAList() throws {
    let found = try #require(error("[styles.quote]\nmono = \"bold\"\n"))
    #expect(found.line == 2)
    #expect(found.message == "styles.quote.mono must be a list of attribute names, not a string (write [\"bold\"])")
  }

  /// A NUL byte ends the text for the TOML parser ("end-of-file"): it is reported as what it is.
  /// A file past the limit is refused without being read whole; so are a folder and a fifo.
  @Test func binaryHugeAndSpecialFilesAreRefusedByName() throws {
    let folder = NSTemporaryDirectory() + "byline-theme-limits-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let nul = folder + "/nul.toml"
    _ = FileManager.default.createFile(atPath: nul, contents: Data("[styles.quote]\nfg = \"red\"\0\n".utf8))
    #expect(throws: ThemeError(file: nul, line: 2, problem: .notText("a NUL byte at offset 25"))) {
      try ThemeFile.load(path: nul)
    }
    let latin1 = folder + "/latin1.toml"
    _ = FileManager.default.createFile(atPath: latin1, contents: Data([0x23, 0x20, 0xE9, 0x0A]))
    #expect(throws: ThemeError(file: latin1, line: 1, problem: .notText("bytes that are not UTF-8 at offset 2"))) {
      try ThemeFile.load(path: latin1)
    }
    let huge = folder + "/huge.toml"
    _ = FileManager.default.createFile(atPath: huge, contents: Data(repeating: 0x23, count: ThemeFile.maximumBytes + 1))
    let tooBig = ThemeError(file: huge, problem: .unreadable("it is over the 256 KB limit for theme files"))
    #expect(throws: tooBig) { try ThemeFile.load(path: huge) }
    #expect(tooBig.description == huge + ": cannot read the file: it is over the 256 KB limit for theme files")
    let fifo = folder + "/fifo.toml"
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: ThemeError(file: fifo, problem: .unreadable("not a regular file"))) {
      try ThemeFile.load(path: fifo)
    }
  }
}

@Suite("Theme search path")
struct ThemeCatalogTests {
  /// A temporary folder with `user`, `share/byline/themes`, `bin` and `work/themes`.
  final class Folders {
    let root: String
    init() throws {
      root = NSTemporaryDirectory() + "byline-themes-\(UUID().uuidString.prefix(8))"
      for sub in [
        "xdg/byline/themes", "home/.config/byline/themes", "prefix/bin", "prefix/share/byline/themes", "work/themes",
      ] {
        try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
      }
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ relative: String, _ text: String) throws {
      try text.write(toFile: root + "/" + relative, atomically: true, encoding: .utf8)
    }

    func catalog(xdg: Bool = true) -> ThemeCatalog {
      var environment = ["HOME": root + "/home"]
      if xdg { environment["XDG_CONFIG_HOME"] = root + "/xdg" }
      return ThemeCatalog.standard(
        environment: environment, executablePath: root + "/prefix/bin/byline",
        currentDirectory: root + "/work", compiledIn: [])
    }
  }

  @Test func foldersInOrder() throws {
    let f = try Folders()
    #expect(
      f.catalog().folders == [
        .init(path: f.root + "/xdg/byline/themes", origin: .user),
        .init(path: f.root + "/prefix/share/byline/themes", origin: .installed),
        .init(path: f.root + "/work/themes", origin: .local),
      ])
    // Without XDG_CONFIG_HOME (or with a relative one): ~/.config.
    #expect(f.catalog(xdg: false).folders.first == .init(path: f.root + "/home/.config/byline/themes", origin: .user))
    let relative = ThemeCatalog.standardFolders(
      environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"],
      executablePath: nil, currentDirectory: "/w")
    #expect(relative.map(\.path) == ["/h/.config/byline/themes", "/w/themes"])
  }

  @Test func userThemesWinOverInstalledOverLocal() throws {
    let f = try Folders()
    try f.write("work/themes/dusk.toml", "[styles.quote]\nfg = 1\n")
    try f.write("prefix/share/byline/themes/dusk.toml", "[styles.quote]\nfg = 2\n")
    try f.write("prefix/share/byline/themes/paper.toml", "[styles.quote]\nfg = 4\n")
    try f.write("work/themes/paper.toml", "[styles.quote]\nfg = 5\n")
    try f.write("work/themes/local.toml", "[styles.quote]\nfg = 6\n")
    var selection = f.catalog().select("dusk")
    #expect(selection.current.styles[.quote]?.foreground == .indexed(2))
    try f.write("xdg/byline/themes/dusk.toml", "[styles.quote]\nfg = 3\n")
    selection = f.catalog().select("dusk")
    #expect(selection.error == nil)
    #expect(selection.current.styles[.quote]?.foreground == .indexed(3))
    #expect(f.catalog().select("paper").current.styles[.quote]?.foreground == .indexed(4))
    #expect(f.catalog().select("local").current.styles[.quote]?.foreground == .indexed(6))
    // The cycle list: one theme per name, default first, then by name.
    #expect(selection.themes.map(\.name) == ["default", "dusk", "local", "paper"])
    let entries = f.catalog().entries()
    #expect(entries.map(\.origin) == [.user, .installed, .installed, .local, .local, .local, .builtIn])
    #expect(entries.map(\.shadowed) == [false, true, false, true, false, true, false])
  }

  @Test func defaultIsBuiltInUnlessAFileReplacesIt() throws {
    let f = try Folders()
    var selection = f.catalog().select(nil)
    #expect(selection.current == .builtInDefault)
    #expect(selection.error == nil)
    try f.write("work/themes/default.toml", "[styles.quote]\nfg = 7\n")
    selection = f.catalog().select(nil)
    #expect(selection.current.styles[.quote]?.foreground == .indexed(7))
  }

  @Test func brokenOrMissingThemesFallBackToTheDefaultWithTheError() throws {
    let f = try Folders()
    try f.write("work/themes/broken.toml", "[styles.quote]\nfg = \"blurple\"\n")
    try f.write("work/themes/good.toml", "[styles.quote]\nfg = 1\n")
    var selection = f.catalog().select("broken")
    #expect(selection.current.name == "default")
    #expect(selection.error?.file == f.root + "/work/themes/broken.toml")
    #expect(selection.error?.line == 2)
    #expect(selection.themes.map(\.name) == ["default", "good"])
    selection = f.catalog().select("nosuch")
    #expect(selection.current.name == "default")
    #expect(selection.error?.problem == .notFound(name: "nosuch", searched: f.catalog().folders.map(\.path)))
    // A broken default.toml: reported, and the built-in default is used.
    try f.write("work/themes/default.toml", "[styles\n")
    selection = f.catalog().select(nil)
    #expect(selection.current == .builtInDefault)
    #expect(selection.error?.line == 1)
  }

  /// `render` checks the theme asked for without reading the others: the same error as
  /// `select`, for a name, a broken default, a missing name and a path.
  @Test func checkingOneThemeGivesTheSelectionsError() throws {
    let f = try Folders()
    try f.write("work/themes/broken.toml", "[styles.quote]\nfg = \"blurple\"\n")
    try f.write("work/themes/good.toml", "[styles.quote]\nfg = 1\n")
    try f.write("xdg/byline/themes/good.toml", "[styles\n")
    try f.write("elsewhere.toml", "[styles.quote]\nfg = 9\n")
    let requests: [String?] = [
      nil, "", "broken", "good", "nosuch", f.root + "/elsewhere.toml", f.root + "/missing.toml",
    ]
    for request in requests {
      #expect(f.catalog().error(for: request) == f.catalog().select(request).error, "\(request ?? "nil")")
    }
    #expect(f.catalog().error(for: "good")?.line == 1)  // the user's broken file shadows the good one
    #expect(f.catalog().error(for: nil) == nil)
    try f.write("work/themes/default.toml", "[styles\n")
    #expect(f.catalog().error(for: nil) == f.catalog().select(nil).error)
    #expect(f.catalog().error(for: nil)?.line == 1)
  }

  @Test func aPathLoadsThatFile() throws {
    let f = try Folders()
    try f.write("elsewhere.toml", "[styles.quote]\nfg = 9\n")
    let selection = f.catalog().select(f.root + "/elsewhere.toml")
    #expect(selection.error == nil)
    #expect(selection.current.name == "elsewhere")
    #expect(selection.current.styles[.quote]?.foreground == .indexed(9))
    #expect(selection.themes.map(\.name) == ["default", "elsewhere"])
    let missing = f.catalog().select(f.root + "/missing.toml")
    #expect(missing.current.name == "default")
    #expect(missing.error?.problem == .unreadable("no such file"))
  }
}

@Suite("Shipped themes compiled into the binary")
struct ShippedThemesTests {
  /// The package's themes/ folder, from this file's path.
  static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

  @Test func theCompiledInTextsAreTheFilesOfThemes() throws {
    #expect(ShippedThemes.files.map(\.name) == ["light", "solarized-dark", "high-contrast", "mono"])
    for (name, text) in ShippedThemes.files {
      let file = try String(contentsOfFile: ShippedThemesTests.themesFolder + "/\(name).toml", encoding: .utf8)
      #expect(text + "\n" == file, "themes/\(name).toml and ShippedThemes differ: copy the file again")
    }
  }

  @Test func allFiveAreThereWithNoThemeFolderAtAll() {
    let catalog = ThemeCatalog(
      folders: [Folder(path: "/nonexistent/themes", origin: .local)],
      compiledIn: ShippedThemes.files)
    let selection = catalog.select("solarized-dark")
    #expect(selection.error == nil)
    #expect(selection.current.name == "solarized-dark")
    #expect(selection.themes.map(\.name) == ["default", "high-contrast", "light", "mono", "solarized-dark"])
    #expect(catalog.entries().allSatisfy { $0.origin == .builtIn && !$0.shadowed })
  }
}

private typealias Folder = ThemeCatalog.Folder
