import Foundation

/// Runs the entity recogniser and the speech attributor over an article.
enum EntityAnalysis {
  struct Output {
    var entities: [Entity]
    var quotes: [Quote]
    var reportedSpeech: [ReportedSpeech]
  }

  /// `findQuotes` gives the article's quotes, the same each time it is called, in an array
  /// with room made for the count it is given: once for the tokens inside quotes, and again
  /// for the attributor once the entities are recognised, so that the quotes are not kept
  /// while the recogniser's tables are.
  static func run(
    article: Article, findQuotes: (Int) -> [Quote], lexicon: Lexicon = .shared,
    rules: AnalysisRules = AnalysisRules()
  ) -> Output {
    let text = article.scalars
    // The quotes found before the tokens, so that the array they grew in is gone before the
    // tokens are made, and dropped once the tokens inside them are marked.
    var tokens: [Token]
    let quoteCount: Int
    do {
      let quotes = findQuotes(0)
      tokens = Tokenizer.tokenize(text, blocks: article.blocks) { $0.kind != .furniture }
      quoteCount = markQuoted(&tokens, quotes)
    }
    let recogniser = EntityRecognizer(
      text: text, tokens: tokens, lexicon: lexicon, blocks: article.blocks, rules: rules)
    var result = recogniser.recognise()
    recogniser.addHeadlineMentions(&result)
    recogniser.addHeaderLineMentions(&result)
    addCredits(article, &result)
    // The quotes found afresh, held by the attributor alone (a second holder would make its
    // first change to a quote copy them all: 4 MB for 5 MB of news).
    var attributor = SpeechAttributor(
      recogniser: recogniser, result: result, quotes: findQuotes(quoteCount), rules: rules)
    // The attributor holds the only copy, so that adding to it copies nothing.
    result = EntityRecognizer.Result(entities: [], entityOfToken: EntityOfToken(count: 0), gender: [:])
    attributor.attribute()
    result = attributor.result
    return Output(entities: result.entities, quotes: attributor.quotes, reportedSpeech: attributor.reported)
  }

  /// Marks the tokens inside quotes (quotes are sorted, tokens are sorted); returns how many
  /// quotes there are.
  static func markQuoted(_ tokens: inout [Token], _ quotes: [Quote]) -> Int {
    var q = 0
    for k in tokens.indices {
      let start = tokens[k].range.lowerBound
      while q < quotes.count && quotes[q].range.upperBound <= start { q += 1 }
      if q < quotes.count && quotes[q].range.contains(start) { tokens[k].inQuote = true }
    }
    return quotes.count
  }

  /// Image credits ("[source: Getty]") name an organisation: a picture agency.
  static func addCredits(_ article: Article, _ result: inout EntityRecognizer.Result) {
    // The first entity of each name, made at the first credit (most articles have none).
    var firstNamed: [String: Int]?
    for block in article.blocks {
      guard let credit = block.creditRange, !credit.isEmpty else { continue }
      let name = article.text(in: credit).trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else { continue }
      if firstNamed == nil {
        var names: [String: Int] = [:]
        for (i, entity) in result.entities.enumerated() where names[entity.name] == nil { names[entity.name] = i }
        firstNamed = names
      }
      if let existing = firstNamed?[name] {
        result.entities[existing].kind = .organisation  // a credit is an agency, never a person
        if result.entities[existing].mentions.contains(credit) { continue }
        result.entities[existing].mentions.append(credit)
        result.entities[existing].mentions.sort { $0.lowerBound < $1.lowerBound }
      } else {
        result.entities.append(Entity(kind: .organisation, name: name, mentions: [credit]))
        firstNamed?[name] = result.entities.count - 1
      }
    }
  }
}
