/// The named rules of quote finding and attribution, each with the example it exists for.
///
/// Every rule can be switched off for one analysis (``AnalysisRules/disabled``), so
/// `byline eval --ablate RULE` and `byline eval --rule-gains` show what each one adds on the
/// dev corpora: a rule that gains nothing outside one article can be seen and removed. Each
/// rule has a literal test on its example, answered with the rule and without it
/// (Tests/BylineCoreTests/AttributionRuleTests), besides the tests of QuoteFinderTests and
/// AttributionTests.
public enum AttributionRule: String, CaseIterable, Sendable, Hashable {
  // Quote boundaries (QuoteFinder).
  case reopenAfterSentence = "reopen-after-sentence"
  case reopenAfterColon = "reopen-after-colon"
  case doubleApostropheCloses = "double-apostrophe-closes"
  // Cues.
  case accordingTo = "according-to"
  case asTheyPutIt = "as-they-put-it"
  case inTheirWords = "in-their-words"
  case shotBack = "shot-back"
  case verbBesideAQuote = "verb-beside-a-quote"
  case sentenceInitialVerb = "sentence-initial-verb"
  case namingVerbs = "naming-verbs"
  case colonIntroduction = "colon-introduction"
  case colonName = "colon-name"
  case colonEndsTheParagraphBefore = "colon-ends-the-paragraph-before"
  case dashAttribution = "dash-attribution"
  case verbIntroducesNextQuote = "verb-introduces-next-quote"
  case fullStopEndsSentence = "full-stop-ends-sentence"
  case nounAfterADeterminer = "noun-after-a-determiner"
  case nounOfSpeechAsASubject = "noun-of-speech-as-a-subject"
  case participleAfterADeterminer = "participle-after-a-determiner"
  case nounAfterAPreposition = "noun-after-a-preposition"
  // Subjects.
  case participleContinuesSpeaker = "participle-continues-speaker"
  case pluralNationalityIsAGroup = "plural-nationality-is-a-group"
  case nameBeforeARoleIsItsModifier = "name-before-a-role-is-its-modifier"
  case saidOfIsTheTopic = "said-of-is-the-topic"
  case wentOnToSay = "went-on-to-say"
  case quantifiedDescription = "quantified-description"
  case reportBetweenIsNearer = "report-between-is-nearer"
  case partyWithoutArticleSpeaks = "party-without-article-speaks"
  case participleSentenceSubject = "participle-sentence-subject"
  case participlePastANounOfSpeech = "participle-past-a-noun-of-speech"
  case participleWithinItsSentence = "participle-within-its-sentence"
  case sentenceRunsPastAFragment = "sentence-runs-past-a-fragment"
  case coordinatedVerbOpensAClause = "coordinated-verb-opens-a-clause"
  case coordinatedVerbSharesItsSubject = "coordinated-verb-shares-its-subject"
  case openingPhraseSkipped = "opening-phrase-skipped"
  case openingClauseSkipped = "opening-clause-skipped"
  case subjectBeforeAQuote = "subject-before-a-quote"
  case subjectBeforeItsVerb = "subject-before-its-verb"
  case invertedDescription = "inverted-description"
  case describedSentenceSubject = "described-sentence-subject"
  case capitalisedDescriberOpensItsSentence = "capitalised-describer-opens-its-sentence"
  case describedSubjectOfItsClause = "described-subject-of-its-clause"
  case possessiveDescription = "possessive-description"
  case honorificAppositive = "honorific-appositive"
  case itIsTheOrganisation = "it-is-the-organisation"
  case itIsThePreviousSubject = "it-is-the-previous-subject"
  case personAfterTheirOrganisation = "person-after-their-organisation"
  case memberOfAnOrganisation = "member-of-an-organisation"
  case roleNamesItsHolder = "role-names-its-holder"
  case namedOrganisationBeforeItsNoun = "named-organisation-before-its-noun"
  case passiveReportHasNoSpeaker = "passive-report-has-no-speaker"
  case passiveReportByItsAgent = "passive-report-by-its-agent"
  case appositiveNameAfterADescription = "appositive-name-after-a-description"
  case nameBeforeItsRoleAtAnOrganisation = "name-before-its-role-at-an-organisation"
  case relativeClauseSpeaksForItsAntecedent = "relative-clause-speaks-for-its-antecedent"
  case placeAndPartyDescribeASpeaker = "place-and-party-describe-a-speaker"
  // Quotes without a cue of their own.
  case sameParagraphSpeaker = "same-paragraph-speaker"
  case nearestSpeakerOfTheParagraph = "nearest-speaker-of-the-paragraph"
  case previousParagraphSpeaker = "previous-paragraph-speaker"
  case previousSentenceSubject = "previous-sentence-subject"
  case previousSentenceReporter = "previous-sentence-reporter"
  case titlesSpeakForNobody = "titles-speak-for-nobody"
  case titleBeforeItsStop = "title-before-its-stop"
  case scareQuotesInheritNothing = "scare-quotes-inherit-nothing"
  case partialQuotesInheritFromBefore = "partial-quotes-inherit-from-before"
  case shortQuotesInheritFromBefore = "short-quotes-inherit-from-before"
  case namedTermsSpeakForNobody = "named-terms-speak-for-nobody"
  case namingWordWithoutObject = "naming-word-without-object"
  case nicknameInAName = "nickname-in-a-name"
  case titleAfterItsOwner = "title-after-its-owner"
  case titleAfterAWorkNoun = "title-after-a-work-noun"
  case knownAsAName = "known-as-a-name"
  case titleBeforeItsAuthor = "title-before-its-author"
  case quotedNameBeforeItsNoun = "quoted-name-before-its-noun"
  case titledIsATitle = "titled-is-a-title"
  case exclamationBeforeItsNoun = "exclamation-before-its-noun"
  case quoteInTheSubjectsAppositive = "quote-in-the-subjects-appositive"
  case quoteAfterAnInvertedCue = "quote-after-an-inverted-cue"
  // Clauses.
  case partialQuoteSentence = "partial-quote-sentence"
  case cueVerbClause = "cue-verb-clause"
  case clauseAfterTheVerbBefore = "clause-after-the-verb-before"
  case thatAfterTheVerbsAdjuncts = "that-after-the-verbs-adjuncts"
  case relativeObjectOpensTheClause = "relative-object-opens-the-clause"
  case commaBeforeAParticiple = "comma-before-a-participle"
  case fullQuoteInAClause = "full-quote-in-a-clause"

  /// One line: what the rule does, with its example.
  public var summary: String {
    switch self {
    case .reopenAfterSentence:
      return #"a mark reopened after a sentence's end starts a new quote: `that choice. "Obviously ...`"#
    case .reopenAfterColon:
      return #"a mark after a colon ends the open quote at its last sentence: `a Muslim. He added: "The ...`"#
    case .doubleApostropheCloses:
      return "two apostrophes close a quote: `“we are done’’ and left`"
    case .accordingTo:
      return "`according to X` names the speaker of a quote in its sentence"
    case .asTheyPutIt:
      return "`as X put it` names the speaker of a quote in its sentence: `As The Post's Dana Milbank puts it, “...”`"
    case .shotBack:
      return
        "a verb of attack before `back` reports a retort: `Hillary shot back, “I suppose ...”`, `Rubio fired back:`"
    case .inTheirWords:
      return "`in X's words` and `in the words of X` name the speaker: `In Dr. Shadlen's words, “Could the moment ...”`"
    case .verbBesideAQuote:
      return
        "a past form of any verb beside a quote's closing comma is its cue: `“...,” one Twitter response began`, `“...!” beamed Donald Hartley`"
    case .sentenceInitialVerb:
      return "a reporting verb in capitals at a sentence's start counts: `Said Ms Lee: “...”`"
    case .namingVerbs:
      return "a naming verb gives its subject the quote: `Santos called the offer “an insult”`"
    case .colonIntroduction:
      return "a sentence ending in a colon introduces the quote, whatever its verb: `Trump turned to the crowd: “...”`"
    case .colonName:
      return "a name right before a colon speaks: `Clinton: “Our goal is ...”`"
    case .colonEndsTheParagraphBefore:
      return
        "a paragraph ending in a colon introduces the quote that opens the next: `Trump issued the following statement:` ¶ `“Our prayers ...”`"
    case .dashAttribution:
      return "a dash and a name after the quote: `“...” — Jane Doe`, or a paragraph `- Bernie Sanders.`"
    case .verbIntroducesNextQuote:
      return #"a verb before a colon speaks for the next quote: `"We will win." Bob Hart said: "We will see."`"#
    case .fullStopEndsSentence:
      return #"a quote ending in a full stop ends its sentence: `"... continue." Mr Kennedy said he ...`"#
    case .nounOfSpeechAsASubject:
      return
        "a noun of speech before `was`, `were`, `is` is what its clause is about, no cue: `Jack Law said Jack McConnell's comment was “ill-advised”`"
    case .participleAfterADeterminer:
      return "a past participle after a determiner is an adjective: `told the Post in a written statement, “...”`"
    case .nounAfterADeterminer:
      return
        "after a determiner, a reporting verb's form that is a noun or adjective of no speech is no cue: `their state senator`, `the charged term`"
    case .nounAfterAPreposition:
      return
        "after a preposition, a reporting verb's form that is no -ing or -ed form is a noun, no cue: `Snopes.com, which will be in charge of labelling “fake news”`"
    case .participleContinuesSpeaker:
      return "a participle after a comma continues its sentence's speaker: `X said ..., adding`"
    case .participleSentenceSubject:
      return "a participle speaks for its sentence's subject: `Santos emailed supporters saying: “...”`"
    case .participleWithinItsSentence:
      return
        "a participle continues the speaker of a verb of its own sentence only: `Lee said so. The union replied, adding` is not Lee's"
    case .participlePastANounOfSpeech:
      return
        "a participle after a comma does not continue a noun of speech: `Hillary Clinton posted a Twitter comment of her own, saying,` is Clinton's"
    case .sentenceRunsPastAFragment:
      return
        "a capitalised quoted fragment does not end its sentence: `Carson shared a syllabus for a class called “Perception” on his page, writing “...”`"
    case .coordinatedVerbOpensAClause:
      return
        "a verb after `and` or `but`, or a participle after a comma, opens a clause of its own, not the cue of the quote before it: `calling it “disqualifying” and asserting that`"
    case .coordinatedVerbSharesItsSubject:
      return
        "a reporting verb after `and` or `but` has its sentence's subject: `De Blasio said the move was made by Bill Bratton and said,` is De Blasio's"
    case .openingPhraseSkipped:
      return "a sentence's subject is found past an opening phrase: `Before the meeting, Maria Santos ..., warning`"
    case .subjectBeforeItsVerb:
      return
        "a name after a sentence's verb and its preposition is its object, not its subject: `Bush referred to Rubio as “a bright leader” but described` is not Rubio's"
    case .subjectBeforeAQuote:
      return
        "a sentence's subject stands before a quote inside it: `Anti-abortion group the Pro-Life Alliance “congratulated” Mr Howard ..., but said` is not Howard's"
    case .openingClauseSkipped:
      return
        "a sentence's subject is found after an opening clause, not in it: `When Wallace died in 1998, President Clinton released the following statement:`"
    case .invertedDescription:
      return "a description after an inverted cue speaks, up to its punctuation: `“...,” said the Democratic nominee.`"
    case .describedSentenceSubject:
      return "a described subject speaks: `The spokesman refused ... but said ..., adding:`"
    case .capitalisedDescriberOpensItsSentence:
      return "a describing noun opening its sentence speaks, capital and all: `Officials said: “...”`, `Police said`"
    case .possessiveDescription:
      return "a possessive and a noun describe a speaker: `“...,” his colleague wrote on Facebook`"
    case .describedSubjectOfItsClause:
      return
        "a description after a conjunction is the subject of its clause's verb: `Cruz said as the heckler yelled: “...”`"
    case .honorificAppositive:
      return "honorifics before a name in an appositive: `the Archbishop, the Most Reverend Peter Smith, told`"
    case .itIsTheOrganisation:
      return "`it said` is the organisation last named"
    case .itIsThePreviousSubject:
      return
        "`it said` is the organisation the sentence before is about: `The Food Standards Agency warned people off pills that contained DNP. ¶ “...,” it said`"
    case .personAfterTheirOrganisation:
      return
        "a sentence's subject or an inverted cue's speaker is the person after an organisation and a role: `Snopes fact checker and staff writer David Emery posted to Twitter asking`, `said MSN's Blake Irving`"
    case .roleNamesItsHolder:
      return
        "`the` and a person's whole role is that person: `Foreign Secretary Jack Straw ... The foreign secretary told MPs`"
    case .memberOfAnOrganisation:
      return
        "an organisation before a member's noun describes the speaker, who is not the organisation: `said a top GOP strategist`, `the RNC member said`"
    case .namedOrganisationBeforeItsNoun:
      return "a named organisation before its noun is the speaker: `the Interfax news agency said` is Interfax"
    case .passiveReportHasNoSpeaker:
      return "a passive reporting verb gives its subject no quote: `she was described as a “real woman”`"
    case .passiveReportByItsAgent:
      return
        "a passive reporting verb's agent after `by` speaks: `described as “heartbreaking” by the conservation department`"
    case .appositiveNameAfterADescription:
      return
        "a name in an appositive after a described subject speaks, not the description: `The leader of Ennahda, Rachid Ghannouchi, condemned the attack, saying`"
    case .nameBeforeItsRoleAtAnOrganisation:
      return
        "a person before a role at an organisation speaks, a closing comma missing: `John Houlihan, editor of Computerandvideogames.com told`"
    case .relativeClauseSpeaksForItsAntecedent:
      return
        "a cue in a relative clause speaks for what the clause describes: `Netanyahu's Likud party, which tried to rally support by saying`"
    case .placeAndPartyDescribeASpeaker:
      return
        "a place and a party's member are a description, `the` one an anaphor: `said a Nevada Democrat`, `the Wisconsin Republican said`"
    case .sameParagraphSpeaker:
      return
        "a quote with no cue takes the speaker of an attributed quote in its paragraph: `“We won,” she said. “Now we rest.”`"
    case .nearestSpeakerOfTheParagraph:
      return
        "with the rule above, the nearest attributed quote before it, not the paragraph's first: `Analysts said ... a “stand-off”. “...,” Ken Perkins told AP. “Stores ...”`"
    case .previousParagraphSpeaker:
      return
        "a quote opening its paragraph with no cue takes the last speaker of the paragraph before: `Keane said: ... ¶ “We stay.”`"
    case .previousSentenceSubject:
      return
        "a full quote with no cue after a sentence takes that sentence's subject: `Maria Santos spoke for an hour. “We stay.”`"
    case .previousSentenceReporter:
      return
        "else it takes the person who reports in that sentence: `New phones could drive people to upgrade, but Ms Milanesi said it was difficult to say. “At the end of the day ...”`"
    case .titlesSpeakForNobody:
      return "a title in quote marks speaks for nobody: `She spoke on “Meet the Press”`"
    case .titleBeforeItsStop:
      return
        "a title is a title with the sentence's full stop inside its mark: `a paper titled “Deterministic Nonperiodic Flow.”`"
    case .partialQuoteSentence:
      return
        "a partial quote with no cue sits in its sentence: `The plan is “dead on arrival once again” in the Senate.`"
    case .cueVerbClause:
      return
        "a partial quote sits in the clause of a verb in its sentence, speaker or not: `... but described his skills as a “work in progress.”`"
    case .clauseAfterTheVerbBefore:
      return
        "a partial quote with no cue sits in the clause after the verb before it: `Trump insisted that he has “expanded the Republican party”`"
    case .thatAfterTheVerbsAdjuncts:
      return
        "a report's clause starts at the `that` past the verb's listener and time: `told supporters Tuesday night that he was “very encouraged”`"
    case .relativeObjectOpensTheClause:
      return
        "a naming verb's relative object and subject are in its clause: `what aide Kevin Phillips called “the beginning of a new era”`"
    case .commaBeforeAParticiple:
      return
        "a participle after a comma ends a reported clause: `said he would “not get beat up” at his rally, leaving the crowd cheering`"
    case .pluralNationalityIsAGroup:
      return
        "a plural nationality or party after `the` speaks as a group: `The Tories dismissed the plan as \"desperate\"` (not a person named before)"
    case .partyWithoutArticleSpeaks:
      return
        "a nationality or party with no article right before the verb is the subject: `Labour said the plan was \"desperate\"`"
    case .nameBeforeARoleIsItsModifier:
      return
        "a name before a role names the firm or team; the role's holder is the subject: `James Hardie chairwoman, Meredith Hellicar, said`"
    case .saidOfIsTheTopic:
      return
        "the name after `said of` or `said about` is the topic, no speaker: `A Warren adviser, who spoke on the condition of anonymity, said of the senator, “...”`"
    case .wentOnToSay:
      return
        "a reporting verb after `went on to` reports, with the subject of `went`: `He went on to say that the deal was “dead”`"
    case .quantifiedDescription:
      return
        "a quantifier before a plural noun describes the group that speaks: `Some advertisers claim that you can “opt out”`"
    case .reportBetweenIsNearer:
      return
        "a cue-less quote takes the speaker of a report between it and the quote it would inherit from: `Doctorow said that Google should not be penalised. “Of course ...”`"
    case .fullQuoteInAClause:
      return
        "a full quote the sentence runs into has that clause: `Ryan says no matter what Obama does, “his word does not trump it.”`"
    case .namedTermsSpeakForNobody:
      return
        "a term introduced by a naming word speaks for nobody: `a technique called “mental chronometry”`, `the term “a-ha”`"
    case .namingWordWithoutObject:
      return
        "a naming word with nothing after it is a noun, no cue: `compelled to “opt in” on Facebook's non-negotiable terms.`"
    case .nicknameInAName:
      return "a nickname between the parts of a name speaks for nobody: `Gov. C.L. “Butch” Otter`"
    case .titleAfterItsOwner:
      return "a title-cased quote after a possessive is a title: `he told NBC’s “Today” on Monday`"
    case .titleAfterAWorkNoun:
      return "a title after its kind of work speaks for nobody: `In her book “A Paradise Built in Hell,” Solnit wrote`"
    case .knownAsAName:
      return "a name after `known as` or `nicknamed` speaks for nobody: `the hacker known as “Guccifer,” stated`"
    case .titleBeforeItsAuthor:
      return "a title before `by` and its author speaks for nobody: `“Perfect Enough” by George Anders`"
    case .quotedNameBeforeItsNoun:
      return
        "a capitalised name in quote marks before its noun speaks for nobody: `“Orange is the New Black” star Selenis Leyva`"
    case .titledIsATitle:
      return "a quote after `titled` or `entitled` is a title, a question too: `The ad, titled “Unifier?”, concludes`"
    case .exclamationBeforeItsNoun:
      return "an exclamation in quote marks before its noun speaks for nobody: `that “a-ha!” moment`"
    case .quoteInTheSubjectsAppositive:
      return
        "a verb after a comma that ends its subject's appositive does not speak for a quote in it: `Emery, a writer for “fact-checking” site Snopes, retweeted`"
    case .quoteAfterAnInvertedCue:
      return
        "a cue right after a quote speaks for it, not for one past its speaker: `“...,” said Ramos, whose book features “rebellious” people`"
    case .partialQuotesInheritFromBefore:
      return
        "a partial quote with no cue takes no speaker from a later quote unless named in its sentence: `been “obscured by a populist mask.” For Jonathan Chait, ...,” he mocks`"
    case .shortQuotesInheritFromBefore:
      return
        "a sentence of up to three words with no cue takes no speaker from a later quote unless named in its sentence: `Business District or “CBD.” ... “igniting,” as Reuters reported`"
    case .scareQuotesInheritNothing:
      return "a fragment of one to three words takes no speaker from another quote: `about the “crisis”`"
    }
  }
}
