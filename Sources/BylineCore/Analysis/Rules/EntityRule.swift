/// The named rules that type the names of an article (person, place, organisation), each with
/// the example it exists for.
///
/// Like ``AttributionRule``, every rule can be switched off for one analysis
/// (``AnalysisRules``), so `byline eval --ablate RULE` and `--rule-gains` show what each adds
/// on the dev corpora. Each rule has a literal test (Tests/BylineCoreTests/EntityRuleTests):
/// its example, typed with the rule and without it.
///
/// Three ordered lists apply them: ``phraseRules`` type a capitalised phrase by its shape
/// (EntityRecognizer+Phrases), ``singleWordRules`` resolve a single capitalised word against
/// the rest of the article (EntityRecognizer+SingleWords), and ``articleRules`` correct a type
/// from evidence elsewhere in the article (EntityRecognizer+Merge). The first rule that
/// decides wins.
public enum EntityRule: String, CaseIterable, Sendable, Hashable {
  // Phrases: what is cut off before typing.
  case titleBeforeKnownFirstName = "title-before-known-first-name"
  case organisationBeforeTitle = "organisation-before-title"
  case countryBeforeTitleIsRole = "country-before-title-is-role"
  case polityOfPlace = "polity-of-place"
  case partyMemberOfAPlace = "party-member-of-a-place"
  case abbreviationFirstNameOfASpeaker = "abbreviation-first-name-of-a-speaker"
  case sentenceInitialCommonWordDropped = "sentence-initial-common-word-dropped"
  case numberBeforeAPluralName = "number-before-a-plural-name"
  case eventNamesNoOne = "event-names-no-one"
  case titleNamesNoOne = "title-names-no-one"
  case modifierAloneIsNoTitle = "modifier-alone-is-no-title"
  case titleBeforeACommonWord = "title-before-a-common-word"
  case nameBeforeCompoundModifier = "name-before-compound-modifier"
  case nationalityNamesNoOne = "nationality-names-no-one"
  case demonymBeforeNameDropped = "demonym-before-name-dropped"
  case demonymBeforeCommonWord = "demonym-before-common-word"
  case wordSurnameAfterFirstName = "word-surname-after-a-first-name"
  case partyLabelNamesNoOne = "party-label-names-no-one"
  // Phrases: typed by shape.
  case loneGazetteerWordUndecided = "lone-gazetteer-word-undecided"
  case gazetteerPhrase = "gazetteer-phrase"
  case organisationHead = "organisation-head"
  case placeHead = "place-head"
  case titledPerson = "titled-person"
  case digitsInName = "digits-in-name"
  case acronymInName = "acronym-in-name"
  case oneWordLeftToMerge = "one-word-left-to-merge"
  case firmSuffix = "firm-suffix"
  case ampersandOrForeignArticle = "ampersand-or-foreign-article"
  case placeInsideName = "place-inside-name"
  case pluralNounLast = "plural-noun-last"
  case knownFirstName = "known-first-name"
  case commonWordsThroughout = "common-words-throughout"
  case placePrefix = "place-prefix"
  case commonWordLast = "common-word-last"
  case quotedTitle = "quoted-title"
  case directionAlone = "direction-alone"
  case placeBeforeEventNoun = "place-before-event-noun"
  case legalFormStop = "legal-form-stop"
  case commonWordsAfterFirstName = "common-words-after-first-name"
  // Single words, against the article.
  case wordSurnameOfFullName = "word-surname-of-a-full-name"
  case stormName = "storm-name"
  case firmFirstWord = "firm-first-word"
  case capitalsDatelinePlace = "capitals-dateline-place"
  case sportsStatistic = "sports-statistic"
  case firstWordOfThing = "first-word-of-thing"
  case firstWordOfFullName = "first-word-of-full-name"
  case surnameOfFullName = "surname-of-full-name"
  case personWordElsewhere = "person-word-elsewhere"
  case adverbBeforeTheVerb = "adverb-before-the-verb"
  case gazetteerWord = "gazetteer-word"
  case capitalsAcronym = "capitals-acronym"
  case lastWordOfAnOrganisation = "last-word-of-an-organisation"
  case awardBeforeItsNoun = "award-before-its-noun"
  case speakingSingleWord = "speaking-single-word"
  case theBeforeAWordIsNoPerson = "the-before-a-word-is-no-person"
  case anBeforeAWordIsNoPerson = "an-before-a-word-is-no-person"
  case theBeforeACapitalisedWordIsNoSurname = "the-before-a-capitalised-word-is-no-surname"
  case misspeltSurname = "misspelt-surname"
  case knownSurname = "known-surname"
  case loneFirstName = "lone-first-name"
  case capitalisedCommonSurname = "capitalised-common-surname"
  case sportsTeamPlural = "sports-team-plural"
  case placeBeforeRegion = "place-before-region"
  case commonWordDropped = "common-word-dropped"
  // Evidence from the whole article.
  case placedSomewhere = "placed-somewhere"
  case sportsTownIsTeam = "sports-town-is-team"
  case sportsClubWithTown = "sports-club-with-town"
  case sameFirstAndLastWord = "same-first-and-last-word"
  // Evidence from the words around a name (EntityRecognizer+Evidence).
  case organisationNounAfter = "organisation-noun-after"
  case organisationNounBefore = "organisation-noun-before"
  case memberRoleAfter = "member-role-after"
  case pluralVerbAfterASingularName = "plural-verb-after-a-singular-name"
  case workNounBefore = "work-noun-before"

  /// Typing a phrase of capitalised words by its shape, in order.
  static let phraseRules: [EntityRule] = [
    .loneGazetteerWordUndecided, .gazetteerPhrase, .organisationHead, .placeHead, .titledPerson,
    .oneWordLeftToMerge, .digitsInName, .acronymInName, .firmSuffix,
    .ampersandOrForeignArticle,
    .placeInsideName,
    .pluralNounLast, .commonWordsAfterFirstName, .knownFirstName,
    .commonWordsThroughout, .placePrefix, .commonWordLast,
  ]

  /// Resolving a single capitalised word, in order; a word no rule decides is an organisation.
  static let singleWordRules: [EntityRule] = [
    .wordSurnameOfFullName, .stormName, .firmFirstWord,
    .capitalsDatelinePlace,
    .firstWordOfFullName, .surnameOfFullName, .personWordElsewhere, .gazetteerWord, .capitalsAcronym,
    .lastWordOfAnOrganisation, .awardBeforeItsNoun, .speakingSingleWord, .firstWordOfThing, .misspeltSurname,
    .theBeforeAWordIsNoPerson, .anBeforeAWordIsNoPerson,
    .knownSurname, .loneFirstName,
    .capitalisedCommonSurname, .sportsTeamPlural, .placeBeforeRegion, .commonWordDropped,
  ]

  /// One line: what the rule does, with its example.
  public var summary: String {
    switch self {
    case .titleBeforeKnownFirstName:
      return "a title then a known first name: what goes before is the role: `US District Judge Alan R. Whitcombe`"
    case .organisationBeforeTitle:
      return
        "an organisation named in a role before its title is named too: `Federal Reserve Governor Lawrence Lindsey`"
    case .polityOfPlace:
      return "a state's word, `of` and a known place name a place: `the Federal Republic of Yugoslavia`"
    case .partyMemberOfAPlace:
      return
        "a determiner, a place and a party's member describe someone, the place alone a place: `Mr. Warner, the Virginia Democrat, called`"
    case .abbreviationFirstNameOfASpeaker:
      return
        "a month's abbreviation that is a first name stays in a speaker's name: `“It was seen as rote,” said Mar Hicks, a historian`"
    case .countryBeforeTitleIsRole: return "a country before a title goes into the role: `US President Barack Obama`"
    case .sentenceInitialCommonWordDropped:
      return "a sentence-initial common word before a name goes: `Pensioner Aiman Ispolova`"
    case .numberBeforeAPluralName:
      return "a number word inside a sentence before a capitalised plural is part of the name: `the Six Nations`"
    case .eventNamesNoOne: return "a phrase ending in an event word names no one: `Berlin Marathon Cup`, `Fed Cup`"
    case .modifierAloneIsNoTitle:
      return "`Former` or `Acting` alone before a name titles no one: `Former Worldcom boss Bernie Ebbers`"
    case .titleNamesNoOne:
      return "a title left alone once titles are taken off names no one: `the Prime Minister’s adviser`"
    case .titleBeforeACommonWord:
      return "a title before one common word that is no one's name names no one: `the General Election`"
    case .nameBeforeCompoundModifier:
      return "a word before a capitalised compound modifier is part of its name: `Mercer Island-based`"
    case .theBeforeACapitalisedWordIsNoSurname:
      return "a common word capitalised mid-sentence is no surname once written after `the`: `the Commons`"
    case .anBeforeAWordIsNoPerson:
      return "a word alone after `a` or `an` is a thing, no one's name: `won an Oscar in 1973`"
    case .theBeforeAWordIsNoPerson:
      return "a word alone after `the`, no organisation noun after it, names no one: `the Pou, a tribal identifier`"
    case .sameFirstAndLastWord:
      return
        "full names sharing first and last words are one person: `Te Kaurinui Robert Parata ... Te Kaurinui Parata`"
    case .demonymBeforeCommonWord:
      return "a demonym before one common word names a thing, not a person: `the Arab Spring`, `British Airways`"
    case .digitsInName: return "a name with digits is a thing, not a person: `Page A22`, `Royal McBee LGP-30`"
    case .acronymInName:
      return "a name with an acronym in it is a product or a firm, not a person: `PlayStation VR`, `HTC Vive`"
    case .nationalityNamesNoOne: return "common words before a nationality name no one: `Native American`"
    case .demonymBeforeNameDropped: return "a demonym before a name goes: `Kazakh President Tokayev`"
    case .loneGazetteerWordUndecided: return "a lone gazetteer word can be a surname, the merge decides: `Paris`"
    case .gazetteerPhrase: return "a phrase the gazetteer knows is a place: `Central Asia`"
    case .organisationHead:
      return "an organisation word makes an organisation, an acronym too: `Foreign Ministry`, `NATO`"
    case .placeHead: return "a place word last makes a place: `Almaty Region`"
    case .titledPerson: return "a phrase after a title is a person: `Prime Minister Jane Doe`"
    case .oneWordLeftToMerge: return "one word left is resolved against the article: `Keane`"
    case .firmSuffix: return "a company word last names a firm: `Ruch SA`"
    case .ampersandOrForeignArticle:
      return "an ampersand or a foreign article names a firm or a title: `Douglas & Lomason`, `Der Spiegel`"
    case .placeInsideName:
      return "a country or large city inside a longer name makes a firm or club: `Air France`, `Dynamo Moscow`"
    case .pluralNounLast: return "a plural common noun last names a firm: `Papadakis Homes`"
    case .knownFirstName: return "a known first name first makes a person: `Moira Keane`"
    case .commonWordsThroughout:
      return "common words throughout name an organisation or a title: `Supreme Court`, `Live Story`"
    case .placePrefix: return "a place word first makes a place: `Port Ellery`, `Lake Vostok`"
    case .commonWordLast: return "a common word last names a thing, not a person: `Savannah Ventures`"
    case .stormName: return "a storm's name alone is no person: `Storm Imelda ... Imelda`"
    case .firmFirstWord: return "a firm named in full is named after by its first word: `Magna International ... Magna`"
    case .capitalsDatelinePlace: return "a place in capitals is a place: `CHENNAI (AP) -`"
    case .commonWordsAfterFirstName:
      return "two or more common words after a first name name a thing: `the Paris Motor Show`"
    case .firstWordOfThing:
      return "the first word of a thing named in full is no surname: `the Apple Vision Pro ... Apple has partnered`"
    case .sportsStatistic: return "in a sports report a game's statistic is no organisation: `two RBI`"
    case .quotedTitle: return "a name filling a quotation in title case is a title: `“Battlestar Galactica” ended`"
    case .directionAlone: return "a compass point alone after `the` is a region: `seized by the South`"
    case .placeBeforeEventNoun: return "a place before a contest's noun names the contest: `the Wimbledon semifinals`"
    case .legalFormStop: return "an abbreviated legal form keeps its full stop: `Norwest Corp.`"
    case .organisationNounAfter:
      return
        "a lowercase organisation noun after a name makes a firm: `the Manu Taupunga group`, `Con Edison officials`"
    case .memberRoleAfter:
      return "a team's or firm's role after a name makes an organisation: `Chelsea boss Jose Mourinho`"
    case .pluralVerbAfterASingularName:
      return "a singular name before a plural verb is a team or a firm: `Chelsea have won`, not `Blair and Brown have`"
    case .organisationNounBefore:
      return "a lowercase organisation noun before a name makes a firm: `the whale rescue group Project Jonah`"
    case .workNounBefore: return "a work or product noun before a name makes no one: `the board game Simon`"
    case .sportsClubWithTown: return "in a sports report a name ending in a town is a club: `Lada Togliatti`"
    case .firstWordOfFullName: return "the first word of one full name is that person: `Park Min-ji ... Park argued`"
    case .partyLabelNamesNoOne:
      return "a party and state in brackets after a name names no one: `Sen. Harry Reid (D-Nev.) said`"
    case .wordSurnameAfterFirstName:
      return "a month, a modal or a nationality after a first name is a surname: `Theresa May`, `Mark Cuban`"
    case .wordSurnameOfFullName:
      return "such a surname alone where a name stands is that person: `Theresa May ... \"...,\" May said`"
    case .surnameOfFullName: return "the last word of a full name is that person: `Moira Keane ... Keane`"
    case .personWordElsewhere:
      return "a word a title makes a person elsewhere is that person: `President Obama ... the Obama administration`"
    case .adverbBeforeTheVerb:
      return
        "an adverb or a negation may stand between such a word opening its sentence and its verb: `Gordon Brown ... Brown later told`, `Hale didn’t seem`"
    case .gazetteerWord: return "a word the gazetteer knows is a place, a small city that speaks a person: `in Paris`"
    case .capitalsAcronym: return "a word in capitals is an acronym, never a person: `WHO said`"
    case .lastWordOfAnOrganisation:
      return
        "the last word of an organisation named in full names no person: `Aston Villa ... Villa`, `House of Commons ... Commons`"
    case .awardBeforeItsNoun:
      return "a word before an award's noun names no one: `Oscar nominations ... the Oscar for best film`"
    case .speakingSingleWord: return "a word that speaks is a person, a group or a firm: `Gartner said`, `MPs said`"
    case .misspeltSurname: return "a one-letter misspelling of a known surname is that person: `Tokayev ... Tokaev`"
    case .knownSurname: return "a surname people bear that is no English word is a person: `Oshiro`"
    case .loneFirstName: return "a first name alone is a person: `His mother, Odile,`"
    case .capitalisedCommonSurname:
      return "a common word capitalised mid-sentence twice and never in lowercase is a surname: `Dole`"
    case .sportsTeamPlural: return "a plural in a sports report is a team: `the Cardinals`"
    case .placeBeforeRegion: return "a word before a comma and a state is a place: `in Boulder, Colorado`"
    case .commonWordDropped: return "a capitalised common word left over names nothing: `Harbour`"
    case .placedSomewhere: return "an unknown word placed once is a place everywhere: `the town of Tavildara`"
    case .sportsTownIsTeam: return "in a sports report a town or county is a team: `Leicestershire beat Somerset`"
    }
  }
}
