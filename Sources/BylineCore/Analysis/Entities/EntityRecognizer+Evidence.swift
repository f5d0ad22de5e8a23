/// Types decided by the words around a name rather than by its shape: a lowercase noun before
/// or after it ("the rescue group Project Jonah", "Con Edison officials"), "which" after it,
/// a quotation it fills, a kinship noun before it. Each pass is a named ``EntityRule``; a
/// name typed an organisation by its context is one in every mention of the article.
extension EntityRecognizer {
  /// Applies the context rules to the typed candidates, before single words are resolved.
  func applyContextRules(_ candidates: inout [Candidate]) {
    if rules.on(.workNounBefore) {
      candidates.removeAll { c in !c.hasRole && !c.speaks && isAfterWorkNoun(c.tokens.lowerBound) }
    }
    var firms: Set<ScalarHash> = []
    for c in candidates where c.kind == .person || c.kind == .single || c.kind == .organisation {
      // A common word alone is a firm only by a publication's noun: "Britain's Sun newspaper".
      guard !c.hasRole, !c.speaks, c.tokens.count <= 4, lexicon.places[hash(tokens: c.tokens)] == nil,
        c.tokens.count > 1 || !isNoName(tokens[c.tokens.lowerBound])
          || (rules.on(.organisationNounAfter) && !lexicon.demonyms.contains(hash(tokens[c.tokens.lowerBound].stem))
            && isBeforeLowercase(c.tokens.upperBound, in: Self.publicationNouns))
      else { continue }
      if rules.on(.organisationNounAfter), isBeforeOrganisationNoun(c.tokens.upperBound) {
        firms.insert(hash(tokens: c.tokens))
      } else if rules.on(.memberRoleAfter), isBeforeLowercase(c.tokens.upperBound, in: Self.memberRolesAfter) {
        firms.insert(hash(tokens: c.tokens))
      } else if rules.on(.pluralVerbAfterASingularName), c.tokens.count == 1,
        isSingularBeforePluralVerb(c.tokens.lowerBound)
      {
        firms.insert(hash(tokens: c.tokens))
      } else if rules.on(.organisationNounBefore), isAfterOrganisationNoun(c.tokens.lowerBound),
        c.tokens.count == 1 || lexicon.firstNames[hash(tokens[c.tokens.lowerBound].stem)] == nil
      {
        firms.insert(hash(tokens: c.tokens))
      } else if rules.on(.organisationNounBefore), c.tokens.count == 1,
        isAfterLowercase(c.tokens.lowerBound, in: Self.analystNouns)
      {
        // "according to analysts Gartner"; "analyst Peter-Thilo Halser" is a person.
        firms.insert(hash(tokens: c.tokens))
      }
    }
    guard !firms.isEmpty else { return }
    for i in candidates.indices
    where (candidates[i].kind == .person || candidates[i].kind == .single) && !candidates[i].hasRole
      && firms.contains(hash(tokens: candidates[i].tokens))
      && (candidates[i].tokens.count > 1 || !isNoName(tokens[candidates[i].tokens.lowerBound])
        || !tokens[candidates[i].tokens.lowerBound].startsSentence)
    {
      candidates[i].kind = .organisation
    }
  }

  /// A word alone that names no firm by itself: a common word ("Union", "Government"), a
  /// demonym ("French officials"), a people ("Islam").
  func isNoName(_ t: Token) -> Bool {
    isCommonWord(t) || lexicon.demonyms.contains(hash(t.stem)) || isPeopleWord(t)
  }

  /// Lowercase nouns after a name that make it an organisation: "the Manu Taupunga group",
  /// "the D.A. Davidson brokerage", "Con Edison officials", "Zycie Warszawy daily said".
  static let organisationNounsAfter = WordLists.set(
    """
    group company firm brokerage bank hospital police university college museum club team
    agency network newspaper magazine foundation institute charity airline chain retailer
    officials official workers worker employees employee spokesman spokeswoman spokesperson
    executives executive shareholders customers engineers staff headquarters subsidiary
    daily weekly owner franchise
    """)

  /// Lowercase roles in a team or a firm after its name (``EntityRule/memberRoleAfter``):
  /// "Chelsea boss Jose Mourinho", "Blackburn midfielder", "Gartner analyst"; no word that
  /// follows a person's name too ("fans", "supporters", "aide").
  static let memberRolesAfter = WordLists.set(
    """
    boss bosses manager chairman coach captain skipper striker strikers midfielder defender
    defenders goalkeeper keeper winger side squad players chief analyst analysts
    """)

  /// Verbs that agree with a plural subject, after which a singular name is a team or a firm
  /// ("Chelsea have", "Siemens were"): British English makes them plural.
  static let pluralVerbs = WordLists.set("have are were")

  /// Words before a name that make a plural verb after it no sign of a group: a list ("Blair
  /// and Brown have"), a question or a modal ("would Blair have"), a causative ("let Blair
  /// have"), a preposition whose object the name is ("versions of Cabir are": the verb agrees
  /// with the head noun).
  static let beforeSharedSubject = WordLists.set(
    """
    and or nor & would could should will might must may can shall did does do let make made help
    of in at for with from by to on about into over under like than
    """)

  /// ``EntityRule/pluralVerbAfterASingularName``: whether the single word at `k`, no plural
  /// and no possessive, stands as a subject before a plural verb ("Chelsea have won", "Blackburn
  /// are"), not in a list and not after a modal; not "were to" ("if Blair were to go").
  func isSingularBeforePluralVerb(_ k: Int) -> Bool {
    let t = tokens[k]
    guard !t.isPossessive, !t.isAllCaps, text[t.stem.upperBound - 1] != "s", k + 1 < tokens.count,
      isBeforeLowercase(k + 1, in: Self.pluralVerbs)
    else { return false }
    if hash(tokens[k + 1].range) == ScalarHash("were"), k + 2 < tokens.count,
      hash(tokens[k + 2].range) == ScalarHash("to")
    {
      return false
    }
    guard k >= 1, tokens[k - 1].block == t.block else { return true }
    let before = tokens[k - 1]
    if before.kind == .punct { return before.scalar(in: text) != "," }
    // "let daughter Ivanka have", "striker Smith are": a person's noun before the name.
    if isAfterLowercase(k, in: Self.personNounsBefore) || isAfterLowercase(k, in: Self.kinNouns) { return false }
    // "people who like Robbie are": the object of a relative clause's verb.
    if k >= 2, !before.isCapitalised, tokens[k - 2].kind == .word,
      SpeechAttributor.relativePronouns.contains(lowerHash(tokens[k - 2]))
    {
      return false
    }
    return !Self.beforeSharedSubject.contains(lowerHash(before))
  }

  /// Family nouns before a name: "daughter Ivanka", "his wife Cherie".
  static let kinNouns = WordLists.set("daughter son wife husband brother sister mother father")

  /// Nouns of a publication, after which even a common word names one: "the Sun newspaper".
  static let publicationNouns = WordLists.set("newspaper magazine daily weekly tabloid broadsheet")

  /// Lowercase nouns before a name that make it an organisation: "the airport operator
  /// Isavia", "the whale rescue group Project Jonah", "the brokerage D.A. Davidson".
  static let organisationNounsBefore = WordLists.set(
    """
    company firm operator airline chipmaker carmaker automaker start-up startup insurer
    retailer lender broadcaster publisher manufacturer developer conglomerate supermarket
    fintech subsidiary distributor wholesaler miner shipper group brokerage charity
    organisation organization newspaper network
    """)

  /// Nouns before a single word that make it a firm of analysts: "analyst Gartner", "according
  /// to analysts Nielsen" (before a full name, a person's role: "analyst Peter-Thilo Halser").
  static let analystNouns = WordLists.set("analyst analysts")

  /// Lowercase nouns before a name that make it a work or a product, no one's name: "the
  /// board game Simon", "the film Jane Eyre", "the app Signal".
  static let workNouns = WordLists.set(
    """
    game games film films movie movies book books novel novels album albums song songs show
    shows series sitcom programme program app apps magazine podcast franchise brand headset
    console play musical opera painting sculpture
    """)

  /// Lowercase roles before a name: "winger Gianluigi Lentini" is a player, not a club
  /// (RoleReader's role nouns and these).
  static let personNounsBefore: Set<ScalarHash> = RoleReader.roleNouns.union(
    WordLists.set(
      """
      premier king queen prince princess dictator general colonel senator striker winger
      midfielder defender goalkeeper forward batsman bowler pitcher champion
      """))

  /// Whether the lowercase word right before token `k`, in the same block and not a
  /// possessive, is one of `nouns`.
  func isAfterLowercase(_ k: Int, in nouns: Set<ScalarHash>) -> Bool {
    guard k >= 1 else { return false }
    let before = tokens[k - 1]
    return before.kind == .word && !before.isCapitalised && !before.isPossessive && before.block == tokens[k].block
      && before.range.upperBound + 1 == tokens[k].range.lowerBound && nouns.contains(hash(before.range))
  }

  /// ``EntityRule/organisationNounAfter``: "the Manu Taupunga group", "Con Edison officials".
  func isBeforeOrganisationNoun(_ k: Int) -> Bool { isBeforeLowercase(k, in: Self.organisationNounsAfter) }

  /// ``EntityRule/organisationNounBefore``: "the whale rescue group Project Jonah".
  func isAfterOrganisationNoun(_ k: Int) -> Bool { isAfterLowercase(k, in: Self.organisationNounsBefore) }

  /// ``EntityRule/workNounBefore``: "the board game Simon".
  func isAfterWorkNoun(_ k: Int) -> Bool { isAfterLowercase(k, in: Self.workNouns) }

  /// ``EntityRule/quotedTitle``: whether the phrase fills a quotation written in title case,
  /// the name of a work or a sign ("“Battlestar Galactica” ended", "“Until Dawn: Rush of
  /// Blood”"): every word between the marks capitalised or a short connector.
  func fillsTitleCaseQuote(_ span: Range<Int>) -> Bool {
    let block = tokens[span.lowerBound].block
    var k = span.lowerBound - 1
    var words = 0
    while k >= 0, tokens[k].block == block, words < 12 {
      let t = tokens[k]
      if t.kind == .punct {
        if Self.openingMarks.contains(t.scalar(in: text)) { break }
        guard Self.titlePunctuation.contains(t.scalar(in: text)) else { return false }
      } else {
        guard t.isCapitalised || Self.titleConnectors.contains(hash(t.range)) else { return false }
        words += 1
      }
      k -= 1
    }
    // An opening mark has the quotation's first word right after it: `" Bush: "` is a close.
    guard k >= 0, tokens[k].block == block, tokens[k].kind == .punct,
      Self.openingMarks.contains(tokens[k].scalar(in: text)),
      tokens[k].range.upperBound == tokens[k + 1].range.lowerBound
    else { return false }
    let opening = tokens[k].scalar(in: text)
    k = span.upperBound
    // "‘Skylanders Imaginators’": a closing single mark after an s is read as a plural possessive.
    if opening == "‘", text[tokens[k - 1].range.upperBound - 1] == "’" { return true }
    words = 0
    while k < tokens.count, tokens[k].block == block, words < 12 {
      let t = tokens[k]
      if t.kind == .punct {
        if Self.closingMarks.contains(t.scalar(in: text)) {
          return t.range.lowerBound == tokens[k - 1].range.upperBound
        }
        guard Self.titlePunctuation.contains(t.scalar(in: text)) || ",.!?".unicodeScalars.contains(t.scalar(in: text))
        else {
          return false
        }
      } else {
        guard t.isCapitalised || Self.titleConnectors.contains(hash(t.range)) else { return false }
        words += 1
      }
      k += 1
    }
    return false
  }

  static let openingMarks: Set<Unicode.Scalar> = ["“", "\"", "‘", "«", "„"]
  static let closingMarks: Set<Unicode.Scalar> = ["”", "\"", "’", "»", "“"]
  static let titlePunctuation: Set<Unicode.Scalar> = [":", "-", "–", "&", "'", "’"]
  static let titleConnectors = WordLists.set("of the a an and or to in on for at by with from vs")
}
