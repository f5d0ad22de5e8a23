import BylineCore
import Foundation

/// A feed item as an ``Article``.
enum FeedArticle {
  static func article(of item: FeedItem, source: String) -> Article {
    Article(
      source: source, title: item.title, standfirst: nil, author: item.author, date: nil, blocks: [],
      scalars: [], sourceMap: SourceMap(), sourceText: "")
  }
}
