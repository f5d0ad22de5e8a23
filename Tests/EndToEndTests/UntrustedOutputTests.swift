import Foundation
import Testing

/// What a hostile file, file name or theme puts in: an OSC that retitles the terminal, a CSI that
/// clears it, a C1 CSI, DEL, BEL and a right-to-left override.
private let hostile = "\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{202E}"

/// A scalar a terminal would act on: C0 but newline and tab, DEL, C1, bidi controls, U+2028/9.
private func isRaw(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x0A, 0x09: return false
  case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,
    0x2028, 0x2029:
    return true
  default: return false
  }
}

/// Fails naming the command and the first raw scalar when its output holds one.
private func expectNothingRaw(
  _ result: (status: Int32, stdout: String, stderr: String), _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
    let raw = text.unicodeScalars.first(where: isRaw)
    #expect(
      raw == nil, "\(what): raw U+\(String(raw?.value ?? 0, radix: 16)) on \(stream)", sourceLocation: sourceLocation)
  }
}

/// A folder of hostile material: an article whose quote, title and file name hold escape
/// sequences, a file that fails to load under a hostile name, and a theme folder with hostile
/// names and values.
private final class HostileFolder {
  let root = NSTemporaryDirectory() + "byline-hostile-\(UUID().uuidString.prefix(8))"
  var library: String { root + "/library" }
  var article: String { library + "/strike\(hostile).txt" }
  var broken: String { library + "/broken\(hostile).txt" }

  init() throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: library, withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/config/byline/themes", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/cache", withIntermediateDirectories: true)
    let text = """
      Harbour talks fail\(hostile)

      "We will strike\(hostile) at dawn and stay out until the offer is fair," said Moira Keane, the union's branch secretary.

      Keane said the offer was too small. "Nobody wants this\(hostile)," she said.

      """
    try text.write(toFile: article, atomically: true, encoding: .utf8)
    _ = fm.createFile(atPath: broken, contents: Data([0x41, 0xFF, 0x42, 0x0A]))
    // A theme whose name holds the sequence, and one whose value does (TOML's \u escapes).
    try "[styles.quote]\nbold = true\n".write(
      toFile: root + "/config/byline/themes/evil\(hostile).toml", atomically: true, encoding: .utf8)
    try "[styles.quote]\nfg = \"\\u001b]0;PWNED\\u0007\\u009b\\u202e\"\n".write(
      toFile: root + "/config/byline/themes/badvalue.toml", atomically: true, encoding: .utf8)
    try "[styles.quote]\nunknown\\u001b = 1\n".write(
      toFile: root + "/config/byline/themes/badkey.toml", atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  var environment: [String: String] {
    [
      "HOME": root, "XDG_CONFIG_HOME": root + "/config", "XDG_CACHE_HOME": root + "/cache",
      "XDG_STATE_HOME": root + "/state", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
    ]
  }

  func byline(_ arguments: [String], stdin: Data? = nil) -> (status: Int32, stdout: String, stderr: String) {
    run(E2E.binary!, arguments, stdin: stdin, environment: environment)
  }
}

/// Nothing raw reaches the terminal: every command and format, fed escape sequences, C1 and
/// bidi controls through article text, file names, theme names and values, and arguments.
@Suite("Untrusted text never reaches the terminal raw", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct UntrustedOutputTests {
  @Test func analyzeTextAndJSON() throws {
    let folder = try HostileFolder()
    let text = folder.byline(["analyze", "--format", "text", folder.article])
    #expect(text.status == 0)
    expectNothingRaw(text, "analyze --format text")
    // The quote and the file name are shown, their controls in visible form.
    #expect(text.stdout.contains("“We will strike\\e]0;PWNED\\a\\e[2J\\u{9B}31m\\u{7F}\\u{202E} at dawn"))
    #expect(text.stdout.hasPrefix(folder.library + "/strike\\e]0;PWNED\\a"))

    let json = folder.byline(["analyze", "--format", "json", folder.article])
    #expect(json.status == 0)
    expectNothingRaw(json, "analyze --format json")
    #expect(json.stdout.contains(#"We will strike\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u007f\u202e at dawn"#))
    // Still JSON, and the decoded text is the file's slice.
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let quotes = try #require(report["quotes"] as? [[String: Any]])
    #expect((quotes.first?["text"] as? String)?.contains("strike\(hostile) at dawn") == true)

    let both = folder.byline(["analyze", "--format", "json", folder.article, folder.broken])
    #expect(both.status == 1)
    expectNothingRaw(both, "analyze of a broken file")
    #expect(
      both.stderr
        == "byline: \(folder.library)/broken\\e]0;PWNED\\a\\e[2J\\u{9B}31m\\u{7F}\\u{202E}.txt: is not valid UTF-8 (bad byte at offset 1)\n"
    )
  }

  @Test(arguments: ["csv", "markdown", "json"])
  func quotesInEveryFormat(format: String) throws {
    let folder = try HostileFolder()
    let result = folder.byline(["quotes", folder.library, "--no-cache", "--format", format])
    expectNothingRaw(result, "quotes --format \(format)")
    #expect(result.stdout.contains("Moira Keane"))
    // The library quotes the sanitised text; CSV and JSON name the file, inert.
    if format != "markdown" {
      #expect(result.stdout.contains("strike\\e]0;PWNED") || result.stdout.contains(#"strike\u001b]0;PWNED"#))
    }
    // The file that fails is named on standard error, inert.
    #expect(result.stderr.contains("broken\\e]0;PWNED\\a"))
  }

  @Test func renderAndStandardInput() throws {
    let folder = try HostileFolder()
    let render = folder.byline(["render", folder.article, "--width", "60", "--height", "12"])
    #expect(render.status == 0)
    expectNothingRaw(render, "render")
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.article))
    let piped = folder.byline(["analyze", "-"], stdin: data)
    expectNothingRaw(piped, "analyze -")
    #expect(piped.stdout.contains("\\e]0;PWNED"))
  }

  @Test func themesListingAndThemeErrors() throws {
    let folder = try HostileFolder()
    let listing = folder.byline(["themes"])
    expectNothingRaw(listing, "themes")
    #expect(listing.stdout.contains("evil\\e]0;PWNED\\a"))
    #expect(listing.stdout.contains("BROKEN"))
    for theme in ["badvalue", "badkey", "evil\(hostile)", "missing\(hostile)"] {
      let render = folder.byline(["render", folder.article, "--theme", theme])
      expectNothingRaw(render, "render --theme \(theme)")
    }
    let bad = folder.byline(["render", folder.article, "--theme", "badvalue"])
    #expect(bad.stderr.contains("unknown colour \"\\e]0;PWNED\\a\\u{9B}\\u{202E}\""))
  }

  @Test func argumentErrorsAndMissingFiles() throws {
    let folder = try HostileFolder()
    let badOption = folder.byline(["analyze", "--format", "x\(hostile)", folder.article])
    #expect(badOption.status == 64)
    expectNothingRaw(badOption, "a bad option value")
    #expect(badOption.stderr.contains("x\\e]0;PWNED"))
    let missing = folder.byline(["analyze", folder.root + "/none\(hostile).txt"])
    #expect(missing.status == 1)
    expectNothingRaw(missing, "a missing file")
    let person = folder.byline(["render", folder.article, "--person", "Nobody\(hostile)"])
    #expect(person.status == 1)
    expectNothingRaw(person, "render --person")
    let nobody = folder.byline(["quotes", folder.library, "--no-cache", "--person", "Nobody\(hostile)"])
    expectNothingRaw(nobody, "quotes --person")
    let help = folder.byline(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE"))
  }
}
