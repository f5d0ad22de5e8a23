/// The agent of a passive reporting verb as its speaker (``AttributionRule/passiveReportByItsAgent``).
extension SpeechAttributor {
  /// Whether the reporting verb at `k` is a past participle opening its sentence, a passive
  /// with no `be` (`Described by colleagues as “brilliant”, she ...`, `Asked by Thrush if ...`).
  func isOpeningParticiple(_ k: Int) -> Bool {
    tokens[k].startsSentence && tokens[k].isCapitalised && isPastForm(k)
  }

  /// The agent of the passive reporting verb at `k`: `by` and a name or a description within
  /// twelve tokens of its clause (``AttributionRule/passiveReportByItsAgent``): `has been
  /// described as “heartbreaking” by the conservation department`, `was told by doctors to
  /// “rest”`, `branded a “disgraceful waste” by MPs`. A quote between the verb and
  /// `by` must be what the verb says: right after a naming verb (a determiner between) or
  /// after `as`; `was reported in a “hit piece” by the Times` and `was called by the SVP to`
  /// have no agent that speaks. The clause ends at a sentence's end, a colon or a comma not
  /// after a quote.
  mutating func passiveAgent(of k: Int) -> Speaker? {
    let naming = ReportingVerbs.naming.contains(recogniser.lowerHash(tokens[k]))
    // "was agreed by a psychiatric advisor": only verbs whose passive reports words.
    guard naming || Self.passiveSpeechVerbs.contains(recogniser.lowerHash(tokens[k])) else { return nil }
    var quoteSeen = false
    var j = k + 1
    while j < tokens.count, j <= k + 12, tokens[j].block == tokens[k].block {
      let t = tokens[j]
      if t.inQuote {
        if !quoteSeen {
          quoteSeen = true
          guard isQuoteOfPassive(at: j, verb: k, naming: naming) else { return nil }
        }
      } else if t.kind == .punct {
        let c = t.scalar(in: text)
        if Tokenizer.isStop(c) || c == ":" || c == ";" { return nil }
        if c == ",", !isAfterQuote(j) { return nil }
      } else if recogniser.hash(t.range) == Self.by {
        return quoteSeen || !naming ? agent(after: j) : nil
      }
      j += 1
    }
    return nil
  }

  /// Reporting verbs whose passive's agent speaks the words that follow: `described as “...”
  /// by`, `told by doctors to “rest”`; not `agreed by`, `reported by`, `denied by` where the
  /// words are another's report.
  static let passiveSpeechVerbs = WordLists.set("described told asked warned urged praised")

  /// Whether the quote whose first token is `q` is what the passive verb at `v` says: right
  /// after a naming verb (`called “...”`, `branded a “...”`) or after `as` (`described as “...”`).
  func isQuoteOfPassive(at q: Int, verb v: Int, naming: Bool) -> Bool {
    var before = q - 1
    if before > v, tokens[before].kind == .punct { before -= 1 }
    guard before >= v else { return false }
    if naming {
      return before == v || (before == v + 1 && Self.determiners.contains(recogniser.lowerHash(tokens[before])))
    }
    return before > v && recogniser.lowerHash(tokens[before]) == ScalarHash("as")
  }

  /// Words that end an agent's description: `by colleagues as`, `by a manager not to`.
  static let agentEnders = WordLists.set("as not never also to than")

  /// The name or description after `by` at `b`: `by Maria Santos`, `by the conservation
  /// department`, `by its creators`, `by doctors`: up to four lowercase words after an
  /// optional determiner, ending before a function word (`by colleagues as`).
  mutating func agent(after b: Int) -> Speaker? {
    var k = b + 1
    guard k < tokens.count, tokens[k].block == tokens[b].block, !tokens[k].inQuote else { return nil }
    if let e = entityEnding(at: entityEnd(from: k)) { return .entity(e) }
    if tokens[k].kind == .word, Self.determiners.contains(recogniser.hash(tokens[k].range)) { k += 1 }
    var end = k
    while end < tokens.count, end < k + 4, tokens[end].kind == .word, !tokens[end].inQuote,
      tokens[end].block == tokens[b].block, !tokens[end].isCapitalised || result.entityOfToken[end] >= 0,
      !Self.notModifiers.contains(recogniser.hash(tokens[end].range)),
      !Self.agentEnders.contains(recogniser.hash(tokens[end].range))
    {
      if let e = entityEnding(at: entityEnd(from: end)) { return .entity(e) }
      let h = recogniser.hash(tokens[end].stem)
      if WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) { return describe(noun: end) }
      end += 1
    }
    guard end > k else { return nil }
    return .description(Tokenizer.string(text, tokens[k].range.lowerBound..<tokens[end - 1].stem.upperBound))
  }

  /// The last token of the entity mention starting at `k`, or `k`.
  func entityEnd(from k: Int) -> Int {
    var j = k
    let e = result.entityOfToken[k]
    guard e >= 0 else { return k }
    while j + 1 < tokens.count, result.entityOfToken[j + 1] == e { j += 1 }
    return j
  }
}
