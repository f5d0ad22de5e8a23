import Foundation
import Testing

/// Standard input and the config file are read against a limit and refused in one line.
@Suite("Input limits", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct InputLimitsTests {
  @Test func standardInputOverFiftyMegabytesIsRefusedInOneLine() {
    var big = Data("Title\n\n".utf8)
    big.append(Data(repeating: 0x61, count: 50 * 1_048_576))
    let result = run(E2E.binary!, ["analyze", "-"], stdin: big)
    #expect(result.status == 1)
    #expect(result.stderr == "byline: standard input is over the 50 MB limit\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func aConfigFileOverItsLimitOrWithANulIsRefusedByName() throws {
    let root = NSTemporaryDirectory() + "byline-config-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: root + "/byline", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let config = root + "/byline/config.toml"
    let environment = ["HOME": root, "XDG_CONFIG_HOME": root, "LANG": "C.UTF-8", "TERM": "dumb"]
    _ = FileManager.default.createFile(atPath: config, contents: Data(repeating: 0x23, count: 256 * 1024 + 1))
    // In a folder without sample-articles and without BYLINE_LIBRARY, the config is read.
    func library() -> (status: Int32, stdout: String, stderr: String) {
      run("/bin/sh", ["-c", "cd \"$1\" && exec \"$2\" library", "sh", root, E2E.binary!], environment: environment)
    }
    let huge = library()
    #expect(huge.status == 1)
    #expect(huge.stderr == "byline: \(config): is over the 256 KB limit\n")
    _ = FileManager.default.createFile(atPath: config, contents: Data("library = \"x\"\0\n".utf8))
    let nul = library()
    #expect(nul.stderr == "byline: \(config): not a text file: it holds a NUL byte at offset 13\n")
  }
}
