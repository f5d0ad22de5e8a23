/// Speakers named beside a description: a name in an appositive after it (`The leader of
/// Ennahda, Rachid Ghannouchi,`), a person before a role at an organisation, a relative
/// clause's antecedent, and a place and a party's member (`a Nevada Democrat`).
extension SpeechAttributor {
  /// Determiners before a party's member that make an unnamed source: `said a Nevada Democrat`.
  static let unnamedDeterminers = WordLists.set("a an another one")

  /// ``AttributionRule/placeAndPartyDescribeASpeaker``: a determiner, a place and a party's
  /// member (``EntityRecognizer/partyMembers``) ending at token `k`: `a Nevada Democrat` is an
  /// unnamed source, a description; `the Virginia Democrat` the person named before with
  /// that role, or nobody.
  mutating func partyMemberSubject(endingAt k: Int) -> Speaker? {
    guard let d = partyMemberDeterminer(endingAt: k) else { return nil }
    let h = recogniser.lowerHash(tokens[d])
    if Self.unnamedDeterminers.contains(h) {
      return .description(Tokenizer.string(text, tokens[d + 1].range.lowerBound..<tokens[k].stem.upperBound))
    }
    guard h == ScalarHash("the") else { return nil }
    let member = Tokenizer.string(text, tokens[k].stem).lowercased()
    return personWithRole(member, before: d).map { .entity($0) }
  }

  /// The last person before token `k`, within 600 tokens, whose role holds the word `word`
  /// (lowercase): `the Virginia Democrat` for `Mark Warner, the Virginia Democrat,` before.
  func personWithRole(_ word: String, before k: Int) -> Int? {
    lastPerson(before: k) { role in role.split(separator: " ").contains { $0 == word } }
  }

  /// The last person before token `k`, within 600 tokens, whose role (lowercased) `matches`.
  func lastPerson(before k: Int, whoseRole matches: (String) -> Bool) -> Int? {
    var j = k - 1
    while j >= 0, j >= k - 600 {
      let e = Int(result.entityOfToken[j])
      if e >= 0, result.entities[e].kind == .person, let role = result.entities[e].role, matches(role.lowercased()) {
        return e
      }
      j -= 1
    }
    return nil
  }

  /// Nouns of a document, which speaks for itself, whatever role was read from it: `the book
  /// accuses` is the book's words even when its author's role was read as `book`.
  static let documentNouns = WordLists.set("report reports statement letter memo document study")

  /// The description of the words after the determiner at `d` to token `end`, or, after `the`,
  /// the person named before whose whole role it is (``AttributionRule/roleNamesItsHolder``),
  /// a work or a document aside.
  func holderOrDescription(determiner d: Int, end: Int) -> Speaker {
    let phrase = Tokenizer.string(text, tokens[d + 1].range.lowerBound..<tokens[end].stem.upperBound)
    let noun = recogniser.hash(tokens[end].stem)
    if rules.on(.roleNamesItsHolder), recogniser.lowerHash(tokens[d]) == ScalarHash("the"),
      !Self.workNouns.contains(noun), !Self.documentNouns.contains(noun),
      let e = personHolding(role: phrase.lowercased(), before: d)
    {
      return .entity(e)
    }
    return .description(phrase)
  }

  /// The last person before token `k`, within 600 tokens, whose whole role is `role`
  /// (lowercase; ``AttributionRule/roleNamesItsHolder``): `the foreign secretary` for `Foreign
  /// Secretary Jack Straw`, not `the prime minister` for a `Deputy Prime Minister`.
  func personHolding(role: String, before k: Int) -> Int? {
    lastPerson(before: k) { $0 == role }
  }

  /// The determiner before a place and a party's member ending at token `k`, or nil.
  func partyMemberDeterminer(endingAt k: Int) -> Int? {
    guard k >= 2, tokens[k].kind == .word, !tokens[k].inQuote, result.entityOfToken[k] < 0,
      EntityRecognizer.partyMembers.contains(recogniser.hash(tokens[k].stem))
    else { return nil }
    let place = result.entityOfToken[k - 1]
    guard place >= 0, result.entities[Int(place)].kind == .place else { return nil }
    var d = k - 1
    while d >= 0, result.entityOfToken[d] == place { d -= 1 }
    guard d >= 0, tokens[d].kind == .word, tokens[d].block == tokens[k].block else { return nil }
    let h = recogniser.lowerHash(tokens[d])
    return Self.unnamedDeterminers.contains(h) || h == ScalarHash("the") ? d : nil
  }

  /// The party's member after the determiner at `d` (`said a Nevada Democrat.`): its
  /// speaker by ``partyMemberSubject(endingAt:)``, or nil when the words after `d` are not a
  /// place and a party's member.
  mutating func partyMemberAfter(determiner d: Int) -> Speaker? {
    var k = d + 1
    guard k < tokens.count, result.entityOfToken[k] >= 0 else { return nil }
    while k + 1 < tokens.count, result.entityOfToken[k + 1] == result.entityOfToken[d + 1] { k += 1 }
    return k + 1 < tokens.count ? partyMemberSubject(endingAt: k + 1) : nil
  }

  /// The named speaker a noun before the comma of the "who" or "which" at `k` stands for
  /// (``AttributionRule/relativeClauseSpeaksForItsAntecedent``): an organisation named before
  /// its noun (`Netanyahu's Likud party, which`), or a person named before by the role
  /// (`the Mexican president, who`). A noun naming no one (`the British authorities, who`)
  /// gives nil.
  mutating func namedNoun(beforeCommaOfWho k: Int) -> Int? {
    guard k >= 3, tokens[k - 1].kind == .punct, tokens[k - 1].scalar(in: text) == ",", tokens[k - 2].kind == .word,
      !tokens[k - 2].inQuote, !tokens[k - 2].isCapitalised
    else { return nil }
    let hn = recogniser.hash(tokens[k - 2].stem)
    if WordLists.organisationOnlyNouns.contains(hn) {
      guard let e = entityEnding(at: k - 3), result.entities[e].kind == .organisation else { return nil }
      return e
    }
    guard Self.describers.contains(hn), case .entity(let e)? = describe(noun: k - 2) else { return nil }
    return e
  }

  /// ``AttributionRule/appositiveNameAfterADescription``: the person named between two commas
  /// right after the description whose noun is at token `n`, before token `k` (`The leader of
  /// Ennahda, Rachid Ghannouchi, condemned`); titles before the name are skipped.
  func appositiveName(afterDescription n: Int, before k: Int) -> Int? {
    var j = n + 1
    while j < k, j <= n + 8, tokens[j].block == tokens[n].block, !tokens[j].inQuote, tokens[j].kind == .word {
      j += 1
    }
    guard j < k, tokens[j].kind == .punct, tokens[j].scalar(in: text) == "," else { return nil }
    var first = j + 1
    while first < k, tokens[first].kind == .word,
      WordLists.titles.contains(recogniser.hash(tokens[first].stem))
        || isAbbreviationPoint(first)
    {
      first += 1
    }
    guard first < k, let e = entityEnding(at: first), result.entities[e].kind == .person else { return nil }
    var end = first
    while end + 1 < k, result.entityOfToken[end + 1] == Int32(e) { end += 1 }
    guard end + 1 < k, tokens[end + 1].kind == .punct, tokens[end + 1].scalar(in: text) == "," else { return nil }
    return e
  }

  static let rolePrepositions = WordLists.set("of at for")

  /// ``AttributionRule/nameBeforeItsRoleAtAnOrganisation``: `John Houlihan, editor of
  /// Computerandvideogames.com told`: a name (an organisation or a place) ending at token `k`
  /// after `of`, `at` or `for`, a role of up to four lowercase words with a role noun in it
  /// and a comma; the person before the comma speaks, the comma closing the appositive missing.
  func personBeforeRole(endingAt k: Int) -> Int? {
    guard k >= 0, !tokens[k].inQuote, result.entityOfToken[k] >= 0 else { return nil }
    let named = result.entityOfToken[k]
    let block = tokens[k].block
    var j = k
    while j >= 0, result.entityOfToken[j] == named { j -= 1 }
    if j >= 0, recogniser.hash(tokens[j].range) == ScalarHash("the") { j -= 1 }
    guard j >= 2, tokens[j].kind == .word, tokens[j].block == block,
      Self.rolePrepositions.contains(recogniser.hash(tokens[j].range))
    else { return nil }
    j -= 1
    var hasRole = false
    var words = 0
    while j >= 0, words < 4, tokens[j].kind == .word, !tokens[j].isCapitalised, !tokens[j].inQuote,
      tokens[j].block == block
    {
      let h = recogniser.hash(tokens[j].stem)
      if RoleReader.roleNouns.contains(h) || Self.describers.contains(h) { hasRole = true }
      j -= 1
      words += 1
    }
    guard hasRole, j >= 1, tokens[j].kind == .punct, tokens[j].scalar(in: text) == ",",
      let e = entityEnding(at: beforeBracket(j - 1)), result.entities[e].kind == .person
    else { return nil }
    return e
  }

  /// Forms of `be`, `have` and modals that open a relative clause's verb: `who has argued`.
  static let clauseAuxiliaries = WordLists.set(
    "is are was were has have had will would can could may might should did does do also later")

  /// ``AttributionRule/relativeClauseSpeaksForItsAntecedent``: the speaker of the cue at
  /// token `v` inside a relative clause that has no subject of its own: `Netanyahu's Likud
  /// party, which tried to rally support by saying` is Likud's. The clause's pronoun must be
  /// its subject (a verb right after it: `which tried`, `who has long argued`; not `which
  /// voters say`), and no comma, name, pronoun, speaker's noun or `that` may stand between.
  mutating func relativeClauseSubject(verb v: Int) -> Speaker? {
    let block = tokens[v].block
    var w = v - 1
    while w >= 1, w > v - 20, tokens[w].block == block, tokens[w].kind == .word, !tokens[w].inQuote,
      result.entityOfToken[w] < 0
    {
      let h = recogniser.hash(tokens[w].range)
      if Self.who.contains(h) {
        guard opensClauseVerb(w + 1, verb: v) else { return nil }
        return subject(beforeWho: w)
      }
      if tokens[w].isPossessive { return nil }
      if WordLists.malePronouns.contains(h) || WordLists.femalePronouns.contains(h)
        || WordLists.pluralPronouns.contains(h) || h == Self.it || h == Self.that
        || WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h)
      {
        return nil
      }
      w -= 1
    }
    return nil
  }

  /// Prepositions before a participle whose subject is its clause's: `by saying`.
  static let participlePrepositions = WordLists.set("by for after before while when in without")

  /// Whether the cue at `v` is the verb of the relative clause whose pronoun stands right
  /// before token `k`: the cue itself after auxiliaries and adverbs (`who has long argued`),
  /// or a participle after `by`, `after`, `while` once the clause has a verb of its own
  /// (`which tried to rally support by saying`). Else the cue may be another's (`who is listed
  /// as one of the congressman's alleged`).
  func opensClauseVerb(_ k: Int, verb v: Int) -> Bool {
    var j = k
    while j < v, tokens[j].kind == .word,
      Self.clauseAuxiliaries.contains(recogniser.hash(tokens[j].range)) || isAdverb(j)
    {
      j += 1
    }
    if j == v { return true }
    guard isParticiple(v), Self.participlePrepositions.contains(recogniser.hash(tokens[v - 1].range)) else {
      return false
    }
    if j > k { return true }
    let r = tokens[j].range
    return !tokens[j].isCapitalised && r.count > 3 && text[r.upperBound - 2] == "e" && text[r.upperBound - 1] == "d"
  }
}
