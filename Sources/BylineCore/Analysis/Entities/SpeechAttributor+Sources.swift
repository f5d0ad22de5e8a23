/// What the attributor reports beside a speaker's name: the kind of source, the source as
/// written, the reported clause of a partial quote, and which quotes speak for nobody.
extension SpeechAttributor {
  /// Small words a title keeps in lowercase ("Meet the Press", "War and Peace").
  static let titleSmallWords = WordLists.set("a an the of and or in on at to for with by from de la le")

  /// A title or a name in quote marks, not speech: two to eight words, every one capitalised
  /// but the small ones, and no sentence end ("Meet the Press", "High Heeled Vote").
  func isTitle(_ quote: Quote) -> Bool {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    var words = 0
    var k = first
    while k < tokens.count, tokens[k].range.lowerBound < quote.range.upperBound {
      let t = tokens[k]
      if t.kind == .word {
        words += 1
        if !t.isCapitalised, !Self.titleSmallWords.contains(recogniser.hash(t.range)) { return false }
        if t.isCapitalised, words > 1, WordLists.malePronouns.contains(recogniser.hash(t.range)) { return false }
      } else if Tokenizer.isStop(t.scalar(in: text)) {
        // "a paper titled “Deterministic Nonperiodic Flow.”": the full stop of the sentence
        // the title ends, inside the closing mark (``AttributionRule/titleBeforeItsStop``).
        let lastOfQuote = k + 1 >= tokens.count || tokens[k + 1].range.lowerBound >= quote.range.upperBound
        guard rules.on(.titleBeforeItsStop), t.scalar(in: text) == ".", lastOfQuote else { return false }
      }
      k += 1
    }
    return words >= 2 && words <= 8
  }

  /// Words right before a quote that introduce a term, not speech: `the term “…”`, `a book
  /// titled “…”`, `the slogan “…”`.
  static let termNouns = WordLists.set(
    """
    term terms word words phrase phrases expression titled entitled slogan slogans motto nickname
    hashtag label so-called
    """)
  /// Verbs that name a thing when a noun, not a speaker, stands before them: `a technique
  /// called “…”`, `a sign reading “…”`, `translates as “…”`, `known as “…”`.
  static let termVerbs = WordLists.set("called named dubbed reading means meaning")
  /// Words before a naming verb that make it someone's speech: `what he called “…”`.
  static let speakingSubjects = WordLists.set("he she they we i you it who what which that")

  /// A term in quote marks introduced by a naming word (``AttributionRule/namedTermsSpeakForNobody``):
  /// a fragment of a few words or a title, right after `the term`, `titled`, `a slogan`, or after `called`,
  /// `reading` with no speaker before them (`a technique called “mental chronometry”`, but
  /// not `what she called “a betrayal”`, `critics called “reckless”` nor `Santos called the
  /// offer “an insult”`).
  func isNamedTerm(_ quote: Quote) -> Bool {
    guard quote.kind == .fragment || isTitle(quote) else { return false }
    var k = firstToken(atOrAfter: quote.range.lowerBound) - 1
    while k >= 0, tokens[k].kind == .punct, "“\"‘'".unicodeScalars.contains(tokens[k].scalar(in: text)) { k -= 1 }
    guard k >= 0, tokens[k].kind == .word, !tokens[k].inQuote else { return false }
    let word = recogniser.lowerHash(tokens[k])
    if Self.termNouns.contains(word) { return true }
    guard Self.termVerbs.contains(word), k >= 1, tokens[k - 1].kind == .word, !tokens[k - 1].isCapitalised else {
      return false
    }
    let before = recogniser.lowerHash(tokens[k - 1])
    return !Self.speakingSubjects.contains(before) && !Self.describers.contains(before)
  }

  /// Whether the naming word at `k` has nothing after it in its sentence, so that it is a
  /// noun and no cue (``AttributionRule/namingWordWithoutObject``): `compelled to “opt in” on
  /// Facebook's non-negotiable terms.`, `sported the Certified Sustainable Seafood label.`
  func namingWordEndsSentence(_ k: Int) -> Bool {
    guard k + 1 < tokens.count, tokens[k + 1].block == tokens[k].block else { return true }
    let next = tokens[k + 1]
    guard next.kind == .punct else { return false }
    let mark = next.scalar(in: text)
    return Tokenizer.isStop(mark) || mark == "," || mark == ";" || mark == ")"
  }

  /// The kind of source a speaker is. A place that speaks stands for its government.
  func kind(of speaker: Speaker) -> Quote.SpeakerKind {
    switch speaker {
    case .description: return .description
    case .entity(let e): return result.entities[e].kind == .person ? .person : .organisation
    }
  }

  /// Where the speaker is written near the cue token `cue`: a pronoun right beside it ("she
  /// said", "said he"), else the nearest mention of the entity in the cue's sentence, else
  /// the description's words.
  func writtenMention(of speaker: Speaker, near cue: Int) -> TextRange? {
    let block = tokens[cue].block
    func usable(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].block == block && !tokens[j].inQuote }
    for j in [cue - 1, cue + 1] where usable(j) && tokens[j].kind == .word {
      let h = recogniser.hash(tokens[j].range)
      if WordLists.malePronouns.contains(h) || WordLists.femalePronouns.contains(h)
        || h == Self.it || h == Self.capitalIt
      {
        return tokens[j].range
      }
    }
    switch speaker {
    case .entity(let e):
      // Outward from the cue, within its sentence on each side.
      var before = cue - 1
      var after = cue + 1
      var beforeOpen = true
      var afterOpen = true
      for _ in 0..<40 {
        if beforeOpen {
          if !usable(before) || isSentenceEnd(before) {
            beforeOpen = false
          } else if result.entityOfToken[before] == Int32(e) {
            return run(of: e, around: before)
          }
          before -= 1
        }
        if afterOpen {
          if !usable(after) || isSentenceEnd(after) {
            afterOpen = false
          } else if result.entityOfToken[after] == Int32(e) {
            return run(of: e, around: after)
          }
          after += 1
        }
        if !beforeOpen && !afterOpen { break }
      }
      // "said the 34-year-old", resolved to the person: the description names them.
      return rules.on(.invertedDescription) ? invertedDescriptionRange(after: cue) : nil
    case .description(let phrase):
      // The description's first word nearest the cue, if the phrase is written from there.
      let words = phrase.split(separator: " ")
      guard let firstWord = words.first else { return nil }
      let firstHash = ScalarHash(firstWord)
      for d in 0..<30 {
        for j in [cue - d, cue + d] where usable(j) && recogniser.hash(tokens[j].range) == firstHash {
          let start = tokens[j].range.lowerBound
          let end = start + phrase.unicodeScalars.count
          if end <= text.count, String(String.UnicodeScalarView(text[start..<end])) == phrase {
            return start..<end
          }
          return tokens[j].range
        }
      }
      return nil
    }
  }

  /// The text of the tokens of entity `e` around token `k` (a name of several words).
  func run(of e: Int, around k: Int) -> TextRange {
    var low = k
    var high = k
    while low > 0, result.entityOfToken[low - 1] == Int32(e), tokens[low - 1].block == tokens[k].block { low -= 1 }
    while high + 1 < tokens.count, result.entityOfToken[high + 1] == Int32(e), tokens[high + 1].block == tokens[k].block
    {
      high += 1
    }
    return tokens[low].range.lowerBound..<tokens[high].stem.upperBound
  }

  func isSentenceEnd(_ k: Int) -> Bool {
    tokens[k].kind == .punct && Tokenizer.isStop(tokens[k].scalar(in: text)) && !isAbbreviationPoint(k)
  }

  /// The reported clause a partial quote sits in, given its cue verb at token `cue` in the
  /// same sentence.
  ///
  /// With the verb before the quote, the clause runs from the words after the verb (a
  /// listener, "that" and a colon left out: `told reporters that “...”`) to the end of the
  /// clause. With the verb after it, from the start of the sentence to the comma before the
  /// attribution (`Clark's comments further “the mob mentality”, the groups say`). The clause
  /// ends at the sentence's end (a quote that ends with a full stop ends it too), a dash, a
  /// semicolon, or a comma before "and"/"but" that starts another clause. It always holds the
  /// whole quote, its marks included.
  func clause(of quote: Quote, cue: Int) -> TextRange? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    let last = lastToken(before: quote.range.upperBound)
    guard first < tokens.count, last >= first else { return nil }
    let block = tokens[first].block
    let blockRange = recogniser.blocks[block].range
    // The quote with its marks, where they are there.
    var quoteStart = quote.range.lowerBound
    var quoteEnd = quote.range.upperBound
    if quoteStart > blockRange.lowerBound, QuoteFinder.isQuoteMark(text[quoteStart - 1]) { quoteStart -= 1 }
    if quoteEnd < blockRange.upperBound, QuoteFinder.isQuoteMark(text[quoteEnd]) { quoteEnd += 1 }
    let sentenceStart = self.sentenceStart(before: first)
    if cue < first {
      guard cue >= sentenceStart else { return nil }
      var start = cue + 1
      if Self.tellForms.contains(recogniser.hash(tokens[cue].range)) {
        // "told reporters that", "told Fox News:": the listener is no part of the clause.
        var j = start
        while j < first, j < start + 5, tokens[j].kind == .word, recogniser.hash(tokens[j].range) != Self.that {
          j += 1
        }
        if j < first, recogniser.hash(tokens[j].range) == Self.that || tokens[j].kind == .punct { start = j }
      }
      if rules.on(.thatAfterTheVerbsAdjuncts), quote.kind != .full,
        Self.tellForms.contains(recogniser.hash(tokens[cue].range))
          || Self.adjunctOpeners.contains(recogniser.hash(tokens[start].range)),
        let that = thatOpeningTheReport(after: start, before: first)
      {
        start = that
      }
      while start < first,
        tokens[start].kind == .punct && ":,".unicodeScalars.contains(tokens[start].scalar(in: text))
          || recogniser.hash(tokens[start].range) == Self.that
      {
        start += 1
      }
      if rules.on(.relativeObjectOpensTheClause), quote.kind != .full,
        let pronoun = objectRelative(before: cue, from: sentenceStart)
      {
        start = pronoun
      }
      let lower = min(tokens[start].range.lowerBound, quoteStart)
      return lower..<max(clauseEnd(after: last, quoteEnd: quoteEnd), lower)
    }
    // The verb after the quote: back to the sentence's start, forward to the comma before
    // the attribution.
    guard !(last + 1..<cue).contains(where: { isSentenceEnd($0) && !tokens[$0].inQuote }) else { return nil }
    var end = cue - 1
    while end > last, !(tokens[end].kind == .punct && tokens[end].scalar(in: text) == ",") { end -= 1 }
    let lower = min(tokens[sentenceStart].range.lowerBound, quoteStart)
    let upper = end > last ? tokens[end].range.lowerBound : quoteEnd
    return lower..<max(upper, quoteEnd)
  }

  /// ``AttributionRule/relativeObjectOpensTheClause``: the relative pronoun that is the object
  /// of the verb at token `cue`, a subject of one to five words between them (`what aide
  /// Kevin Phillips called “the beginning”`, `whom he described as “peaceful”`): the naming
  /// is the clause, pronoun and subject included.
  func objectRelative(before cue: Int, from sentenceStart: Int) -> Int? {
    guard recogniser.lowerHash(tokens[cue]) != ReportingVerbs.according else { return nil }
    var j = cue - 1
    while j >= sentenceStart, j >= cue - 6 {
      let t = tokens[j]
      guard t.kind == .word, !t.inQuote else { return nil }
      if Self.objectRelatives.contains(recogniser.lowerHash(t)) {
        // `which have publicly stated`: the pronoun is the subject, the clause is the verb's.
        guard j < cue - 1, !Self.auxiliaries.contains(recogniser.lowerHash(tokens[j + 1])) else { return nil }
        return j
      }
      j -= 1
    }
    return nil
  }

  /// Relative pronouns that can be a verb's object.
  static let objectRelatives = WordLists.set("what whom which")

  /// Words that open a verb's adjunct of place or time (`wrote in a court file that`, `said
  /// Tuesday that`), past which a "that" still opens the verb's report.
  static let adjunctOpeners = WordLists.set(
    "in on at during after before from with last this earlier yesterday today tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
  )

  /// ``AttributionRule/thatAfterTheVerbsAdjuncts``: the "that" opening the report when words
  /// and commas stand between the verb and it (`told supporters Tuesday night that “...”`,
  /// `wrote in a court file that`); nil when none does within a dozen tokens of `start`.
  func thatOpeningTheReport(after start: Int, before first: Int) -> Int? {
    var j = start
    while j < first, j < start + 12 {
      let t = tokens[j]
      // A quote, or a form of `be` (`said Thursday his worry is that`): the report has begun.
      if t.inQuote || Self.beForms.contains(recogniser.lowerHash(t)) { return nil }
      if t.kind == .word {
        if recogniser.hash(t.range) == Self.that { return j > start ? j : nil }
      } else if t.scalar(in: text) != "," {
        return nil
      }
      j += 1
    }
    return nil
  }

  /// The clause of a partial quote with no cue: from its sentence's start, or the verb nearest
  /// before it (``AttributionRule/clauseAfterTheVerbBefore``), to the clause's end.
  func sentenceClause(of quote: Quote) -> TextRange? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    let last = lastToken(before: quote.range.upperBound)
    guard first < tokens.count, last >= first else { return nil }
    let blockRange = recogniser.blocks[tokens[first].block].range
    var quoteEnd = quote.range.upperBound
    if quoteEnd < blockRange.upperBound, QuoteFinder.isQuoteMark(text[quoteEnd]) { quoteEnd += 1 }
    let sentence = sentenceStart(before: first)
    var start = tokens[sentence].range.lowerBound
    // "Trump insisted that he has “expanded the party”", "called the frontrunner “ISIS' best
    // recruiter”": the clause opens after the nearest verb before the quote.
    if rules.on(.clauseAfterTheVerbBefore),
      let verb = (sentence..<first).reversed().first(where: { opensReportedClause($0) }),
      verb + 1 < first
    {
      var next = verb + 1
      if recogniser.hash(tokens[next].range) == Self.that { next += 1 }
      start = min(tokens[next].range.lowerBound, quote.range.lowerBound)
    }
    return start..<clauseEnd(after: last, quoteEnd: quoteEnd)
  }

  /// The first token of the sentence holding token `k` (sentence ends inside quotes do not
  /// count), at most ``longestSentence`` tokens back.
  ///
  /// A scan that reaches the token the previous call began at (in the same block) ends with
  /// that call's answer: quotes are asked about in order, so a paragraph of many quotes and no
  /// sentence end outside them is walked once, not once a quote (a 2 MB paragraph of quotes
  /// took minutes).
  func sentenceStart(before k: Int) -> Int {
    let block = tokens[k].block
    let memo = lastSentenceStart.answer
    let limit = k - Self.longestSentence
    var start = k - 1
    while start >= 0, start >= limit, tokens[start].block == block {
      if let memo, memo.block == block, memo.k - 1 == start {
        start = max(memo.start, limit) - 1
        break
      }
      if isSentenceEnd(start) && !tokens[start].inQuote { break }
      start -= 1
    }
    lastSentenceStart.answer = (k, block, start + 1)
    return start + 1
  }

  /// Whether the word at `k` is a verb that can open a clause of someone's words: a reporting
  /// verb, a participle or a past form, not a form of `be` or `have` (`for being a “failed
  /// candidate”`) nor a passive (`jobs that are considered “inherently governmental”`).
  func opensReportedClause(_ k: Int) -> Bool {
    guard !tokens[k].inQuote, startsVerbPhrase(k), !Self.auxiliaryParticiples.contains(recogniser.hash(tokens[k].range))
    else { return false }
    return k == 0 || tokens[k - 1].kind != .word || !Self.beForms.contains(recogniser.lowerHash(tokens[k - 1]))
  }

  /// Participles of `be` and `have`, which open no reported clause.
  static let auxiliaryParticiples = WordLists.set("being having")

  /// Where the clause that holds a quote ending at token `last` ends.
  func clauseEnd(after last: Int, quoteEnd: Int) -> Int {
    let block = tokens[last].block
    // A quote that ends with its sentence's full stop, or with a comma, ends the clause
    // (`said he would “protect our citizens,” the crowd applauded`).
    if tokens[last].kind == .punct, ".!?,".unicodeScalars.contains(tokens[last].scalar(in: text)) { return quoteEnd }
    var end = quoteEnd
    var k = last + 1
    while k < tokens.count, tokens[k].block == block, k <= last + Self.longestClause {
      let t = tokens[k]
      if t.inQuote {
        end = max(end, t.range.upperBound)
        // "... making sure it's “updated.”": a quote's own full stop ends the sentence.
        if t.kind == .punct, Tokenizer.isStop(t.scalar(in: text)), k + 1 < tokens.count, !tokens[k + 1].inQuote {
          return end + (k + 1 < tokens.count && QuoteFinder.isQuoteMark(tokens[k + 1].scalar(in: text)) ? 1 : 0)
        }
        k += 1
        continue
      }
      if t.kind == .punct {
        if isSentenceEnd(k) || Self.isClauseBreak(t.scalar(in: text)) { return end }
        if t.scalar(in: text) == ",", k + 1 < tokens.count,
          Self.clauseConjunctions.contains(recogniser.hash(tokens[k + 1].range))
        {
          return end
        }
        // "would “not get beat up” at his rally, leaving": a participle after a comma starts
        // the reporter's own words.
        if rules.on(.commaBeforeAParticiple), t.scalar(in: text) == ",", k + 1 < tokens.count,
          tokens[k + 1].block == block, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalised, isParticiple(k + 1)
        {
          return end
        }
        if !QuoteFinder.isQuoteMark(t.scalar(in: text)), t.scalar(in: text) != "," { end = t.range.upperBound }
        if QuoteFinder.isQuoteMark(t.scalar(in: text)) { end = t.range.upperBound }
      } else {
        // "calling Alwaleed “dopey” and accusing him", "said it was “an insult” and walked
        // out": another verb starts another clause.
        if Self.clauseConjunctions.contains(recogniser.hash(t.range)), k + 1 < tokens.count, startsVerbPhrase(k + 1) {
          return end
        }
        end = t.range.upperBound
      }
      k += 1
    }
    return end
  }

  /// A dash, semicolon or colon: it ends a reported clause (a switch, not a search of a
  /// string's scalars, in ``clauseEnd(after:quoteEnd:)``'s loop).
  static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "-", "\u{2013}", "\u{2014}", ";", ":": return true
    default: return false
    }
  }

  /// A lowercase participle, past tense ("walked") or reporting verb at token `k`.
  func startsVerbPhrase(_ k: Int) -> Bool {
    let t = tokens[k]
    guard t.kind == .word, !t.isCapitalised else { return false }
    return isParticiple(k) || ReportingVerbs.set.contains(recogniser.hash(t.range)) || isPastForm(k)
  }

  static let clauseConjunctions = WordLists.set("and but while as although though whereas")
}
