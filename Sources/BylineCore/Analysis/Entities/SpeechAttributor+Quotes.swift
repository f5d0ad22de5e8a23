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
    var mention: OptionalRangeColumn

    init(count: Int) {
      speaker = SpeakerColumn(count: count)
      cue = OptionalStringColumn(count: count)
      token = OptionalIndexColumn(count: count)
      mention = OptionalRangeColumn(count: count)
      block.reserveCapacity(count)
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
      if h == ReportingVerbs.according, rules.on(.accordingTo) {
        if let s = accordingToSpeaker(k) {
          verbs.speaker[k] = s
          verbs.lastSpeakerOfBlock[block] = s
        }
        continue
      }
      guard let isNaming = cueVerb(at: k, hash: h) else { continue }
      verbs.cueVerbs.append(k)
      // "X said ..., adding": the participle's speaker is the last speaker of the sentence.
      if rules.on(.participleContinuesSpeaker), let s = continuedSpeaker(participle: k, verbs) {
        verbs.speaker[k] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
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
      if let s = subject(of: k) {
        verbs.speaker[k] = s
        verbs.lastSpeakerOfBlock[block] = s
        verbs.lastVerbOfBlock[block] = Int32(k)
        if !isNaming { addReportedSpeech(verb: k, speaker: s) }
      }
    }
    return verbs
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
    guard ReportingVerbs.set.contains(h) || isSentenceInitial || isNaming else { return nil }
    // "to demand", "to say": an infinitive reports nothing.
    if k >= 1, recogniser.hash(tokens[k - 1].range) == Self.to { return nil }
    // "the label", "in terms of": a naming word after a determiner or a preposition is a noun.
    if isNaming, !ReportingVerbs.set.contains(h), k >= 1,
      Self.nounMarkers.contains(recogniser.lowerHash(tokens[k - 1]))
    {
      return nil
    }
    return isNaming
  }

  /// The speaker a participle after a comma continues: that of the last verb of its sentence
  /// within 40 tokens (``AttributionRule/participleContinuesSpeaker``).
  func continuedSpeaker(participle k: Int, _ verbs: VerbSpeakers) -> Speaker? {
    guard isParticiple(k), followsComma(k), let previous = verbs.lastVerbOfBlock[tokens[k].block].map(Int.init),
      k - previous < 40
    else { return nil }
    return verbs.speaker[previous]
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
      if let before = verbBefore(quoteStartingAt: first, verbs), best == nil || before.distance < best!.distance {
        best = before
      }
      // A title ("Meet the Press") speaks for nobody, unless a naming verb gives it.
      if rules.on(.titlesSpeakForNobody), isTitle(quote),
        !(best.map { ReportingVerbs.naming.contains(recogniser.hash(tokens[$0.verb].range)) } ?? false)
      {
        continue
      }
      if rules.on(.namedTermsSpeakForNobody), isNamedTerm(quote) { continue }
      if speaksForNobody(quote) { continue }
      if let best {
        cues.speaker[qi] = verbs.speaker[best.verb]
        cues.token[qi] = best.verb
        cues.cue[qi] = Tokenizer.string(text, tokens[best.verb].range)
        if recogniser.hash(tokens[best.verb].range) == ReportingVerbs.according {
          cues.cue[qi] = "according to"
        }
      } else if let (s, token, cue) = cueWithoutVerb(first: first, last: last) {
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
      if verbs.speaker[k] != nil {
        if !rules.on(.verbIntroducesNextQuote) || !introducesQuote(k) { return (steps, k) }
        break
      }
      if t.kind == .punct, "“\"".unicodeScalars.contains(t.scalar(in: text)), steps > 0 { break }
      steps += 1
      k += 1
    }
    return nil
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
  mutating func cueWithoutVerb(first: Int, last: Int) -> (Speaker, Int?, String)? {
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
    return nil
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
      lastWithSpeaker.note(qi, block: cues.block[qi])
      if cues.cue[qi] != nil { firstWithCue.note(qi, block: cues.block[qi]) }
    }
    for qi in quotes.indices where cues.speaker[qi] == nil {
      if rules.on(.scareQuotesInheritNothing), quotes[qi].kind == .fragment { continue }
      if rules.on(.titlesSpeakForNobody), isTitle(quotes[qi]) { continue }
      if rules.on(.namedTermsSpeakForNobody), isNamedTerm(quotes[qi]) { continue }
      if speaksForNobody(quotes[qi]) { continue }
      let block = cues.block[qi]
      guard block >= 0 else { continue }
      // The quotes of a block are consecutive, and one without a speaker never counts, so
      // the first of its block with a speaker and a cue is never `qi` itself.
      if rules.on(.sameParagraphSpeaker), let other = firstWithCue[block] {
        cues.copy(other, to: qi)
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
