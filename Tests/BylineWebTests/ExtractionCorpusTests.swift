import BylineCore
import Foundation
import Testing

@testable import BylineWeb

/// The package root (this file is Tests/BylineWebTests/ExtractionCorpusTests.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// `../shared/corpora/readability-pages`, or nil when it is absent (a fresh clone).
let readabilityPages: String? = {
  let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/readability-pages").path
  return FileManager.default.fileExists(atPath: path) ? path : nil
}()

/// Floors on Mozilla Readability's 130 test pages (Readability's own extraction is the
/// reference). The floors are body F1 >= 0.93 (news) and >= 0.90 (all), titles
/// >= 0.95; Byline measures 0.995 / 0.989 / 1.0 (bylines 0.954), so the floors here sit
/// just under that to catch regressions.
@Suite("Web extraction against Readability's test pages", .enabled(if: readabilityPages != nil, "../shared is absent"))
struct ExtractionCorpusTests {
  @Test func floors() {
    let (all, news) = ExtractionEvaluation.evaluate(folder: readabilityPages!)
    #expect(all.pages == 130)
    #expect(news.pages == 21)
    #expect(news.f1 >= 0.985)
    #expect(all.f1 >= 0.98)
    #expect(all.titleAccuracy >= 0.98)
    #expect(all.bylineAccuracy >= 0.93)
    // The issue's own floors.
    #expect(news.f1 >= 0.93 && all.f1 >= 0.90 && all.titleAccuracy >= 0.95)
  }

  @Test func bbcArticle() throws {
    let path = readabilityPages! + "/bbc-1/source.html"
    let article = try HTMLArticleReader.read(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
    #expect(article.title == "Obama admits US gun laws are his 'biggest frustration'")
    #expect(article.author == "BBC News")
    #expect(article.date == ArticleDate(year: 2015, month: 7, day: 24))
    #expect(
      article.paragraphs.first.map { article.text(of: $0) }?.hasPrefix("President Barack Obama has admitted") == true)
    // Quotes and speakers work on the page's text.
    let analysis = ArticleAnalysis(article: article)
    #expect(analysis.quotes.count >= 5)
    #expect(analysis.entities.contains { $0.kind == .person && $0.name == "Barack Obama" })
  }

  @Test func scoring() {
    #expect(ExtractionEvaluation.compare(extracted: "a b c d e", expected: "a b c d e") == (1, 1, 1))
    let half = ExtractionEvaluation.compare(
      extracted: "one two three four", expected: "one two three four five six seven")
    // One shingle of four found among four expected.
    #expect(half.p == 1 && half.r == 0.25)
    #expect(ExtractionEvaluation.compare(extracted: "", expected: "words here").f == 0)
  }
}
