import Foundation
import Testing

@testable import BylineCore

/// The library cache keeps analyses until ``AnalysisVersion/current`` changes, so a change
/// that gives other answers must bump it. This test holds a digest of the analyses of the
/// sample articles and the gold fixtures for the current version and fails when they differ.
@Suite struct AnalysisVersionTests {
  /// The digest of the analyses for ``AnalysisVersion/current``. When this test fails after a
  /// change to the analysis: bump `AnalysisVersion.current` and write the new digest here.
  static let digest = (version: 13, value: "e07c38ba10ab4530")

  /// FNV-1a over the analyze JSON of every article of the two folders, in name order.
  static func analysesDigest() throws -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let folders = [
      TestPaths.sampleArticles,
      TestPaths.packageRoot.appendingPathComponent("Tests/BylineCoreTests/Fixtures/gold-articles"),
    ]
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
      for name in names.sorted() {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let json = AnalysisReport(ArticleAnalysis(article: ArticleParser.parse(text, source: name))).jsonString()
        for byte in json.utf8 {
          hash ^= UInt64(byte)
          hash = hash &* 0x0000_0100_0000_01b3
        }
      }
    }
    return String(hash, radix: 16)
  }

  @Test func theAnalysesMatchTheirVersion() throws {
    let digest = try Self.analysesDigest()
    #expect(
      Self.digest.version == AnalysisVersion.current && digest == Self.digest.value,
      """
      the analyses differ from those of version \(Self.digest.version) (digest \(digest)): if the \
      change is meant, bump AnalysisVersion.current and record its digest in AnalysisVersionTests
      """)
  }
}
