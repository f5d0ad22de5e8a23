/// Step 4 of the recogniser: what the whole article says about its names (who is named in
/// full, which firms, which words it writes in lowercase), the single words resolved against
/// it, types corrected by evidence elsewhere in the article, and the candidates grouped into
/// entities with their aliases (``EntityGrouper``).
extension EntityRecognizer {
  /// What the article says about its names, gathered once before single words are resolved.
  struct MergeEvidence {
    /// Surname (and first of two surnames) of each person named in full -> that candidate.
    var surnameOwner: [ScalarHash: Int] = [:]
    /// Single words a title right before them makes a person: "Obama" of "President Obama"
    /// (``EntityRule/personWordElsewhere``).
    var personWords: Set<ScalarHash> = []
    var surnameList: SurnameIndex
    /// First word of full names -> how many different people bear it.
    var firstWordCount: [ScalarHash: Int] = [:]
    /// How often each word is written with a capital inside a sentence (of the words asked
    /// about: single words that are surnames and English words).
    var capitalisedMidSentence: [ScalarHash: Int] = [:]
    /// Lowercase forms the article uses, of the words that could be surnames ("dole").
    var lowercaseWords: Set<ScalarHash> = []
    /// Those words written capitalised right after "the" somewhere ("the Commons").
    var capitalisedAfterThe: Set<ScalarHash> = []
    /// First word of a firm named in full ("Magna" of "Magna International") -> its candidate.
    var firmByFirstWord: [ScalarHash: Int] = [:]
    /// Names of storms ("Imelda" of "Storm Imelda").
    var stormNames: Set<ScalarHash> = []
    /// First words of organisations and places named in two words or more ("Apple" of
    /// "Apple Vision Pro"), no first name.
    var thingFirstWords: Set<ScalarHash> = []
    /// Last words of organisations named in two words or more ("Commons" of "House of
    /// Commons", "Villa" of "Aston Villa"), none a person's name mistaken for one.
    var organisationLastWords: Set<ScalarHash> = []
    /// Single words written before an award's or a contest's noun ("Oscar" of "Oscar
    /// nominations", "Bafta" of "Bafta awards").
    var awardWords: Set<ScalarHash> = []
  }

  /// Takes the candidates (consumed, so that changing their kinds copies nothing).
  func merge(_ input: consuming [Candidate], sports: Bool = false) -> Result {
    var candidates = consume input
    // Before the evidence: a club is no person whose surname or first word others take.
    if sports, rules.on(.sportsClubWithTown) { makeClubsWithTowns(&candidates) }
    let evidence = gatherEvidence(candidates)
    for i in candidates.indices where candidates[i].kind == .single {
      candidates[i].kind = resolveSingleWord(candidates[i], evidence, sports: sports)
    }
    if rules.on(.placedSomewhere) { placeWordsPlacedSomewhere(&candidates, evidence) }
    if sports, rules.on(.sportsTownIsTeam) { makeTownsTeams(&candidates) }
    var result = group(consume candidates, evidence: consume evidence)
    Self.trimCapacity(&result.entities)
    RoleReader(recogniser: self).readRoles(&result)
    return result
  }

  /// The candidates grouped into entities, in a function of its own so that the grouper,
  /// its tables and the candidates are gone when it returns: the entities come back with no
  /// second reference, and the roles read next change them in place (while the grouper
  /// lived, the first role copied every entity: 9 MB for 3 MB of names).
  private func group(_ candidates: consuming [Candidate], evidence: consuming MergeEvidence) -> Result {
    var grouper = EntityGrouper(recogniser: self, evidence: evidence)
    return grouper.group(candidates)
  }

  /// The entities in an array of about their count, when the room the grouper made for one
  /// entity a candidate is mostly unused (an article that names its people many times); the
  /// candidates are gone by then, so the copy costs no more than they did.
  static func trimCapacity(_ entities: inout [Entity]) {
    let room = entities.count + entities.count / 64 + 64
    guard entities.capacity > 2 * room else { return }
    var trimmed: [Entity] = []
    trimmed.reserveCapacity(room)
    trimmed.append(contentsOf: entities)
    entities = trimmed
  }

  func gatherEvidence(_ candidates: [Candidate]) -> MergeEvidence {
    var evidence = MergeEvidence(surnameList: SurnameIndex(text: text))
    gatherFullNames(candidates, into: &evidence)
    gatherCapitals(candidates, into: &evidence)
    gatherFirms(candidates, into: &evidence)
    for c in candidates where (c.kind == .organisation || c.kind == .place) && c.tokens.count >= 2 {
      let first = tokens[c.tokens.lowerBound]
      if first.kind == .word, lexicon.firstNames[hash(first.stem)] == nil {
        evidence.thingFirstWords.insert(hash(first.stem))
      }
      let last = tokens[c.tokens.upperBound - 1]
      // Not of a person's name typed an organisation ("Al Sharpton", "Gov. Chris Christie",
      // "Richard J. Durbin", "JRR Tolkien"): no first name, title or initials in it.
      if c.kind == .organisation, last.kind == .word,
        !c.tokens.dropLast().contains(where: { isPersonalNameWord(tokens[$0]) })
      {
        evidence.organisationLastWords.insert(hash(last.stem))
      }
    }
    if rules.on(.awardBeforeItsNoun) {
      var speaking: Set<ScalarHash> = []
      for c in candidates where c.kind == .single {
        let t = tokens[c.tokens.lowerBound]
        if c.speaks {
          speaking.insert(hash(t.stem))
        } else if isBeforeLowercase(c.tokens.upperBound, in: Self.awardNouns), !isPeopleWord(t) {
          evidence.awardWords.insert(hash(t.stem))
        }
      }
      // "the Trump nomination ... Trump said": a word that speaks somewhere is a name.
      evidence.awardWords.subtract(speaking)
    }
    // "Storm Imelda": the storm's name alone ("Imelda") is no person either.
    for k in tokens.indices.dropLast()
    where tokens[k].isCapitalised && tokens[k + 1].isCapitalised
      && tokens[k].kind == .word && tokens[k + 1].kind == .word && Self.weatherWords.contains(hash(tokens[k].stem))
    {
      evidence.stormNames.insert(hash(tokens[k + 1].stem))
    }
    return evidence
  }

  /// Nouns of an award's contest after its name (``EntityRule/awardBeforeItsNoun``): "Oscar
  /// nominations", "Bafta awards", "Oscar nominee Alan Alda". A person's name before them
  /// ("an Obama nominee") stays a person when the article names that person in full (the
  /// rules before it look there first) or has the word speak anywhere.
  static let awardNouns = WordLists.set(
    "nomination nominations nominee nominees hopefuls contenders ceremony awards winner winners")

  /// A word of a person's name that no organisation's name has: a known first name, a title,
  /// an initial or initials ("J", "JRR"), an initial's full stop.
  func isPersonalNameWord(_ t: Token) -> Bool {
    if t.kind != .word { return t.scalar(in: text) == "." }
    return lexicon.firstNames[hash(t.stem)] != nil || WordLists.titles.contains(hash(t.stem))
      || t.stem.count == 1 || (t.isAllCaps && t.stem.count <= 3)
  }

  /// People with two or more words: their last word is the key for surname mentions; their
  /// first word ("Deepa" for "Deepa Subramanian", "Park" for "Park Min-ji") is an alias when
  /// exactly one person is named with it.
  func gatherFullNames(_ candidates: [Candidate], into evidence: inout MergeEvidence) {
    for (i, c) in candidates.enumerated() where c.kind == .person && c.tokens.count >= 2 {
      let last = tokens[c.tokens.upperBound - 1]
      if evidence.surnameOwner[hash(last.stem)] == nil {
        evidence.surnameOwner[hash(last.stem)] = i
        evidence.surnameList.append(range: last.stem, owner: i)
      }
      if let middle = firstOfTwoSurnames(c.tokens), evidence.surnameOwner[hash(tokens[middle].stem)] == nil {
        evidence.surnameOwner[hash(tokens[middle].stem)] = i
      }
    }
    for c in candidates where c.kind == .person && c.tokens.count == 1 {
      let k = c.tokens.lowerBound
      guard k >= 1, tokens[k - 1].block == tokens[k].block, WordLists.titles.contains(hash(tokens[k - 1].stem)) else {
        continue
      }
      evidence.personWords.insert(hash(tokens[k].stem))
    }
    var seenFull: Set<ScalarHash> = []
    for c in candidates where c.kind == .person && c.tokens.count >= 2 {
      // "Ingeborg Haugland" and "Ingeborg Marie Haugland" are one person.
      var key = hash(tokens[c.tokens.lowerBound].stem)
      key.appendSpace()
      key.append(text, tokens[c.tokens.upperBound - 1].stem)
      guard seenFull.insert(key).inserted else { continue }
      evidence.firstWordCount[hash(tokens[c.tokens.lowerBound].stem), default: 0] += 1
    }
  }

  /// How often each word is written with a capital inside a sentence, and which words the
  /// article writes in lowercase: one pass. Only the lowercase forms of single capitalised
  /// words that are surnames and English words ("Dole") are looked for, so most articles skip
  /// that part of the pass.
  func gatherCapitals(_ candidates: [Candidate], into evidence: inout MergeEvidence) {
    var wantedLowercase: Set<ScalarHash> = []
    // Only single words that are surnames and English words are asked about
    // (``isCapitalisedCommonSurname(_:_:)``): only they are counted (every capitalised word
    // of a list of 165,000 names took a 4 MB table).
    var wantedCapitals: Set<ScalarHash> = []
    for c in candidates where c.kind == .single {
      let t = tokens[c.tokens.lowerBound]
      if lexicon.surnames[hash(t.stem)] != nil, isCommonWord(t) {
        wantedLowercase.insert(lowerHash(t))
        wantedCapitals.insert(hash(t.stem))
      }
    }
    for (k, t) in tokens.enumerated() where t.kind == .word && !headlineBlock(t.block) {
      if t.isCapitalised {
        if !t.startsSentence, !wantedCapitals.isEmpty {
          let h = hash(t.stem)
          if wantedCapitals.contains(h) {
            evidence.capitalisedMidSentence[h, default: 0] += 1
            // "in the Commons.", "the Commons on Tuesday", not "the Sanders camp" (a modifier).
            if k >= 1, tokens[k - 1].kind == .word, hash(tokens[k - 1].range) == ScalarHash("the"),
              k + 1 >= tokens.count || tokens[k + 1].kind != .word || tokens[k + 1].isCapitalised
                || Self.endsNounPhrase.contains(hash(tokens[k + 1].range))
            {
              evidence.capitalisedAfterThe.insert(h)
            }
          }
        }
      } else if !wantedLowercase.isEmpty {
        let h = hash(t.stem)
        if wantedLowercase.contains(h) { evidence.lowercaseWords.insert(h) }
      }
    }
  }

  /// Words that stand after a noun phrase, not inside it: prepositions and conjunctions.
  static let endsNounPhrase = WordLists.set("in on at for with by from of to after before during over and or but")

  /// "Ruch SA", "Magna International Inc": a company named in full is named after by its
  /// first word ("Ruch", "Magna's"). Two firms sharing a first word ("Magna International",
  /// "Magna Steyr") leave it to neither.
  func gatherFirms(_ candidates: [Candidate], into evidence: inout MergeEvidence) {
    var sharedFirstWords: Set<ScalarHash> = []
    for (i, c) in candidates.enumerated() where c.kind == .organisation && isFirmName(c.tokens) {
      let h = hash(tokens[c.tokens.lowerBound].stem)
      if let other = evidence.firmByFirstWord[h] {
        if hash(tokens: candidates[other].tokens) != hash(tokens: c.tokens) { sharedFirstWords.insert(h) }
      } else {
        evidence.firmByFirstWord[h] = i
      }
    }
    for h in sharedFirstWords { evidence.firmByFirstWord[h] = nil }
  }

  /// ``EntityRule/sportsClubWithTown``: in a sports report a name ending in a town the
  /// gazetteer knows, first word no first name, is a club ("Lada Togliatti", "Deportivo
  /// Coruna"), unless a role stands before it ("winger Gianluigi Lentini").
  func makeClubsWithTowns(_ candidates: inout [Candidate]) {
    for i in candidates.indices where candidates[i].kind == .person && !candidates[i].hasRole {
      let c = candidates[i].tokens
      guard c.count >= 2, c.count <= 3, let kind = lexicon.places[hash(tokens[c.upperBound - 1].stem)],
        kind == .city || kind == .subdivision,
        lexicon.firstNames[hash(tokens[c.lowerBound].stem)] == nil,
        !isAfterLowercase(c.lowerBound, in: Self.personNounsBefore)
      else { continue }
      candidates[i].kind = .organisation
    }
  }

  /// ``EntityRule/placedSomewhere``: a single unknown word that the article places somewhere
  /// at least once ("in Longyear", "the town of Tavildara", "Tacambaro, Michoacan") is a
  /// place in every mention.
  func placeWordsPlacedSomewhere(_ candidates: inout [Candidate], _ evidence: MergeEvidence) {
    var placed: Set<ScalarHash> = []
    for c in candidates where !c.speaks && !c.hasRole && (c.tokens.count == 1 || c.kind == .person) {
      // An acronym is no place: "in NFL history".
      guard !tokens[c.tokens.upperBound - 1].isPossessive, lexicon.places[hash(tokens: c.tokens)] == nil,
        c.tokens.count > 1 || !isAcronym(tokens[c.tokens.lowerBound]), isPlacedHere(c.tokens.lowerBound)
      else { continue }
      placed.insert(hash(tokens: c.tokens))
    }
    guard !placed.isEmpty else { return }
    for i in candidates.indices
    where !candidates[i].speaks
      && ((candidates[i].tokens.count == 1 && candidates[i].kind == .organisation) || candidates[i].kind == .person)
    {
      let h = hash(tokens: candidates[i].tokens)
      guard placed.contains(h), evidence.surnameOwner[h] == nil, evidence.firstWordCount[h] == nil,
        evidence.firmByFirstWord[h] == nil, !candidates[i].hasRole
      else { continue }
      candidates[i].kind = .place
    }
  }

  /// Whether the name at token `k` is placed by its context: after "in" or "near" (not "at"
  /// or "from"), after "the town of", or before a comma and a country or state.
  func isPlacedHere(_ k: Int) -> Bool {
    if followsPlacePreposition(k) && hash(tokens[k - 1].range) != ScalarHash("at")
      && hash(tokens[k - 1].range) != ScalarHash("from")
    {
      return true
    }
    if k >= 2, hash(tokens[k - 1].range) == ScalarHash("of"), Self.settlementNouns.contains(hash(tokens[k - 2].range)) {
      return true
    }
    guard k + 2 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].scalar(in: text) == ",",
      tokens[k + 2].block == tokens[k].block
    else { return false }
    let kind = lexicon.places[hash(tokens[k + 2].stem)]
    return kind == .country || kind == .subdivision
  }

  /// ``EntityRule/sportsTownIsTeam``: in a sports report a town or county is a team
  /// ("Leicestershire beat Somerset"), unless it follows "in", "at", "near" or "from" or
  /// stands in a dateline.
  func makeTownsTeams(_ candidates: inout [Candidate]) {
    for i in candidates.indices where candidates[i].kind == .place {
      let c = candidates[i]
      guard let kind = lexicon.places[hash(tokens: c.tokens)], kind == .city || kind == .subdivision,
        blocks[tokens[c.tokens.lowerBound].block].kind == .paragraph,
        !followsPlacePreposition(c.tokens.lowerBound), !isDateline(c.tokens.lowerBound),
        !(followsPlacePreposition(c.tokens.lowerBound - 2) && isFollowedByRegion(c.tokens.lowerBound - 2))
      else { continue }
      candidates[i].kind = .organisation
    }
  }
}
