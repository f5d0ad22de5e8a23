import BylineCore
import Foundation
import Testing

/// The reference article in ../shared, with its hand annotation. Skips when ../shared is absent.
@Suite("The reference article", .enabled(if: TestPaths.shared != nil, "../shared is absent"))
struct ReferenceArticleTests {
  let path = TestPaths.shared?.appendingPathComponent("reference/000_9ec958a5fda938b3.txt").path ?? ""
  var gold: [String: Any] {
    let url = URL(fileURLWithPath: path.replacingOccurrences(of: ".txt", with: ".gold.json"))
    guard let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
  }

  @Test func metadataMatchesTheGold() throws {
    let article = try ArticleLoader.load(path: path)
    let metadata = try #require(gold["metadata"] as? [String: Any])
    #expect(article.title == metadata["title"] as? String)
    #expect(article.standfirst == metadata["standfirst"] as? String)
    #expect(article.statedReadTimeMinutes == metadata["stated_read_time_minutes"] as? Int)
    #expect(article.date?.description == metadata["date"] as? String)
    let caption = try #require(article.captions.first)
    #expect(caption.captionTextRange.map { article.text(in: $0) } == metadata["caption"] as? String)
    #expect(caption.creditRange.map { article.text(in: $0) } == metadata["caption_credit"] as? String)
    #expect(article.texts(.furniture) == metadata["furniture"] as? [String])
    #expect(article.paragraphs.count == metadata["body_paragraphs"] as? Int)
    #expect(!article.texts(.paragraph).contains { $0.contains("Live Story") })
  }

  @Test func quotesMatchTheGoldWithOffsetsIntoTheFile() throws {
    let article = try ArticleLoader.load(path: path)
    let analysis = ArticleAnalysis(article: article)
    let goldQuotes = try #require(gold["quotes"] as? [[String: Any]]).compactMap { $0["text"] as? String }
    #expect(analysis.quoteTexts == goldQuotes)
    let source = try String(contentsOfFile: path, encoding: .utf8)
    let report = AnalysisReport(analysis)
    for quote in report.quotes {
      #expect(scalarSlice(source, quote.start..<quote.end) == quote.text)
    }
  }

  @Test func readTimeIsNearTheStatedOne() throws {
    let analysis = ArticleAnalysis(article: try ArticleLoader.load(path: path))
    #expect(analysis.readingTime.estimatedMinutes == 2)
    #expect((380...420).contains(analysis.readingTime.wordCount))
  }
}
