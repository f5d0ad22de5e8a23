/// What Byline finds in an article: its quotes and reading time.
///
/// Made once per article (and per reading speed) and shared by every view of it.
public struct ArticleAnalysis: Sendable {
  public var article: Article
  /// Every direct quotation, in reading order.
  public var quotes: [Quote]
  public var readingTime: ReadingTime

  public init(article: Article, wordsPerMinute: Double = ReadingTime.defaultWordsPerMinute) {
    self.article = article
    self.quotes = QuoteFinder.findQuotes(in: article)
    self.readingTime = ReadingTime(article: article, wordsPerMinute: wordsPerMinute)
  }
}
