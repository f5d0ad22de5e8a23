import Foundation

/// Runs the entity recogniser and the speech attributor over an article.
enum EntityAnalysis {
  struct Output {
    var entities: [Entity]
    var quotes: [Quote]
    var reportedSpeech: [ReportedSpeech]
  }

  static func run(
    article: Article, quotes: [Quote], lexicon: Lexicon = .shared, rules: AnalysisRules = AnalysisRules()
  ) -> Output {
    let text = article.scalars
    var tokens = Tokenizer.tokenize(text, blocks: article.blocks) { $0.kind != .furniture }
    // Mark tokens inside quotes (quotes are sorted, tokens are sorted).
    var q = 0
    for k in tokens.indices {
      let start = tokens[k].range.lowerBound
      while q < quotes.count && quotes[q].range.upperBound <= start { q += 1 }
      if q < quotes.count && quotes[q].range.contains(start) { tokens[k].inQuote = true }
    }
    let recogniser = EntityRecognizer(
      text: text, tokens: tokens, lexicon: lexicon, blocks: article.blocks, rules: rules)
    var result = recogniser.recognise()
    recogniser.addHeadlineMentions(&result)
    recogniser.addHeaderLineMentions(&result)
    addCredits(article, &result, rules: rules, lexicon: lexicon)
    var attributor = SpeechAttributor(recogniser: recogniser, result: result, quotes: quotes, rules: rules)
    // The attributor holds the only copy, so that adding to it copies nothing.
    result = EntityRecognizer.Result(entities: [], entityOfToken: [], gender: [:])
    attributor.attribute()
    result = attributor.result
    return Output(entities: result.entities, quotes: attributor.quotes, reportedSpeech: attributor.reported)
  }

  /// Image credits ("[source: Getty]") name an organisation: a picture agency.
  /// A credit "Name/Agency" names the photographer too (``EntityRule/creditLineName``).
  static func addCredits(
    _ article: Article, _ result: inout EntityRecognizer.Result, rules: AnalysisRules = AnalysisRules(),
    lexicon: Lexicon = .shared
  ) {
    // The first entity of each name, made at the first credit (most articles have none).
    var firstNamed: [String: Int]?
    for block in article.blocks {
      guard var credit = block.creditRange, !credit.isEmpty else { continue }
      if rules.on(.creditLineName), let split = CreditLine(article.scalars, credit, lexicon: lexicon) {
        addPhotographer(article, split.person, &result)
        credit = split.agency
      }
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

  /// The photographer of a credit: a person already found inside the credit under a
  /// shorter or a longer form ("Lee", "CreditChang W. Lee") takes the name, else a new person.
  static func addPhotographer(_ article: Article, _ person: Range<Int>, _ result: inout EntityRecognizer.Result) {
    let name = article.text(in: person)
    let surname = name.split(separator: " ").last.map(String.init) ?? name
    let inCredit: (Range<Int>) -> Bool = { m in
      article.blocks.contains { b in
        guard let c = b.creditRange else { return false }
        return m.lowerBound >= c.lowerBound && m.upperBound <= c.upperBound
      }
    }
    if let i = result.entities.firstIndex(where: {
      $0.kind == .person && ($0.name == name || $0.name == surname || $0.name.hasSuffix(name))
        && $0.mentions.allSatisfy(inCredit)
    }) {
      if result.entities[i].name != name {
        result.entities[i].aliases.append(result.entities[i].name)
        result.entities[i].name = name
      }
      result.entities[i].mentions.removeAll { $0.overlaps(person) }
      result.entities[i].mentions.append(person)
      result.entities[i].mentions.sort { $0.lowerBound < $1.lowerBound }
    } else {
      result.entities.append(Entity(kind: .person, name: name, mentions: [person]))
    }
  }
}

/// A photo credit "Chang W. Lee/The New York Times": a person's name (a known first name,
/// then up to three capitalised words or initials), a slash, the agency. A "Credit" label run
/// into the name by the page ("CreditCreditChang W. Lee") is not part of it.
struct CreditLine {
  let person: Range<Int>
  let agency: Range<Int>

  init?(_ text: [Unicode.Scalar], _ credit: Range<Int>, lexicon: Lexicon) {
    guard let slash = credit.first(where: { text[$0] == "/" }), slash + 1 < credit.upperBound else { return nil }
    var lower = credit.lowerBound
    let label = Array("Credit".unicodeScalars)
    while lower + label.count < slash, Array(text[lower..<(lower + label.count)]) == label,
      text[lower + label.count].properties.isUppercase
    {
      lower += label.count
    }
    let words = String(String.UnicodeScalarView(text[lower..<slash])).split(separator: " ")
    guard words.count >= 2, words.count <= 4,
      words.allSatisfy({ $0.first?.isUppercase == true }),
      lexicon.firstNames[ScalarHash(words[0])] != nil
    else { return nil }
    var upper = slash
    while upper > lower, text[upper - 1] == " " { upper -= 1 }
    person = lower..<upper
    var agencyLower = slash + 1
    while agencyLower < credit.upperBound, text[agencyLower] == " " { agencyLower += 1 }
    guard agencyLower < credit.upperBound else { return nil }
    agency = agencyLower..<credit.upperBound
  }
}
