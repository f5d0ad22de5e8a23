import BylineCore
import Foundation

/// A feed item as an ``Article``, through the page reader's block collector and assembly:
/// the item's title, author and date, its summary as the standfirst when the item carries
/// its full content too, and the content's paragraphs, headings, lists and captions.
enum FeedArticle {
  static func article(of item: FeedItem, source: String) -> Article {
    let base = item.link.flatMap(URL.init(string:))
    let (pieces, links) = item.contentHTML.map { FeedHTML.blocks($0, base: base) } ?? ([], [])
    let published = item.published.map {
      ISO8601DateFormatter.string(from: $0, timeZone: .gmt, formatOptions: [.withFullDate])
    }
    let standfirst = item.hasFullContent ? item.summary : nil
    let extraction = HTMLArticleReader.Extraction(
      title: item.title.isEmpty ? nil : item.title, author: item.author, standfirst: standfirst, published: published,
      siteName: nil, bodyTexts: pieces.map(\.text))
    return HTMLArticleReader.assemble(extraction, pieces: pieces, links: links, source: source)
  }
}
