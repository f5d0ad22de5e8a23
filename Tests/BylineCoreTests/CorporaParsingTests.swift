import BylineCore
import Foundation
import Testing

/// Every article of the real corpora in ../shared parses with its headline as title and no
/// header line taken for body text. Skips when ../shared is absent.
@Suite("Real news corpora parse", .enabled(if: TestPaths.shared != nil, "../shared is absent"))
struct CorporaParsingTests {
  static func articles(in folder: String) -> [String] {
    guard let root = TestPaths.shared?.appendingPathComponent("corpora/" + folder),
      let enumerator = FileManager.default.enumerator(atPath: root.path)
    else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") && !$0.hasPrefix("README") }
      .sorted().map { root.appendingPathComponent($0).path }
  }

  @Test(arguments: ["conll-dev", "polnear-train", "bbc"])
  func headlineIsTitleAndBodyHasNoMetadata(folder: String) throws {
    let paths = Self.articles(in: folder)
    #expect(!paths.isEmpty)
    var failures: [String] = []
    for path in paths {
      let text = try ArticleLoader.readText(path: path)
      let article = ArticleParser.parse(text, source: path)
      let firstLine = text.split(separator: "\n", maxSplits: 1).first.map { String($0).trimmed() } ?? ""
      if article.title != firstLine { failures.append("\(path): title \(article.title ?? "nil")") }
      if article.paragraphs.isEmpty { failures.append("\(path): no paragraphs") }
      for paragraph in article.texts(.paragraph).prefix(2) {
        if DateParser.parse(paragraph) != nil || paragraph == article.title {
          failures.append("\(path): header line in body: \(paragraph)")
        }
      }
      // Every quote's text is the file's text at its offsets.
      let report = AnalysisReport(ArticleAnalysis(article: article))
      for quote in report.quotes where scalarSlice(text, quote.start..<quote.end) != quote.text {
        failures.append("\(path): quote offsets \(quote.start)..<\(quote.end)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
  }

  @Test func conllDatelinesAndBylinesAreMetadata() throws {
    for path in Self.articles(in: "conll-dev") {
      let text = try ArticleLoader.readText(path: path)
      let article = ArticleParser.parse(text, source: path)
      let groups = text.components(separatedBy: "\n\n")
      // The second group is the byline/dateline header: none of its lines is body text.
      guard groups.count > 2 else { continue }
      for line in groups[1].split(separator: "\n") where line.split(separator: " ").count <= 6 {
        #expect(!article.texts(.paragraph).contains(String(line)), "\(path): \(line)")
      }
    }
  }
}

extension String {
  fileprivate func trimmed() -> String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
