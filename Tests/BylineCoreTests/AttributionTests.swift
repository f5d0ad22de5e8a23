import Foundation
import Testing

@testable import BylineCore

/// The speaker of each quote construction the issue lists.
@Suite struct AttributionTests {
  func quotes(_ body: String) -> [Quote] {
    ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test")).quotes
  }

  /// opening-clause-skipped, two openings in a row: the subject comes after both.
  @Test func aParticiplesSubjectComesAfterTwoOpenings() {
    let q = quotes(
      "Officials met in London on Monday.\n\nOn Thursday, after weeks of silence on the strike, Maria Santos met Tom Reyes, saying, \u{201C}We will not move.\u{201D}"
    )
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "saying")
  }

  /// participle-after-a-determiner: `so-called` written in two words is no verb whose subject
  /// `so` could speak for the next paragraph's slogan.
  @Test func soCalledInTwoWordsIsNoCue() {
    let body =
      "Officials met.\n\nThe so called \u{201C}Harbour Plan\u{201D} was backed by the union.\n\n\u{201C}Stop the cuts now!\u{201D} (2015)."
    func speakers(_ rules: AnalysisRules) -> [String] {
      ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"), rules: rules)
        .quotes.map { $0.speaker ?? "-" }
    }
    #expect(speakers(AnalysisRules()) == ["-", "-"])
    #expect(speakers(AnalysisRules(disabled: [.participleAfterADeterminer])) == ["-", "so"])
  }

  /// previous-sentence-reporter: the reporter of a question does not answer it (the
  /// sentence's subject is an organisation, so previous-sentence-subject gives no one).
  @Test func aQuestionsReporterDoesNotAnswerIt() {
    let q = quotes(
      "Talks went on.\n\nSo is Reuters\u{2019} job to close the port, as former member Maria Santos once declared? \u{201C}No. The port will stay open for years.\u{201D}"
    )
    #expect(q.first?.speaker == nil)
  }

  /// A described subject ends before an adverb between it and its verb.
  @Test func aDescriptionEndsBeforeItsAdverb() {
    let q = quotes(
      "Talks went on.\n\nThe foreign secretary meanwhile said the rebate was \u{201C}justified\u{201D}. The newspaper also reported \u{201C}a deal\u{201D}."
    )
    #expect(q.map { $0.speaker ?? "-" } == ["foreign secretary", "newspaper"])
  }

  /// described-subject-of-its-clause: `As` opening the sentence, and a listener between the
  /// verb of telling and the quote; a capital `But` opens a main clause, left to the scan.
  @Test func aDescriptionAfterAsSpeaksPastItsListener() {
    let q = quotes(
      "Workers were angry.\n\nAs one docker told the Harbour Gazette, \u{201C}She wants to put fear in our hearts.\u{201D}"
    )
    #expect(q.first?.speaker == "docker")
    #expect(q.first?.cue == "told")
  }

  /// Verbs of judging that report words (reporting-verbs.txt: decry, denounce, criticise,
  /// deride, dismiss, reject, imply, cite, portray): their subject speaks a partial quote
  /// after them, in the verb's clause.
  @Test func aVerbOfJudgingReportsThePartialQuoteAfterIt() {
    let q = quotes(
      "Dockers met on Monday.\n\nMaria Santos dismissed the offer as \u{201C}an insult to every family\u{201D}."
    )
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "dismissed")
  }

  /// The article's main person takes a pronoun only in a paragraph whose subject opens with
  /// one: `It may have left him splattered ... but he argued` is about the man named last.
  @Test func anObjectPronounOpensNoParagraphForTheMainPerson() {
    let q = quotes(
      "Tony Blair toured Leeds. Tony Blair met voters. Tony Blair spoke at a school.\n\n"
        + "John Major used a soapbox in 1992.\n\n"
        + "It may have left him splattered with eggs but he argued that it added \u{201C}real fizz to the whole campaign\u{201D}."
    )
    #expect(q.first?.speaker == "John Major")
  }

  /// A participle's next words are its object, never its speaker: `..., saying he had
  /// offered` does not hand the quote to whoever `he` is.
  @Test func aParticiplesObjectIsNoSpeaker() {
    let q = quotes(
      "Tom Reyes met the board.\n\nThe meeting ran late, saying he had offered a \u{201C}different\u{201D} deal."
    )
    #expect(q.first?.speaker == nil)
  }

  /// `Lib Dems` is a party (demonyms.txt: `Lib`, `Dem`, `Dems`), no person: the group speaks,
  /// and `Lib Dem spokesman Norman Baker` is Norman Baker.
  @Test func theLibDemsAreAPartyThatSpeaks() {
    let analysis = ArticleAnalysis(
      article: ArticleParser.parse(
        "Title\n\nThe Lib Dems said the plan was \u{201C}desperate\u{201D}.\n\nLib Dem spokesman Norman Baker said it was \u{201C}a disgrace\u{201D}.\n",
        source: "t.txt"))
    #expect(analysis.entities.map(\.name) == ["Norman Baker"])
    #expect(analysis.quotes.map(\.speaker) == ["Lib Dems", "Norman Baker"])
  }

  @Test func quoteThenNameSaid() {
    let q = quotes("Officials met in London on Monday.\n\n\u{201C}We will not give up,\u{201D} Maria Santos said.")
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "said")
  }

  /// partial-quotes-inherit-from-before leaves a partial quote the later quote's speaker when
  /// a subject pronoun of its sentence stands for that person; a possessive does not.
  @Test func aPartialQuoteBeforeItsSpeakerKeepsHimThroughAPronoun() {
    let q = quotes(
      "Officials met in London on Monday.\n\nBut he blamed \u{201C}a lack of talent in the squad\u{201D} for the loss. \u{201C}We must rebuild,\u{201D} David Campese said."
    )
    #expect(q.first?.speaker == "David Campese")
    let p = quotes(
      "Officials met in London on Monday.\n\nHer aides blamed \u{201C}a lack of talent in the squad\u{201D} for the loss. \u{201C}We must rebuild,\u{201D} David Campese said."
    )
    #expect(p.first?.speaker == nil)
  }

  /// A web address is one word, a name: its point cut the sentence (`Amazon.com said`: no
  /// subject for the verb, and `Amazon` a place).
  @Test func aWebAddressIsTheSpeakersName() {
    let q = quotes("Officials met in London on Monday.\n\nAmazon.com said it would \u{201C}fight\u{201D} the ruling.")
    #expect(q.first?.speaker == "Amazon.com")
    #expect(q.first?.speakerKind == .organisation)
  }

  @Test func quoteThenSaidName() {
    let q = quotes("Officials met in London on Monday.\n\n\u{201C}We will not give up,\u{201D} said Maria Santos.")
    #expect(q.first?.speaker == "Maria Santos")
  }

  @Test func nameSaidColonQuote() {
    let q = quotes(
      "Officials met in London on Monday.\n\nPeter Lindqvist said: \u{201C}The plan is dead and we all know it.\u{201D}"
    )
    #expect(q.first?.speaker == "Peter Lindqvist")
  }

  @Test func appositiveBeforeTheVerb() {
    let q = quotes(
      "Officials met in London on Monday.\n\n\u{201C}It is over,\u{201D} Gulshara Belgibayeva, a 57-year-old postal worker, said."
    )
    #expect(q.first?.speaker == "Gulshara Belgibayeva")
  }

  @Test func aOneWordNameBetweenCommasAfterADescriptionSpeaks() {
    let q = quotes(
      "Officials met in London on Monday.\n\n\u{201C}She had taken eight,\u{201D} her mother, Fiona, said in a statement."
    )
    #expect(q.first?.speaker == "Fiona")
    #expect(q.first?.speakerKind == .person)
  }

  @Test func anOrganisationInAnAppositiveSaidInAStatement() {
    let q = quotes(
      "Officials met in London on Monday.\n\nHer publisher, Larkspur & Vine, said in a statement that it was \u{201C}delighted by the news\u{201D}."
    )
    #expect(q.first?.speaker == "Larkspur & Vine")
    #expect(q.first?.cue == "said")
  }

  @Test func itSaidIsTheOrganisationLastNamed() {
    let q = quotes(
      "The Harbour Trust closed the pier on Monday. In a statement, it said the repairs were \u{201C}long overdue\u{201D}."
    )
    #expect(q.first?.speaker == "Harbour Trust")
  }

  @Test func aParticipleTakesTheSubjectOfItsSentence() {
    let q = quotes(
      "Officials met in London on Monday.\n\nIn 2009 Paolo Ricci turned down the prize, telling a reporter that he \u{201C}had other plans that night\u{201D}."
    )
    #expect(q.first?.speaker == "Paolo Ricci")
    #expect(q.first?.cue == "telling")
  }

  @Test func aRoleBetweenTheVerbAndTheName() {
    let q = quotes(
      "Officials met in London on Monday.\n\n\u{201C}It is not over,\u{201D} said United Dockers Political Director Sam Whitlow."
    )
    #expect(q.first?.speaker == "Sam Whitlow")
  }

  @Test func aParagraphAboutTheMainPersonKeepsItsPronounsForHer() {
    let q = quotes(
      """
      Margit Olsen, the fisheries scientist, has died at 81. Olsen counted cod for fifty years.

      Olsen trained dozens of students. "She never guessed," said her former student Anna Berg. "She measured."

      She was known for her blunt answers. Asked about quotas in 2001, she replied: "The fish do not read our laws."
      """)
    #expect(q.last?.speaker == "Margit Olsen")
    #expect(q.last?.cue == "replied")
  }

  @Test func aPlaceOrAnInitialBeforeTheSpeakersName() {
    let q = quotes(
      """
      Officials met in London on Monday.

      \u{201C}We are not done yet,\u{201D} said former Ohio governor Ruth Calloway.

      \u{201C}The courts are changing,\u{201D} J. Martin Pryor, director of the Voting Project, said on Friday.
      """)
    #expect(q.map(\.speaker) == ["Ruth Calloway", "J. Martin Pryor"])
  }

  @Test func titleAbbreviationsBracketsAndHomeStates() {
    let q = quotes(
      """
      Officials met in London on Monday.

      \u{201C}It is a fair deal,\u{201D} Sen. Carla Whitmore (D-Ore.) said on Tuesday.

      \u{201C}We will see,\u{201D} said Sen. Tom Harlan of Delaware.

      \u{201C}Not yet,\u{201D} Sen. Ada Brandt of Ohio, another possible choice, said.

      After the vote, Gov. Lena Marsh (R-OH), said, \u{201C}We are ready.\u{201D}

      Rep. Cal Dunmore (R-S.C.): \u{201C}Who told you that?\u{201D}

      Ray Tolan, chairman of Ohio Rising (a political group), tweeted: \u{201C}Ouch.\u{201D}
      """)
    #expect(
      q.map(\.speaker) == ["Carla Whitmore", "Tom Harlan", "Ada Brandt", "Lena Marsh", "Cal Dunmore", "Ray Tolan"])
  }

  @Test func accordingTo() {
    let q = quotes(
      "Officials met in London on Monday.\n\nThe vote was \u{201C}a disgrace to us all\u{201D}, according to David Okafor."
    )
    #expect(q.first?.speaker == "David Okafor")
    #expect(q.first?.cue == "according to")
    // At a sentence's start, and a name after the description of a firm.
    let p = quotes(
      "Officials met in London on Monday.\n\nAccording to the Daily Ledger, \u{201C}the deal is off.\u{201D} According to research firm Blogmetrix, \u{201C}it never was.\u{201D}"
    )
    #expect(p.map(\.speaker) == ["Daily Ledger", "Blogmetrix"])
  }

  @Test func cuelessParagraphTakesThePreviousSpeaker() {
    let q = quotes(
      """
      Pensioner Aiman Ispolova, part of a group of women, said she had come to demand justice.

      \u{201C}He was 28. His parents are 60 years old. He was their provider.\u{201D}
      """)
    #expect(q.first?.speaker == "Aiman Ispolova")
  }

  @Test func pronounGoesBackToTheLastPerson() {
    let q = quotes(
      """
      Sarah Mitchell arrived late to the hearing in Toronto.

      \u{201C}I have nothing to hide,\u{201D} she told reporters.
      """)
    #expect(q.first?.speaker == "Sarah Mitchell")
    #expect(q.first?.cue == "told")
  }

  @Test func organisationSpeaker() {
    let q = quotes(
      "Protests went on.\n\nThe foreign ministry this month pledged that \u{201C}all complaints will be investigated\u{201D}."
    )
    #expect(q.first?.speaker == "foreign ministry")
    #expect(q.first?.cue == "pledged")
    #expect(q.first?.kind == .partial)
  }

  @Test func wideVerbList() {
    for verb in ["insisted", "warned", "added", "claimed", "argued", "wrote"] {
      let q = quotes("Officials met in London.\n\n\u{201C}Nothing is settled yet,\u{201D} Li Wei \(verb).")
      #expect(q.first?.speaker == "Li Wei", "verb \(verb)")
      #expect(q.first?.cue == verb)
    }
  }

  @Test func reportedSpeechWithoutQuoteMarks() {
    let a = ArticleAnalysis(
      article: ArticleParser.parse(
        """
        A headline for the test

        Gulshara Belgibayeva, a postal worker, spoke on Sunday.

        Riot police had forcibly transferred him to a jail cell, Belgibayeva said.
        """, source: "test"))
    #expect(a.reportedSpeech.count == 1)
    #expect(a.reportedSpeech.first?.speaker == "Gulshara Belgibayeva")
    #expect(a.article.text(in: a.reportedSpeech[0].range) == "Riot police had forcibly transferred him to a jail cell")
  }

  // MARK: Issue 10: cues beyond the adjacent "said"

  @Test func aSentenceEndingInAColonIntroducesTheQuote() {
    let q = quotes(
      "Officials met in London on Monday.\n\nMaria Santos turned to the crowd: \u{201C}Nobody leaves this room.\u{201D}"
    )
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == ":")
  }

  @Test func moreSpeechVerbs() {
    let q = quotes("Officials met in London on Monday.\n\n\u{201C}We will not move,\u{201D} Maria Santos chanted.")
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "chanted")
  }

  @Test func aVerbInCapitalsAtTheSentenceStart() {
    let q = quotes("Officials met in London on Monday. Said Maria Santos, the union's leader: \u{201C}Never.\u{201D}")
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "Said")
  }

  @Test func aNamingVerbGivesItsSubjectTheQuote() {
    let q = quotes(
      "Officials met in London on Monday.\n\nMaria Santos called the offer \u{201C}an insult\u{201D} on Monday.")
    #expect(q.first?.speaker == "Maria Santos")
    #expect(q.first?.cue == "called")
  }

  @Test func aParticipleWithoutACommaSpeaksForTheSentenceSubject() {
    let q = quotes(
      "Officials met in London on Monday.\n\nMaria Santos emailed supporters saying: \u{201C}We need you now.\u{201D}")
    #expect(q.first?.speaker == "Maria Santos")
  }

  @Test func aDashAfterTheQuoteNamesItsSpeaker() {
    let inline = quotes("Officials met in London on Monday.\n\n\u{201C}We will not move.\u{201D} \u{2014} Maria Santos")
    #expect(inline.first?.speaker == "Maria Santos")
    #expect(inline.first?.cue == "\u{2014}")
    let nextParagraph = quotes(
      "Officials met in London on Monday.\n\n\"Nobody will move us from here.\"\n\n- Maria Santos.\n\nThe meeting ended."
    )
    #expect(nextParagraph.first?.speaker == "Maria Santos")
  }

  @Test func anOpeningPhraseBeforeTheSubjectIsSkipped() {
    let q = quotes(
      "Officials met in London on Monday.\n\nBefore the meeting, Maria Santos asked for a delay, warning reporters \u{201C}this will take months\u{201D}."
    )
    #expect(q.first?.speaker == "Maria Santos")
  }

  @Test func aDescribedSubjectSpeaksForItsParticiple() {
    let q = quotes(
      "Officials met in London on Monday.\n\nThe spokesman refused to name a date but said talks would go on, adding: \u{201C}We are patient people.\u{201D}"
    )
    #expect(q.first?.speaker == "spokesman")
  }

  // MARK: Issue 10: the source as written, its kind, the clause; titles speak for nobody

  /// The text of a range in the analysed article.
  func text(_ body: String, _ range: TextRange?) -> String? {
    let article = ArticleParser.parse("A headline for the test\n\n" + body, source: "test")
    return range.map { article.text(in: $0) }
  }

  @Test func theSourceAsWrittenAndItsKind() {
    let body =
      "Maria Santos met the press in London.\n\n\u{201C}We will not give up,\u{201D} she said. A spokeswoman said: \u{201C}Talks go on.\u{201D}"
    let q = quotes(body)
    #expect(q.map(\.speaker) == ["Maria Santos", "spokeswoman"])
    #expect(q.map(\.speakerKind) == [.person, .description])
    #expect(text(body, q[0].speakerMention) == "she")
    #expect(text(body, q[1].speakerMention) == "spokeswoman")
  }

  @Test func aNameWrittenAfterTheVerbIsItsMention() {
    let body =
      "Officials met in London on Monday.\n\n\u{201C}It is over,\u{201D} said Maria Santos, the union's leader."
    let q = quotes(body)
    #expect(text(body, q[0].speakerMention) == "Maria Santos")
  }

  @Test func aDefiniteDescriptionAfterTheVerbIsThePersonJustNamed() {
    let body =
      "Maria Santos lost the final in four sets on Monday. \u{201C}My hip was cramping,\u{201D} said the 34-year-old. \u{201C}I could not move.\u{201D}"
    let q = quotes(body)
    #expect(q.map(\.speaker) == ["Maria Santos", "Maria Santos"])
    #expect(text(body, q[0].speakerMention) == "the 34-year-old")
  }

  @Test func aDefiniteDescriptionWithNoOneBeforeIsTheArticlesMainPerson() {
    let body =
      "Maria Santos won the title on Sunday. Santos led from the start, and Santos never looked back.\n\nThe crowd cheered for an hour.\n\n\u{201C}I feel there is more to come,\u{201D} said the 22-year-old."
    let q = quotes(body)
    #expect(q.map(\.speaker) == ["Maria Santos"])
    #expect(text(body, q[0].speakerMention) == "the 22-year-old")
  }

  @Test func aListenerAfterToldIsNoInvertedDescription() {
    let body =
      "One farmer, whose family has farmed there for years, told the agency's officials that the plan was \u{201C}a sump for the town\u{201D}."
    #expect(quotes(body).map(\.speaker) == ["farmer"])
  }

  @Test func anIndefiniteDescriptionAfterTheVerbSpeaksForItself() {
    let body =
      "Maria Santos spoke first.\n\n\u{201C}They will find a way,\u{201D} wrote one commenter. \u{201C}It is more of the same,\u{201D} says a narrator."
    #expect(quotes(body).map(\.speaker) == ["commenter", "narrator"])
  }

  @Test func aPassiveReportsItsAgentsWordsNotThoseBeforeIt() {
    let body =
      "Officials met in London on Monday.\n\nThe \u{201C}Harbour Plan\u{201D} was called by the union to force a vote. She was described by colleagues as \u{201C}brilliant\u{201D} and was told by doctors to \u{201C}rest.\u{201D}"
    #expect(quotes(body).map(\.speaker) == [nil, "colleagues", "doctors"])
  }

  @Test func aPartialQuoteGetsItsReportedClause() {
    let body =
      "Officials met in London on Monday.\n\nMaria Santos said the offer was \u{201C}an insult to every worker\u{201D} and walked out."
    let q = quotes(body)
    #expect(q.first?.kind == .partial)
    #expect(text(body, q.first?.clause) == "the offer was \u{201C}an insult to every worker\u{201D}")
  }

  @Test func aClauseBeforeTheAttribution() {
    let body =
      "Officials met in London on Monday.\n\nThe offer is \u{201C}an insult to every worker\u{201D}, Maria Santos said."
    let q = quotes(body)
    #expect(text(body, q.first?.clause) == "The offer is \u{201C}an insult to every worker\u{201D}")
  }

  @Test func aNamingVerbsClauseHoldsItsObject() {
    let body =
      "Officials met in London on Monday.\n\nMaria Santos called the plan \u{201C}reckless\u{201D}; the minister disagreed."
    let q = quotes(body)
    #expect(q.first?.speaker == "Maria Santos")
    #expect(text(body, q.first?.clause) == "the plan \u{201C}reckless\u{201D}")
  }

  @Test func aPartialQuoteWithNoCueSitsInItsSentence() {
    let body =
      "Officials met in London on Monday.\n\nThe plan is \u{201C}dead on arrival once again\u{201D} in the Senate; nobody disputes it."
    let q = quotes(body)
    #expect(q.first?.speaker == nil)
    #expect(text(body, q.first?.clause) == "The plan is \u{201C}dead on arrival once again\u{201D} in the Senate")
  }

  /// cue-verb-clause: a partial quote whose verb has no speaker in reach (the scan back stops
  /// at the quote before) still sits in the clause after that verb.
  @Test func aPartialQuoteSitsInItsVerbsClauseWithoutASpeaker() {
    let body =
      "Officials met in London on Monday.\n\nBush referred to Rubio as \u{201C}a bright leader\u{201D} but described his skills as a \u{201C}work in progress.\u{201D}"
    func second(_ rules: AnalysisRules) -> Quote? {
      ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"), rules: rules)
        .quotes.last
    }
    #expect(second(AnalysisRules())?.speaker == nil)
    #expect(text(body, second(AnalysisRules())?.clause) == "his skills as a \u{201C}work in progress.\u{201D}")
    // Without the rule (and clause-after-the-verb-before, which would find the same verb),
    // the partial quote sits in its whole sentence.
    #expect(
      text(body, second(AnalysisRules(disabled: [.cueVerbClause, .clauseAfterTheVerbBefore]))?.clause)
        == "Bush referred to Rubio as \u{201C}a bright leader\u{201D} but described his skills as a \u{201C}work in progress.\u{201D}"
    )
  }

  /// full-quote-in-a-clause: a full quote the sentence runs into is reported with that clause;
  /// one right after its cue is not.
  @Test func aFullQuoteTheSentenceRunsIntoHasItsClause() {
    let body =
      "Officials met in London on Monday.\n\nPaul Ryan says no matter what the president does, \u{201C}his word does not trump the law.\u{201D}"
    func first(_ rules: AnalysisRules) -> Quote? {
      ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"), rules: rules)
        .quotes.first
    }
    #expect(first(AnalysisRules())?.kind == .full)
    #expect(first(AnalysisRules())?.speaker == "Paul Ryan")
    #expect(
      text(body, first(AnalysisRules())?.clause)
        == "no matter what the president does, \u{201C}his word does not trump the law.\u{201D}")
    #expect(first(AnalysisRules(disabled: [.fullQuoteInAClause]))?.clause == nil)
    #expect(
      quotes("Officials met in London on Monday.\n\nPaul Ryan said: \u{201C}We will not give up.\u{201D}").first?.clause
        == nil)
  }

  /// previous-sentence-subject: a full quote with no cue that opens a sentence inside its
  /// paragraph takes the person the sentence before it is about; a sentence about a thing
  /// gives it nobody.
  @Test func aCuelessQuoteTakesThePreviousSentencesSubject() {
    let body =
      "Officials met in London on Monday.\n\nMaria Santos stood before the crowd for an hour. \u{201C}We will not give up.\u{201D}"
    func speaker(_ rules: AnalysisRules) -> String? {
      ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"), rules: rules)
        .quotes.first?.speaker
    }
    #expect(speaker(AnalysisRules()) == "Maria Santos")
    #expect(text(body, quotes(body).first?.speakerMention) == "Maria Santos")
    #expect(speaker(AnalysisRules(disabled: [.previousSentenceSubject])) == nil)
    let rain = quotes(
      "Officials met in London on Monday.\n\nMaria Santos stood before the crowd for an hour. The rain kept falling. \u{201C}We will not give up.\u{201D}"
    )
    #expect(rain.first?.speaker == nil)
  }

  @Test func aFullQuoteHasNoClause() {
    #expect(
      quotes("Officials met in London on Monday.\n\n\u{201C}We will not give up,\u{201D} Maria Santos said.").first?
        .clause == nil)
  }

  @Test func titlesAndScareQuotesTakeNoSpeakerFromAnotherQuote() {
    let q = quotes(
      "Officials met in London on Monday.\n\nMaria Santos said: \u{201C}We stay.\u{201D} She spoke on \u{201C}Meet the Press\u{201D} about the \u{201C}crisis\u{201D}."
    )
    #expect(q.map(\.speaker) == ["Maria Santos", nil, nil])
  }

  /// named-terms-speak-for-nobody: a term after a naming word is no one's speech, though a
  /// speaker stands in its sentence; a naming verb with a speaker before it still speaks.
  @Test func namedTermsSpeakForNobody() {
    let q = quotes(
      "Officials met in London on Monday.\n\nMaria Santos said researchers use a technique called \u{201C}mental chronometry\u{201D} and the term \u{201C}a-ha\u{201D}, which critics called \u{201C}vague\u{201D}."
    )
    #expect(q.map(\.speaker) == [nil, nil, "critics"])
    let switchedOff = ArticleAnalysis(
      article: ArticleParser.parse(
        "A headline for the test\n\nMaria Santos said researchers use a technique called \u{201C}mental chronometry\u{201D}.",
        source: "test"),
      rules: AnalysisRules(disabled: [.namedTermsSpeakForNobody])
    ).quotes
    #expect(switchedOff.map(\.speaker) == ["researchers"])
  }

  /// A naming word after a determiner is a noun, no cue ("under the label “organic”"); a title
  /// after "a sign reading" speaks for nobody.
  @Test func namingNounsAndSignsGiveNoSpeaker() {
    let q = quotes(
      "Officials met in London on Monday.\n\nFarmers sold more under the label \u{201C}organic\u{201D} last year. A massive neon sign reading \u{201C}Welcome Home\u{201D} hung over the street."
    )
    #expect(q.map(\.speaker) == [nil, nil])
  }

  /// previous-paragraph-speaker: a photo caption kept as a short paragraph with no sentence
  /// end does not stand between a quote paragraph and the speaker before it.
  @Test func aCaptionLineBetweenQuoteParagraphsIsSkipped() {
    let q = quotes(
      "Officials met in London on Monday.\n\n\u{201C}Greed is hurting the whales,\u{201D} says Hori Parata, an elder.\n\nHori Parata at his farm, where he was born\n\n\u{201C}We have to put up with a lot.\u{201D}\n\nThe storm arrived on Monday\n\nIt was late. \u{201C}Nobody came.\u{201D}"
    )
    #expect(q.map(\.speaker) == ["Hori Parata", "Hori Parata", nil])
  }

  @Test func aQuoteEndingWithAFullStopDoesNotTakeTheNextSentencesSpeaker() {
    let q = quotes(
      "Officials met in London on Monday.\n\nAnn Lee said it was a \"hard choice\". \"We tried. \"We will try again.\" Bob Hart said he had voted against it."
    )
    #expect(q.map(\.speaker) == ["Ann Lee", "Ann Lee", "Ann Lee"])
    let short = quotes("Officials met in London on Monday.\n\n\"We will try again.\" Ann Lee said.")
    #expect(short.first?.speaker == "Ann Lee")
  }

  @Test func anHonorificInAnAppositiveName() {
    let q = quotes(
      "Officials met in London on Monday.\n\nThe Archbishop of Leeds, the Most Reverend Peter Smyth, told the BBC that people should \u{201C}think again\u{201D} first."
    )
    #expect(q.first?.speaker == "Peter Smyth")
  }

  // MARK: Rules can be switched off, to measure them

  @Test func everyRuleIsNamedAndShowsItsExample() {
    #expect(Set(AttributionRule.allCases.map(\.rawValue)).count == AttributionRule.allCases.count)
    for rule in AttributionRule.allCases {
      #expect(rule.summary.contains("`"), "\(rule.rawValue) has no example")
    }
  }

  @Test func aRuleSwitchedOffNoLongerApplies() {
    let body = "Officials met in London on Monday.\n\n\u{201C}We will not move.\u{201D} \u{2014} Maria Santos"
    func speaker(_ rules: AnalysisRules) -> String? {
      ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"), rules: rules)
        .quotes.first?.speaker
    }
    #expect(speaker(AnalysisRules()) == "Maria Santos")
    #expect(speaker(AnalysisRules(disabled: [.dashAttribution])) == nil)
  }

  @Test func aQuoteBoundaryRuleSwitchedOff() {
    let article = ArticleParser.parse(
      "Headline\n\nHe said: \"We cannot wait. \"Nobody will wait for us.\" Then he left.\n", source: "test")
    #expect(ArticleAnalysis(article: article).quotes.count == 2)
    #expect(ArticleAnalysis(article: article, rules: AnalysisRules(disabled: [.reopenAfterSentence])).quotes.count == 1)
  }
}
