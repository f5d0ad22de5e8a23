/// The stages of ``SpeechAttributor/attribute()``: the speaker of every reporting verb, the cue
/// of every quote in its own sentence, speakers inherited by quotes with no cue, and the
/// report written onto the quotes.
extension SpeechAttributor {
  /// The speakers found for the reporting verbs of the article, by the verb's token, with the
  /// last speaker and the last verb of each block.
  struct VerbSpeakers {
    var speaker = SortedTable<Speaker>()
    var lastSpeakerOfBlock = SortedTable<Speaker>()
    var lastVerbOfBlock = SortedTable<Int32>()
    /// Every reporting or naming verb, with a speaker or not, in reading order: a partial
    /// quote's clause starts after one even when its subject is out of reach.
    var cueVerbs: [Int] = []
    /// Verbs that speak only for quotes after them: a passive's agent (`described as “...”
    /// by X`) says nothing of a quote before its verb.
    var forwardOnly = Set<Int>()
    /// Inverted verbs whose speaker is a definite description (`said the 34-year-old`): a
    /// quote takes it only when it inherits nobody.
    var definiteDescription: [Int: Speaker] = [:]
  }

  /// What each quote is given, by quote index: its speaker, its cue as written, the token of
  /// its cue (a verb, a colon, a dash: for the source as written and the reported clause),
  /// its block (-1 when it holds no token), and the source as written when no cue token
  /// tells where it is.
  struct QuoteCues {
    // Columns of 32-bit rows: 24 bytes a quote where optionals of `Int` and `String` took 72.
    var speaker: SpeakerColumn
    var cue: OptionalStringColumn
    var token: OptionalIndexColumn
    var block = IndexColumn()
    var mention = OptionalRangeColumn()
    /// Quotes that speak for nobody by where their sentence's cue stands, so that they
    /// inherit no speaker either (few: a set, not a column).
    var nobody = Set<Int>()
    /// Quotes before `said the 34-year-old`: the description and its verb, taken when the
    /// quote inherits nobody (few: a dictionary, not a column).
    var definiteDescription: [Int: (description: Speaker, verb: Int, verbBefore: Int?)] = [:]

    init(count: Int) {
      speaker = SpeakerColumn(count: count)
      cue = OptionalStringColumn(count: count)
      token = OptionalIndexColumn(count: count)
    }

    /// Quote `qi` takes what quote `other` was given.
    mutating func copy(_ other: Int, to qi: Int) {
      speaker[qi] = speaker[other]
      cue[qi] = cue[other]
      token[qi] = token[other]
      mention[qi] = mention[other]
    }
  }

  // MARK: - Stage 1: reporting verbs

  /// The speaker of every reporting verb, in reading order.
  mutating func findVerbSpeakers() -> VerbSpeakers {
    var verbs = VerbSpeakers()
    for k in tokens.indices where tokens[k].kind == .word && !tokens[k].inQuote {
      let h = recogniser.hash(tokens[k].range)
      let block = tokens[k].block
      if rules.on(.accordingTo), isAccording(k, hash: h) {
        if let s = accordingToSpeaker(k) {
          verbs.speaker[k] = s
          verbs.lastSpeakerOfBlock[block] = s
        }
        continue
      }
      if let s = phraseCueSpeaker(at: k, hash: h) {
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        continue
      }
      guard let isNaming = cueVerb(at: k, hash: h) else { continue }
      verbs.cueVerbs.append(k)
      // "she was described as": the subject is the one described; the verb still opens a clause.
      if rules.on(.passiveReportHasNoSpeaker), isPassive(k) || isOpeningParticiple(k) {
        // "described as “heartbreaking” by the department": the agent speaks.
        if rules.on(.passiveReportByItsAgent), let s = passiveAgent(of: k) {
          // Not the paragraph's speaker: the agent speaks for its own clause only.
          verbs.speaker[k] = s
          verbs.forwardOnly.insert(k)
          continue
        }
        // "Asked if ..., Mr Boateng said": an opening participle with no agent reads as before.
        if isPassive(k) { continue }
      }
      // "X said ..., adding": the participle's speaker is the last speaker of the sentence.
      if rules.on(.participleContinuesSpeaker), let s = continuedSpeaker(participle: k, verbs) {
        verbs.speaker[k] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        continue
      }
      // "Netanyahu's Likud party, which tried to rally support by saying": the clause's antecedent.
      if rules.on(.relativeClauseSpeaksForItsAntecedent), let s = relativeClauseSubject(verb: k) {
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        if !isNaming, !isParticiple(k) { addReportedSpeech(verb: k, speaker: s) }
        continue
      }
      // "In 2009 he declined an invitation, telling a reporter that ...": the participle's
      // speaker is the subject of its sentence.
      // "She emailed supporters saying:", "posted a message on Twitter reading": without a
      // comma too, the participle's speaker is its sentence's subject, not the object before it.
      if rules.on(.participleSentenceSubject), isParticiple(k), let s = sentenceSubject(before: k) {
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        continue
      }
      // "De Blasio said the move was made by Bill Bratton and said,": a verb after `and` has
      // its sentence's subject, not the name before it.
      if rules.on(.coordinatedVerbSharesItsSubject), !isParticiple(k), isCoordinated(k),
        let s = coordinatedSubject(verb: k, verbs)
      {
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        if !isNaming { addReportedSpeech(verb: k, speaker: s) }
        continue
      }
      if let s = subject(of: k) {
        // "“...,” said the 34-year-old": someone already in the story; the quote takes whom
        // a quote without a cue would, and the description only if nobody.
        if rules.on(.invertedDescription), case .description = s, isInvertedDefinite(k) {
          verbs.definiteDescription[k] = s
          continue
        }
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        if !isNaming { addReportedSpeech(verb: k, speaker: s) }
      }
    }
    return verbs
  }

  /// Whether the word at `k` (of hash `h`, as written) is `according`, capitalised at a
  /// sentence's start too: `According to the Daily Caller, “...”`.
  func isAccording(_ k: Int, hash h: ScalarHash) -> Bool {
    h == ReportingVerbs.according
      || (tokens[k].isCapitalised && recogniser.lowerHash(tokens[k]) == ReportingVerbs.according)
  }

  /// The speaker of `according to X` at token `k` (``AttributionRule/accordingTo``).
  mutating func accordingToSpeaker(_ k: Int) -> Speaker? {
    guard k + 2 < tokens.count, recogniser.hash(tokens[k + 1].range) == Self.to else { return nil }
    return mentionAfter(k + 2)
  }

  /// Whether the word at `k` (of hash `h`) is a cue: nil when it is not, else whether it is a
  /// naming verb. "Said Ms Lee:" at a sentence's start counts (``AttributionRule/sentenceInitialVerb``),
  /// and "called them “reckless”" (``AttributionRule/namingVerbs``); "to say" and "the label" do not.
  func cueVerb(at k: Int, hash h: ScalarHash) -> Bool? {
    var isNaming = rules.on(.namingVerbs) && ReportingVerbs.naming.contains(h)
    // "on Facebook's non-negotiable terms.": a naming word with no object is a noun.
    if isNaming, !ReportingVerbs.set.contains(h), rules.on(.namingWordWithoutObject), namingWordEndsSentence(k) {
      isNaming = false
    }
    let isSentenceInitial =
      rules.on(.sentenceInitialVerb) && tokens[k].startsSentence && tokens[k].isCapitalised
      && ReportingVerbs.set.contains(recogniser.lowerHash(tokens[k]))
    let isReporting = ReportingVerbs.set.contains(h)
    let isBeside = !isReporting && rules.on(.verbBesideAQuote) && isPastVerbBesideAQuote(k)
    guard isReporting || isSentenceInitial || isNaming || isBeside else { return nil }
    // "to demand", "to say": an infinitive reports nothing, but "went on to say" does.
    if k >= 1, recogniser.hash(tokens[k - 1].range) == Self.to, !(rules.on(.wentOnToSay) && goesOnTo(before: k)) {
      return nil
    }
    // "their state senator", "the charged term": after a determiner, a noun or an adjective.
    if rules.on(.nounAfterADeterminer), isNounAfterDeterminer(k) { return nil }
    // "said Jack McConnell's comment was “ill-advised”": the comment is talked about.
    if rules.on(.nounOfSpeechAsASubject), isNounOfSpeechAsASubject(k) { return nil }
    // "in charge of", "without comment": after a preposition, a noun.
    if rules.on(.nounAfterAPreposition), isNounAfterPreposition(k) { return nil }
    // "the label", "in terms of": a naming word after a determiner or a preposition is a noun.
    if isNaming, !ReportingVerbs.set.contains(h), k >= 1,
      Self.nounMarkers.contains(recogniser.lowerHash(tokens[k - 1]))
    {
      return nil
    }
    return isNaming
  }

  /// ``AttributionRule/wentOnToSay``: whether the verb at `k` follows "went on to" (or "goes",
  /// "go", "going", "gone"): `He went on to say that ...`, `The email went on to say, “...”`.
  func goesOnTo(before k: Int) -> Bool {
    k >= 3 && recogniser.hash(tokens[k - 1].range) == Self.to && recogniser.hash(tokens[k - 2].range) == Self.on
      && Self.goForms.contains(recogniser.hash(tokens[k - 3].range))
  }

  static let on = ScalarHash("on")
  static let goForms = WordLists.set("go goes went going gone")

  /// Past forms of verbs outside the reporting verbs' list that end a quote's attribution as
  /// `-ed` forms do: `“...,” one Twitter response began`.
  static let irregularPasts = WordLists.set("began read went came thought sang cried")

  /// Whether the word at `k` is a past form (an `-ed` form or one of ``irregularPasts``) that
  /// stands beside a quote closed after a comma, `?` or `!` as its attribution
  /// (``AttributionRule/verbBesideAQuote``): right after the closing mark before its subject
  /// (`“...,” remembered Roy Verley`, `“...!” beamed Donald Hartley`), or after a subject of up
  /// to six words and before punctuation (`“...?” Hannity pressed.`, `“...,” one Twitter
  /// response began –`).
  func isPastVerbBesideAQuote(_ k: Int) -> Bool {
    let t = tokens[k]
    guard t.kind == .word, !t.inQuote, !t.isCapitalised, k >= 2 else { return false }
    let block = t.block
    // Most words stand neither after a closing mark nor before punctuation: asked first, as
    // every word is asked.
    let beforePunctuation = k + 1 >= tokens.count || tokens[k + 1].block != block || tokens[k + 1].kind == .punct
    guard beforePunctuation || (tokens[k - 1].kind == .punct && !tokens[k - 1].inQuote),
      (max(0, k - 8)..<k).contains(where: { tokens[$0].inQuote })
    else { return false }
    guard isPastForm(k) || Self.irregularPasts.contains(recogniser.hash(t.range)) else { return false }
    // A closing mark after `,`, `?` or `!` inside a quote that opens its sentence or follows a
    // colon or a dash: not one inside the sentence (`Lorenz, “the father of chaos,” started`).
    func closesQuote(_ j: Int) -> Bool {
      guard j >= 1, tokens[j].block == block, tokens[j].kind == .punct, !tokens[j].inQuote,
        "”\"".unicodeScalars.contains(tokens[j].scalar(in: text)), tokens[j - 1].inQuote,
        tokens[j - 1].kind == .punct, ",?!".unicodeScalars.contains(tokens[j - 1].scalar(in: text))
      else { return false }
      let open = beforeQuote(endingAt: j - 1)
      // `open` is the opening mark; before it, the block's start or a sentence's, or : – —.
      guard open >= 1, tokens[open - 1].block == block else { return true }
      let before = tokens[open - 1]
      guard before.kind == .punct else { return false }
      let s = before.scalar(in: text)
      return Tokenizer.isStop(s) || ":-\u{2013}\u{2014}".unicodeScalars.contains(s)
    }
    if closesQuote(k - 1) {
      // Inverted: a name or a description follows.
      guard k + 1 < tokens.count, tokens[k + 1].block == block, tokens[k + 1].kind == .word else { return false }
      return tokens[k + 1].isCapitalised || Self.nounDeterminers.contains(recogniser.lowerHash(tokens[k + 1]))
    }
    // A subject between the mark and the verb, and punctuation (or the block's end) after it.
    let endsClause =
      k + 1 >= tokens.count || tokens[k + 1].block != block
      || (tokens[k + 1].kind == .punct && !"(“\"".unicodeScalars.contains(tokens[k + 1].scalar(in: text)))
    guard endsClause else { return false }
    var j = k - 1
    while j >= 0, k - j <= 6, tokens[j].block == block, tokens[j].kind == .word, !tokens[j].inQuote { j -= 1 }
    return j < k - 1 && closesQuote(j)
  }

  /// Words before a noun, never before a verb: `the state`, `their comments`.
  static let nounDeterminers = WordLists.set("the a an its his their our my your this these those every each no")
  /// Words whose `'s` is `is` or `has`, not a possessive: `he's said`, `it's claimed`.
  static let contractedSubjects = WordLists.set("he she it that there what who here where")
  /// Forms of reporting verbs that are also nouns or adjectives of no speech: `the state`,
  /// `the charged term`, `a promising start`. Nouns of speech (`his comments`, `her warning
  /// that`) stay cues: a report's clause starts after them.
  static let nounsOfNoSpeech = WordLists.set(
    """
    state states charged continued continuing point points post posts object objects read reading
    rail rails estimate estimates counter counters stress boom booms bark barks thanks promising
    threatening revealing telling reporting writing
    """)

  /// Whether the word at `k` is a reporting verb's form that is also a noun or an adjective of
  /// no speech, after a determiner or a possessive, so no cue
  /// (``AttributionRule/nounAfterADeterminer``): `their state senator`, `the charged term`.
  func isNounAfterDeterminer(_ k: Int) -> Bool {
    if rules.on(.participleAfterADeterminer), isAdjectivalParticiple(k) { return true }
    guard k >= 1, tokens[k - 1].kind == .word, tokens[k - 1].block == tokens[k].block, !tokens[k - 1].inQuote,
      Self.nounsOfNoSpeech.contains(recogniser.lowerHash(tokens[k]))
    else { return false }
    let before = tokens[k - 1]
    if before.isPossessive {
      return !Self.contractedSubjects.contains(recogniser.lowerHash(before))
        && !Self.contractedSubjects.contains(recogniser.hash(before.stem))
    }
    return Self.nounDeterminers.contains(recogniser.lowerHash(before))
  }

  /// Forms of `be` and `have` after which a noun of speech is a clause's subject.
  static let copulas = WordLists.set("was were is are has had have")

  /// ``AttributionRule/nounOfSpeechAsASubject``: whether the word at `k` is a noun of speech
  /// (after a possessive or a determiner, a name between at most: `McConnell's comment`, `the
  /// PPI report`) before a form of `be` or `have` and a quote, no `that` between: the clause
  /// is about the speech (`Jack McConnell's comment was “ill-advised”`), while `Podliska’s
  /// claim is that ...` and `the NME's praise was typical` still report it.
  func isNounOfSpeechAsASubject(_ k: Int) -> Bool {
    guard k >= 1, k + 1 < tokens.count, tokens[k + 1].block == tokens[k].block, tokens[k + 1].kind == .word,
      Self.copulas.contains(recogniser.hash(tokens[k + 1].range))
    else { return false }
    if k + 2 < tokens.count, recogniser.hash(tokens[k + 2].range) == ScalarHash("that") { return false }
    // The quote is what is said of the speech, right after the verb or one word later: not
    // `the NME's praise was typical` after the quote it praises.
    guard (k + 2...k + 3).contains(where: { $0 < tokens.count && tokens[$0].inQuote }) else { return false }
    func marksANoun(_ j: Int) -> Bool {
      guard j >= 0, tokens[j].kind == .word, tokens[j].block == tokens[k].block, !tokens[j].inQuote else {
        return false
      }
      return tokens[j].isPossessive || Self.nounDeterminers.contains(recogniser.lowerHash(tokens[j]))
    }
    if marksANoun(k - 1) { return true }
    // "the PPI report was": a name between the determiner and the noun.
    return k >= 2 && tokens[k - 1].isCapitalised && !tokens[k - 1].startsSentence && marksANoun(k - 2)
  }

  /// ``AttributionRule/participleAfterADeterminer``: whether the word at `k` is a past
  /// participle with a lowercase word after it and an article or a possessive pronoun before
  /// it (`told the Washington Post in a written statement,`, `his prepared text`, `the
  /// reported rivalry`), `written` or `spoken` after a name's possessive (`Trump's written
  /// reply`), or a participle after an article and `so` (`the so called “Implementation
  /// Initiative”`): an adjective. Not after a pronoun that can be a subject (`each called`) or a
  /// name's possessive before an `-ed` form (`McDonald's announced it`).
  func isAdjectivalParticiple(_ k: Int) -> Bool {
    guard k >= 1, k + 1 < tokens.count, tokens[k - 1].kind == .word, tokens[k - 1].block == tokens[k].block,
      !tokens[k - 1].inQuote
    else { return false }
    // "The so called “Implementation Initiative”": `so-called` written in two words.
    if k >= 2, recogniser.hash(tokens[k - 1].range) == Self.so, tokens[k - 2].block == tokens[k].block,
      Self.articlesAndPossessives.contains(recogniser.lowerHash(tokens[k - 2]))
    {
      return true
    }
    let next = tokens[k + 1]
    guard next.kind == .word, !next.isCapitalised, next.block == tokens[k].block, !next.inQuote else { return false }
    let before = tokens[k - 1]
    if Self.irregularParticiples.contains(recogniser.lowerHash(tokens[k])) {
      return before.isPossessive || Self.articlesAndPossessives.contains(recogniser.lowerHash(before))
    }
    return isPastForm(k) && !before.isPossessive && Self.articlesAndPossessives.contains(recogniser.lowerHash(before))
  }

  static let irregularParticiples = WordLists.set("written spoken")
  static let so = ScalarHash("so")
  static let articlesAndPossessives = WordLists.set("the a an his her their its our my your")

  /// Prepositions before which a reporting verb's bare form is a noun.
  static let nounPrepositions = WordLists.set("in on for without under upon")

  /// Whether the word at `k` is a reporting verb's form right after a preposition, not an
  /// `-ing` or `-ed` form, so a noun and no cue (``AttributionRule/nounAfterAPreposition``):
  /// `will be in charge of labelling`, `declined requests for comment`, `in reply`. After
  /// `by` or `after` the `-ing` form stays a cue (`by arguing`, `after saying`).
  func isNounAfterPreposition(_ k: Int) -> Bool {
    guard k >= 1, tokens[k - 1].kind == .word, tokens[k - 1].block == tokens[k].block, !tokens[k - 1].inQuote,
      Self.nounPrepositions.contains(recogniser.lowerHash(tokens[k - 1]))
    else { return false }
    let r = tokens[k].range
    guard r.count > 3 else { return true }
    let ending = (text[r.upperBound - 2], text[r.upperBound - 1])
    return !(ending == ("e", "d") || (ending == ("n", "g") && text[r.upperBound - 3] == "i"))
  }

  /// Forms of `be` before a passive participle.
  static let beForms = WordLists.set("is are was were be been being")

  /// Whether the reporting verb at `k` is a passive participle after a form of `be`, perhaps
  /// with an adverb between (``AttributionRule/passiveReportHasNoSpeaker``): its subject is
  /// the one described or told, not a speaker (`being described as a “real woman”`, `what
  /// has been described as a “political army”`, `without being told to “smile”`).
  func isPassive(_ k: Int) -> Bool {
    guard !isParticiple(k), k >= 1 else { return false }
    var j = k - 1
    if j >= 1, isAdverb(j) { j -= 1 }
    guard tokens[j].kind == .word, tokens[j].block == tokens[k].block, !tokens[j].inQuote else { return false }
    return Self.beForms.contains(recogniser.lowerHash(tokens[j]))
  }

  static let shortAdverbs = WordLists.set("also not never often once since long just still")

  /// A lowercase adverb: `widely`, `also`, `never`.
  func isAdverb(_ j: Int) -> Bool {
    let t = tokens[j]
    guard t.kind == .word, !t.isCapitalised else { return false }
    if Self.shortAdverbs.contains(recogniser.hash(t.range)) { return true }
    let r = t.range
    return r.count > 4 && text[r.upperBound - 2] == "l" && text[r.upperBound - 1] == "y"
  }

  /// The speaker a participle after a comma continues: that of the last verb of its sentence
  /// within 40 tokens (``AttributionRule/participleContinuesSpeaker``).
  func continuedSpeaker(participle k: Int, _ verbs: VerbSpeakers) -> Speaker? {
    guard isParticiple(k), followsComma(k), let previous = verbs.lastVerbOfBlock[tokens[k].block].map(Int.init),
      k - previous < 40
    else { return nil }
    if rules.on(.participlePastANounOfSpeech), isNounOfSpeech(previous) { return nil }
    // "... Trump said. Clinton's team seized on the comments, telling reporters": not past
    // the end of the verb's sentence.
    if rules.on(.participleWithinItsSentence), (previous + 1..<k).contains(where: isSentenceEnd) { return nil }
    return verbs.speaker[previous]
  }

  /// The subject a verb after `and` or `but` shares (``AttributionRule/coordinatedVerbSharesItsSubject``):
  /// the speaker of the last reporting verb of its sentence, else the sentence's subject.
  mutating func coordinatedSubject(verb k: Int, _ verbs: VerbSpeakers) -> Speaker? {
    // A stop inside a quote ends the sentence too: `Anne Weyman asked: “...?” The Pro-Life
    // Alliance “congratulated” Mr Howard, but said`.
    if let previous = verbs.lastVerbOfBlock[tokens[k].block].map(Int.init), previous < k,
      !(previous + 1..<k).contains(where: isSentenceEnd), let s = verbs.speaker[previous]
    {
      return s
    }
    return sentenceSubject(before: k)
  }

  /// Coordinating conjunctions that join a second verb to a clause: `and asserting`.
  static let coordinators = WordLists.set("and but or")

  /// Whether the verb at `k` follows a coordinating conjunction, or is a participle after a
  /// comma (``AttributionRule/coordinatedVerbOpensAClause``): `and asserting`, `, claiming`.
  func isCoordinated(_ k: Int) -> Bool {
    guard k >= 1 else { return false }
    if isParticiple(k), followsComma(k) { return true }
    return tokens[k - 1].kind == .word && Self.coordinators.contains(recogniser.hash(tokens[k - 1].range))
  }

  /// Whether the reporting verb's form at `k` is a noun of speech: a base or third-person
  /// form after a determiner or a possessive, one word between them at most
  /// (``AttributionRule/participlePastANounOfSpeech``): `posted a Twitter comment`, `shrugged
  /// off Trump's comments`. Its speaker is that of its own noun phrase, not the sentence's.
  func isNounOfSpeech(_ k: Int) -> Bool {
    guard k >= 2, ReportingVerbs.presentForms.contains(recogniser.lowerHash(tokens[k])) else { return false }
    func isDeterminer(_ j: Int) -> Bool {
      let t = tokens[j]
      guard t.kind == .word, t.block == tokens[k].block, !t.inQuote else { return false }
      if t.isPossessive { return !Self.contractedSubjects.contains(recogniser.hash(t.stem)) }
      return Self.nounDeterminers.contains(recogniser.lowerHash(t))
    }
    if isDeterminer(k - 1) { return true }
    return tokens[k - 1].kind == .word && !startsVerbPhrase(k - 1) && isDeterminer(k - 2)
  }

  // MARK: - Stage 2: the cue of each quote

  /// The cue of each quote in its own sentence: the nearest reporting verb after or before it,
  /// else a name before a colon, a dash and a name after it, or a sentence ending in a colon.
  /// Titles and named terms get none.
  mutating func findCues(_ verbs: VerbSpeakers) -> QuoteCues {
    var cues = QuoteCues(count: quotes.count)
    for (qi, quote) in quotes.enumerated() {
      let first = firstToken(atOrAfter: quote.range.lowerBound)
      let last = lastToken(before: quote.range.upperBound)
      cues.block.append(first < tokens.count ? tokens[first].block : -1)
      guard first < tokens.count, last >= 0 else { continue }
      var best = verbAfter(quoteEndingAt: last, verbs)
      if rules.on(.quoteInTheSubjectsAppositive), let after = best,
        isVerbOfSubjectBeforeQuote(after.verb, first: first, last: last)
      {
        best = nil
      }
      let before = verbBefore(quoteStartingAt: first, verbs)
      // "calling it “disqualifying” and asserting that", "insisting that he has “expanded the
      // party,” claiming": a verb after `and` or a comma opens a clause of its own; the quote
      // is the verb's before it.
      if rules.on(.coordinatedVerbOpensAClause), before != nil, let after = best, isCoordinated(after.verb) {
        best = nil
      }
      if let before, best == nil || before.distance < best!.distance {
        best = before
      }
      // A title ("Meet the Press") speaks for nobody, unless a naming verb before it gives it
      // (`called it “Meet the Press”`); one after it names its own quote (`the “Southern
      // Strategy” led to what aide Kevin Phillips called “...”`).
      if rules.on(.titlesSpeakForNobody), isTitle(quote),
        !(best.map { $0.verb < first && ReportingVerbs.naming.contains(recogniser.hash(tokens[$0.verb].range)) }
          ?? false)
      {
        continue
      }
      if rules.on(.namedTermsSpeakForNobody), isNamedTerm(quote) { continue }
      if speaksForNobody(quote) { continue }
      if rules.on(.quoteAfterAnInvertedCue), let best, best.verb < first, isPastInvertedCue(best.verb, quoteAt: first) {
        cues.nobody.insert(qi)
        continue
      }
      if let best, let description = verbs.definiteDescription[best.verb] {
        cues.definiteDescription[qi] = (description, best.verb, before?.verb)
      } else if let best {
        cues.speaker[qi] = verbs.speaker[best.verb]
        cues.token[qi] = best.verb
        cues.cue[qi] = Tokenizer.string(text, tokens[best.verb].range)
        if isAccording(best.verb, hash: recogniser.hash(tokens[best.verb].range)) {
          cues.cue[qi] = "according to"
        } else if isRetort(best.verb) {
          cues.cue[qi] = Tokenizer.string(
            text, tokens[best.verb].range.lowerBound..<tokens[best.verb + 1].range.upperBound)
        }
      } else if let (s, token, cue) = cueWithoutVerb(first: first, last: last, verbs) {
        cues.speaker[qi] = s
        cues.token[qi] = token
        cues.cue[qi] = cue
      }
    }
    return cues
  }

  /// The reporting verb after a quote ending at token `last`, in the same sentence a few words
  /// on, with its distance in tokens.
  func verbAfter(quoteEndingAt last: Int, _ verbs: VerbSpeakers) -> (distance: Int, verb: Int)? {
    var k = last + 1
    var steps = 0
    // `"... will continue." Mr Kennedy said he ...`: a quote that ends with a full stop and
    // is followed by a capitalised word ends its sentence; the verb after it is the next one's.
    // `"... missing." Trump said.` still is this quote's: a name and a verb that end the
    // sentence.
    if rules.on(.fullStopEndsSentence), tokens[last].kind == .punct, tokens[last].scalar(in: text) == ".",
      let next = (last + 1..<min(last + 3, tokens.count)).first(where: { tokens[$0].kind == .word }),
      tokens[next].isCapitalised, tokens[next].block == tokens[last].block, !tokens[next].inQuote,
      !ReportingVerbs.set.contains(recogniser.lowerHash(tokens[next])),
      !endsWithAttribution(from: next)
    {
      return nil
    }
    while k < tokens.count, tokens[k].block == tokens[last].block, steps < 30 {
      let t = tokens[k]
      if t.inQuote { break }
      // "Sen. Chuck Schumer (D-N.Y.) said": the bracket is skipped whole.
      if t.kind == .punct, t.scalar(in: text) == "(",
        let close = (k + 1..<min(k + 12, tokens.count)).first(where: {
          tokens[$0].kind == .punct && tokens[$0].scalar(in: text) == ")"
        })
      {
        steps += close - k
        k = close + 1
        continue
      }
      if t.kind == .punct, Tokenizer.isStop(t.scalar(in: text)), !isAbbreviationPoint(k) { break }
      if verbs.speaker[k] != nil && !verbs.forwardOnly.contains(k) || verbs.definiteDescription[k] != nil {
        if !rules.on(.verbIntroducesNextQuote) || !introducesQuote(k) { return (steps, k) }
        break
      }
      if t.kind == .punct, "“\"".unicodeScalars.contains(t.scalar(in: text)), steps > 0 { break }
      steps += 1
      k += 1
    }
    return nil
  }

  /// Whether the verb at `v` stands right after a quote (`“...,” said Ramos`, `“...”, he
  /// said`) and the quote whose first token is `first` comes after a comma and words of the
  /// writer's (``AttributionRule/quoteAfterAnInvertedCue``): `“...,” said Ramos, whose new
  /// book features “rebellious” people`. Such a verb speaks for the quote before it; what
  /// follows its speaker describes the speaker or the scene. Untouched: a quote right after a
  /// comma (`“...,” said X, chief executive, “and ...”`: the quote goes on) and one after a
  /// cue of its own (`said a spokesman, who added he is “resting”`).
  func isPastInvertedCue(_ v: Int, quoteAt first: Int) -> Bool {
    guard v >= 2, !tokens[v].isCapitalised,
      isAfterQuote(v)
        || (tokens[v - 1].kind == .punct && tokens[v - 1].scalar(in: text) == ","
          && isAfterQuote(v - 1))
    else { return false }
    var k = v + 1
    var comma: Int?
    var wordsAfterComma = 0
    while k < first, !(tokens[k].kind == .punct && QuoteFinder.isQuoteMark(tokens[k].scalar(in: text))) {
      if tokens[k].inQuote { return false }
      if tokens[k].kind == .punct, tokens[k].scalar(in: text) == ",", comma == nil { comma = k }
      if tokens[k].kind == .word {
        if comma != nil { wordsAfterComma += 1 }
        // "said an REM spokesman, who added he is now “resting”": a cue of its own.
        if cueVerb(at: k, hash: recogniser.hash(tokens[k].range)) != nil { return false }
      }
      k += 1
    }
    // "said Karen Thomson, Chief Executive of AOL UK, “with many ...”": the quote goes on.
    if k >= 1, tokens[k - 1].kind == .punct, tokens[k - 1].scalar(in: text) == "," { return false }
    // "said Senator Mark Warner, a Virginia Democrat. “There’s ...”": a new sentence.
    if k >= 1, tokens[k - 1].kind == .punct, Tokenizer.isStop(tokens[k - 1].scalar(in: text)) { return false }
    return comma != nil && wordsAfterComma >= 1
  }

  /// The reporting verb before a quote starting at token `first`, back to the start of its
  /// sentence, with its distance in tokens.
  func verbBefore(quoteStartingAt first: Int, _ verbs: VerbSpeakers) -> (distance: Int, verb: Int)? {
    var k = first - 1
    var steps = 0
    while k >= 0, tokens[k].block == tokens[first].block, steps < 40 {
      let t = tokens[k]
      if t.inQuote { break }
      if t.kind == .punct, Tokenizer.isStop(t.scalar(in: text)), !isAbbreviationPoint(k) { break }
      if verbs.speaker[k] != nil { return (steps, k) }
      steps += 1
      k -= 1
    }
    return nil
  }

  /// A cue that is no verb, for the quote from token `first` to `last`: its speaker, the cue's
  /// token and the cue as reported.
  mutating func cueWithoutVerb(first: Int, last: Int, _ verbs: VerbSpeakers) -> (Speaker, Int?, String)? {
    if rules.on(.colonName), let e = colonSpeaker(beforeQuoteAt: first) {
      // "Clinton: “Our goal is ...”", "Pew Research: “...”".
      return (.entity(e), colonBefore(quoteAt: first), ":")
    }
    if rules.on(.dashAttribution), let (e, dash) = dashSpeaker(afterQuoteEndingAt: last) {
      // "“...” — Jane Doe", or a paragraph "- Bernie Sanders." after a quote's paragraph.
      return (.entity(e), dash, "—")
    }
    if rules.on(.colonIntroduction), let colon = colonBefore(quoteAt: first),
      let s = sentenceSubject(before: colon)
    {
      // "Trump boomed: “...”", "The email goes on: “...”": a sentence that ends in a colon
      // introduces the quote, whatever its verb; its subject speaks.
      return (s, colon, ":")
    }
    if rules.on(.colonEndsTheParagraphBefore), let colon = colonOfParagraphBefore(quoteAt: first),
      verbs.lastSpeakerOfBlock[tokens[colon].block] == nil, let s = sentenceSubject(before: colon)
    {
      // "Trump issued the following statement:" ¶ "“Our prayers ...”": the same across a
      // paragraph's end, when no reporting verb there gives the quote its speaker
      // (`..., and Breitbart News responded:`).
      return (s, colon, ":")
    }
    return nil
  }

  /// The colon that ends the paragraph right before the one a quote opens
  /// (``AttributionRule/colonEndsTheParagraphBefore``): `Stated Stone:` ¶ `“I think ...”`.
  func colonOfParagraphBefore(quoteAt first: Int) -> Int? {
    let block = tokens[first].block
    var k = first - 1
    if k >= 0, tokens[k].block == block, tokens[k].kind == .punct,
      QuoteFinder.isQuoteMark(tokens[k].scalar(in: text))
    {
      k -= 1
    }
    guard k >= 1, tokens[k].block == block - 1, recogniser.blocks[block - 1].kind == .paragraph,
      tokens[k].kind == .punct, tokens[k].scalar(in: text) == ":"
    else { return nil }
    return k
  }

  // MARK: - Stage 3: quotes with no cue

  /// A quote with no cue takes the speaker of the first quote with a cue in its paragraph,
  /// or, when it opens its paragraph, the last speaker of the paragraph before. A scare quote
  /// or a title ("terrorists", "Meet the Press") takes no speaker from another quote: only a
  /// cue in its own sentence gives it one.
  mutating func inheritSpeakers(_ verbs: VerbSpeakers, _ cues: inout QuoteCues) {
    // By block: the first quote with a speaker and a cue, and the last with a speaker, kept as
    // quotes inherit, so that each quote asks once instead of scanning every quote.
    var firstWithCue = QuoteIndexByBlock(kind: .first)
    var lastWithSpeaker = QuoteIndexByBlock(kind: .last)
    for qi in quotes.indices where cues.block[qi] >= 0 && cues.speaker[qi] != nil {
      // A passive's agent speaks for its own clause only: no other quote takes it.
      if let t = cues.token[qi], verbs.forwardOnly.contains(t) { continue }
      lastWithSpeaker.note(qi, block: cues.block[qi])
      if cues.cue[qi] != nil { firstWithCue.note(qi, block: cues.block[qi]) }
    }
    for qi in quotes.indices where cues.speaker[qi] == nil {
      // "“...,” said the 34-year-old" names someone already in the story: the person the
      // quote inherits, else the speaker of the cue before it, else the article's main person;
      // only when none, the description (``AttributionRule/invertedDescription``).
      defer { settleDefiniteDescription(qi, verbs, &cues, &firstWithCue, &lastWithSpeaker) }
      if rules.on(.scareQuotesInheritNothing), quotes[qi].kind == .fragment { continue }
      if rules.on(.titlesSpeakForNobody), isTitle(quotes[qi]) { continue }
      if rules.on(.namedTermsSpeakForNobody), isNamedTerm(quotes[qi]) { continue }
      if speaksForNobody(quotes[qi]) || cues.nobody.contains(qi) { continue }
      let block = cues.block[qi]
      guard block >= 0 else { continue }
      // The quotes of a block are consecutive, and one without a speaker never counts, so
      // the first of its block with a speaker and a cue is never `qi` itself.
      if rules.on(.sameParagraphSpeaker), let other = nearestWithCue(before: qi, cues, verbs) ?? firstWithCue[block],
        !inheritsNothingFrom(other, cues.speaker[other], qi),
        other < qi || cues.definiteDescription[qi] == nil
      {
        cues.copy(other, to: qi)
        if rules.on(.reportBetweenIsNearer), let (v, s) = reportBetween(other, qi, verbs) {
          cues.speaker[qi] = s
          cues.cue[qi] = Tokenizer.string(text, tokens[v].range)
          cues.token[qi] = v
          cues.mention[qi] = nil
        }
        lastWithSpeaker.note(qi, block: block)
        firstWithCue.note(qi, block: block)
        continue
      }
      // Opens its paragraph: the last speaker of the previous paragraph.
      let opens = quotes[qi].range.lowerBound <= recogniser.blocks[block].range.lowerBound + 1
      if rules.on(.previousSentenceSubject), !opens, quotes[qi].kind == .full,
        let (s, mention) = previousSentenceSubject(beforeQuote: quotes[qi]), case .entity(let e) = s,
        result.entities[e].kind == .person
      {
        cues.speaker[qi] = s
        cues.mention[qi] = mention
        lastWithSpeaker.note(qi, block: block)
        continue
      }
      // "..., but Ms Milanesi said it was difficult to say. “At the end of the day ...”".
      if rules.on(.previousSentenceReporter), !opens, quotes[qi].kind == .full,
        let s = previousSentenceReporter(beforeQuote: quotes[qi], verbs), isPerson(s)
      {
        cues.speaker[qi] = s
        lastWithSpeaker.note(qi, block: block)
        continue
      }
      if rules.on(.previousParagraphSpeaker), opens, let previous = previousParagraph(block) {
        // Every quote of an earlier block comes before `qi`.
        if let earlierQuote = lastWithSpeaker[previous] {
          cues.copy(earlierQuote, to: qi)
        } else if let s = verbs.lastSpeakerOfBlock[previous] {
          cues.speaker[qi] = s
          cues.cue[qi] = verbs.lastVerbOfBlock[previous].map { Tokenizer.string(text, tokens[Int($0)].range) }
          cues.token[qi] = verbs.lastVerbOfBlock[previous].map(Int.init)
        }
        if cues.speaker[qi] != nil {
          lastWithSpeaker.note(qi, block: block)
          if cues.cue[qi] != nil { firstWithCue.note(qi, block: block) }
        }
      }
    }
  }

  /// ``AttributionRule/reportBetweenIsNearer``: a reporting verb with a speaker between the
  /// quote `other` a cue-less quote `qi` would inherit from and `qi` itself, in their paragraph
  /// (`Some users said ... "click through" ... Cory Doctorow ... said that Google should not be
  /// penalised. "Of course ..."`): the report nearer the quote speaks it.
  func reportBetween(_ other: Int, _ qi: Int, _ verbs: VerbSpeakers) -> (Int, Speaker)? {
    let first = firstToken(atOrAfter: quotes[qi].range.lowerBound)
    guard first < tokens.count, let (v, s) = verbs.speaker.last(before: first), tokens[v].block == tokens[first].block,
      !tokens[v].inQuote, !verbs.forwardOnly.contains(v),
      other < qi, tokens[v].range.lowerBound >= quotes[other].range.upperBound,
      case .entity = s
    else { return nil }
    return (v, s)
  }

  /// ``AttributionRule/nearestSpeakerOfTheParagraph``: the nearest quote before `qi` in its
  /// paragraph with a speaker and a cue (a passive's agent aside), looked for among the 64
  /// quotes before it (a paragraph of thousands of quotes is not walked once a quote).
  func nearestWithCue(before qi: Int, _ cues: QuoteCues, _ verbs: VerbSpeakers) -> Int? {
    guard rules.on(.nearestSpeakerOfTheParagraph) else { return nil }
    let block = cues.block[qi]
    var j = qi - 1
    while j >= 0, j >= qi - 64, cues.block[j] == block {
      if cues.speaker[j] != nil, cues.cue[j] != nil, !(cues.token[j].map { verbs.forwardOnly.contains($0) } ?? false) {
        return j
      }
      j -= 1
    }
    return nil
  }

  /// Settles quote `qi` before `said the 34-year-old` once it has inherited what it could
  /// (``AttributionRule/invertedDescription``).
  mutating func settleDefiniteDescription(
    _ qi: Int, _ verbs: VerbSpeakers, _ cues: inout QuoteCues, _ firstWithCue: inout QuoteIndexByBlock,
    _ lastWithSpeaker: inout QuoteIndexByBlock
  ) {
    guard let (description, verb, verbBefore) = cues.definiteDescription[qi] else { return }
    var cue = verb
    if isPerson(cues.speaker[qi]) {
      cues.mention[qi] = nil
    } else if let v = verbBefore, isPerson(verbs.speaker[v]) {
      // "as he recalls the crash ... “...,” says the Waterford man": the cue before.
      cues.speaker[qi] = verbs.speaker[v]
      cue = v
    } else if case .description(let phrase) = description, Self.namesAPerson(phrase),
      let e = mainPersonOfArticle()
    {
      // A profile's "the 23-year-old": the person the article is about.
      cues.speaker[qi] = .entity(e)
      cues.mention[qi] = nil
    } else {
      cues.speaker[qi] = description
    }
    cues.token[qi] = cue
    cues.cue[qi] = Tokenizer.string(text, tokens[cue].range)
    // The quotes after it in its paragraph continue its speaker (`“...,” said the
    // 34-year-old. “I could not move.”`).
    if cues.block[qi] >= 0 {
      lastWithSpeaker.note(qi, block: cues.block[qi])
      firstWithCue.note(qi, block: cues.block[qi])
    }
  }

  /// The person the article is about: named at least three times and twice as often as
  /// anyone else (``mostNamed``, counted once), if any.
  func mainPersonOfArticle() -> Int? {
    guard let best = mostNamed.best, best.count >= 3, best.count >= 2 * mostNamed.second else { return nil }
    return best.index
  }

  /// Whether a speaker is a person named in the article.
  func isPerson(_ s: Speaker?) -> Bool {
    guard case .entity(let e) = s else { return false }
    return result.entities[e].kind == .person
  }

  /// Whether quote `qi`, with no cue, must take nothing from quote `other` of its paragraph,
  /// whose speaker is `speaker`: `other` comes after it, that speaker is not named in `qi`'s
  /// own sentence (nor, a person, by a pronoun there), and `qi` is a partial quote (``AttributionRule/partialQuotesInheritFromBefore``)
  /// or a sentence of up to three words (``AttributionRule/shortQuotesInheritFromBefore``:
  /// `Sydney’s Central Business District or “CBD.” ... – “igniting,” as Reuters reported`). A
  /// longer full quote still does (`“We stay.” “We won,” she said.`). `Heer sees the
  /// piece as ... “obscured by a populist mask.” For Jonathan Chait, ...,” he mocks` gives
  /// the first quote no speaker; `De Miranda ... looks at the 1900s as the “neon century.”
  /// ... “Since then ...,” de Miranda writes` still gives it de Miranda.
  static let subjectPronouns = WordLists.set("he He she She")

  func inheritsNothingFrom(_ other: Int, _ speaker: Speaker?, _ qi: Int) -> Bool {
    guard other > qi else { return false }
    let isPartial = rules.on(.partialQuotesInheritFromBefore) && quotes[qi].kind == .partial
    let isShort =
      rules.on(.shortQuotesInheritFromBefore) && quotes[qi].kind == .full
      && (quotedWords(quotes[qi])?.words ?? 0) <= 3
    guard isPartial || isShort else { return false }
    guard case .entity(let e) = speaker else { return true }
    let first = firstToken(atOrAfter: quotes[qi].range.lowerBound)
    let last = lastToken(before: quotes[qi].range.upperBound)
    guard first < tokens.count, last >= first else { return true }
    var k = sentenceStart(before: first)
    let block = tokens[first].block
    // To the sentence's end, which a quote's own last full stop makes too.
    let isPerson = result.entities[e].kind == .person
    while k < tokens.count, tokens[k].block == block, k <= last + Self.longestSentence {
      if result.entityOfToken[k] == Int32(e) { return false }
      // "one in which he took credit for “being right ...” ... Trump went on": a subject
      // pronoun outside the quote stands for a person named later (a possessive need not:
      // `her campaign's leadership ... for “misrepresenting ...”`).
      if isPerson, !tokens[k].inQuote, tokens[k].kind == .word,
        Self.subjectPronouns.contains(recogniser.hash(tokens[k].range))
      {
        return false
      }
      if k >= last, isSentenceEnd(k), !tokens[k].inQuote || k == last { break }
      k += 1
    }
    return true
  }

  /// The subject of the sentence before a full quote that opens a sentence inside its
  /// paragraph (``AttributionRule/previousSentenceSubject``), with its first mention in that
  /// sentence when it is named there.
  mutating func previousSentenceSubject(beforeQuote quote: Quote) -> (Speaker, TextRange?)? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    guard first < tokens.count else { return nil }
    var k = first - 1
    if k >= 0, tokens[k].kind == .punct, QuoteFinder.isQuoteMark(tokens[k].scalar(in: text)) { k -= 1 }
    guard k >= 1, tokens[k].block == tokens[first].block, !tokens[k].inQuote, isSentenceEnd(k),
      let s = sentenceSubject(before: k)
    else { return nil }
    guard case .entity(let e) = s,
      let j = (sentenceStart(before: k)..<k).first(where: { result.entityOfToken[$0] == Int32(e) })
    else { return (s, nil) }
    return (s, run(of: e, around: j))
  }

  /// ``AttributionRule/previousSentenceReporter``: the speaker of the last reporting verb of
  /// the sentence that ends right before a quote, in its paragraph, outside quotes (`New
  /// phones could drive people to upgrade, but Ms Milanesi said it was difficult to say. “At
  /// the end of the day ...”`), when that sentence's subject is no one; not a passive's agent,
  /// nor the reporter of a question the quote answers.
  func previousSentenceReporter(beforeQuote quote: Quote, _ verbs: VerbSpeakers) -> Speaker? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    guard first < tokens.count else { return nil }
    var k = first - 1
    if k >= 0, tokens[k].kind == .punct, QuoteFinder.isQuoteMark(tokens[k].scalar(in: text)) { k -= 1 }
    // A question's reporter does not answer it: `So is UKIP's job to destroy the Tories, as
    // Robert Kilroy-Silk once declared? "No. ..."` is the interviewee's.
    guard k >= 1, tokens[k].block == tokens[first].block, !tokens[k].inQuote, isSentenceEnd(k),
      tokens[k].scalar(in: text) != "?",
      let (v, s) = verbs.speaker.last(before: k), v >= sentenceStart(before: k), tokens[v].block == tokens[k].block,
      !tokens[v].inQuote, !verbs.forwardOnly.contains(v)
    else { return nil }
    return s
  }

  // MARK: - Stage 4: the report

  /// Writes each quote's speaker, cue, kind of source, source as written and reported clause.
  mutating func report(_ cues: QuoteCues, _ verbs: VerbSpeakers) {
    // Quotes of the same speaker, kind and cue share one attribution (8 bytes a quote).
    var shared = Quote.SharedAttributions()
    for qi in quotes.indices {
      if let s = cues.speaker[qi] {
        quotes[qi].setAttribution(speaker: name(of: s), speakerKind: kind(of: s), cue: cues.cue[qi], sharing: &shared)
        quotes[qi].speakerMention = cues.mention[qi]
        if let cue = cues.token[qi] {
          quotes[qi].speakerMention = writtenMention(of: s, near: cue)
          if quotes[qi].kind != .full, tokens[cue].kind == .word, tokens[cue].block == cues.block[qi] {
            quotes[qi].clause = clause(of: quotes[qi], cue: cue)
          } else if rules.on(.fullQuoteInAClause), quotes[qi].kind == .full, tokens[cue].kind == .word,
            tokens[cue].block == cues.block[qi]
          {
            quotes[qi].clause = runningClause(of: quotes[qi], cue: cue)
          }
        }
      }
      guard quotes[qi].clause == nil else { continue }
      if quotes[qi].kind == .full {
        // A title or a full quote whose verb has no speaker still sits in a clause the
        // sentence runs into (`stated that the story has moved on HBO's “Real Time.”`).
        if rules.on(.fullQuoteInAClause), cues.speaker[qi] == nil, let verb = cueVerb(ofQuote: quotes[qi], verbs) {
          quotes[qi].clause = runningClause(of: quotes[qi], cue: verb)
        }
        continue
      }
      // A partial quote whose verb has no speaker in reach still sits in that verb's clause.
      if rules.on(.cueVerbClause), let verb = cueVerb(ofQuote: quotes[qi], verbs) {
        quotes[qi].clause = clause(of: quotes[qi], cue: verb)
      }
      // A partial quote whose cue Byline does not know still sits in its sentence.
      if quotes[qi].clause == nil, cues.speaker[qi] == nil, rules.on(.partialQuoteSentence),
        quotes[qi].kind == .partial
      {
        quotes[qi].clause = sentenceClause(of: quotes[qi])
      }
    }
  }

  /// The reporting or naming verb nearest a quote in its sentence: before it, else after it.
  func cueVerb(ofQuote quote: Quote, _ verbs: VerbSpeakers) -> Int? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    let last = lastToken(before: quote.range.upperBound)
    guard first < tokens.count, last >= first else { return nil }
    let start = sentenceStart(before: first)
    // The last verb before the quote, by binary search over the verbs in reading order.
    var low = 0
    var high = verbs.cueVerbs.count
    while low < high {
      let mid = (low + high) / 2
      if verbs.cueVerbs[mid] < first { low = mid + 1 } else { high = mid }
    }
    if low > 0, verbs.cueVerbs[low - 1] >= start, tokens[verbs.cueVerbs[low - 1]].block == tokens[first].block {
      return verbs.cueVerbs[low - 1]
    }
    var k = last + 1
    while k < tokens.count, k <= last + 8, tokens[k].block == tokens[last].block, !tokens[k].inQuote,
      !isSentenceEnd(k)
    {
      while low < verbs.cueVerbs.count, verbs.cueVerbs[low] < k { low += 1 }
      if low < verbs.cueVerbs.count, verbs.cueVerbs[low] == k { return k }
      k += 1
    }
    return nil
  }

  /// The clause of a full quote the sentence runs into or out of (``AttributionRule/fullQuoteInAClause``):
  /// `Ryan says no matter what Obama does, “his word does not trump the Second Amendment.”`.
  /// Nil when the clause adds fewer than three words of its own to the quote.
  func runningClause(of quote: Quote, cue: Int) -> TextRange? {
    guard let clause = clause(of: quote, cue: cue) else { return nil }
    var words = 0
    var k = firstToken(atOrAfter: clause.lowerBound)
    while k < tokens.count, tokens[k].range.lowerBound < clause.upperBound {
      if tokens[k].kind == .word, !tokens[k].inQuote { words += 1 }
      k += 1
    }
    return words >= 3 ? clause : nil
  }
}
