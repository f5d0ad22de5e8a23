/// Step 2 and 3 of the recogniser: a capitalised phrase loses the words that are not part of
/// a name (titles, sentence-initial common words, demonyms) and is typed by its shape with the
/// ordered ``EntityRule/phraseRules``.
extension EntityRecognizer {
  /// A phrase being typed: its words, and the title or occupation words taken off its front.
  struct PhraseParts {
    var lower: Int
    var upper: Int
    var role: [Range<Int>] = []
    var roleIsOccupation = false
    var span: Range<Int> { lower..<upper }
  }

  /// Where a phrase's text ends: after its last word, and after the full stop of an
  /// abbreviated legal form (``EntityRule/legalFormStop``: "Norwest Corp. rose"), unless that
  /// stop ends the paragraph, where it is the sentence's ("analyst at McDonald & Co.").
  func nameEnd(_ span: Range<Int>) -> Int {
    let last = tokens[span.upperBound - 1]
    guard rules.on(.legalFormStop), span.count >= 2, !last.isPossessive,
      Self.abbreviatedLegalForms.contains(hash(last.stem)), span.upperBound + 1 < tokens.count,
      tokens[span.upperBound + 1].block == last.block
    else { return last.stem.upperBound }
    let next = tokens[span.upperBound]
    return next.kind == .punct && next.scalar(in: text) == "." && next.range.lowerBound == last.range.upperBound
      ? next.range.upperBound : last.stem.upperBound
  }

  static let abbreviatedLegalForms = WordLists.set("Corp Inc Co Ltd Bros")

  /// Statistics of a game written in capitals (``EntityRule/sportsStatistic``).
  static let sportsStatistics = WordLists.set("RBI RBIs ERA")

  /// "seized by the South": a compass point alone after "the" is a region.
  static let compassPoints = WordLists.set("North South East West")

  /// Lowercase nouns of a contest after a place that names it, not the place: "the Wimbledon
  /// semifinals", "Wimbledon champion".
  static let eventNouns = WordLists.set(
    """
    champion champions finalist finalists final finals semifinal semifinals semi-final semi-finals
    quarterfinal quarterfinals quarter-final quarter-finals title crown grand
    """)

  /// Whether a lowercase word of `nouns` follows token `k - 1` one space on, in its block.
  func isBeforeLowercase(_ k: Int, in nouns: Set<ScalarHash>) -> Bool {
    guard k < tokens.count, k >= 1 else { return false }
    let next = tokens[k]
    return next.kind == .word && !next.isCapitalised && next.block == tokens[k - 1].block
      && !tokens[k - 1].isPossessive && tokens[k - 1].range.upperBound + 1 == next.range.lowerBound
      && nouns.contains(hash(next.range))
  }

  /// The place kind of a whole phrase, when the gazetteer knows it ("Central Asia").
  func gazetteerKind(_ r: Range<Int>) -> Lexicon.PlaceKind? {
    r.count <= lexicon.longestPlaceWords ? lexicon.places[hash(tokens: r)] : nil
  }

  /// Types one phrase: no candidate when it names nothing, two when a role before a name
  /// names an organisation. Appended to `out` (an array a phrase cost as much time as the
  /// typing in a list of names).
  func classify(_ phrase: Range<Int>, into out: inout [Candidate]) {
    guard let found = classify(phrase) else { return }
    out.append(found.0)
    if let second = found.1 { out.append(second) }
  }

  /// The candidates of one phrase: none, one, or an organisation and a person.
  func classify(_ phrase: Range<Int>) -> (Candidate, Candidate?)? {
    if rules.on(.partyLabelNamesNoOne), isPartyLabel(phrase) { return nil }
    if let single = wordSurnameAlone(phrase) { return (single, nil) }
    guard var parts = trimmed(phrase) else { return nil }
    if rules.on(.abbreviationFirstNameOfASpeaker), isAbbreviationFirstName(parts.lower, upper: parts.upper) {
      let range = tokens[parts.lower].range.lowerBound..<nameEnd(parts.span)
      return (Candidate(tokens: parts.span, range: range, kind: .person), nil)
    }
    if rules.on(.nameBeforeCompoundModifier), isBeforeCapitalisedCompound(phrase.upperBound) { return nil }
    if rules.on(.quotedTitle), fillsTitleCaseQuote(parts.span) { return nil }
    // "went 3-for-4 with two RBI": a statistic of a game, no organisation.
    if rules.on(.sportsStatistic), parts.span.count == 1,
      Self.sportsStatistics.contains(hash(tokens[parts.lower].stem)), isSportsReport()
    {
      return nil
    }
    if rules.on(.directionAlone), parts.span.count == 1, Self.compassPoints.contains(hash(tokens[parts.lower].stem)),
      parts.lower >= 1, hash(tokens[parts.lower - 1].range) == ScalarHash("the")
    {
      let t = tokens[parts.lower]
      return (Candidate(tokens: parts.span, range: t.range.lowerBound..<t.stem.upperBound, kind: .place), nil)
    }
    if rules.on(.placeBeforeEventNoun), parts.span.count == 1, lexicon.places[hash(tokens[parts.lower].stem)] != nil,
      isBeforeLowercase(parts.upper, in: Self.eventNouns)
    {
      return nil
    }
    if rules.on(.titleBeforeKnownFirstName), let named = titleBeforeKnownFirstName(parts) {
      let title = named.tokens.lowerBound - 1
      if rules.on(.organisationBeforeTitle), let organisation = organisationBeforeTitle(parts.lower..<title) {
        return (organisation, named)
      }
      return (named, nil)
    }
    if rules.on(.partyMemberOfAPlace), let place = placeOfPartyMember(parts) { return (place, nil) }
    if rules.on(.polityOfPlace), isPolityOfPlace(parts.span) {
      return (
        Candidate(tokens: parts.span, range: tokens[parts.lower].range.lowerBound..<nameEnd(parts.span), kind: .place),
        nil
      )
    }
    if gazetteerKind(parts.span) == nil && !hasOrganisationHead(parts.span) {
      takeTitles(&parts)
      if rules.on(.titleNamesNoOne), isTitleLeftAlone(parts) { return nil }
      // ``EntityRule/titleBeforeACommonWord``: "the General Election": a title before one
      // common word that no one bears as a name names no one.
      if rules.on(.titleBeforeACommonWord), !parts.role.isEmpty, parts.upper - parts.lower == 1 {
        let h = hash(tokens[parts.lower].stem)
        if isCommonWord(tokens[parts.lower]), !WordLists.titles.contains(h), lexicon.surnames[h] == nil,
          lexicon.firstNames[h] == nil
        {
          return nil
        }
      }
      if rules.on(.sentenceInitialCommonWordDropped), let single = dropSentenceInitialCommonWords(&parts) {
        return (single, nil)
      }
    }
    // ``EntityRule/titledPerson``: "Mr Islam", "Dr Christian": a people's or a faith's word
    // after a courtesy title is a surname.
    if rules.on(.titledPerson), parts.span.count == 1, isPeopleWord(tokens[parts.lower]),
      isAfterTitle(parts.lower)
    {
      let t = tokens[parts.lower]
      return (Candidate(tokens: parts.span, range: t.range.lowerBound..<t.stem.upperBound, kind: .person), nil)
    }
    guard parts.lower < parts.upper, !namesNoOne(parts.span) else { return nil }
    let roleText: String? =
      parts.role.isEmpty
      ? nil
      : {
        let s = parts.role.map { Tokenizer.string(text, $0) }.joined(separator: " ")
        return parts.roleIsOccupation ? s.lowercased() : s
      }()
    // Demonyms alone are not entities ("Kazakh", "South African"); before a name they go.
    let firstKept = firstWordAfterDemonyms(parts.span)
    if firstKept == parts.upper { return nil }
    if rules.on(.demonymBeforeCommonWord), firstKept > parts.lower, firstKept == parts.upper - 1,
      isCommonWord(tokens[firstKept]), !WordLists.titles.contains(hash(tokens[firstKept].stem)),
      gazetteerKind(parts.span) == nil
    {
      let range = tokens[parts.lower].range.lowerBound..<tokens[parts.upper - 1].stem.upperBound
      return (Candidate(tokens: parts.span, range: range, kind: .organisation), nil)
    }
    if rules.on(.demonymBeforeNameDropped), firstKept > parts.lower, gazetteerKind(parts.span) == nil,
      !hasOrganisationHead(parts.span)
    {
      return classify(firstKept..<parts.upper)
    }
    let span = parts.span
    let range = tokens[span.lowerBound].range.lowerBound..<nameEnd(span)
    for rule in EntityRule.phraseRules where rules.on(rule) {
      if let found = type(span, range: range, role: roleText, by: rule) { return (found, nil) }
    }
    return (Candidate(tokens: span, range: range, kind: span.count <= 4 ? .person : .organisation), nil)
  }

  /// ``EntityRule/partyLabelNamesNoOne``: whether the phrase is (or ends) a US politician's
  /// party and state after the name, in brackets or between commas: `(R-Texas)`, `(D-Nev.)`,
  /// `Sen. Ted Cruz, R-Texas, said`, `(R-N.H.)` (its `H` too): a label, no organisation.
  func isPartyLabel(_ phrase: Range<Int>) -> Bool {
    var open = phrase.lowerBound - 1
    // "H" of "(R-N.H.)": back over the label's stops and letters to its bracket.
    while open >= 1, open > phrase.lowerBound - 5, tokens[open].kind == .punct, tokens[open].scalar(in: text) == ".",
      tokens[open - 1].kind == .word, tokens[open - 1].isCapitalised, tokens[open - 1].range.count <= 3,
      tokens[open - 1].range.upperBound == tokens[open].range.lowerBound
    {
      open -= 2
    }
    guard open >= 1, open + 1 < tokens.count, tokens[open].kind == .punct else { return false }
    let label = tokens[open + 1]
    let r = label.range
    guard label.kind == .word, r.count >= 3, label.block == tokens[open].block,
      "RDI".unicodeScalars.contains(text[r.lowerBound]), text[r.lowerBound + 1] == "-",
      text[r.lowerBound + 2].properties.isUppercase
    else { return false }
    switch tokens[open].scalar(in: text) {
    case "(": return true
    case ",":
      // Between commas after a name: `Cruz, R-Texas, leading`, `Sanders, I-Vt., a`.
      guard tokens[open - 1].kind == .word, tokens[open - 1].isCapitalised else { return false }
      var k = open + 2
      while k + 1 < tokens.count, tokens[k].kind == .punct, tokens[k].scalar(in: text) == ".",
        tokens[k + 1].kind == .word, tokens[k + 1].range.count == 1
      {
        k += 2
      }
      if k < tokens.count, tokens[k].kind == .punct, tokens[k].scalar(in: text) == "." { k += 1 }
      return k < tokens.count && tokens[k].kind == .punct && tokens[k].scalar(in: text) == ","
    default: return false
    }
  }

  /// Months' and days' abbreviations that are first names too: `Mar Hicks`, `Jan Egeland`.
  static let abbreviationFirstNames = WordLists.set("Jan Mar Sun")

  /// ``EntityRule/abbreviationFirstNameOfASpeaker``: a month's or day's abbreviation that is
  /// also a first name, first of two words in a speaker's position (after an inverted cue,
  /// `” said Mar Hicks`, or before a reporting verb, `Jan Egeland said`), is that person's
  /// first name, not a date's word dropped from the name, and the two words a person's name.
  func isAbbreviationFirstName(_ k: Int, upper: Int) -> Bool {
    guard upper == k + 2, Self.abbreviationFirstNames.contains(hash(tokens[k].stem)),
      tokens[k].stem.upperBound == tokens[k].range.upperBound, tokens[k + 1].kind == .word,
      tokens[k + 1].isCapitalised, !WordLists.neverNames.contains(hash(tokens[k + 1].stem))
    else { return false }
    if upper < tokens.count, tokens[upper].kind == .word, tokens[upper].block == tokens[k].block,
      ReportingVerbs.set.contains(hash(tokens[upper].range))
    {
      return true
    }
    return k >= 2 && tokens[k - 1].kind == .word && ReportingVerbs.set.contains(hash(tokens[k - 1].range))
      && !Self.tellForms.contains(hash(tokens[k - 1].range)) && tokens[k - 2].kind == .punct
      && tokens[k - 1].block == tokens[k].block
  }

  /// A party's members, who are described by their place: `the Virginia Democrat`.
  static let partyMembers = WordLists.set("Democrat Democrats Republican Republicans Tory Tories")
  /// Determiners before a description: `the Virginia Democrat`, `a Texas Republican`.
  static let descriptionDeterminers = WordLists.set("the a an another")

  /// ``EntityRule/partyMemberOfAPlace``: `Mr. Warner, the Virginia Democrat, called` describes
  /// Warner by his state and party, naming no one; the place alone is a place. A determiner
  /// must stand before it: `Virginia Democrat Mark Warner` is a longer phrase anyway.
  func placeOfPartyMember(_ parts: PhraseParts) -> Candidate? {
    let (lower, upper) = (parts.lower, parts.upper)
    guard upper - lower >= 2, lower >= 1, Self.partyMembers.contains(hash(tokens[upper - 1].stem)),
      tokens[lower - 1].kind == .word, tokens[lower - 1].block == tokens[lower].block,
      Self.descriptionDeterminers.contains(lowerHash(tokens[lower - 1])),
      gazetteerKind(lower..<(upper - 1)) != nil
    else { return nil }
    let range = tokens[lower].range.lowerBound..<tokens[upper - 2].stem.upperBound
    return Candidate(tokens: lower..<(upper - 1), range: range, kind: .place)
  }

  /// The phrase without post-nominal letters ("Daniel Reyes KC"), words that are never part
  /// of a name ("The", "But", days, months) and punctuation before it; nil when nothing is left
  /// or it names nothing (a weather word).
  func trimmed(_ phrase: Range<Int>) -> PhraseParts? {
    var parts = PhraseParts(lower: phrase.lowerBound, upper: phrase.upperBound)
    while parts.upper - parts.lower >= 3, WordLists.postNominals.contains(hash(tokens[parts.upper - 1].stem)) {
      parts.upper -= 1
    }
    while parts.lower < parts.upper {
      let t = tokens[parts.lower]
      if WordLists.neverNames.contains(hash(t.stem)), !startsPlaceName(parts.lower, parts.upper),
        !(rules.on(.abbreviationFirstNameOfASpeaker) && isAbbreviationFirstName(parts.lower, upper: parts.upper)),
        !(rules.on(.numberBeforeAPluralName) && isNumberBeforePluralName(parts.lower, upper: parts.upper))
      {
        parts.lower += 1
      } else if t.kind != .word {
        parts.lower += 1
      } else {
        break
      }
    }
    guard parts.lower < parts.upper, !Self.weatherWords.contains(hash(tokens[parts.lower].stem)) else { return nil }
    return parts
  }

  /// ``EntityRule/numberBeforeAPluralName``: whether token `k` is a number word inside a
  /// sentence right before a capitalised plural common noun that ends the phrase, no people's
  /// name: "in the 2005 Six Nations", "the Three Gorges dam" (a number word opening a sentence,
  /// "Two Americans", goes as before).
  func isNumberBeforePluralName(_ k: Int, upper: Int) -> Bool {
    guard k + 2 == upper, Self.numberWords.contains(hash(tokens[k].stem)), !tokens[k].startsSentence,
      !isCommonWordStart(k)
    else { return false }
    let plural = tokens[k + 1]
    return plural.kind == .word && isCommonPlural(plural) && !isPeopleWord(plural)
  }

  static let numberWords = WordLists.set("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve")

  /// "US District Judge Alan R. Whitcombe": a title then a known first name inside a longer
  /// phrase; what goes before is the role.
  func titleBeforeKnownFirstName(_ parts: PhraseParts) -> Candidate? {
    let (lower, upper) = (parts.lower, parts.upper)
    guard upper - lower >= 3, gazetteerKind(parts.span) == nil,
      let t = (lower..<(upper - 2)).last(where: {
        WordLists.titles.contains(hash(tokens[$0].stem)) && lexicon.firstNames[hash(tokens[$0 + 1].stem)] != nil
      }), t > lower
    else { return nil }
    let roleText = Tokenizer.string(text, tokens[lower].range.lowerBound..<tokens[t].stem.upperBound)
    return candidate(
      tokens: (t + 1)..<upper, range: tokens[t + 1].range.lowerBound..<tokens[upper - 1].stem.upperBound,
      kind: .person, role: roleText)
  }

  /// ``EntityRule/organisationBeforeTitle``: the organisation that a role names before its
  /// title ("Federal Reserve" in "Federal Reserve Governor Lawrence Lindsey", "Cofinec" in
  /// "Cofinec CEO Stephen Frater"), past demonyms and other titles ("Polish Foreign Minister"
  /// names none); nil when the words before the title name none.
  func organisationBeforeTitle(_ role: Range<Int>) -> Candidate? {
    var lower = role.lowerBound
    var upper = role.upperBound
    while upper > lower, tokens[upper - 1].kind != .word || WordLists.titles.contains(hash(tokens[upper - 1].stem)) {
      upper -= 1
    }
    while lower < upper, lexicon.demonyms.contains(hash(tokens[lower].stem)) { lower += 1 }
    guard lower < upper, !tokens[upper - 1].isPossessive, gazetteerKind(lower..<upper) == nil,
      (lower..<upper).allSatisfy({ tokens[$0].kind == .word && tokens[$0].isCapitalised })
    else { return nil }
    let span = lower..<upper
    let first = tokens[lower]
    let named =
      span.count == 1
      ? !isCommonWord(first) && lexicon.firstNames[hash(first.stem)] == nil && lexicon.surnames[hash(first.stem)] == nil
        && lexicon.places[hash(first.stem)] == nil
      : hasOrganisationHead(span)
    guard named else { return nil }
    return Candidate(
      tokens: span, range: first.range.lowerBound..<tokens[upper - 1].stem.upperBound, kind: .organisation)
  }

  /// ``EntityRule/polityOfPlace``: "the Federal Republic of Yugoslavia", "the Holy City of
  /// Jerusalem": a state's word, "of" and a place the gazetteer knows name a place.
  func isPolityOfPlace(_ span: Range<Int>) -> Bool {
    guard span.count >= 3, let of = span.firstIndex(where: { hash(tokens[$0].range) == ScalarHash("of") }),
      of > span.lowerBound, of + 1 < span.upperBound,
      Self.polityWords.contains(hash(tokens[of - 1].stem))
    else { return false }
    return gazetteerKind((of + 1)..<span.upperBound) != nil
  }

  static let polityWords = WordLists.set(
    "Republic Kingdom City State Principality Emirate Sultanate Duchy Commonwealth")

  /// Titles before a name go into its role: "President Kassym-Jomart Tokayev", "Prime
  /// Minister X", and a country before a title ("US President Barack Obama").
  func takeTitles(_ parts: inout PhraseParts) {
    // ``EntityRule/modifierAloneIsNoTitle``: "Former Worldcom boss Bernie Ebbers", "Former
    // Arkansas Gov. Mike Huckabee": `Former` goes before the titles that follow it, and with
    // none it titles no one (what follows it is typed as if untitled).
    var modifiers: [Range<Int>] = []
    while rules.on(.modifierAloneIsNoTitle), parts.lower < parts.upper - 1,
      Self.titleModifiers.contains(hash(tokens[parts.lower].stem))
    {
      modifiers.append(tokens[parts.lower].stem)
      parts.lower += 1
    }
    defer { if !parts.role.isEmpty { parts.role.insert(contentsOf: modifiers, at: 0) } }
    if rules.on(.countryBeforeTitleIsRole), parts.upper - parts.lower >= 3,
      !WordLists.titles.contains(hash(tokens[parts.lower].stem)),
      WordLists.titles.contains(hash(tokens[parts.lower + 1].stem)),
      lexicon.firstNames[hash(tokens[parts.lower].stem)] == nil
    {
      parts.role.append(tokens[parts.lower].stem)
      parts.lower += 1
    }
    while parts.lower < parts.upper - 1 {
      let h = hash(tokens[parts.lower].stem)
      guard WordLists.titles.contains(h) || h == ScalarHash("Minister") else { break }
      parts.role.append(tokens[parts.lower].stem)
      parts.lower += 1
      // "Sen. Chuck Schumer": the title's full stop goes with it.
      if parts.lower < parts.upper - 1, tokens[parts.lower].kind == .punct, tokens[parts.lower].scalar(in: text) == "."
      {
        parts.lower += 1
      }
    }
  }

  /// Title words that only modify a title ("Former President"): alone they title no one.
  static let titleModifiers = WordLists.set("Former Acting Interim Veteran")

  /// A sentence-initial common word before a name goes ("Pensioner Aiman Ispolova", "Riot
  /// Police"); an agent noun becomes the role. One such word alone ("Trump", "Riot") is
  /// returned as a single word for the merge, which keeps it only as the surname of a person
  /// named in full or as a speaker's name.
  func dropSentenceInitialCommonWords(_ parts: inout PhraseParts) -> Candidate? {
    let first = tokens[parts.lower]
    guard parts.role.isEmpty, first.startsSentence || parts.upper - parts.lower == 1 || isCommonWordStart(parts.lower),
      isCommonWord(first), lexicon.firstNames[hash(first.stem)] == nil, gazetteerKind(parts.span) == nil
    else { return nil }
    if parts.upper - parts.lower == 1 {
      let r = tokens[parts.lower].range.lowerBound..<tokens[parts.lower].stem.upperBound
      return Candidate(tokens: parts.span, range: r, kind: .single)
    }
    if isAgentNoun(first) {
      parts.role.append(first.stem)
      parts.roleIsOccupation = true
    }
    parts.lower += 1
    while parts.lower < parts.upper, isCommonWord(tokens[parts.lower]),
      lexicon.firstNames[hash(tokens[parts.lower].stem)] == nil, gazetteerKind(parts.span) == nil,
      !hasOrganisationHead(parts.span), !hasPlaceHead(parts.span)
    {
      parts.lower += 1
    }
    return nil
  }

  /// ``EntityRule/nameBeforeCompoundModifier``: whether token `k`, one space after the
  /// phrase, is a capitalised compound modifier ("Island-based" in "Mercer Island-based",
  /// "Ireland-born" in "Northern Ireland-born"): the phrase is the start of the name the
  /// compound holds, no name of its own.
  func isBeforeCapitalisedCompound(_ k: Int) -> Bool {
    guard k >= 1, k < tokens.count else { return false }
    let t = tokens[k]
    return t.kind == .word && t.isCapitalised && t.block == tokens[k - 1].block
      && tokens[k - 1].kind == .word && !tokens[k - 1].isPossessive
      && tokens[k - 1].range.upperBound + 1 == t.range.lowerBound && isCompoundModifier(t)
  }

  /// ``EntityRule/titleNamesNoOne``: the titles taken off a phrase left only a title behind
  /// ("the Prime Minister’s adviser": "Minister" after "Prime"), which names no one.
  func isTitleLeftAlone(_ parts: PhraseParts) -> Bool {
    guard !parts.role.isEmpty, parts.lower < parts.upper else { return false }
    return parts.span.allSatisfy { k in
      tokens[k].kind == .word && WordLists.titles.contains(hash(tokens[k].stem))
    }
  }

  /// Phrases that name no one: an event ("the Berlin Open", "the Fed Cup": a one-word
  /// institution before the event's word names the event too), a people word alone, common
  /// words before a nationality ("Native American").
  func namesNoOne(_ span: Range<Int>) -> Bool {
    let (lower, upper) = (span.lowerBound, span.upperBound)
    // A first name alone ("Oscar", "Emmy") is left to the merge: it may be a person's.
    if rules.on(.eventNamesNoOne), Self.eventHeads.contains(hash(tokens[upper - 1].stem)),
      upper - lower >= 2 || lexicon.firstNames[hash(tokens[lower].stem)] == nil,
      !hasOrganisationHead(lower..<(upper - 1))
        || (upper - lower == 2 && Self.singleWordInstitutions.contains(hash(tokens[lower].stem)))
    {
      return true
    }
    if upper - lower == 1 && isPeopleWord(tokens[lower]) { return true }
    return rules.on(.nationalityNamesNoOne) && upper - lower >= 2
      && lexicon.demonyms.contains(hash(tokens[upper - 1].stem))
      && !(upper - lower == 2 && isWordSurname(lower + 1, afterFirstName: lower))
      && (lower..<(upper - 1)).allSatisfy({
        tokens[$0].isCapitalised && !WordLists.organisationHeads.contains(hash(tokens[$0].stem))
          && (isCommonWord(tokens[$0]) || Self.directions.contains(hash(tokens[$0].stem)))
      })
  }

  /// The first word past leading demonyms, follower words and directions before a demonym.
  func firstWordAfterDemonyms(_ span: Range<Int>) -> Int {
    var k = span.lowerBound
    let upper = span.upperBound
    while k < upper,
      lexicon.demonyms.contains(hash(tokens[k].stem)) || (isFollowerWord(tokens[k]) && k + 1 < upper)
        || (Self.directions.contains(hash(tokens[k].stem)) && k + 1 < upper
          && lexicon.demonyms.contains(hash(tokens[k + 1].stem)))
    {
      k += 1
    }
    return k
  }

  /// What one rule of ``EntityRule/phraseRules`` makes of a phrase; nil when it does not decide.
  func type(_ span: Range<Int>, range: Range<Int>, role: String?, by rule: EntityRule) -> Candidate? {
    func one(_ kind: Guess) -> Candidate { Candidate(tokens: span, range: range, kind: kind) }
    let first = tokens[span.lowerBound]
    let last = tokens[span.upperBound - 1]
    switch rule {
    case .loneGazetteerWordUndecided:
      return span.count == 1 && role == nil && gazetteerKind(span) != nil ? one(.single) : nil
    case .gazetteerPhrase:
      // A title before a town makes a person; before a country or a region it does not.
      guard let place = gazetteerKind(span), role == nil || place == .country || place == .region else { return nil }
      return one(.place)
    case .organisationHead:
      return typeByOrganisationHead(span, range: range)
    case .placeHead:
      return span.count > 1 && hasPlaceHead(span) && role == nil ? one(.place) : nil
    case .titledPerson:
      return role.map { candidate(tokens: span, range: range, kind: .person, role: $0) }
    case .oneWordLeftToMerge:
      return span.count == 1 ? one(.single) : nil
    case .digitsInName:
      return span.contains(where: { k in
        tokens[k].kind == .word && tokens[k].stem.contains { text[$0].isDigitLike }
      })
        ? one(.organisation) : nil
    case .acronymInName:
      return hasAcronymInside(span) ? one(.organisation) : nil
    case .firmSuffix:
      return isFirmName(span) || (span.count >= 2 && Self.legalForms.contains(hash(last.stem)))
        ? one(.organisation) : nil
    case .ampersandOrForeignArticle:
      let ampersand = span.contains { tokens[$0].kind == .punct && tokens[$0].scalar(in: text) == "&" }
      return ampersand || Self.foreignArticles.contains(hash(first.stem))
        || Self.foreignVenueWords.contains(hash(first.stem))
        ? one(.organisation) : nil
    case .placeInsideName:
      return hasPlaceInside(span) ? one(.organisation) : nil
    case .commonWordsAfterFirstName:
      // "Paris Motor Show", "What May Soon Exceed Cost": common words after a first name.
      return span.count >= 3 && span.dropFirst().allSatisfy({ isCommonWord(tokens[$0]) || isCommonPlural(tokens[$0]) })
        && lexicon.surnames[hash(last.stem)] == nil ? one(.organisation) : nil
    case .pluralNounLast:
      return isCommonPlural(last) && lexicon.surnames[hash(last.stem)] == nil ? one(.organisation) : nil
    case .knownFirstName:
      return lexicon.firstNames[hash(first.stem)] != nil ? one(.person) : nil
    case .commonWordsThroughout:
      let common = span.filter { isCommonWord(tokens[$0]) }.count
      return common == span.count || (span.count >= 3 && common * 2 > span.count) ? one(.organisation) : nil
    case .placePrefix:
      return Self.placePrefixes.contains(hash(first.stem)) ? one(.place) : nil
    case .commonWordLast:
      return (isCommonWord(last) || isCommonPlural(last)) && lexicon.surnames[hash(last.stem)] == nil
        ? one(.organisation) : nil
    default:
      return nil
    }
  }

  /// "Foreign Ministry", "NATO": an organisation word or an acronym; "US" and a dateline in
  /// capitals ("LIMA (AFP) -") are places.
  func typeByOrganisationHead(_ span: Range<Int>, range: Range<Int>) -> Candidate? {
    let first = tokens[span.lowerBound]
    let acronym = span.count == 1 && isAcronym(first)
    guard hasOrganisationHead(span) || acronym else { return nil }
    if acronym, gazetteerKind(span) != nil || (first.stem.count >= 4 && lexicon.places[titleCaseHash(first)] != nil) {
      return Candidate(tokens: span, range: range, kind: .place)
    }
    return Candidate(tokens: span, range: range, kind: .organisation)
  }

  /// An acronym among words that are not all capitals ("PlayStation VR", "HTC Vive"): no
  /// person's name holds one, post-nominal letters and Roman numerals aside.
  func hasAcronymInside(_ span: Range<Int>) -> Bool {
    guard span.count >= 2, !span.allSatisfy({ tokens[$0].isAllCaps }) else { return false }
    return span.contains { k in
      let t = tokens[k]
      guard t.kind == .word, t.isAllCaps || isPluralAcronym(t), t.stem.count >= 2 else { return false }
      let h = hash(t.stem)
      return !WordLists.postNominals.contains(h) && !Self.romanNumerals.contains(h)
        && !t.stem.contains(where: { text[$0] == "." })
    }
  }

  /// "GDRs", "ETFs": three capitals or more and a plural s.
  func isPluralAcronym(_ t: Token) -> Bool {
    let s = t.stem
    guard s.count >= 4, text[s.upperBound - 1] == "s" else { return false }
    return ((s.lowerBound)..<(s.upperBound - 1)).allSatisfy { text[$0].properties.isUppercase }
  }

  static let romanNumerals = WordLists.set("II III IV VI VII VIII IX XI XII XIII XIV XV XVI")

  /// A country or a large city inside a longer name, not first ("Air France", "Dynamo Moscow").
  func hasPlaceInside(_ span: Range<Int>) -> Bool {
    let first = tokens[span.lowerBound]
    guard lexicon.firstNames[hash(first.stem)] == nil else { return false }
    return span.dropFirst().contains {
      let h = hash(tokens[$0].stem)
      return (lexicon.places[h] == .country || (lexicon.bigCities.contains(h) && tokens[$0].stem.count >= 4))
        && (lexicon.surnames[h] == nil || isCommonWord(first))
    }
  }
}
