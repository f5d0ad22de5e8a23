import BylineCore
import Dispatch
import Foundation
import Testing

@testable import BylineLibrary

/// The two set-ups that notes in the code once blamed for heap corruption, run hard, so that
/// `scripts/sanitize address` and `scripts/sanitize thread` look at them (docs/concurrency.md
/// says what they found). Each checks its results too: they fail without a sanitizer when the
/// work goes wrong.
@Suite("Concurrency: the set-ups once blamed for heap corruption")
struct ConcurrencyStressTests {
  /// Articles to analyse: small, distinct, each with a quote.
  static func articles(_ count: Int) -> [String] {
    (0..<count).map { i in
      "Report \(i)\n\nMinister Anna Berg\(i) spoke on day \(i).\n\n\"We will act on item \(i),\" Berg\(i) said.\n"
    }
  }

  @Test func concurrentPerformAnalysesWhileGRDBWrites() throws {
    let folder = TempFolder()
    let root = folder.path
    let cache = try #require(LibraryCache.open(directory: root).cache)
    defer { cache.close() }
    let texts = ConcurrencyStressTests.articles(64)
    let summaries = LockedSummaries()
    // libdispatch's pool analyses, while this thread writes each batch to the cache.
    DispatchQueue.concurrentPerform(iterations: texts.count) { i in
      let analysis = ArticleAnalysis(article: ArticleParser.parse(texts[i], source: "a\(i).txt"))
      let summary = ArticleSummary(analysis: analysis)
      summaries.set(i, summary)
      cache.store([
        LibraryCache.Entry(
          file: ScannedFile(path: root + "/a\(i).txt", size: 1, mtime: 1), hash: "h\(i)",
          summary: summary, body: texts[i])
      ])
    }
    #expect(summaries.count == 64)
    #expect(cache.storedHashes().count == 64)
    #expect(cache.search("item")?.count == 64)
    #expect(cache.message == nil)
  }

  @Test func twoPoolsOnOneFileInOneProcess() throws {
    let folder = TempFolder()
    let root = folder.path
    let path = root + "/" + LibraryCache.fileName
    // Past the registry on purpose: two pools on one file, written and read at once.
    let first = try LibraryCache(path: path)
    let second = try LibraryCache(path: path)
    defer {
      first.close()
      second.close()
    }
    let texts = ConcurrencyStressTests.articles(40)
    DispatchQueue.concurrentPerform(iterations: texts.count) { i in
      let pool = i.isMultiple(of: 2) ? first : second
      let summary = ArticleSummary(
        analysis: ArticleAnalysis(article: ArticleParser.parse(texts[i], source: "b\(i).txt")))
      pool.store([
        LibraryCache.Entry(
          file: ScannedFile(path: root + "/b\(i).txt", size: 1, mtime: 1), hash: "h\(i)",
          summary: summary, body: texts[i])
      ])
      _ = (i.isMultiple(of: 2) ? second : first).search("act")
    }
    #expect(first.storedHashes().count == 40)
    #expect(second.storedHashes().count == 40)
    #expect(first.message == nil && second.message == nil)
  }
}

/// Summaries by index, behind a lock (a plain NSLock: this file builds the same with and
/// without the sanitizer's stand-in for Mutex).
final class LockedSummaries: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int: ArticleSummary] = [:]
  func set(_ i: Int, _ summary: ArticleSummary) { lock.withLock { values[i] = summary } }
  var count: Int { lock.withLock { values.count } }
}
