import Foundation

/// Scoring of web gold: Byline's own gold shape over pages whose text is not ours to copy, so
/// that quotes are given by offsets into the article text Byline reads (with a hash of each
/// quote's text to tell when the reading has drifted) rather than by their words.
///
/// Scored: full quotes found and their speakers right (a named or described gold speaker),
/// partial quotes found and their speakers (informative), scare quotes and titles that got a
/// speaker (there should be none), and people by entity (name or one of its forms;
/// `optional_people` neither required nor wrong).
extension Evaluator {
  /// The shape name of web gold in tables.
  public static let webGoldShape = "Byline web gold (quotes by offset)"

  public static func score(_ analysis: ArticleAnalysis, webGold gold: BylineGold) -> EvaluationScores {
    var scores = EvaluationScores()
    scores.shapes.insert(webGoldShape)
    let article = analysis.article
    if let drift = drift(article, gold) {
      scores.errors.append(drift)
      return scores
    }
    scores.entities[.person] = scorePeople(analysis, gold, misses: &scores.misses)
    for q in gold.quotes ?? [] {
      guard let start = q.start, let end = q.end else { continue }
      let found = bestQuote(analysis, start..<end)
      let kind = q.kind ?? "full quote"
      let at = "at \(start) (\(kind))"
      switch kind {
      case "full quote", "partial quote":
        let full = kind == "full quote"
        if full {
          scores.directQuotesFound.total += 1
          if found != nil { scores.directQuotesFound.hits += 1 }
        } else {
          scores.mixedQuotesFound.total += 1
          if found != nil { scores.mixedQuotesFound.hits += 1 }
        }
        guard let goldSpeaker = q.speaker else { continue }
        let right = found.map { speakerMatches($0, gold: goldSpeaker, kind: q.speakerKind, gold) } ?? false
        if full {
          scores.speakersRight.total += 1
          if right { scores.speakersRight.hits += 1 }
        } else {
          scores.partialSpeakersRight.total += 1
          if right { scores.partialSpeakersRight.hits += 1 }
        }
        if found == nil {
          scores.misses.append("quote not found \(at): gold speaker \(goldSpeaker)")
        } else if let found, !right {
          scores.misses.append("wrong speaker \(at): \(describe(found, in: article)) for \(goldSpeaker)")
        }
      case "scare quote", "title":
        scores.scareWithSpeaker.total += 1
        if let found, found.speaker != nil {
          scores.scareWithSpeaker.hits += 1
          scores.misses.append("speaker on a \(kind) \(at): \(describe(found, in: article))")
        }
      default:
        continue
      }
    }
    return scores
  }

  /// Why the offsets no longer point at the annotated text, if they do not.
  static func drift(_ article: Article, _ gold: BylineGold) -> String? {
    let name = gold.page ?? gold.article ?? "web gold"
    if let length = gold.textLength, length != article.scalars.count {
      return
        "\(name): the article text is \(article.scalars.count) scalars long, the gold was made on \(length): re-annotate or fix the reader"
    }
    for q in gold.quotes ?? [] {
      guard let start = q.start, let end = q.end else { continue }
      guard 0 <= start, start <= end, end <= article.scalars.count else {
        return "\(name): quote \(start)..<\(end) lies outside the article text"
      }
      if let hash = q.fnv1a, hash != fnv1a(article.text(in: start..<end)) {
        return
          "\(name): the text at \(start)..<\(end) is not the annotated quote (hash differs): re-annotate or fix the reader"
      }
    }
    return nil
  }

  /// 32-bit FNV-1a of a string's UTF-8 bytes, as eight lower-case hex digits.
  public static func fnv1a(_ text: String) -> String {
    var hash: UInt32 = 0x811c_9dc5
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// The quote of Byline's whose paragraph piece best covers a gold quote: at least half of
  /// the gold quote and at least half of the piece.
  static func bestQuote(_ analysis: ArticleAnalysis, _ gold: Range<Int>) -> Quote? {
    var best: (Quote, Int)?
    for quote in analysis.quotes {
      for segment in quote.segments {
        let overlap = segment.clamped(to: gold).count
        guard overlap > 0, overlap * 2 >= gold.count, overlap * 2 >= segment.count else { continue }
        if overlap > (best?.1 ?? 0) { best = (quote, overlap) }
      }
    }
    return best?.0
  }

  /// A found quote's attribution for a miss line: speaker, its kind, mention and cue.
  static func describe(_ quote: Quote, in article: Article) -> String {
    var parts = [quote.speaker ?? "no speaker"]
    if let kind = quote.speakerKind { parts.append("[\(kind.rawValue)]") }
    if let mention = quote.speakerMention {
      parts.append("mention \"\(article.text(in: mention))\" at \(mention.lowerBound)")
    }
    parts.append("cue \(quote.cue ?? "-")")
    return parts.joined(separator: " ")
  }

  /// Whether Byline's speaker is the gold one. A person: the same name, or a name of the
  /// gold person's forms, or one ending the other ("Obama", "Barack Obama"; a surname only
  /// when no other gold person bears it). An
  /// organisation: one of its capitalised words. A description: its head noun
  /// ("spokeswoman" for "a Whole Foods spokeswoman").
  static func speakerMatches(_ quote: Quote, gold: String, kind: String?, _ goldFile: BylineGold) -> Bool {
    guard let predicted = quote.speaker else { return false }
    let p = normalise(predicted)
    let g = normalise(gold)
    if p == g || p.hasSuffix(" " + g) { return true }
    // A surname alone, or two or more words of the name in a row ("Eugene Steuerle" of
    // "C. Eugene Steuerle"), is the gold person when no other gold person's name holds it.
    if g.hasSuffix(" " + p) || isNamePart(p, of: g) {
      return !goldFile.people.contains { other in
        let o = normalise(other.name)
        return o != g && (o.hasSuffix(" " + p) || isNamePart(p, of: o))
      }
    }
    switch kind {
    case "person", nil:
      let forms = goldFile.people.first { normalise($0.name) == g }?.forms ?? []
      return forms.contains { normalise($0) == p }
    case "organisation":
      let key = gold.split(separator: " ").filter { $0.first?.isUppercase == true }.flatMap { words(String($0)) }
        .filter { !weakWords.contains($0) }
      let have = Set(words(predicted))
      return key.contains { have.contains($0) }
    default:
      // The head noun: the last word before "of" ("notes" of "the explanatory notes of the
      // bill"), else the last word.
      let all = words(gold)
      let phrase = all.firstIndex(of: "of").map { Array(all[..<$0]) } ?? all
      guard let head = phrase.last(where: { !weakWords.contains($0) }) else { return false }
      return words(predicted).contains(head)
    }
  }

  /// Whether `part` is two or more words in a row of `name` ("te kaurinui robert" of
  /// "te kaurinui robert parata"), both normalised.
  static func isNamePart(_ part: String, of name: String) -> Bool {
    let a = part.split(separator: " ")
    let b = name.split(separator: " ")
    guard a.count >= 2, a.count < b.count else { return false }
    return (0...(b.count - a.count)).contains { Array(b[$0..<($0 + a.count)]) == a }
  }

  /// People by entity: each gold person matched by one predicted person (its name or an
  /// alias equal to the gold name or a form); unmatched predicted people are false unless
  /// optional.
  static func scorePeople(_ analysis: ArticleAnalysis, _ gold: BylineGold, misses: inout [String]) -> PRF {
    var prf = PRF()
    let predicted = analysis.entities.enumerated().filter { $0.element.kind == .person }
    var used = Set<Int>()
    func names(_ e: Entity) -> [String] { ([e.name] + e.aliases).map(normalise) }
    // First the entities named by the gold name or a form, then those whose name is part of
    // the gold name ("Eugene Steuerle" for "C. Eugene Steuerle").
    var matched = Set<Int>()
    for lenient in [false, true] {
      for (j, person) in gold.people.enumerated() where !matched.contains(j) {
        let g = normalise(person.name)
        let wanted = Set(([person.name] + (person.forms ?? [])).map(normalise))
        let hit = predicted.first { candidate in
          guard !used.contains(candidate.offset) else { return false }
          let n = names(candidate.element)
          return lenient
            ? n.contains { isNamePart($0, of: g) || g.hasSuffix(" " + $0) && $0.contains(" ") }
            : n.contains(where: wanted.contains)
        }
        if let hit {
          used.insert(hit.offset)
          matched.insert(j)
        }
      }
    }
    prf.truePositives = matched.count
    for (j, person) in gold.people.enumerated() where !matched.contains(j) {
      prf.falseNegatives += 1
      misses.append("missed person: \(person.name)")
    }
    let optional = Set((gold.optionalPeople ?? []).map(normalise))
    for (i, e) in predicted where !used.contains(i) {
      if names(e).contains(where: optional.contains) { continue }
      prf.falsePositives += 1
      misses.append("false person: \(e.name)")
    }
    return prf
  }
}
