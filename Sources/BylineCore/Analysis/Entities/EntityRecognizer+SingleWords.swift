/// Single capitalised words ("Keane", "Paris", "Gartner", "Harbour"), resolved against what
/// the article says about its names with the ordered ``EntityRule/singleWordRules``. A result
/// of `.single` drops the word: it names nothing.
extension EntityRecognizer {
  /// The type of a single word: the first rule that decides, else an organisation.
  func resolveSingleWord(_ c: Candidate, _ e: MergeEvidence, sports: Bool) -> Guess {
    let word = SingleWord(c, in: self)
    for rule in EntityRule.singleWordRules where rules.on(rule) {
      if let kind = resolve(c, e, sports: sports, by: rule, word: word) { return kind }
    }
    return .organisation
  }

  /// What the rules ask of a single word, worked out once for all of them (a word of 200,000
  /// one-line paragraphs was hashed once a rule).
  struct SingleWord {
    let k: Int
    let t: Token
    /// The hash of its stem.
    let h: ScalarHash
    /// Whether its lowercase form is an ordinary English word.
    let common: Bool

    init(_ c: Candidate, in recogniser: EntityRecognizer) {
      k = c.tokens.lowerBound
      t = recogniser.tokens[k]
      h = recogniser.hash(t.stem)
      common = recogniser.isCommonWord(t)
    }
  }

  /// What one rule makes of a single word; nil when it does not decide.
  func resolve(_ c: Candidate, _ e: MergeEvidence, sports: Bool, by rule: EntityRule, word: SingleWord) -> Guess? {
    let k = word.k
    let t = word.t
    let h = word.h
    let common = word.common
    switch rule {
    case .wordSurnameOfFullName:
      return resolveWordSurname(c, word, e)
    case .stormName:
      return e.stormNames.contains(h) ? .single : nil
    case .firmFirstWord:
      return e.firmByFirstWord[h] != nil && e.surnameOwner[h] == nil && !followsPlacePreposition(k)
        ? .organisation : nil
    case .capitalsDatelinePlace:
      return t.isAllCaps && lexicon.places[h] == nil && lexicon.places[titleCaseHash(t)] != nil ? .place : nil
    case .firstWordOfFullName:
      // "Park argued": a first word of a full name ("Park Min-ji"), even a common one.
      return e.firstWordCount[h] == 1 && (!common || !t.startsSentence || nameFollows(c.tokens.upperBound))
        && lexicon.places[h] == nil ? .person : nil
    case .surnameOfFullName:
      return e.surnameOwner[h] != nil && (!common || !t.startsSentence || nameFollows(c.tokens.upperBound))
        ? .person : nil
    case .personWordElsewhere:
      // "President Obama ... the Obama administration": not the town in Japan.
      return e.personWords.contains(h) && !followsPlacePreposition(k) ? .person : nil
    case .gazetteerWord:
      guard let place = lexicon.places[h] else { return nil }
      return c.speaks && place == .city && !lexicon.bigCities.contains(h) ? .person : .place
    case .capitalsAcronym:
      // "WHO said": a word in capitals is an acronym, never a person's name.
      return t.isAllCaps && !headlineBlock(t.block) && lexicon.places[titleCaseHash(t)] == nil ? .organisation : nil
    case .lastWordOfAnOrganisation:
      // "Aston Villa ... Villa were"; a common word is no surname then either
      // (``isCapitalisedCommonSurname(_:_:)``: "the House of Commons ... Commons officials").
      return e.organisationLastWords.contains(h) && e.surnameOwner[h] == nil && !common ? .organisation : nil
    case .awardBeforeItsNoun:
      // "Oscar nominations ... won an Oscar ... the Oscar for best actress": an award.
      return e.awardWords.contains(h) && !c.speaks ? .single : nil
    case .speakingSingleWord:
      return c.speaks && (!common || !t.startsSentence) ? speakingWordKind(t, at: k, e) : nil
    case .firstWordOfThing:
      // "Apple Vision Pro ... Apple has partnered": no surname, the thing's maker.
      return e.thingFirstWords.contains(h) && e.surnameOwner[h] == nil && !c.speaks && lexicon.places[h] == nil
        ? .organisation : nil
    case .theBeforeAWordIsNoPerson:
      // "the Pou, a tribal identifier", "the Whitewater scandal": a thing's name, dropped;
      // "the Clintons" is a family, and an organisation noun in the next two words makes the
      // word its holder ("the Interfax news agency").
      let next = c.tokens.upperBound
      let beforeOrganisationNoun =
        isBeforeLowercase(next, in: Self.organisationNounsAfter)
        || (next < tokens.count && tokens[next].kind == .word && !tokens[next].isCapitalised
          && tokens[next].block == t.block && isBeforeLowercase(next + 1, in: Self.organisationNounsAfter))
      return k >= 1 && tokens[k - 1].kind == .word && tokens[k - 1].block == t.block
        && lowerHash(tokens[k - 1]) == ScalarHash("the") && !c.speaks && text[t.stem.upperBound - 1] != "s"
        && !beforeOrganisationNoun
        ? .single : nil
    case .anBeforeAWordIsNoPerson:
      // "winning him an Oscar in 1973", "a Bafta": an award or a thing; a name takes no `a`.
      return k >= 1 && tokens[k - 1].kind == .word && tokens[k - 1].block == t.block && !c.speaks
        && Self.indefiniteArticles.contains(hash(tokens[k - 1].range))
        ? .single : nil
    case .misspeltSurname:
      return closeSurname(t, e.surnameList) != nil ? .person : nil
    case .knownSurname:
      return lexicon.surnames[h] != nil && !common ? .person : nil
    case .loneFirstName:
      // "His mother, Odile,": a first name alone.
      return lexicon.firstNames[h] != nil && !common && lexicon.places[h] == nil && !t.isAllCaps ? .person : nil
    case .capitalisedCommonSurname:
      return isCapitalisedCommonSurname(t, e) ? .person : nil
    case .sportsTeamPlural:
      // "the Cardinals", "Braves": a team in a sports report.
      return sports && !t.startsSentence && (isCommonPlural(t) || (common && text[t.stem.upperBound - 1] == "s"))
        ? .organisation : nil
    case .placeBeforeRegion:
      // "trains in Boulder, Colorado".
      return common && !t.startsSentence && followsPlacePreposition(k) && isFollowedByRegion(k) ? .place : nil
    case .commonWordDropped:
      return common ? .single : nil
    default:
      return nil
    }
  }

  static let indefiniteArticles = WordLists.set("a an")

  /// A word that speaks: "MPs said", "Organisers said" (a group, no one's name); "the
  /// Rainmakers sang" (a band or a team); "Gartner said", "Yukos said" (a single word naming
  /// no one the article names in full and no name people bear: an organisation); else a person.
  func speakingWordKind(_ t: Token, at k: Int, _ e: MergeEvidence) -> Guess {
    if isCommonPlural(t) || (t.isAllCaps == false && text[t.stem.upperBound - 1] == "s" && isCommonWord(t)) {
      let afterThe = k >= 1 && hash(tokens[k - 1].range) == ScalarHash("the")
      return afterThe ? .organisation : .single
    }
    let h = hash(t.stem)
    if lexicon.surnames[h] == nil, lexicon.firstNames[h] == nil, closeSurname(t, e.surnameList) == nil {
      return .organisation
    }
    return .person
  }

  /// "Dole" written with a capital inside sentences twice or more and never as "dole": a
  /// surname, though an English word; not one written "the Commons" somewhere
  /// (``EntityRule/theBeforeACapitalisedWordIsNoSurname``) or ending an organisation's name
  /// ("House of Commons").
  func isCapitalisedCommonSurname(_ t: Token, _ e: MergeEvidence) -> Bool {
    let h = hash(t.stem)
    return isCommonWord(t) && !t.startsSentence && lexicon.surnames[h] != nil && !isPeopleWord(t)
      && !Self.directions.contains(h) && !lexicon.demonyms.contains(h)
      && (e.capitalisedMidSentence[h] ?? 0) >= 2 && !e.lowercaseWords.contains(lowerHash(t))
      // "the Commons": a surname takes no article.
      && !(rules.on(.theBeforeACapitalisedWordIsNoSurname) && e.capitalisedAfterThe.contains(h))
      && !(rules.on(.lastWordOfAnOrganisation) && e.organisationLastWords.contains(h))
  }
}
