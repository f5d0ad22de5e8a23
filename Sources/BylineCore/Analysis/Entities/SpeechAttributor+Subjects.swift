/// The subject of a reporting verb, in stages: a name in an appositive before `, said`, the
/// name after an inverted `said X`, a nationality or a description right before the verb,
/// and otherwise a scan back for a name, a pronoun or an organisation noun.
extension SpeechAttributor {
  /// The speaker of the reporting verb at token `v`, or nil when it has none in reach.
  mutating func subject(of v: Int) -> Speaker? {
    let block = tokens[v].block
    // "Harry M. Reid (D-Nev.) said": the bracket is skipped; so is "went on to" before "say".
    let k = beforeBracket(rules.on(.wentOnToSay) && goesOnTo(before: v) ? v - 4 : v - 1)
    // "..., said X" / "...,” said X": the speaker follows the verb.
    if k >= 0, tokens[k].block == block,
      tokens[k].kind == .punct || tokens[k].inQuote
    {
      if tokens[k].kind == .punct && tokens[k].scalar(in: text) == "," && !isAfterQuote(k),
        let s = subjectBeforeComma(k, block: block)
      {
        return s
      }
      // "..., told Fox News": after "told" stands the listener, not the speaker; after a
      // participle its object ("..., saying the house arrest plans are “excessive”").
      if Self.tellForms.contains(recogniser.hash(tokens[v].range)) || isParticiple(v) { return nil }
      return mentionAfter(v + 1)
    }
    if let group = groupSubject(endingAt: k) { return group }
    // "The Man Utd boss continued": the holder of the role, not the team's name.
    if rules.on(.nameBeforeARoleIsItsModifier), k >= 1, let e = entityEnding(at: k - 1),
      result.entities[e].kind == .person, roleNoun(after: k - 1) == k, let d = describe(noun: k)
    {
      return d
    }
    if let e = nationalitySubject(endingAt: k) { return .entity(e) }
    // "the Utah Republican asks": the person of that role or nobody, not a name before it.
    if rules.on(.placeAndPartyDescribeASpeaker), partyMemberDeterminer(endingAt: k) != nil {
      return partyMemberSubject(endingAt: k)
    }
    if rules.on(.nameBeforeItsRoleAtAnOrganisation), let e = personBeforeRole(endingAt: k) { return .entity(e) }
    if let d = describedSubject(endingAt: k) { return d }
    return scannedSubject(from: k, verb: v)
  }

  /// The speaker before the comma at `k` right before a verb: an appositive name
  /// (`Its chief executive, Graham Tully, said`), a name before an appositive (`X, a postal
  /// worker, said`), a description (`an intelligence source, who was not authorised to speak,
  /// told`), or a name before a "who" clause. Nil for `..., Belgibayeva said`, which has no
  /// appositive: the inversion check follows.
  mutating func subjectBeforeComma(_ k: Int, block: Int) -> Speaker? {
    if let e = appositiveName(beforeComma: k) { return .entity(e) }
    // "X, a postal worker, said": skip the appositive back to its opening comma.
    var j = k - 1
    var steps = 0
    while j >= 0, tokens[j].block == block, steps < 25, !tokens[j].inQuote {
      if tokens[j].kind == .punct && tokens[j].scalar(in: text) == "," { break }
      if tokens[j].kind == .punct && Tokenizer.isStop(tokens[j].scalar(in: text))
        && !isAbbreviationPoint(j)
      {
        j = -1
        break
      }
      j -= 1
      steps += 1
    }
    if j >= 0, tokens[j].kind == .punct, tokens[j].scalar(in: text) == ",", j - 1 >= 0,
      let e = entityEnding(at: beforeBracket(j - 1)) ?? nameBeforePlace(endingAt: j - 1)
    {
      return .entity(e)
    }
    // "Gov. John Kasich (R-OH), said": a name and its bracket before the comma, in no
    // appositive ("X, chairman of America Rising (a PAC), tweeted" is X's).
    if k >= 1, tokens[k - 1].kind == .punct, tokens[k - 1].scalar(in: text) == ")",
      beforeBracket(k - 1) != k - 1, let e = entityEnding(at: beforeBracket(k - 1))
    {
      return .entity(e)
    }
    // "an intelligence source, who was not authorised to speak, told": a description.
    if j >= 1, tokens[j].kind == .punct, tokens[j].scalar(in: text) == ",",
      let d = describedSubject(endingAt: j - 1)
    {
      return d
    }
    return nameBeforeWhoClause(k, block: block).map { .entity($0) }
  }

  /// The name between two commas right before the comma at `k`: `Its chief executive, Graham
  /// Tully, said` (post-nominal letters such as "KC" after it skipped, titles and honorifics
  /// before it: ``AttributionRule/honorificAppositive``); a one-word name only when a person
  /// (`her mother, Fiona, said`).
  func appositiveName(beforeComma k: Int) -> Int? {
    let nameEnd = k >= 2 && WordLists.postNominals.contains(recogniser.hash(tokens[k - 1].stem)) ? k - 2 : k - 1
    guard let e = entityEnding(at: nameEnd),
      k - 2 < 0 || !(tokens[k - 2].kind == .punct && tokens[k - 2].scalar(in: text) == ",")
        || result.entities[e].kind == .person
    else { return nil }
    var j = nameEnd
    while j >= 0, result.entityOfToken[j] == Int32(e) { j -= 1 }
    // "Lumenar's chief executive, Dr Ngozi Abara-Whitfield, said": titles before the name;
    // "Her London publisher, Harrow & Quill, said": an organisation the same way.
    // "The Archbishop of Cardiff, the Most Reverend Peter Smith, told": honorifics too.
    while j >= 0, tokens[j].kind == .word,
      WordLists.titles.contains(recogniser.hash(tokens[j].stem))
        || (rules.on(.honorificAppositive) && Self.honorifics.contains(recogniser.hash(tokens[j].stem)))
    {
      j -= 1
    }
    if j >= 0, tokens[j].kind == .punct, tokens[j].scalar(in: text) == ".", j >= 1,
      WordLists.titles.contains(recogniser.hash(tokens[j - 1].stem))
    {
      j -= 2
    }
    return j >= 0 && tokens[j].kind == .punct && tokens[j].scalar(in: text) == "," ? e : nil
  }

  /// "Nakamura, who trains in Boulder, Colorado, told": a "who" clause with commas of its own
  /// before the comma at `k`; the name stands before the comma that opens it.
  func nameBeforeWhoClause(_ k: Int, block: Int) -> Int? {
    var w = k - 1
    while w >= 2, tokens[w].block == block, w > k - 30, !tokens[w].inQuote {
      if tokens[w].kind == .punct && Tokenizer.isStop(tokens[w].scalar(in: text)) && !isAbbreviationPoint(w) {
        break
      }
      if tokens[w].kind == .word, Self.who.contains(recogniser.hash(tokens[w].range)),
        tokens[w - 1].kind == .punct, tokens[w - 1].scalar(in: text) == ","
      {
        return entityEnding(at: beforeBracket(w - 2))
      }
      w -= 1
    }
    return nil
  }

  /// ``AttributionRule/pluralNationalityIsAGroup``: "the Tories dismissed", "the Democrats
  /// said": a plural nationality or party after "the" is the group that speaks, a description,
  /// not a person named before. ``AttributionRule/partyWithoutArticleSpeaks``: with no
  /// article, any nationality or party right before the verb is one ("Labour said", "while
  /// Tories say"): a nationality adjective is no subject on its own.
  func groupSubject(endingAt k: Int) -> Speaker? {
    guard k >= 1, isCapitalisedDemonym(k) else { return nil }
    // "the Lib Dems": a party of two such words.
    var first = k
    while first >= 2, tokens[first - 1].block == tokens[k].block, isCapitalisedDemonym(first - 1) { first -= 1 }
    let before = recogniser.hash(tokens[first - 1].range)
    if recogniser.lowerHash(tokens[first - 1]) == ScalarHash("the") {
      guard rules.on(.pluralNationalityIsAGroup), isPluralDemonym(k) else { return nil }
    } else {
      let opens =
        tokens[first].startsSentence || tokens[first - 1].block != tokens[k].block
        || (tokens[first - 1].kind == .punct && tokens[first - 1].scalar(in: text) == ",")
        || Self.clauseConjunctions.contains(before)
      guard rules.on(.partyWithoutArticleSpeaks), opens else { return nil }
    }
    return .description(Tokenizer.string(text, tokens[first].range.lowerBound..<tokens[k].stem.upperBound))
  }

  /// A capitalised nationality or party outside quotes: "Tories", "Lib", "Dems".
  func isCapitalisedDemonym(_ k: Int) -> Bool {
    tokens[k].kind == .word && tokens[k].isCapitalised && !tokens[k].inQuote
      && recogniser.lexicon.demonyms.contains(recogniser.hash(tokens[k].stem))
  }

  /// Whether token `k` is the plural of a nationality or party: "Democrats" (of "Democrat"),
  /// "Tories" (of "Tory").
  func isPluralDemonym(_ k: Int) -> Bool {
    let word = Tokenizer.string(text, tokens[k].stem)
    guard word.count > 3, word.hasSuffix("s"), recogniser.lexicon.demonyms.contains(ScalarHash(word)) else {
      return false
    }
    let singular = word.hasSuffix("ies") ? word.dropLast(3) + "y" : String(word.dropLast())
    return recogniser.lexicon.demonyms.contains(ScalarHash(singular))
  }

  /// "the Croatian said": a nationality ending at token `k` after "the", for a person named
  /// before, resolved as a pronoun of either sex.
  func nationalitySubject(endingAt k: Int) -> Int? {
    guard k >= 1, tokens[k].kind == .word, tokens[k].isCapitalised, !tokens[k].inQuote,
      recogniser.lexicon.demonyms.contains(recogniser.hash(tokens[k].stem)),
      recogniser.hash(tokens[k - 1].range) == ScalarHash("the")
        || recogniser.hash(tokens[k - 1].range) == ScalarHash("The")
    else { return nil }
    return resolvePronoun(female: false, before: k - 1, anySex: true)
  }

  /// The subject found scanning back from token `k` before the verb at `v`, up to eight
  /// tokens in its sentence: a name, a pronoun resolved, an organisation noun or a
  /// description, the name or noun before "who", or `it` for the organisation last named
  /// (``AttributionRule/itIsTheOrganisation``).
  mutating func scannedSubject(from start: Int, verb v: Int) -> Speaker? {
    let block = tokens[v].block
    var k = start
    var steps = 0
    while k >= 0, tokens[k].block == block, steps < 8 {
      let t = tokens[k]
      if t.inQuote { break }
      if t.kind == .punct {
        if ".!?;:“”\"".unicodeScalars.contains(t.scalar(in: text)) { break }
        k -= 1
        steps += 1
        continue
      }
      if let e = entityEnding(at: k) { return .entity(e) }
      let h = recogniser.hash(t.range)
      if WordLists.malePronouns.contains(h) || WordLists.femalePronouns.contains(h) {
        guard recogniser.hash(t.range) != ScalarHash("his"), recogniser.hash(t.range) != ScalarHash("her")
        else { break }
        if let e = resolvePronoun(
          female: WordLists.femalePronouns.contains(h), before: k,
          excluding: listener(of: v))
        {
          return .entity(e)
        }
        return nil
      }
      // "Officials said:", "Police said": a describer opening its sentence has a capital.
      let noun =
        t.startsSentence && t.isCapitalised && rules.on(.capitalisedDescriberOpensItsSentence)
        ? recogniser.lowerHash(t) : h
      if WordLists.organisationOnlyNouns.contains(noun) || Self.describers.contains(noun) {
        return describe(noun: k)
      }
      if Self.who.contains(h) { return subject(beforeWho: k) }
      if WordLists.pluralPronouns.contains(h) { return nil }
      if rules.on(.itIsTheOrganisation), h == Self.it || h == Self.capitalIt, k >= v - 2 {
        // "it said", "it later added": the organisation the sentence before is about, else
        // the one last named.
        if rules.on(.itIsThePreviousSubject), let e = previousSentenceOrganisation(before: k) { return .entity(e) }
        return lastEntity(before: k, matching: nil).map { .entity($0) }
      }
      k -= 1
      steps += 1
    }
    return nil
  }

  /// The subject before "who" at token `k`: the name before its comma (`Tokayev, who
  /// claimed`), or the noun or name right before it (`a judge who said`).
  mutating func subject(beforeWho k: Int) -> Speaker? {
    if k >= 2, tokens[k - 1].kind == .punct, tokens[k - 1].scalar(in: text) == ",",
      let e = entityEnding(at: k - 2)
    {
      return .entity(e)
    }
    if k >= 1, tokens[k - 1].kind == .word, !tokens[k - 1].inQuote {
      let hn = recogniser.hash(tokens[k - 1].stem)
      if WordLists.organisationOnlyNouns.contains(hn) || Self.describers.contains(hn) {
        return describe(noun: k - 1)
      }
      if let e = entityEnding(at: k - 1) { return .entity(e) }
    }
    if rules.on(.relativeClauseSpeaksForItsAntecedent) { return namedNoun(beforeCommaOfWho: k).map { .entity($0) } }
    return nil
  }
}
