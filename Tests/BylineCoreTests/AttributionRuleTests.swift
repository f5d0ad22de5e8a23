import Testing

@testable import BylineCore

/// Every attribution rule on its own example: what the analysis answers with every rule, and
/// with that one rule switched off, so each test shows what its rule decides (like
/// EntityRuleTests for the entity rules).
@Suite("Attribution rules, each on its example")
struct AttributionRuleTests {
  /// What an example reads of the analysis.
  enum Field: String, Sendable {
    /// The number of quotes.
    case count
    /// The text of quote `quote`.
    case text
    /// The speaker of quote `quote` ("none" without one).
    case speaker
    /// The text of the clause of quote `quote` ("none" without one).
    case clause
  }

  /// A rule's example: an article body, what is read of it, its value with every rule and
  /// without the rule.
  struct Example: CustomTestStringConvertible, Sendable {
    let rule: AttributionRule
    let body: String
    var quote = 0
    let field: Field
    let with: String
    let without: String
    var testDescription: String { rule.rawValue }
  }

  static let lead = "Officials met in London on Monday.\n\n"

  static let examples: [Example] = [
    Example(
      rule: .reopenAfterSentence, body: "He said: \"We cannot wait. \"Nobody will wait for us.\" Then he left.",
      field: .count, with: "2", without: "1"),
    Example(
      rule: .reopenAfterColon,
      body: "Ann Lee said: \"We will win the vote. He added: \"The rest is noise.\"", field: .count, with: "2",
      without: "1"),
    Example(
      rule: .doubleApostropheCloses, body: "He said \u{201C}we are done\u{2019}\u{2019} and left the room.",
      field: .text, with: "we are done", without: "we are done\u{2019}\u{2019} and left the room."),
    Example(
      rule: .accordingTo, body: "The talks failed, \u{201C}a sad day for the port\u{201D}, according to Maria Santos.",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .asTheyPutIt,
      body: "Ann Lee runs the union. As Maria Santos put it, \u{201C}The port is the town.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .inTheirWords,
      body: "Maria Santos runs the union. In Ms Santos's words, \u{201C}The port is the town.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .possessiveDescription,
      body: "Tom Reyes died on Monday. \u{201C}He taught me everything,\u{201D} his colleague wrote on Facebook.",
      field: .speaker, with: "colleague", without: "Tom Reyes"),
    Example(
      rule: .shotBack,
      body: "After Brown studied the plan, Maria Santos shot back, \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .participlePastANounOfSpeech,
      body: "Maria Santos rejected Tom Reyes's comments, telling reporters, \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "Tom Reyes"),
    Example(
      rule: .sentenceRunsPastAFragment,
      body:
        "Later, Maria Santos shared a map of \u{201C}The Long Mile\u{201D} walk with Tom Reyes, writing \u{201C}Come and see the harbour.\u{201D}",
      quote: 1, field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .coordinatedVerbOpensAClause,
      body: "Maria Santos is insisting that she has \u{201C}saved the port,\u{201D} claiming that the union won.",
      field: .clause, with: "she has \u{201C}saved the port,\u{201D}",
      without: "Maria Santos is insisting that she has \u{201C}saved the port,\u{201D}"),
    Example(
      rule: .subjectBeforeItsVerb,
      body:
        "Many referred to Tom Reyes as \u{201C}a bright leader\u{201D} but described his plan as a \u{201C}work in progress.\u{201D}",
      quote: 1, field: .speaker, with: "none", without: "Tom Reyes"),
    Example(
      rule: .colonEndsTheParagraphBefore,
      body: "Maria Santos released the following statement:\n\n\u{201C}We offer our condolences to the family.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .openingClauseSkipped,
      body:
        "When Tom Reyes died in 1998, Maria Santos released the following statement: \u{201C}We offer our condolences.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "Tom Reyes"),
    Example(
      rule: .clauseAfterTheVerbBefore,
      body:
        "At the meeting the union leaders proposed that dockers \u{201C}stay at home for a week\u{201D} in protest.",
      field: .clause, with: "dockers \u{201C}stay at home for a week\u{201D} in protest",
      without:
        "At the meeting the union leaders proposed that dockers \u{201C}stay at home for a week\u{201D} in protest"),
    Example(
      rule: .thatAfterTheVerbsAdjuncts,
      body: "Maria Santos said in a letter on Tuesday that the offer was \u{201C}an insult to every family\u{201D}.",
      field: .clause, with: "the offer was \u{201C}an insult to every family\u{201D}",
      without: "in a letter on Tuesday that the offer was \u{201C}an insult to every family\u{201D}"),
    Example(
      rule: .relativeObjectOpensTheClause,
      body: "The union attacked what Maria Santos called \u{201C}a plan for closure\u{201D} at the docks.",
      field: .clause, with: "what Maria Santos called \u{201C}a plan for closure\u{201D} at the docks",
      without: "\u{201C}a plan for closure\u{201D} at the docks"),
    Example(
      rule: .commaBeforeAParticiple,
      body: "Maria Santos said the offer was \u{201C}an insult\u{201D}, leaving the hall before the vote.",
      field: .clause, with: "the offer was \u{201C}an insult\u{201D}",
      without: "the offer was \u{201C}an insult\u{201D}, leaving the hall before the vote"),
    Example(
      rule: .pluralNationalityIsAGroup,
      body: "Maria Santos spoke first. The Tories dismissed the plan as \u{201C}desperate\u{201D}.",
      field: .speaker, with: "Tories", without: "Maria Santos"),
    Example(
      rule: .partyWithoutArticleSpeaks,
      body: "Maria Santos spoke first. Labour said the plan was \u{201C}desperate\u{201D}.",
      field: .speaker, with: "Labour", without: "none"),
    Example(
      rule: .nameBeforeARoleIsItsModifier,
      body:
        "Tom Reyes spoke first. James Hardie chairwoman Ann Lee wrote to the union saying: \u{201C}We will not sign.\u{201D}",
      field: .speaker, with: "Ann Lee", without: "James Hardie"),
    Example(
      rule: .saidOfIsTheTopic,
      body: "Maria Santos lamented the \u{201C}disheartened\u{201D} state of the campaign.",
      field: .speaker, with: "Maria Santos", without: "campaign"),
    Example(
      rule: .wentOnToSay,
      body: "Tom Reyes met the board. He went on to say that the deal was \u{201C}dead\u{201D}.",
      field: .speaker, with: "Tom Reyes", without: "none"),
    Example(
      rule: .reportBetweenIsNearer,
      body:
        "\u{201C}We will not sign,\u{201D} said Maria Santos. Tom Reyes said that the port should stay open. \u{201C}Ships cannot wait.\u{201D}",
      quote: 1, field: .speaker, with: "Tom Reyes", without: "Maria Santos"),
    Example(
      rule: .quantifiedDescription,
      body: "Maria Santos spoke first. Some dockers claim that the offer is \u{201C}an insult\u{201D}.",
      field: .speaker, with: "dockers", without: "none"),
    Example(
      rule: .verbBesideAQuote,
      body: "Tom Reyes read the offer.\n\n\u{201C}Will you sign it today?\u{201D} Maria Santos pressed.",
      field: .speaker, with: "Maria Santos", without: "Tom Reyes"),
    Example(
      rule: .coordinatedVerbSharesItsSubject,
      body:
        "Maria Santos said the plan was drawn up by Tom Reyes and added, \u{201C}We will not sign it.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "Tom Reyes"),
    Example(
      rule: .subjectBeforeAQuote,
      body:
        "The dockers' union \u{201C}welcomed\u{201D} Maria Santos on Monday, saying the offer was \u{201C}far too low\u{201D} for its members.",
      quote: 1, field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .participleWithinItsSentence,
      body:
        "Ann Lee said the talks had failed. Tom Reyes took the offer, adding: \u{201C}We will not sign.\u{201D}",
      field: .speaker, with: "Tom Reyes", without: "Ann Lee"),
    Example(
      rule: .sentenceInitialVerb, body: "Maria Santos spoke last. Said Santos, \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .namingVerbs, body: "Maria Santos called the offer \u{201C}an insult\u{201D} on Monday.",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .colonIntroduction, body: "Maria Santos turned to the crowd: \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .colonName,
      body:
        "Late on a long and noisy night of talks on the quay, Maria Santos: \u{201C}Our goal is a fair deal.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .dashAttribution, body: "\u{201C}We will not move.\u{201D} \u{2014} Maria Santos", field: .speaker,
      with: "Maria Santos", without: "none"),
    Example(
      rule: .verbIntroducesNextQuote,
      body: "\u{201C}Never,\u{201D} Bob Hart said: \u{201C}We will see.\u{201D}", field: .speaker,
      with: "none", without: "Bob Hart"),
    Example(
      rule: .fullStopEndsSentence,
      body: "Ann Lee spoke first. \"We tried.\" Bob Hart said he had voted against it.", field: .speaker,
      with: "Ann Lee", without: "Bob Hart"),
    Example(
      rule: .participleAfterADeterminer,
      body: "Ann Lee told the Daily Herald in a written statement, \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Ann Lee", without: "Daily Herald"),
    Example(
      rule: .nounAfterADeterminer,
      body: "Ann Lee campaigned in the state that made her husband the \u{201C}comeback kid\u{201D} in 1992.",
      field: .speaker, with: "none", without: "Ann Lee"),
    Example(
      rule: .nounAfterAPreposition,
      body:
        "Officials met on Monday.\n\nFairport.org, which will be in charge of labelling \u{201C}safe ships\u{201D} at the port, was sold.",
      field: .speaker, with: "none", without: "Fairport.org"),
    Example(
      rule: .participleContinuesSpeaker,
      body:
        "The long meeting of the harbour board ended when Maria Santos said the offer was poor, adding: \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "harbour board"),
    Example(
      rule: .participleSentenceSubject,
      body: "Maria Santos emailed supporters saying: \u{201C}We will not move.\u{201D}", field: .speaker,
      with: "Maria Santos", without: "supporters"),
    Example(
      rule: .openingPhraseSkipped,
      body: "Last week, Maria Santos emailed supporters warning: \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "supporters"),
    Example(
      rule: .invertedDescription,
      body: "Ann Lee spoke first.\n\n\u{201C}We will not move,\u{201D} said a young negotiator.",
      field: .speaker, with: "young negotiator", without: "Ann Lee"),
    Example(
      rule: .invertedDescription,
      body: "\u{201C}We will not move,\u{201D} said the union's new negotiator.",
      field: .speaker, with: "union's new negotiator", without: "none"),
    Example(
      rule: .describedSentenceSubject,
      body:
        "The spokesman for the ferry firm posted a long message on the website reading: \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "spokesman for the ferry firm", without: "ferry firm"),
    Example(
      rule: .capitalisedDescriberOpensItsSentence,
      body: "The ferry was late again on Monday. Officials said: \u{201C}We will not move.\u{201D}",
      field: .speaker, with: "Officials", without: "none"),
    Example(
      rule: .describedSubjectOfItsClause,
      body: "\u{201C}He has problems,\u{201D} Ted Cruz said as the heckler yelled: \u{201C}You lie!\u{201D}",
      quote: 1, field: .speaker, with: "heckler", without: "Ted Cruz"),
    Example(
      rule: .nearestSpeakerOfTheParagraph,
      body:
        "Analysts said the chain faced a \u{201C}stand-off\u{201D} with shoppers. Ken Perkins, an analyst: \u{201C}We are faring better.\u{201D} \u{201C}Stores that struggled still struggle.\u{201D}",
      quote: 2, field: .speaker, with: "Ken Perkins", without: "Analysts"),
    Example(
      rule: .honorificAppositive,
      body:
        "The Archbishop of Leeds, the Most Reverend Peter Smyth, told the BBC that people should \u{201C}think again\u{201D} first.",
      field: .speaker, with: "Peter Smyth", without: "of Leeds"),
    Example(
      rule: .itIsTheOrganisation,
      body: "Harbour Freight Limited cut its prices. It said the change was \u{201C}overdue and fair\u{201D}.",
      field: .speaker, with: "Harbour Freight Limited", without: "none"),
    Example(
      rule: .itIsThePreviousSubject,
      body:
        "The Harbour Authority warned dockers to avoid pills that contained DNP.\n\n\u{201C}We advise the public not to take them,\u{201D} it said.",
      field: .speaker, with: "Harbour Authority", without: "DNP"),
    Example(
      rule: .personAfterTheirOrganisation,
      body:
        "Reuters fact checker and staff writer Maria Santos posted on Twitter asking if there were \u{201C}any calm voters?\u{201D}",
      field: .speaker, with: "Maria Santos", without: "Reuters"),
    Example(
      rule: .personAfterTheirOrganisation,
      body:
        "Voters met in Ames. Ohio State University\u{2019}s Dana Brooks nodded. \u{201C}Voters are running out of time.\u{201D}",
      field: .speaker, with: "Dana Brooks", without: "none"),
    Example(
      rule: .personAfterTheirOrganisation,
      body: "Sales rose in May. \u{201C}Buyers are back,\u{201D} said Acme\u{2019}s Dana Brooks.",
      field: .speaker, with: "Dana Brooks", without: "Acme"),
    Example(
      rule: .personAfterTheirOrganisation,
      body: "The plant is safe. \u{201C}We are staying,\u{201D} said Reuters executive Director Dana Brooks.",
      field: .speaker, with: "Dana Brooks", without: "Reuters"),
    Example(
      rule: .memberOfAnOrganisation,
      body: "The vote is on Monday. \u{201C}We will lose it,\u{201D} said a top Reuters strategist.",
      field: .speaker, with: "top Reuters strategist", without: "Reuters"),
    Example(
      rule: .memberOfAnOrganisation,
      body: "The office will close. \u{201C}We are all going home,\u{201D} a Reuters employee said.",
      field: .speaker, with: "Reuters employee", without: "Reuters"),
    Example(
      rule: .appositiveNameAfterADescription,
      body: "The port reopened. \u{201C}We are back,\u{201D} said Reuters spokeswoman, Dana Brooks.",
      field: .speaker, with: "Dana Brooks", without: "Reuters spokeswoman"),
    Example(
      rule: .personAfterTheirOrganisation,
      body: "The port reopened. \u{201C}We are back,\u{201D} said dock union official Dana Brooks.",
      field: .speaker, with: "Dana Brooks", without: "dock union"),
    Example(
      rule: .previousSentenceReporter,
      body:
        "New phones could drive many more people to upgrade, but Maria Santos said it was too soon to tell. \u{201C}We wait and we see what comes.\u{201D}",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .roleNamesItsHolder,
      body:
        "Foreign Secretary Jack Straw arrived on Monday. The foreign secretary told MPs the rebate was \u{201C}entirely justified\u{201D}.",
      field: .speaker, with: "Jack Straw", without: "foreign secretary"),
    Example(
      rule: .nounOfSpeechAsASubject,
      body: "The port reopened. Ann Lee said Tom Reyes\u{2019}s comment was \u{201C}ill-advised\u{201D}.",
      field: .speaker, with: "Ann Lee", without: "Tom Reyes"),
    Example(
      rule: .namedOrganisationBeforeItsNoun,
      body: "Talks resumed in Moscow. \u{201C}The talks will go on,\u{201D} the Interfax news agency said.",
      field: .speaker, with: "Interfax", without: "interfax news agency"),
    Example(
      rule: .passiveReportHasNoSpeaker,
      body: "Maria Santos was described as a \u{201C}tireless organiser\u{201D} in the union newsletter.",
      field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .passiveReportByItsAgent,
      body:
        "Ann Lee spoke first. The strike has been described as \u{201C}heartbreaking\u{201D} by Maria Santos.",
      field: .speaker, with: "Maria Santos", without: "none"),
    Example(
      rule: .sameParagraphSpeaker,
      body: "\u{201C}We won,\u{201D} said a spokeswoman. \u{201C}Now we rest and count the votes.\u{201D}", quote: 1,
      field: .speaker, with: "spokeswoman", without: "none"),
    Example(
      rule: .previousParagraphSpeaker,
      body: "Moira Keane said: \u{201C}We stay.\u{201D}\n\n\u{201C}Nobody will move us from the quay.\u{201D}",
      quote: 1, field: .speaker, with: "Moira Keane", without: "none"),
    Example(
      rule: .previousSentenceSubject,
      body: "Maria Santos stood before the crowd for an hour. \u{201C}We will not give up.\u{201D}", field: .speaker,
      with: "Maria Santos", without: "none"),
    Example(
      rule: .titlesSpeakForNobody,
      body: "Maria Santos said: \u{201C}We stay.\u{201D} Then she spoke on \u{201C}Meet the Press\u{201D} at length.",
      quote: 1, field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .titlesSpeakForNobody,
      body:
        "Their use of the \u{201C}Harbour Plan\u{201D} led to what aide Tom Fairlie called \u{201C}a new era\u{201D} for the port.",
      field: .speaker, with: "none", without: "Tom Fairlie"),
    Example(
      rule: .titleBeforeItsStop, body: "In 1963 Edward Lorenz wrote \u{201C}Deterministic Nonperiodic Flow.\u{201D}",
      field: .speaker, with: "none", without: "Edward Lorenz"),
    Example(
      rule: .scareQuotesInheritNothing,
      body: "Maria Santos said: \u{201C}We stay.\u{201D} The \u{201C}crisis\u{201D} filled the week.",
      quote: 1, field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .titledIsATitle,
      body: "The ad, titled \u{201C}Unifier?\u{201D}, concludes that Maria Santos will win.",
      field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .quotedNameBeforeItsNoun,
      body: "Maria Santos said the \u{201C}Perception\u{201D} syllabus was new.",
      field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .shortQuotesInheritFromBefore,
      body:
        "The port is in the Central Business District, or \u{201C}CBD.\u{201D} \u{201C}We will stay,\u{201D} Ann Lee said.",
      field: .speaker, with: "none", without: "Ann Lee"),
    Example(
      rule: .partialQuotesInheritFromBefore,
      body:
        "The plan was \u{201C}dead on arrival once again\u{201D} in the Senate. \u{201C}We will stay,\u{201D} Ann Lee said.",
      field: .speaker, with: "none", without: "Ann Lee"),
    Example(
      rule: .namedTermsSpeakForNobody,
      body: "Maria Santos said researchers use a technique called \u{201C}mental chronometry\u{201D}.",
      field: .speaker, with: "none", without: "researchers"),
    Example(
      rule: .namingWordWithoutObject,
      body:
        "Many people are compelled to \u{201C}opt in\u{201D} on Facebook's non-negotiable terms.",
      field: .speaker, with: "none", without: "Facebook"),
    Example(
      rule: .nicknameInAName,
      body: "In Casper, Gov. C.L. \u{201C}Butch\u{201D} Otter said the campaign had been long.",
      field: .speaker, with: "none", without: "Otter"),
    Example(
      rule: .titleAfterItsOwner,
      body: "Maria Santos said on Fox News Channel\u{2019}s \u{201C}Hannity\u{201D} that the race was over.",
      field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .titleAfterAWorkNoun,
      body:
        "In her book \u{201C}A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,\u{201D} Rebecca Solnit wrote of the purpose people find.",
      field: .speaker, with: "none", without: "Rebecca Solnit"),
    Example(
      rule: .knownAsAName,
      body: "Marcel Lehel, the hacker known as \u{201C}Guccifer,\u{201D} stated that he had access to the server.",
      field: .speaker, with: "none", without: "Marcel Lehel"),
    Example(
      rule: .titleBeforeItsAuthor,
      body:
        "\u{201C}The old port to close at the end of May,\u{201D} by Ann Lee: \u{201C}The harbour will shut for repairs.\u{201D}",
      field: .speaker, with: "none", without: "Ann Lee"),
    Example(
      rule: .exclamationBeforeItsNoun,
      body: "Maria Santos wondered whether our \u{201C}eureka!\u{201D} moments come late.",
      field: .speaker, with: "none", without: "Maria Santos"),
    Example(
      rule: .quoteInTheSubjectsAppositive,
      body:
        "Ann Lee, a writer who covers \u{201C}fake news\u{201D} for the Harbour Times, retweeted an article by Vulture magazine on the strike.",
      field: .speaker, with: "none", without: "Vulture"),
    Example(
      rule: .quoteAfterAnInvertedCue,
      body:
        "\u{201C}It was shameful,\u{201D} said Ann Lee, a nurse who waited in an \u{201C}endless queue\u{201D} for hours.",
      quote: 1, field: .speaker, with: "none", without: "Ann Lee"),
    Example(
      rule: .appositiveNameAfterADescription,
      body:
        "The leader of the union, Rachid Ghannouchi, condemned the attack, saying it \u{201C}will not break our will\u{201D}.",
      field: .speaker, with: "Rachid Ghannouchi", without: "leader of the union"),
    Example(
      rule: .nameBeforeItsRoleAtAnOrganisation,
      body:
        "\u{201C}Sony will be very pleased,\u{201D} John Houlihan, editor of Computerandvideogames.com told BBC News.",
      field: .speaker, with: "John Houlihan", without: "Computerandvideogames.com"),
    Example(
      rule: .relativeClauseSpeaksForItsAntecedent,
      body:
        "Ann Lee criticised the Harbour Workers Union, which tried to rally support by saying that voters were \u{201C}coming out in droves.\u{201D}",
      field: .speaker, with: "Harbour Workers Union", without: "Ann Lee"),
    Example(
      rule: .placeAndPartyDescribeASpeaker,
      body:
        "Ann Lee spoke in Iowa.\n\n\u{201C}The gap is too wide,\u{201D} said a Nevada Democrat. \u{201C}She needs to exceed expectations.\u{201D}",
      field: .speaker, with: "Nevada Democrat", without: "Ann Lee"),
    Example(
      rule: .partialQuoteSentence,
      body: "The plan is \u{201C}dead on arrival once again\u{201D} in the Senate; nobody disputes it.",
      field: .clause, with: "The plan is \u{201C}dead on arrival once again\u{201D} in the Senate", without: "none"),
    Example(
      rule: .cueVerbClause,
      body:
        "Bush referred to Rubio as \u{201C}a bright leader\u{201D} but described his skills as a much needed \u{201C}work in progress.\u{201D}",
      quote: 1, field: .clause, with: "his skills as a much needed \u{201C}work in progress.\u{201D}",
      without: "\u{201C}work in progress.\u{201D}"
    ),
    Example(
      rule: .fullQuoteInAClause,
      body: "Paul Ryan says no matter what the president does, \u{201C}his word does not trump the law.\u{201D}",
      field: .clause, with: "no matter what the president does, \u{201C}his word does not trump the law.\u{201D}",
      without: "none"),
  ]

  /// The value of `field` for the example's body under `rules`.
  static func read(_ example: Example, rules: AnalysisRules) -> String {
    let text = "A headline for the test\n\n" + lead + example.body
    let article = ArticleParser.parse(text, source: "test")
    let analysis = ArticleAnalysis(article: article, rules: rules)
    func slice(_ r: TextRange) -> String { article.text(in: r) }
    if example.field == .count { return String(analysis.quotes.count) }
    guard example.quote < analysis.quotes.count else { return "no quote \(example.quote)" }
    let quote = analysis.quotes[example.quote]
    switch example.field {
    case .count: return String(analysis.quotes.count)
    case .text: return slice(quote.range)
    case .speaker: return quote.speaker ?? "none"
    case .clause: return quote.clause.map(slice) ?? "none"
    }
  }

  @Test(arguments: examples)
  func ruleOnItsExample(_ example: Example) {
    #expect(example.with != example.without, "the example of \(example.rule.rawValue) shows nothing")
    #expect(Self.read(example, rules: AnalysisRules()) == example.with, "with \(example.rule.rawValue)")
    #expect(
      Self.read(example, rules: AnalysisRules(disabled: [example.rule])) == example.without,
      "without \(example.rule.rawValue)")
  }

  /// Every rule has its example here.
  @Test func everyRuleHasAnExample() {
    #expect(Set(AttributionRule.allCases).subtracting(Set(Self.examples.map(\.rule))).isEmpty)
  }
}
