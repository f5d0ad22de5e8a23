/// What Byline finds in an article: quotes, entities, reported speech and reading time.
///
/// Made once per article (and per reading speed) and shared by every view of it.
public struct ArticleAnalysis: Sendable {
  public var article: Article
  /// Every direct quotation, in reading order.
  public var quotes: [Quote]
  /// People, places and organisations, aliases merged.
  public var entities: [Entity]
  /// Speech reported without quote marks.
  public var reportedSpeech: [ReportedSpeech]
  public var readingTime: ReadingTime

  public init(
    article: Article, wordsPerMinute: Double = ReadingTime.defaultWordsPerMinute,
    rules: AnalysisRules = AnalysisRules()
  ) {
    self.article = article
    let found = QuoteFinder.findQuotes(in: article, rules: rules)
    // The quotes handed over, not shared: the attributor's first change would copy them all.
    let output = EntityAnalysis.run(article: article, quotes: consume found, rules: rules)
    self.quotes = output.quotes
    self.entities = output.entities
    self.reportedSpeech = output.reportedSpeech
    self.readingTime = ReadingTime(article: article, wordsPerMinute: wordsPerMinute)
  }
}
