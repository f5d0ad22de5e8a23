import BylineCore
import Foundation

/// An ``Article`` as the cache stores it for a feed item or a page: the model text, its blocks
/// and its metadata as JSON, so that the reader opens a stored item as it was read (from the
/// feed or from the fetched page) without fetching it again, even after it left the feed.
///
/// The source map and the text as read are not kept: the text as read is the model text, as
/// for every web page (``Article/sourceText``).
struct StoredArticle: Codable, Equatable {
  struct StoredBlock: Codable, Equatable {
    var kind: String
    var start: Int
    var end: Int
    var credit: [Int]?
    var captionText: [Int]?
    var group: Bool?
  }

  var source: String
  var title: String?
  var standfirst: String?
  var author: String?
  var dateline: String?
  var date: ArticleDate?
  var statedMinutes: Int?
  var text: String
  var blocks: [StoredBlock]
  var links: [[String]]

  init(_ article: Article) {
    source = article.source
    title = article.title
    standfirst = article.standfirst
    author = article.author
    dateline = article.dateline
    date = article.date
    statedMinutes = article.statedReadTimeMinutes
    text = article.text
    blocks = article.blocks.map {
      StoredBlock(
        kind: $0.kind.rawValue, start: $0.range.lowerBound, end: $0.range.upperBound,
        credit: $0.creditRange.map { [$0.lowerBound, $0.upperBound] },
        captionText: $0.captionTextRange.map { [$0.lowerBound, $0.upperBound] },
        group: $0.continuesGroup ? true : nil)
    }
    links = article.links.map { [$0.text, $0.url] }
  }

  /// The article again; nil when the stored blocks do not fit the stored text (a damaged row).
  var article: Article? {
    let scalars = ScalarText(text)
    var restored: [Block] = []
    func range(_ pair: [Int]?) -> TextRange?? {
      guard let pair else { return .some(nil) }
      guard pair.count == 2, pair[0] >= 0, pair[0] <= pair[1], pair[1] <= scalars.count else { return nil }
      return .some(pair[0]..<pair[1])
    }
    for block in blocks {
      guard let kind = Block.Kind(rawValue: block.kind), block.start >= 0, block.start <= block.end,
        block.end <= scalars.count, let credit = range(block.credit), let caption = range(block.captionText)
      else { return nil }
      restored.append(
        Block(
          kind: kind, range: block.start..<block.end, creditRange: credit,
          captionTextRange: caption, continuesGroup: block.group ?? false))
    }
    var article = Article(
      source: source, title: title, standfirst: standfirst, author: author, dateline: dateline, date: date,
      statedReadTimeMinutes: statedMinutes, blocks: restored, scalars: scalars, sourceMap: SourceMap(),
      sourceText: text)
    article.links = links.compactMap { $0.count == 2 ? ArticleLink(text: $0[0], url: $0[1]) : nil }
    return article
  }

  func encoded() -> Data { (try? JSONEncoder().encode(self)) ?? Data() }

  static func decode(_ data: Data) -> Article? {
    (try? JSONDecoder().decode(StoredArticle.self, from: data))?.article
  }
}
