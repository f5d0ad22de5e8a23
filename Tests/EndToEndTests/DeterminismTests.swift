import Foundation
import Testing

/// The same bytes give byte-identical output from process to process (each process hashes
/// with its own random seed, and the library analyses on several threads), with the cache
/// and without. The whole BBC set, five times: scripts/check-determinism.sh.
@Suite("Same input, same output", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct DeterminismTests {
  static let politics = E2E.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/corpora/bbc/politics").path

  @Test(.enabled(if: FileManager.default.fileExists(atPath: politics), "../shared/corpora/bbc is absent"))
  func quotesAndAnalysisOfTheBBCPoliticsSetRepeat() throws {
    let cache = NSTemporaryDirectory() + "byline-determinism-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = cache
    let quotes = (0..<3).map { attempt in
      run(
        E2E.binary!, ["quotes", Self.politics, "--format", "json"] + (attempt == 0 ? ["--no-cache"] : []),
        environment: environment)
    }
    #expect(quotes[0].status == 0)
    #expect(quotes[0].stdout.count > 10_000)
    // politics/227.txt's two quotes credited to "Lib Dem" came and went from run to run
    // (they are Charles Kennedy's since "Lib Dem" is a party's words, no name).
    #expect(quotes[0].stdout.contains("227.txt"))
    for other in quotes.dropFirst() { #expect(other.stdout == quotes[0].stdout) }
    let article = Self.politics + "/227.txt"
    let analyses = (0..<3).map { _ in run(E2E.binary!, ["analyze", "--format", "json", article]).stdout }
    #expect(analyses[0].contains("\"speaker\" : \"Charles Kennedy\""))
    #expect(!analyses[0].contains("\"speaker\" : \"Lib Dem\""))
    for other in analyses.dropFirst() { #expect(other == analyses[0]) }
  }
}
