import BylineCore
import Foundation

/// Paths and helpers shared by the core tests.
enum TestPaths {
  /// The package root (this file is Tests/BylineCoreTests/TestSupport.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` beside the package, or nil when it is absent (a fresh clone on its own).
  static var shared: URL? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static var sampleArticles: URL { packageRoot.appendingPathComponent("sample-articles") }
}

/// Parses literal article text.
func parse(_ text: String) -> Article { ArticleParser.parse(text, source: "test.txt") }

extension Article {
  /// The texts of the blocks of one kind.
  func texts(_ kind: Block.Kind) -> [String] {
    blocks.filter { $0.kind == kind }.map { text(of: $0) }
  }
}

extension ArticleAnalysis {
  /// The texts of the quotes, in order.
  var quoteTexts: [String] { quotes.map { article.text(in: $0.range) } }
}

/// Unicode-scalar slice of a string, for checking source offsets.
func scalarSlice(_ text: String, _ range: Range<Int>) -> String {
  let scalars = Array(text.unicodeScalars)
  return String(String.UnicodeScalarView(scalars[range]))
}
