import BylineCore
import Foundation

extension Library {
  struct Outcome: Sendable {
    var hash: String
    /// Nil when the hash was already known (a copy, a touched file).
    var summary: ArticleSummary?
    /// The text indexed for search; empty when the hash was known.
    var body: String
  }

  /// Reads, hashes and (unless `known` says the hash is) analyses one file.
  static func analyse(_ file: ScannedFile, known: (String) -> Bool) -> Result<Outcome, ArticleLoadError> {
    let data: Data
    switch read(file) {
    case .failure(let error): return .failure(error)
    case .success(let bytes): data = bytes
    }
    let hash = ContentHash.of(data)
    if known(hash) { return .success(Outcome(hash: hash, summary: nil, body: "")) }
    do {
      let article = try ArticleLoader.parse(data: data, source: file.path)
      let analysis = ArticleAnalysis(article: article)
      return .success(Outcome(hash: hash, summary: ArticleSummary(analysis: analysis), body: body(of: article)))
    } catch {
      return .failure(error)
    }
  }

  /// The title and body of a file for the full-text index, without analysing it; nil when it
  /// no longer reads as an article.
  static func searchableText(of file: ScannedFile) -> (title: String, body: String)? {
    guard case .success(let data) = read(file),
      let article = try? ArticleLoader.parse(data: data, source: file.path)
    else {
      return nil
    }
    return (article.displayTitle, body(of: article))
  }

  /// The body indexed for search: every block but the title, which is indexed apart.
  static func body(of article: Article) -> String {
    article.blocks.filter { $0.kind != .title }.map { article.text(of: $0) }.joined(separator: "\n\n")
  }

  static func read(_ file: ScannedFile) -> Result<Data, ArticleLoadError> {
    if file.size > ArticleLoader.maximumBytes {
      return .failure(.tooLarge(path: file.path, bytes: file.size, limit: ArticleLoader.maximumBytes))
    }
    // Read as any article file is: a file swapped for a fifo since the scan is refused.
    do throws(ArticleLoadError) {
      return .success(try ArticleLoader.readData(path: file.path))
    } catch {
      return .failure(error)
    }
  }
}
