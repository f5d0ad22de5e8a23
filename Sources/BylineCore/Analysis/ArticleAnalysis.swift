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
    // The quotes are found twice: for the tokens they hold, then again for the attributor,
    // so that they take no room while the entities are recognised (a flood of short quotes
    // has one every 16 bytes, 2 times the text at 32 bytes a quote).
    let output = EntityAnalysis.run(
      article: article, findQuotes: { QuoteFinder.findQuotes(in: article, rules: rules, expected: $0) }, rules: rules)
    self.quotes = output.quotes
    self.entities = output.entities
    self.reportedSpeech = output.reportedSpeech
    self.readingTime = ReadingTime(article: article, wordsPerMinute: wordsPerMinute)
  }
}
