/// The paragraphs of an article that concern one entity: those that mention it or hold a
/// quote or reported speech attributed to it.
public enum EntityFilter {
  /// Indices into `analysis.article.blocks` of the body paragraphs (and captions) that
  /// mention or quote the entity, in order.
  public static func blocks(for entity: Entity, in analysis: ArticleAnalysis) -> [Int] {
    let article = analysis.article
    var ranges: [TextRange] = entity.mentions
    for quote in analysis.quotes where quote.speaker == entity.name {
      ranges.append(contentsOf: quote.segments)
    }
    for speech in analysis.reportedSpeech where speech.speaker == entity.name {
      ranges.append(speech.range)
    }
    var indices = Set<Int>()
    for range in ranges {
      if let index = article.blockIndex(containing: range.lowerBound) {
        let kind = article.blocks[index].kind
        if kind == .paragraph || kind == .caption { indices.insert(index) }
      }
    }
    return indices.sorted()
  }

  /// The quotes attributed to the entity, as indices into `analysis.quotes`.
  public static func quotes(of entity: Entity, in analysis: ArticleAnalysis) -> [Int] {
    analysis.quotes.indices.filter { analysis.quotes[$0].speaker == entity.name }
  }
}
