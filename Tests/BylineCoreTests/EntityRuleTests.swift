import Testing

@testable import BylineCore

/// Every entity rule on its own example: the name typed with every rule, and typed otherwise
/// with that one rule switched off, so each test shows what its rule decides.
@Suite("Entity rules, each on its example")
struct EntityRuleTests {
  /// A rule's example: an article body, a name as written, its type with every rule and
  /// without the rule ("none": no entity has that mention).
  struct Example: CustomTestStringConvertible, Sendable {
    let rule: EntityRule
    let body: String
    let mention: String
    let with: String
    let without: String
    /// Compare the kind and the name of the entity the mention joins: for a rule that groups.
    var byName = false
    var testDescription: String { rule.rawValue }
  }

  static let sportsReport = """
    Leicestershire beat Somerset by six wickets in the final match of the season on Saturday, \
    and the Cardinals beat the Braves at home. The home side scored quickly in their innings \
    and the bowlers took early wickets, while the visitors lost their captain before lunch and \
    never recovered in the match that followed at the ground.
    """

  static let examples: [Example] = [
    Example(
      rule: .titleBeforeKnownFirstName, body: "On Friday US District Judge Alan R. Whitcombe ruled against the city.",
      mention: "Alan R. Whitcombe", with: "person", without: "none"),
    Example(
      rule: .organisationBeforeTitle, body: "On Friday Federal Reserve Governor Lawrence Lindsey spoke.",
      mention: "Federal Reserve", with: "organisation", without: "none"),
    Example(
      rule: .countryBeforeTitleIsRole, body: "On Friday US Senator Warnock voted against the bill.", mention: "Warnock",
      with: "person", without: "none"),
    Example(
      rule: .partyMemberOfAPlace, body: "Mr. Warner, the Virginia Democrat, voted against the bill.",
      mention: "Virginia Democrat", with: "none", without: "person"),
    Example(
      rule: .abbreviationFirstNameOfASpeaker,
      body: "\u{201C}It was seen as rote,\u{201D} said Mar Hicks, a historian at the institute.",
      mention: "Mar Hicks", with: "person", without: "none"),
    Example(
      rule: .wordSurnameAfterFirstName, body: "The prime minister, Theresa May, spoke on Monday.",
      mention: "Theresa May", with: "person", without: "none"),
    Example(
      rule: .wordSurnameAfterFirstName, body: "The owner, Mark Cuban, spoke on Monday.",
      mention: "Mark Cuban", with: "person", without: "none"),
    Example(
      rule: .partyLabelNamesNoOne, body: "Sen. Harry Reid (D-Nev.) said the bill was dead.",
      mention: "D-Nev", with: "none", without: "organisation"),
    Example(
      rule: .partyLabelNamesNoOne, body: "A poll put Sen. Ted Cruz, R-Texas, at 12 percent on Monday.",
      mention: "R-Texas", with: "none", without: "organisation"),
    Example(
      rule: .wordSurnameOfFullName,
      body: "Theresa May spoke on Monday. \u{201C}We will win,\u{201D} May said.",
      mention: "May", with: "person: Theresa May", without: "none", byName: true),
    Example(
      rule: .sentenceInitialCommonWordDropped, body: "Pensioner Aiman Ispolova was afraid of the winter.",
      mention: "Aiman Ispolova", with: "person", without: "none"),
    Example(
      rule: .eventNamesNoOne, body: "She won the Berlin Open last year.", mention: "Berlin Open", with: "none",
      without: "organisation"),
    Example(
      rule: .titleNamesNoOne, body: "The Prime Minister’s adviser resigned on Monday.", mention: "Minister",
      with: "none", without: "person"),
    Example(
      rule: .titleBeforeACommonWord, body: "They will vote in the General Election next year.", mention: "Election",
      with: "none", without: "person"),
    Example(
      rule: .nameBeforeCompoundModifier, body: "He runs his Kowalczyk Island-based company with his son.",
      mention: "Kowalczyk", with: "none", without: "person"),
    Example(
      rule: .theBeforeACapitalisedWordIsNoSurname,
      body: "Lawmakers met in the Commons on Monday. The vote failed, and Commons staff left.", mention: "Commons",
      with: "none", without: "person"),
    Example(
      rule: .anBeforeAWordIsNoPerson, body: "He won an Oscar in 1973 for the role.", mention: "Oscar",
      with: "none", without: "person"),
    Example(
      rule: .theBeforeAWordIsNoPerson, body: "They carved the Pou in the shed on Monday.", mention: "Pou",
      with: "none", without: "person"),
    Example(
      rule: .sameFirstAndLastWord,
      body: "Hori Parata came first. His son, Te Kaurinui Robert Parata, helped. Later Te Kaurinui Parata spoke.",
      mention: "Te Kaurinui Parata", with: "person: Te Kaurinui Robert Parata",
      without: "person: Te Kaurinui Parata", byName: true),
    Example(
      rule: .nationalityNamesNoOne, body: "Leaders of the Native American community met on Monday.",
      mention: "Native American", with: "none", without: "person"),
    Example(
      rule: .demonymBeforeNameDropped, body: "The veteran Kazakh Nursultan Nazarbayev ruled for decades.",
      mention: "Nursultan Nazarbayev", with: "person", without: "none"),
    Example(
      rule: .demonymBeforeCommonWord, body: "Protests spread in the Arab Spring of that year.", mention: "Arab Spring",
      with: "organisation", without: "none"),
    Example(
      rule: .digitsInName, body: "A copy of Page A22 was torn.", mention: "Page A22", with: "organisation",
      without: "person"),
    Example(
      rule: .acronymInName, body: "She played on a PlayStation VR at home.", mention: "PlayStation VR",
      with: "organisation", without: "person"),
    Example(
      rule: .loneGazetteerWordUndecided, body: "On Monday Lincoln said the plan would fail.", mention: "Lincoln",
      with: "person", without: "place"),
    Example(
      rule: .gazetteerPhrase, body: "Officials from Central Asia met on Monday.", mention: "Central Asia",
      with: "place", without: "person"),
    Example(
      rule: .organisationHead, body: "A statement from Zarkovia Church came late.", mention: "Zarkovia Church",
      with: "organisation", without: "person"),
    Example(
      rule: .placeHead, body: "Floods hit the Almaty Region on Monday.", mention: "Almaty Region", with: "place",
      without: "organisation"),
    Example(
      rule: .titledPerson, body: "On Monday Prime Minister Zhakypov resigned.", mention: "Zhakypov", with: "person",
      without: "organisation"),
    Example(
      rule: .oneWordLeftToMerge, body: "On Monday Zarkovia said prices would fall.", mention: "Zarkovia",
      with: "organisation", without: "person"),
    Example(
      rule: .firmSuffix, body: "On Monday Ruch Bancorp reported a loss.", mention: "Ruch Bancorp", with: "organisation",
      without: "person"),
    Example(
      rule: .ampersandOrForeignArticle, body: "A report by Douglas & Lomason came out.", mention: "Douglas & Lomason",
      with: "organisation", without: "person"),
    Example(
      rule: .placeInsideName, body: "On Monday Air France cancelled flights.", mention: "Air France",
      with: "organisation", without: "person"),
    Example(
      rule: .pluralNounLast, body: "The estate was built by Gordon Ventures last year.", mention: "Gordon Ventures",
      with: "organisation", without: "person"),
    Example(
      rule: .knownFirstName, body: "The neighbours of Summer Wells were afraid.", mention: "Summer Wells",
      with: "person", without: "organisation"),
    Example(
      rule: .commonWordsThroughout, body: "They joined Bright Future Zarkovia last year.",
      mention: "Bright Future Zarkovia", with: "organisation", without: "person"),
    Example(
      rule: .placePrefix, body: "The ferry to Port Ellery was late.", mention: "Port Ellery", with: "place",
      without: "person"),
    Example(
      rule: .commonWordLast, body: "He ran the Berlin Marathon twice.", mention: "Berlin Marathon",
      with: "organisation", without: "person"),
    Example(
      rule: .stormName, body: "Storm Imelda hit the coast on Monday. By night Imelda had brought floods.",
      mention: "Imelda", with: "none", without: "person"),
    Example(
      rule: .firmFirstWord, body: "Magna International Inc reported a loss. Later Magna cut jobs.", mention: "Magna",
      with: "organisation", without: "place"),
    Example(
      rule: .capitalsDatelinePlace, body: "CHENNAI (AP) - Floods closed the schools on Monday.", mention: "CHENNAI",
      with: "place", without: "organisation"),
    Example(
      rule: .polityOfPlace, body: "Envoys of the Federal Republic of Yugoslavia met on Monday.",
      mention: "Federal Republic of Yugoslavia", with: "place", without: "organisation"),
    Example(
      rule: .quotedTitle, body: "Fans still miss “Battlestar Galactica” on Fridays.", mention: "Battlestar Galactica",
      with: "none", without: "person"),
    Example(
      rule: .directionAlone, body: "He was seized by the South during the war.", mention: "South", with: "place",
      without: "none"),
    Example(
      rule: .placeBeforeEventNoun, body: "He lost in the Wimbledon semifinals last year.", mention: "Wimbledon",
      with: "none", without: "place"),
    Example(
      rule: .legalFormStop, body: "Shares of Norwest Corp. rose on Monday.", mention: "Norwest Corp.",
      with: "organisation", without: "none"),
    Example(
      rule: .organisationNounAfter, body: "She joined the Manu Taupunga group last year.", mention: "Manu Taupunga",
      with: "organisation", without: "person"),
    Example(
      rule: .organisationNounBefore, body: "Help came from the whale rescue group Project Jonah on Monday.",
      mention: "Project Jonah", with: "organisation", without: "person"),
    Example(
      rule: .workNounBefore, body: "They played the board game Simon all night.", mention: "Simon", with: "none",
      without: "person"),
    Example(
      rule: .sportsStatistic, body: sportsReport + " Thomas drove in three runs and had two RBI.", mention: "RBI",
      with: "none", without: "organisation"),
    Example(
      rule: .commonWordsAfterFirstName, body: "He showed the car at the Paris Motor Show in 1910.",
      mention: "Paris Motor Show", with: "organisation", without: "person"),
    Example(
      rule: .firstWordOfThing,
      body: "I tried my Apple Vision Pro yesterday. Later Apple shipped it, and Apple sold many.",
      mention: "Apple", with: "organisation", without: "person"),
    Example(
      rule: .sportsClubWithTown, body: sportsReport + " On Sunday Zarko Coruna lost at home.", mention: "Zarko Coruna",
      with: "organisation", without: "person"),
    Example(
      rule: .firstWordOfFullName, body: "On Monday Park Min-ji arrived. Park argued that the plan would fail.",
      mention: "Park", with: "person", without: "none"),
    Example(
      rule: .surnameOfFullName, body: "Peter Brown arrived on Monday. Brown argued that the plan would fail.",
      mention: "Brown", with: "person", without: "none"),
    Example(
      rule: .personWordElsewhere,
      body: "Critics of the Obama administration met on Monday. President Obama arrived later.",
      mention: "Obama", with: "person", without: "place"),
    Example(
      rule: .adverbBeforeTheVerb, body: "Peter Brown arrived on Monday. Brown later told reporters he would stay.",
      mention: "Brown", with: "person", without: "none"),
    Example(
      rule: .gazetteerWord, body: "They flew to Paris on Monday.", mention: "Paris", with: "place", without: "person"),
    Example(
      rule: .capitalsAcronym, body: "A report by the WHO came out yesterday.", mention: "WHO", with: "organisation",
      without: "none"),
    Example(
      rule: .speakingSingleWord, body: "On Monday Brown said the plan would fail.", mention: "Brown", with: "person",
      without: "none"),
    Example(
      rule: .misspeltSurname, body: "Nursultan Nazarbayev ruled for decades. A cousin of Nazerbayev lost influence.",
      mention: "Nazerbayev", with: "person", without: "organisation"),
    Example(
      rule: .knownSurname, body: "A letter from Kowalczyk arrived on Monday.", mention: "Kowalczyk", with: "person",
      without: "organisation"),
    Example(
      rule: .loneFirstName, body: "His mother, Odile, arrived on Monday.", mention: "Odile", with: "person",
      without: "organisation"),
    Example(
      rule: .capitalisedCommonSurname, body: "The campaign of Dole grew all year, and in the end Dole won the vote.",
      mention: "Dole", with: "person", without: "none"),
    Example(rule: .sportsTeamPlural, body: sportsReport, mention: "Cardinals", with: "organisation", without: "none"),
    Example(
      rule: .placeBeforeRegion, body: "The trains in Boulder, Colorado, were late.", mention: "Boulder", with: "place",
      without: "none"),
    Example(
      rule: .commonWordDropped, body: "They said Castle was closed on Monday.", mention: "Castle", with: "none",
      without: "organisation"),
    Example(
      rule: .placedSomewhere, body: "The road to the town of Tavildara was closed. Tavildara was quiet.",
      mention: "Tavildara", with: "place", without: "organisation"),
    Example(
      rule: .sportsTownIsTeam, body: sportsReport, mention: "Leicestershire", with: "organisation", without: "place"),
    Example(
      rule: .numberBeforeAPluralName,
      body: "England play Ireland in the Six Nations on Saturday, with the Six Nations title at stake.",
      mention: "Six Nations", with: "organisation", without: "none"),
    Example(
      rule: .memberRoleAfter, body: "The Chelsea boss was pleased on Sunday. He said Chelsea played well.",
      mention: "Chelsea", with: "organisation", without: "person"),
    Example(
      rule: .pluralVerbAfterASingularName, body: "On Sunday Chelsea have won the league for a second season.",
      mention: "Chelsea", with: "organisation", without: "person"),
    Example(
      rule: .lastWordOfAnOrganisation, body: "Shares in Marks & Spencer rose on Monday. Spencer said sales grew.",
      mention: "Spencer", with: "organisation", without: "person"),
    Example(
      rule: .organisationNounBefore, body: "Sales rose, according to analysts Gartner. Gartner expects more growth.",
      mention: "Gartner", with: "organisation", without: "person"),
    Example(
      rule: .ampersandOrForeignArticle, body: "England lost to France at the Stade de France on Saturday.",
      mention: "Stade de France", with: "organisation", without: "person"),
    Example(
      rule: .modifierAloneIsNoTitle, body: "Former Worldcom boss Bernie Ebbers was in court on Monday.",
      mention: "Worldcom", with: "organisation", without: "person"),
    Example(
      rule: .awardBeforeItsNoun, body: "The film has six Oscar nominations and may win the Oscar for best picture.",
      mention: "Oscar", with: "none", without: "person"),
  ]

  /// What ``EntityRule/awardBeforeItsNoun`` leaves alone: a name that speaks in the article
  /// (without that guard both mentions go).
  @Test func awardNounLeavesASpeaker() {
    let body = "A Christie nomination split the party on Monday. Christie said he would win in November."
    #expect(Self.kind(of: "Christie", in: body, rules: AnalysisRules()) == "person")
  }

  /// What ``EntityRule/pluralVerbAfterASingularName`` leaves alone: a name in a list, after a
  /// modal, a preposition, a person's noun or a relative clause's verb.
  @Test(arguments: [
    ("Johnson", "On Sunday Blair and Johnson have met in Downing Street."),
    ("Blair", "On Sunday Blair met the press. Would Blair have known?"),
    ("Chelsea", "On Sunday his daughter Chelsea have a party."),
    ("Chelsea", "On Sunday the fans who like Chelsea are in town."),
    ("Blair", "On Sunday if Blair were to resign the party would split."),
  ])
  func pluralVerbLeavesPeople(name: String, body: String) {
    #expect(Self.kind(of: name, in: body, rules: AnalysisRules()) == "person")
  }

  /// The type of the first entity with a mention written as `mention`, or "none".
  static func kind(of mention: String, in body: String, rules: AnalysisRules, byName: Bool = false) -> String {
    let analysis = ArticleAnalysis(article: parse("A headline for the test\n\n" + body), rules: rules)
    for entity in analysis.entities where entity.mentions.contains(where: { analysis.article.text(in: $0) == mention })
    {
      return byName ? entity.kind.rawValue + ": " + entity.name : entity.kind.rawValue
    }
    return "none"
  }

  @Test(arguments: examples)
  func ruleDecidesItsExample(_ example: Example) {
    let with = Self.kind(of: example.mention, in: example.body, rules: AnalysisRules(), byName: example.byName)
    let without = Self.kind(
      of: example.mention, in: example.body, rules: AnalysisRules(disabledEntityRules: [example.rule]),
      byName: example.byName)
    #expect(with == example.with, "with \(example.rule.rawValue)")
    #expect(without == example.without, "without \(example.rule.rawValue)")
  }

  /// Every rule has its example here, and every rule stands in the list that applies it.
  @Test func everyRuleHasAnExampleAndAPlace() {
    let tested = Set(Self.examples.map(\.rule))
    #expect(Set(EntityRule.allCases).subtracting(tested).isEmpty)
    let listed = Set(EntityRule.phraseRules + EntityRule.singleWordRules)
    let structural: Set<EntityRule> = [
      .titleBeforeKnownFirstName, .organisationBeforeTitle, .countryBeforeTitleIsRole,
      .sentenceInitialCommonWordDropped, .adverbBeforeTheVerb,
      .eventNamesNoOne, .titleNamesNoOne, .titleBeforeACommonWord, .theBeforeACapitalisedWordIsNoSurname,
      .nameBeforeCompoundModifier, .sameFirstAndLastWord,
      .nationalityNamesNoOne, .demonymBeforeNameDropped, .demonymBeforeCommonWord, .placedSomewhere,
      .sportsTownIsTeam, .polityOfPlace, .partyMemberOfAPlace, .abbreviationFirstNameOfASpeaker, .quotedTitle,
      .wordSurnameAfterFirstName, .partyLabelNamesNoOne,
      .directionAlone, .placeBeforeEventNoun,
      .legalFormStop, .organisationNounAfter, .numberBeforeAPluralName, .memberRoleAfter,
      .pluralVerbAfterASingularName, .modifierAloneIsNoTitle,
      .organisationNounBefore, .workNounBefore, .sportsStatistic, .sportsClubWithTown,
    ]
    #expect(listed.union(structural) == Set(EntityRule.allCases))
    #expect(listed.intersection(structural).isEmpty)
  }
}
