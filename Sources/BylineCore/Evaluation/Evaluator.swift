import Foundation

/// Scores Byline's analysis against gold files of any of the three shapes of ``Gold``.
///
/// Zones: CoNLL is scored on the body, the headline and the header lines (byline and
/// dateline), not on table rows (results tables); own gold on body paragraphs (as its
/// `body_mentions` counts are); PolNeAR on the whole text.
public enum Evaluator {
  /// Scores every gold file under `paths` (files or folders).
  public static func evaluate(paths: [String], rules: AnalysisRules = AnalysisRules()) -> EvaluationScores {
    var total = EvaluationScores()
    for file in Gold.files(in: paths) {
      total.add(evaluate(goldPath: file, rules: rules))
    }
    return total
  }

  /// Scores one gold file against the analysis of the article beside it.
  public static func evaluate(goldPath: String, rules: AnalysisRules = AnalysisRules()) -> EvaluationScores {
    var scores = EvaluationScores()
    if !goldPath.hasSuffix(".json") {
      do {
        scores = scoreBoundaries(ArticleAnalysis(article: try ArticleLoader.load(path: goldPath), rules: rules))
        scores.articles = 1
      } catch {
        scores.errors.append("\(error)")
      }
      return scores
    }
    do {
      let (gold, textPath) = try Gold.read(path: goldPath)
      let article = try ArticleLoader.load(path: textPath)
      let analysis = ArticleAnalysis(article: article, rules: rules)
      switch gold {
      case .conll(let g): scores = score(analysis, conll: g)
      case .polnear(let g): scores = score(analysis, polnear: g)
      case .byline(let g) where g.quotesByOffset: scores = score(analysis, webGold: g)
      case .byline(let g): scores = score(analysis, byline: g)
      }
      scores.articles = 1
      let name = goldPath.split(separator: "/").last.map(String.init) ?? goldPath
      scores.misses = scores.misses.map { "\(name): \($0)" }
    } catch let error as GoldReadError {
      scores.errors.append(error.description)
    } catch {
      scores.errors.append("\(goldPath): \(error)")
    }
    return scores
  }

  static func kind(_ conllType: String) -> Entity.Kind? {
    switch conllType {
    case "PER": return .person
    case "LOC": return .place
    case "ORG": return .organisation
    default: return nil
    }
  }

  // MARK: CoNLL

  public static func score(_ analysis: ArticleAnalysis, conll gold: CoNLLGold) -> EvaluationScores {
    var scores = EvaluationScores()
    scores.shapes.insert("CoNLL entities (body, headline, byline and dateline)")
    let article = analysis.article
    let map = article.sourceMap
    // Blocks holding table rows are left out on both sides.
    var tableBlocks = Set<Int>()
    var blockOfSource: [Int: Int] = [:]
    for (i, block) in article.blocks.enumerated() {
      let r = map.sourceRange(block.range)
      blockOfSource[r.lowerBound] = i
    }
    func block(ofSource offset: Int) -> Int? {
      for (i, b) in article.blocks.enumerated() where map.sourceRange(b.range).contains(offset) {
        return i
      }
      return nil
    }
    for row in gold.entities {
      for (span, zone) in zip(row.spans, row.zones) where zone == "table" {
        if let b = block(ofSource: span[0]) { tableBlocks.insert(b) }
      }
    }
    func scored(_ modelRange: TextRange) -> Bool {
      guard let b = article.blockIndex(containing: modelRange.lowerBound) else { return false }
      let k = article.blocks[b].kind
      return (k == .paragraph || k == .standfirst || k == .title || k.isMetadataLine) && !tableBlocks.contains(b)
    }
    for kind in Entity.Kind.allCases {
      var goldSpans = Set<[Int]>()
      var clusters: [(names: [String], spans: Set<[Int]>)] = []
      for row in gold.entities where Self.kind(row.type) == kind {
        let spans = zip(row.spans, row.zones).filter { $0.1 == "body" || $0.1 == "title" || $0.1 == "header" }.map {
          $0.0
        }
        guard !spans.isEmpty else { continue }
        goldSpans.formUnion(spans)
        // Alias merging on the gold side: a person's surname row joins the full name's.
        if kind == .person,
          let i = clusters.firstIndex(where: { c in
            c.names.contains { $0 == row.text || $0.hasSuffix(" " + row.text) || row.text.hasSuffix(" " + $0) }
          })
        {
          clusters[i].names.append(row.text)
          clusters[i].spans.formUnion(spans)
        } else {
          clusters.append(([row.text], Set(spans)))
        }
      }
      var predicted = Set<[Int]>()
      var mentionPRF = PRF()
      var entityPRF = PRF()
      var matchedClusters = Set<Int>()
      for entity in analysis.entities where entity.kind == kind {
        var entitySpans: [[Int]] = []
        for m in entity.mentions where scored(m) {
          let r = map.sourceRange(m)
          entitySpans.append([r.lowerBound, r.upperBound])
        }
        guard !entitySpans.isEmpty else { continue }
        predicted.formUnion(entitySpans)
        let hits = clusters.indices.filter { i in entitySpans.contains { clusters[i].spans.contains($0) } }
        if hits.isEmpty {
          entityPRF.falsePositives += 1
        } else {
          entityPRF.truePositives += 1
          matchedClusters.formUnion(hits)
        }
      }
      let text = article.text
      let scalars = Array(text.unicodeScalars)
      _ = scalars
      for entity in analysis.entities where entity.kind == kind {
        for m in entity.mentions where scored(m) {
          let r = map.sourceRange(m)
          if !goldSpans.contains([r.lowerBound, r.upperBound]) {
            scores.misses.append("false \(kind): \(article.text(in: m))")
          }
        }
      }
      for row in gold.entities where Self.kind(row.type) == kind {
        for (span, zone) in zip(row.spans, row.zones)
        where (zone == "body" || zone == "title") && !predicted.contains(span) {
          let types = analysis.entities.filter { e in
            e.mentions.contains {
              let r = map.sourceRange($0); return r.lowerBound == span[0] && r.upperBound == span[1]
            }
          }.map { $0.kind.rawValue }
          scores.misses.append("missed \(kind): \(row.text) \(types.isEmpty ? "" : "(typed " + types.joined() + ")")")
        }
      }
      mentionPRF.truePositives = predicted.intersection(goldSpans).count
      mentionPRF.falsePositives = predicted.subtracting(goldSpans).count
      mentionPRF.falseNegatives = goldSpans.subtracting(predicted).count
      // Entity recall counts gold clusters; precision counts predicted entities.
      entityPRF.falseNegatives = clusters.count - matchedClusters.count
      let matchedGold = matchedClusters.count
      // Express recall over gold clusters: tp for recall is matchedGold.
      var entityScore = PRF()
      entityScore.truePositives = entityPRF.truePositives
      entityScore.falsePositives = entityPRF.falsePositives
      // Keep recall exact: scale false negatives to the predicted-tp base.
      entityScore.falseNegatives = clusters.count - matchedGold
      if matchedGold != entityPRF.truePositives {
        // Several predicted entities matched one cluster (or one matched several): use the
        // gold-side count for recall by adjusting tp to gold's and fp to keep precision.
        entityScore.truePositives = matchedGold
        let precision =
          Double(entityPRF.truePositives) / Double(max(1, entityPRF.truePositives + entityPRF.falsePositives))
        entityScore.falsePositives =
          precision > 0 ? Int((Double(matchedGold) / precision).rounded()) - matchedGold : entityPRF.falsePositives
      }
      scores.mentions[kind] = mentionPRF
      scores.entities[kind] = entityScore
    }
    return scores
  }

  // MARK: Quote boundaries, no gold

  /// Quotes that still hold a double quote mark in one of their paragraphs (two speeches run
  /// together) and quotes whose end nothing in the text marks: signs of wrong boundaries that
  /// need no gold to count.
  public static func scoreBoundaries(_ analysis: ArticleAnalysis) -> EvaluationScores {
    var scores = EvaluationScores()
    scores.shapes.insert("quote boundaries (articles without gold)")
    let text = analysis.article.scalars
    for quote in analysis.quotes {
      let holds = quote.segments.contains { segment in
        segment.contains { k in QuoteFinder.isQuoteMark(text[k]) }
      }
      scores.quotesHoldingMark.total += 1
      scores.quotesUnterminated.total += 1
      if holds {
        scores.quotesHoldingMark.hits += 1
        scores.misses.append(
          "quote holds a quote mark at \(quote.range.lowerBound): \(analysis.article.text(in: quote.range).prefix(80))")
      }
      if quote.isUnterminated { scores.quotesUnterminated.hits += 1 }
    }
    return scores
  }

  // MARK: PolNeAR

  public static func score(_ analysis: ArticleAnalysis, polnear gold: PolNeARGold) -> EvaluationScores {
    var scores = EvaluationScores()
    scores.shapes.insert("PolNeAR attributions (direct and mixed)")
    let article = analysis.article
    let map = article.sourceMap
    let quotes = analysis.quotes.map { ($0, map.sourceRange($0.range)) }
    let entitiesByName = Dictionary(analysis.entities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    // Every attribution's content, of any kind: a quoted span outside all of them names nobody.
    let attributed = gold.quotes.flatMap { a in
      (a.contentSpans ?? []).compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]..<$0[1] : nil }
    }
    scoreUnattributed(analysis, attributed: attributed, into: &scores)
    for attribution in gold.quotes where attribution.kind == "direct" || attribution.kind == "mixed" {
      guard let spans = attribution.contentSpans, let first = spans.first, let last = spans.last else { continue }
      let content = first[0]..<last[1]
      let found: (Quote, Range<Int>)?
      if attribution.kind == "direct" {
        found = quotes.first { q in
          let overlap = q.1.clamped(to: content).count
          return overlap * 2 >= min(q.1.count, content.count - 2) && overlap > 0
        }
        scores.directQuotesFound.total += 1
        if found != nil { scores.directQuotesFound.hits += 1 }
      } else {
        // A partial quote is found when Byline reports the speech it sits in: its clause (or,
        // without one, the quoted words) covers at least half of the gold content and is at
        // least half gold content. The quoted words alone rarely are.
        scores.mixedQuotesFound.total += 1
        let spoken = quotes.first { q in
          let reported = q.0.clause.map { map.sourceRange($0) } ?? q.1
          let overlap = reported.clamped(to: content).count
          return overlap * 2 >= content.count && overlap * 2 >= reported.count
        }
        if spoken != nil {
          scores.mixedQuotesFound.hits += 1
        } else {
          scores.misses.append("partial quote without its clause at \(content.lowerBound)")
        }
        found = spoken ?? quotes.first { q in q.1.overlaps(content) }
      }
      guard attribution.kind == "direct", var source = attribution.source else { continue }
      var sourceSpans = attribution.sourceSpans ?? []
      // A few annotations have source and cue swapped (source "said", cue "Jillian Soto"):
      // a source that is one reporting verb is read as the cue, and the cue as the source.
      if let cue = attribution.cue, isReportingVerb(source), cue.first?.isUppercase == true {
        source = cue
        sourceSpans = attribution.cueSpans ?? []
      }
      let speaker = found?.0.speaker
      if attribution.sourceIsPronoun == true {
        scores.pronounAttributed.total += 1
        if speaker != nil { scores.pronounAttributed.hits += 1 }
        scores.misses.append(
          "pronoun source: \(speaker ?? "none") for \(source) (cue \(attribution.cue ?? "-")) at \(content.lowerBound)")
        continue
      }
      scores.speakersRight.total += 1
      // The source as written counts too: "said the 46-year-old" resolved to the person.
      // Only the source's head counts: "Concord resident Whit Symms" is not Concord.
      let headSpans = headSpan(of: source, spans: sourceSpans).map { [[$0.lowerBound, $0.upperBound]] } ?? sourceSpans
      let mention = found?.0.speakerMention.map { map.sourceRange($0) }
      let writtenAsGold =
        mention.map { m in headSpans.contains { $0.count == 2 && m.overlaps($0[0]..<$0[1]) } } ?? false
      if let speaker,
        writtenAsGold
          || speakerMatches(
            speaker, entity: entitiesByName[speaker], goldSource: source, goldSpans: headSpans, map: map)
      {
        scores.speakersRight.hits += 1
      } else {
        scores.misses.append(
          "wrong speaker: \(speaker ?? "none") for \(source) (cue \(attribution.cue ?? "-")) at \(content.lowerBound)")
      }
    }
    return scores
  }

  static func words(_ s: String) -> [String] {
    s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  /// Whether a gold source is one reporting verb ("said", "asked"), as in a swapped annotation.
  static func isReportingVerb(_ source: String) -> Bool {
    let words = source.split(separator: " ")
    guard let first = words.first, words.count <= 4 else { return false }
    return ReportingVerbs.set.contains(ScalarHash(first.lowercased()))
  }

  /// Words of a gold source that name nobody: a predicted speaker sharing only these is wrong.
  /// Determiners count even in capitals ("Another commenter" at a sentence's start).
  static let weakWords: Set<String> = [
    "the", "a", "an", "of", "one", "another", "some", "this", "that", "mr", "mrs", "ms", "dr", "s", "his", "her",
    "their", "its", "sen", "rep", "gov",
    "gen", "lt", "col", "sgt", "prof", "rev", "st",
  ]

  /// Whether a predicted speaker is the gold source: a mention over the gold span (its head's
  /// span, ``headSpan(of:spans:)``, where it is known), or the gold's name words (a surname)
  /// among a person's words. A firm, a place or a description must hold the head word itself:
  /// "Concord" is not "Concord resident Whit Symms", "State Department" is "the State Department".
  static func speakerMatches(
    _ speaker: String, entity: Entity?, goldSource: String, goldSpans: [[Int]], map: SourceMap
  ) -> Bool {
    if let entity {
      for m in entity.mentions {
        let r = map.sourceRange(m)
        if goldSpans.contains(where: { r.overlaps($0[0]..<$0[1]) }) { return true }
      }
    }
    // The entity's role counts: "the president" is Barack Obama when the article gives him
    // that role.
    let predicted = Set(words(speaker) + (entity?.aliases.flatMap(words) ?? []) + words(entity?.role ?? ""))
    let head = sourceHead(goldSource)
    let goldWords = words(head).filter { !weakWords.contains($0) }
    // The source's name words: the capitalised ones if any, else all.
    let capitalised = head.split(separator: " ").filter { $0.first?.isUppercase == true }
      .flatMap { words(String($0)) }.filter { !weakWords.contains($0) }
    let key = capitalised.isEmpty ? goldWords : capitalised
    guard !key.isEmpty else { return false }
    if entity?.kind != .person, let head = headWord(of: goldSource) {
      return predicted.contains(head.word)
    }
    return key.contains { predicted.contains($0) }
  }

  /// Words after which a source's head has ended: `the chairman of the committee`, `a
  /// spokesman for the campaign`.
  static let headEnders: Set<String> = ["of", "on", "for", "at", "in", "from", "with", "to", "who", "which", "and"]
  /// Words that stand for the noun after `of`: `one of those advisers` is the advisers.
  static let partitives: Set<String> = ["one", "two", "some", "several", "many", "each", "any", "all", "most", "none"]
  /// Modifiers that follow their noun in a source: `a source close to the campaign`, `an
  /// official involved in the talks`.
  static let postNominals: Set<String> = [
    "close", "familiar", "involved", "briefed", "based", "speaking", "knowledgeable", "responsible", "working",
  ]

  /// The head word of a gold source, lowercased, and its offset in the source's scalars: the
  /// last word before a comma, a parenthesis or a preposition (`Concord resident Whit Symms`
  /// is `symms`, `the chairman of the committee` is `chairman`, `Clinton, 35, the daughter`
  /// is `clinton`, `one of those advisers` is `advisers`).
  static func headWord(of source: String) -> (word: String, offset: Int)? {
    let scalars = Array(source.unicodeScalars)
    var words: [(word: String, offset: Int)] = []
    var k = 0
    scan: while k < scalars.count {
      if scalars[k].properties.isWhitespace {
        k += 1
        continue
      }
      let start = k
      while k < scalars.count, !scalars[k].properties.isWhitespace, scalars[k] != ",", scalars[k] != "(" { k += 1 }
      var end = k
      // "Clinton’s campaign", "N.C.": the possessive and closing points are no part of the word.
      if end - start > 2, "'’".unicodeScalars.contains(scalars[end - 2]), scalars[end - 1] == "s" { end -= 2 }
      while end > start, ".:;\"”".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
      if end > start {
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        if let last = words.last, headEnders.contains(word) {
          guard word == "of", partitives.contains(last.word) else { break scan }
        } else {
          words.append((word, start))
        }
      }
      if k < scalars.count, scalars[k] == "," || scalars[k] == "(" { break }
    }
    while words.count > 1, let last = words.last, postNominals.contains(last.word) { words.removeLast() }
    return words.last
  }

  /// The span of a gold source's head word in the article, when the source is one span
  /// written as the annotation gives it; nil otherwise (the whole spans count then).
  static func headSpan(of source: String, spans: [[Int]]) -> Range<Int>? {
    guard spans.count == 1, spans[0].count == 2, spans[0][1] - spans[0][0] == source.unicodeScalars.count,
      let head = headWord(of: source)
    else { return nil }
    let start = spans[0][0] + head.offset
    return start..<(start + head.word.unicodeScalars.count)
  }

  /// A gold source without its relative clause: `the boy, who was wearing a 'Make America
  /// Great Again' hat` is `the boy`, so the hat's words name no speaker.
  static func sourceHead(_ source: String) -> String {
    for marker in [", who ", ", which "] {
      if let r = source.range(of: marker) { return String(source[..<r.lowerBound]) }
    }
    return source
  }

  // MARK: Byline's own gold

  static func normalise(_ s: String) -> String {
    var name = s
    if let paren = name.firstIndex(of: "(") { name = String(name[..<paren]) }
    return name.lowercased().trimmingCharacters(in: .whitespaces)
  }

  public static func score(_ analysis: ArticleAnalysis, byline gold: BylineGold) -> EvaluationScores {
    var scores = EvaluationScores()
    scores.shapes.insert("Byline gold")
    let article = analysis.article
    func bodyMentions(_ e: Entity) -> Int {
      e.mentions.filter { m in
        article.blockIndex(containing: m.lowerBound).map { article.blocks[$0].kind == .paragraph } ?? false
      }.count
    }
    func matches(_ e: Entity, _ name: String, _ forms: [String]) -> Bool {
      let n = normalise(name)
      let names = [e.name] + e.aliases
      if names.contains(where: { normalise($0) == n }) { return true }
      return forms.contains { f in names.contains { normalise($0) == normalise(f) } }
    }
    // People: entity and mention level.
    var people = PRF()
    var peopleMentions = PRF()
    var used = Set<Int>()
    let predictedPeople = analysis.entities.enumerated().filter { $0.element.kind == .person }
    for person in gold.people {
      let goldCount = person.bodyMentions ?? 1
      if let (i, e) = predictedPeople.first(where: {
        !used.contains($0.offset) && matches($0.element, person.name, person.forms ?? [])
      }) {
        used.insert(i)
        people.truePositives += 1
        let count = bodyMentions(e)
        peopleMentions.truePositives += min(count, goldCount)
        peopleMentions.falseNegatives += max(0, goldCount - count)
        peopleMentions.falsePositives += max(0, count - goldCount)
        if count != goldCount {
          scores.misses.append("mentions of \(person.name): \(count), gold \(goldCount)")
        }
      } else {
        people.falseNegatives += 1
        peopleMentions.falseNegatives += goldCount
        scores.misses.append("missed person: \(person.name)")
      }
    }
    for (i, e) in predictedPeople where !used.contains(i) {
      scores.misses.append("false person: \(e.name)")
      people.falsePositives += 1
      peopleMentions.falsePositives += max(1, bodyMentions(e))
    }
    scores.entities[.person] = people
    scores.mentions[.person] = peopleMentions
    for (kind, list) in [(Entity.Kind.place, gold.places ?? []), (.organisation, gold.organisations ?? [])] {
      var prf = PRF()
      var usedKind = Set<Int>()
      let predicted = analysis.entities.enumerated().filter { $0.element.kind == kind }
      for g in list {
        if let (i, _) = predicted.first(where: {
          !usedKind.contains($0.offset) && matches($0.element, g.name, g.forms ?? [])
        }) {
          usedKind.insert(i)
          prf.truePositives += 1
        } else {
          prf.falseNegatives += 1
          scores.misses.append("missed \(kind): \(g.name)")
        }
      }
      for (i, e) in predicted where !usedKind.contains(i) { scores.misses.append("false \(kind): \(e.name)") }
      prf.falsePositives = predicted.count - usedKind.count
      scores.entities[kind] = prf
    }
    // Quotes.
    for q in gold.quotes ?? [] {
      let goldText = (q.text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
      let found = analysis.quotes.first { p in
        let t = article.text(in: p.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return t == goldText || (t.count > 10 && goldText.contains(t)) || (goldText.count > 10 && t.contains(goldText))
      }
      scores.directQuotesFound.total += 1
      if found != nil { scores.directQuotesFound.hits += 1 }
      guard let goldSpeaker = q.speaker else { continue }
      scores.speakersRight.total += 1
      let a = normalise(found?.speaker ?? "")
      let b = normalise(goldSpeaker)
      if !a.isEmpty, a == b || a.hasSuffix(b) || b.hasSuffix(a) && a.count > 3 {
        scores.speakersRight.hits += 1
      } else {
        scores.misses.append("wrong speaker: \(found?.speaker ?? "none") for \(goldSpeaker): \(goldText.prefix(50))")
      }
    }
    return scores
  }
}
