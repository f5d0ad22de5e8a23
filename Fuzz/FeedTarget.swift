import Foundation

/// Fuzz target `feed`: any bytes through the feed sniff, libxml2's XML parser with Byline's
/// entity budget, the RSS/RDF/Atom reader, the HTML of each item, and each item as an
/// article. Traps when a field keeps a scalar the sanitiser removes, when a block's range
/// leaves the article's text, or when an error message would reach the terminal raw.
func fuzzFeed(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  _ = FeedParser.looksLikeFeed(data)
  let feed: Feed
  do {
    feed = try FeedParser.parse(data, url: URL(string: "https://fuzz.example/feeds/feed.xml"))
  } catch {
    checkTerminalSafe(error.description)
    return 0
  }
  checkSanitised(feed.title, "feed title")
  for field in [feed.link, feed.subtitle, feed.author].compactMap({ $0 }) { checkSanitised(field, "feed field") }
  for item in feed.items {
    for field in [item.id, item.title, item.link, item.author, item.summary, item.content].compactMap({ $0 }) {
      checkSanitised(field, "item field")
    }
    for enclosure in item.enclosures { checkSanitised(enclosure.url, "enclosure") }
    let article = item.article(source: "fuzz.xml#item")
    for block in article.blocks where block.range.lowerBound < 0 || block.range.upperBound > article.scalars.count {
      fatalError("block \(block.range) outside 0..<\(article.scalars.count)")
    }
    for scalar in article.scalars where Sanitizer.isRemoved(scalar) && scalar != "\n" {
      fatalError("the article kept U+\(String(scalar.value, radix: 16))")
    }
  }
  return 0
}
