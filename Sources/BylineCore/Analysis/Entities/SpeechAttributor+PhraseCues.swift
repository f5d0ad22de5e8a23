/// Cues that are phrases, not reporting verbs: a writer's frame that lends a quote its
/// speaker (`as Vulture put it, “...”`, `in Dr. Shadlen's words, “...”`).
extension SpeechAttributor {
  static let putForms = WordLists.set("put puts")
  static let asWords = WordLists.set("as As")
  static let wordNouns = WordLists.set("words phrase")
  static let inWords = WordLists.set("in In")

  /// The speaker of a phrase cue at token `k`, or nil when the word at `k` opens none:
  /// `As X put it` (``AttributionRule/asTheyPutIt``) and `in X's words`, `in the words of X`
  /// (``AttributionRule/inTheirWords``). The token of `put` or `words` is the cue.
  mutating func phraseCueSpeaker(at k: Int, hash h: ScalarHash) -> Speaker? {
    if Self.putForms.contains(h), rules.on(.asTheyPutIt) { return asTheyPutItSpeaker(k) }
    if Self.wordNouns.contains(h), rules.on(.inTheirWords) { return inTheirWordsSpeaker(k) }
    return nil
  }

  /// `As the Post's Dana Milbank puts it, “...”`, `as one voter put it`: `put it` after `as`
  /// and its subject (up to eight words back in the sentence) speaks.
  mutating func asTheyPutItSpeaker(_ k: Int) -> Speaker? {
    guard k + 1 < tokens.count, tokens[k + 1].kind == .word,
      recogniser.lowerHash(tokens[k + 1]) == Self.it, tokens[k + 1].block == tokens[k].block
    else { return nil }
    var j = k - 1
    while j >= 0, j >= k - 9, tokens[j].block == tokens[k].block, !tokens[j].inQuote {
      if tokens[j].kind == .punct, Tokenizer.isStop(tokens[j].scalar(in: text)), !isAbbreviationPoint(j) {
        return nil
      }
      if tokens[j].kind == .word, Self.asWords.contains(recogniser.hash(tokens[j].range)) {
        guard j < k - 1 else { return nil }
        // "as one voter put it": a description of its own.
        if Self.describingDeterminers.contains(recogniser.hash(tokens[j + 1].range)), j + 2 < k,
          (j + 2..<k).allSatisfy({ tokens[$0].kind == .word && result.entityOfToken[$0] < 0 })
        {
          return .description(Tokenizer.string(text, tokens[j + 2].range.lowerBound..<tokens[k - 1].stem.upperBound))
        }
        return scannedSubject(from: k - 1, verb: k)
      }
      j -= 1
    }
    return nil
  }

  /// `In Dr. Shadlen's words, “...”`, `in economist Tyler Cowen's phrase`: the name before
  /// `'s words` or `'s phrase` after `in` speaks; `in the words of X`: X does.
  mutating func inTheirWordsSpeaker(_ k: Int) -> Speaker? {
    guard k >= 2 else { return nil }
    let owner = tokens[k - 1]
    if owner.kind == .word, owner.isPossessive, owner.block == tokens[k].block, let e = entityEnding(at: k - 1) {
      var j = k - 2
      // Words of the name and its title, with the points of abbreviations ("Dr.").
      while j >= 0, j >= k - 8, tokens[j].block == tokens[k].block,
        tokens[j].kind == .word || isAbbreviationPoint(j)
      {
        if Self.inWords.contains(recogniser.hash(tokens[j].range)) { return .entity(e) }
        j -= 1
      }
      return nil
    }
    // "in the words of X".
    guard k + 2 < tokens.count, recogniser.lowerHash(tokens[k - 1]) == ScalarHash("the"),
      Self.inWords.contains(recogniser.hash(tokens[k - 2].range)),
      recogniser.hash(tokens[k + 1].range) == ScalarHash("of")
    else { return nil }
    return mentionAfter(k + 2)
  }
}

extension SpeechAttributor {

  /// Whether the reporting verb at `k` is a past participle opening its sentence, a passive
  /// with no `be` (`Called a “violent rhythm game” by its creators, ...`).
  func isOpeningParticiple(_ k: Int) -> Bool {
    guard tokens[k].startsSentence, tokens[k].isCapitalised else { return false }
    let r = tokens[k].range
    return r.count > 4 && text[r.upperBound - 2] == "e" && text[r.upperBound - 1] == "d"
  }

  /// The agent of the passive reporting verb at `k`: `by` and a name or a description within
  /// twelve tokens of its clause (``AttributionRule/passiveReportByItsAgent``): `has been
  /// described as “heartbreaking” by the conservation department`, `Called a “violent rhythm
  /// game” by its creators`, `was told by doctors to “rest”`. A quote between the verb and
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
  /// after a naming verb (`called “...”`, `Called a “...”`) or after `as` (`described as “...”`).
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

extension SpeechAttributor {
  static let definiteArticles = WordLists.set("the The")

  /// Whether the verb at `v` stands right after a quote (a comma between or not) and before
  /// `the`: `“...,” said the 34-year-old`. Not `One farmer, ..., told the officials`, whose
  /// speaker comes before the verb, nor a listener after `told`.
  func isInvertedDefinite(_ v: Int) -> Bool {
    guard v >= 2, v + 1 < tokens.count, tokens[v + 1].block == tokens[v].block,
      Self.definiteArticles.contains(recogniser.hash(tokens[v + 1].range)),
      !Self.tellForms.contains(recogniser.hash(tokens[v].range))
    else { return false }
    guard
      isAfterQuote(v)
        || (tokens[v - 1].kind == .punct && tokens[v - 1].scalar(in: text) == "," && isAfterQuote(v - 1))
    else { return false }
    // "said the spokesman", "said the ministry": a role or a body of its own, not an anaphor;
    // "wrote the judges": a plural is never one person.
    var j = v + 2
    while j < tokens.count, j < v + 9, tokens[j].kind == .word, tokens[j].block == tokens[v].block {
      let h = recogniser.hash(tokens[j].stem)
      if WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) { return false }
      j += 1
    }
    let last = tokens[j - 1].stem
    let plural = last.count > 3 && text[last.upperBound - 1] == "s" && text[last.upperBound - 2] != "s"
    return !plural
  }

  /// Whether a description names a person by its last word, as an anaphor for the person an
  /// article is about: `the 22-year-old`, `the Waterford man`, `the New Zealander`, `the
  /// world indoor champion`; not `the magazine` nor a plural.
  static func namesAPerson(_ description: String) -> Bool {
    guard let last = description.split(separator: " ").last.map(String.init) else { return false }
    if last.hasSuffix("year-old") || last.first?.isUppercase == true { return true }
    return ["man", "woman", "er", "or", "ist", "ian", "pion"].contains { last.hasSuffix($0) }
  }

  /// The description after an inverted verb at `v` that names a speaker resolved to a person:
  /// `the 34-year-old` in `said the 34-year-old.`, up to its punctuation.
  func invertedDescriptionRange(after v: Int) -> TextRange? {
    guard isInvertedDefinite(v) else { return nil }
    var end = v + 2
    while end < tokens.count, end < v + 9, tokens[end].kind == .word, !tokens[end].inQuote,
      tokens[end].block == tokens[v].block
    {
      end += 1
    }
    guard end > v + 2 else { return nil }
    return tokens[v + 1].range.lowerBound..<tokens[end - 1].stem.upperBound
  }
}

extension SpeechAttributor {
  static let roleJoiners = WordLists.set("and or")

  /// The person named after the organisation ending at token `o`, across lowercase words of
  /// a role and `and` only, before token `limit` (``AttributionRule/personAfterTheirOrganisation``):
  /// `Snopes fact checker and staff writer David Emery`.
  func personOfRole(after o: Int, before limit: Int) -> Int? {
    var j = o + 1
    var words = 0
    while j < limit, j < tokens.count, words <= 6, tokens[j].block == tokens[o].block, tokens[j].kind == .word,
      !tokens[j].inQuote
    {
      let e = result.entityOfToken[j]
      if e >= 0 {
        return words > 0 && result.entities[Int(e)].kind == .person ? Int(e) : nil
      }
      let h = recogniser.hash(tokens[j].range)
      guard !tokens[j].isCapitalised, Self.roleJoiners.contains(h) || !Self.notModifiers.contains(h),
        !ReportingVerbs.set.contains(h), !isParticiple(j)
      else { return nil }
      words += 1
      j += 1
    }
    return nil
  }

  /// The organisation the sentence before the one holding token `k` opens with, when its own
  /// words before `k` name no one (``AttributionRule/itIsThePreviousSubject``), in this
  /// paragraph or the one before: `The Food Standards Agency warned ... DNP. ¶ “...,” it
  /// said`. An organisation named by the writer, not one made of a description.
  func previousSentenceOrganisation(before k: Int) -> Int? {
    let start = sentenceStart(before: k)
    guard start >= 1, tokens[start - 1].block >= tokens[k].block - 1,
      !(start..<k).contains(where: { !tokens[$0].inQuote && result.entityOfToken[$0] >= 0 })
    else { return nil }
    let previous = sentenceStart(before: start - 1)
    var j = previous
    while j < start - 1, j < previous + 6 {
      if tokens[j].kind == .punct || tokens[j].inQuote { return nil }
      let e = result.entityOfToken[j]
      if e >= 0 {
        let entity = result.entities[Int(e)]
        return entity.kind == .organisation && entity.name.first?.isUppercase == true ? Int(e) : nil
      }
      j += 1
    }
    return nil
  }
}

extension SpeechAttributor {
  /// The person named after the comma at `c`, past up to four capitalised words of a title
  /// (`, Labour MP Barry Sheerman`), if the name ends its clause.
  func personInApposition(after c: Int) -> Int? {
    var j = c + 1
    while j < tokens.count, j <= c + 5, tokens[j].block == tokens[c].block, tokens[j].kind == .word,
      tokens[j].isCapitalised
    {
      let e = result.entityOfToken[j]
      if e >= 0 {
        guard result.entities[Int(e)].kind == .person else { return nil }
        let end = entityEnd(from: j)
        let closes = end + 1 >= tokens.count || tokens[end + 1].kind == .punct
        return closes ? Int(e) : nil
      }
      j += 1
    }
    return nil
  }
}
