/// Quotes that speak for nobody by the words around them: a nickname inside a name or after
/// `known as`, a title after its owner, after its kind of work, after `titled` or before its
/// author, a name or an exclamation before the noun it modifies. Each is a rule of its own
/// (``AttributionRule``), checked before any cue is taken and before any speaker is inherited.
///
/// Four more were measured and removed. A quoted modifier before its noun (`an “exceptional”
/// year`) gained 3 web scare quotes (one page) and 3 PolNeAR spans, but took the speaker
/// from about 50 BBC partial quotes of named speakers (`Nestle said it had enjoyed an
/// “exceptional” year`), whose shape is the same; only an exclamation or a question keeps it
/// (``AttributionRule/exclamationBeforeItsNoun``, which no determiner limits to one page). A
/// short name after `or` and a name (`Central Business District or “CBD.”`) gained in that one
/// web page only. A lowercase modifier that takes no cue after it (`a federal “supermax”
/// prison ..., and a former defense official said`) cost BBC indirect speech its speakers
/// (`would be “priority number one” ..., he said`), and a gloss after a language (`Latin for
/// “truth”`) gained in one article.
extension SpeechAttributor {
  /// Whether a rule of this file says the quote speaks for nobody.
  func speaksForNobody(_ quote: Quote) -> Bool {
    guard let words = quotedWords(quote) else { return false }
    if rules.on(.nicknameInAName), isNickname(words) { return true }
    if rules.on(.titleAfterItsOwner), isTitleAfterOwner(words) { return true }
    if rules.on(.titleAfterAWorkNoun), isTitleAfterWorkNoun(words) { return true }
    if rules.on(.knownAsAName), isKnownAsName(quote, words) { return true }
    if rules.on(.titleBeforeItsAuthor), isTitleBeforeAuthor(words) { return true }
    if rules.on(.quotedNameBeforeItsNoun), isNameBeforeItsNoun(words) { return true }
    if rules.on(.titledIsATitle), isAfterTitled(words) { return true }
    if rules.on(.exclamationBeforeItsNoun), isExclamationBeforeItsNoun(words) { return true }
    return false
  }

  /// The tokens of a quote's words: the first and last token inside it, the word before its
  /// opening mark and the token after its closing mark (both outside quotes, in its block),
  /// the number of its words and of its capitalised ones, and whether a sentence ends inside
  /// it before its last token.
  struct QuotedWords {
    var first: Int
    var last: Int
    var before: Int?
    var after: Int?
    var words = 0
    var capitalised = 0
    var stopInside = false
    /// The quote ends with a full stop, `!` or `?` inside its closing mark.
    var endsWithStop = false
  }

  func quotedWords(_ quote: Quote) -> QuotedWords? {
    let first = firstToken(atOrAfter: quote.range.lowerBound)
    let last = lastToken(before: quote.range.upperBound)
    guard first < tokens.count, last >= first else { return nil }
    var w = QuotedWords(first: first, last: last)
    for k in first...last {
      let t = tokens[k]
      if t.kind == .word {
        w.words += 1
        if t.isCapitalised || (w.words > 1 && Self.titleSmallWords.contains(recogniser.hash(t.range))) {
          w.capitalised += 1
        }
      } else if Tokenizer.isStop(t.scalar(in: text)) {
        if k == last { w.endsWithStop = true } else if !isAbbreviationPoint(k) { w.stopInside = true }
      }
    }
    let block = tokens[first].block
    var b = first - 1
    while b >= 0, tokens[b].block == block, tokens[b].kind == .punct,
      QuoteFinder.isQuoteMark(tokens[b].scalar(in: text))
    {
      b -= 1
    }
    if b >= 0, tokens[b].block == block, !tokens[b].inQuote { w.before = b }
    var a = last + 1
    while a < tokens.count, tokens[a].block == block, tokens[a].kind == .punct,
      QuoteFinder.isQuoteMark(tokens[a].scalar(in: text))
    {
      a += 1
    }
    if a < tokens.count, tokens[a].block == block, !tokens[a].inQuote, a > last + 1 { w.after = a }
    return w
  }

  /// Whether every word of the quote is capitalised, small words of a title aside.
  func isTitleCased(_ w: QuotedWords) -> Bool { w.words >= 1 && w.capitalised == w.words }

  /// A nickname of one or two capitalised words between the parts of a name
  /// (``AttributionRule/nicknameInAName``): `Gov. C.L. “Butch” Otter`, `Jesús “Chuy” García`.
  func isNickname(_ w: QuotedWords) -> Bool {
    guard w.words <= 2, isTitleCased(w), !w.stopInside, !w.endsWithStop, let before = w.before,
      let after = w.after
    else { return false }
    let next = tokens[after]
    guard next.kind == .word, next.isCapitalised, !next.isAllCaps else { return false }
    let previous = tokens[before]
    if previous.kind == .word {
      return previous.isCapitalised && !previous.startsSentence && !previous.isPossessive
        && !WordLists.titles.contains(recogniser.hash(previous.range))
    }
    // "C.L. “Butch”": an initial's point.
    return previous.scalar(in: text) == "." && before >= 1 && tokens[before - 1].kind == .word
      && tokens[before - 1].range.count == 1 && tokens[before - 1].isCapitalised
  }

  /// A title right after its owner's possessive (``AttributionRule/titleAfterItsOwner``): every
  /// word capitalised but a title's small ones, up to ten words: `on NBC’s “Today”`, `Fox News
  /// Channel’s “Hannity,”`, `WTMJ’s “Midday with Charlie Sykes,”`.
  func isTitleAfterOwner(_ w: QuotedWords) -> Bool {
    guard w.words <= 10, isTitleCased(w), !w.stopInside, let before = w.before else { return false }
    return tokens[before].kind == .word && tokens[before].isPossessive
  }

  /// Nouns of a work whose title follows them in quote marks.
  static let workNouns = WordLists.set(
    """
    book books film films movie movies documentary documentaries show shows series sitcom
    programme program play plays musical novel novels memoir album albums song songs column
    essay poem episode podcast newsletter magazine blockbuster
    """)

  /// A title after the noun of its kind of work, perhaps with a comma between
  /// (``AttributionRule/titleAfterAWorkNoun``): most of its words capitalised, the first one
  /// always (`the documentary “Weiner.”`, `In her book “A Paradise Built in Hell: The
  /// Extraordinary Communities that Arise in Disaster,” Rebecca Solnit wrote`).
  func isTitleAfterWorkNoun(_ w: QuotedWords) -> Bool {
    guard tokens[w.first].isCapitalised, w.capitalised * 3 >= w.words * 2, var b = w.before else { return false }
    if tokens[b].kind == .punct, tokens[b].scalar(in: text) == ",", b >= 1 { b -= 1 }
    let t = tokens[b]
    return t.kind == .word && !t.isCapitalised && Self.workNouns.contains(recogniser.hash(t.stem))
  }

  static let known = ScalarHash("known")
  static let asWord = ScalarHash("as")
  static let nicknames = WordLists.set("nicknamed aka a.k.a alias")

  /// A name after `known as` or `nicknamed` (``AttributionRule/knownAsAName``): a fragment or
  /// a title-cased quote of up to six words, `the hacker known as “Guccifer,” stated`.
  func isKnownAsName(_ quote: Quote, _ w: QuotedWords) -> Bool {
    guard quote.kind == .fragment || (w.words <= 6 && isTitleCased(w)), !w.stopInside, let b = w.before,
      tokens[b].kind == .word
    else { return false }
    let h = recogniser.lowerHash(tokens[b])
    if Self.nicknames.contains(h) { return true }
    return h == Self.asWord && b >= 1 && tokens[b - 1].kind == .word
      && recogniser.lowerHash(tokens[b - 1]) == Self.known
  }

  static let by = ScalarHash("by")

  /// A title before `by` and its author, perhaps with a comma between
  /// (``AttributionRule/titleBeforeItsAuthor``): two words or more, the first capitalised,
  /// no sentence inside, and a capitalised word after `by` (`“Perfect Enough: Carly Fiorina
  /// and the Reinvention of Hewlett-Packard” by George Anders`, `“The Living Room to close,”
  /// by Times’ Ben Sisario:`).
  func isTitleBeforeAuthor(_ w: QuotedWords) -> Bool {
    guard w.words >= 2, tokens[w.first].isCapitalised, !w.stopInside, var a = w.after else { return false }
    if tokens[a].kind == .punct, tokens[a].scalar(in: text) == "," { a += 1 }
    guard a + 1 < tokens.count, tokens[a].kind == .word, recogniser.hash(tokens[a].range) == Self.by else {
      return false
    }
    let author = tokens[a + 1]
    return author.kind == .word && author.isCapitalised && author.block == tokens[a].block && !author.inQuote
  }

  /// Lowercase words after a quote that are no noun it could modify: function words, forms
  /// of `be`, `have` and the modals, pronouns.
  static let notNouns = WordLists.set(
    """
    and or but nor on in at to for of from by with about as than that which who whom whose
    when where while if because before after until since unless though although so then
    also not is are was were be been being has have had will would can could should shall
    may might must do does did the a an this these those his her its their our my your he
    she it they we i you him them us me there here now again too into onto upon over under
    against between through during without within across around
    """)

  /// A capitalised name in quote marks that modifies the noun right after it
  /// (``AttributionRule/quotedNameBeforeItsNoun``): up to eight words, the first capitalised,
  /// after a determiner or a possessive or opening its sentence before a role and a name, no
  /// punctuation at its end nor after its closing mark, and a lowercase word next that is no
  /// function word, no reporting verb and no `-ed` or `-ly` form: `the “Perception”
  /// syllabus`, `“Orange is the New Black” star Selenis Leyva`, `the “Vote Leave” campaign`.
  func isNameBeforeItsNoun(_ w: QuotedWords) -> Bool {
    guard w.words <= 8, tokens[w.first].isCapitalised, tokens[w.last].kind == .word, !w.stopInside,
      let after = w.after, after == w.last + 2
    else { return false }
    let next = tokens[after]
    guard next.kind == .word, !next.isCapitalised else { return false }
    // After a determiner or a possessive, or opening its sentence: not a verb's object
    // (`reading “Thank you Georgia” moments after`, `said “CNN” five times`).
    if let before = w.before, !isSentenceEnd(before) {
      let b = tokens[before]
      guard b.kind == .word,
        b.isPossessive || Self.nounDeterminers.contains(recogniser.lowerHash(b))
      else { return false }
    } else {
      // Opening its sentence, the noun is a role before a name (`“Friends” star Jennifer
      // Aniston`), not speech running on (`“I held and hugged” grieving family members`).
      guard after + 1 < tokens.count, tokens[after + 1].kind == .word, tokens[after + 1].isCapitalised,
        tokens[after + 1].block == next.block
      else { return false }
    }
    let h = recogniser.lowerHash(next)
    if Self.notNouns.contains(h) || ReportingVerbs.set.contains(h) { return false }
    let r = next.range
    guard r.count > 2 else { return false }
    let end = (text[r.upperBound - 2], text[r.upperBound - 1])
    return !(end == ("e", "d") || end == ("l", "y"))
  }

  /// Words that introduce a title, whatever its shape.
  static let titling = WordLists.set("titled entitled headlined subtitled")

  /// A quote right after `titled` or `entitled`, perhaps with a comma between, is a title
  /// whatever its shape, a question or sentences too (``AttributionRule/titledIsATitle``):
  /// `The ad, titled “Unifier?”, concludes`, `a column entitled “Sanders’s ideas are not too
  /// bold. They are too facile.”`.
  func isAfterTitled(_ w: QuotedWords) -> Bool {
    guard var b = w.before else { return false }
    if tokens[b].kind == .punct, tokens[b].scalar(in: text) == ",", b >= 1 { b -= 1 }
    return tokens[b].kind == .word && !tokens[b].inQuote && Self.titling.contains(recogniser.lowerHash(tokens[b]))
  }

  /// Words that open a phrase naming who spoke, not a noun a quote modifies: `“...!” one
  /// person tweeted`, `“...!” some protesters chanted`.
  static let quantifiers = WordLists.set(
    """
    one some many several few all both each every no any another someone somebody everyone
    everybody nobody anyone anybody most
    """)

  /// An exclamation or a question in quote marks that modifies the noun right after its
  /// closing mark (``AttributionRule/exclamationBeforeItsNoun``): the quote ends with `!` or
  /// `?`, and the next word is lowercase, no function word, no quantifier, no `-ing`, `-ed`
  /// or `-ly` form, no role before a name, and neither it nor the word after it a reporting
  /// verb (`“Help!” people shouted` is speech), unless it ends its sentence, where a verb
  /// would want a subject after it: `that “a-ha!” moment`, `our “eureka!” moments`, `drawing
  /// loud jeers and “BERNIE!” chants.`, `“should I, shouldn't I?” thoughts about going`.
  func isExclamationBeforeItsNoun(_ w: QuotedWords) -> Bool {
    guard tokens[w.last].kind == .punct, "!?".unicodeScalars.contains(tokens[w.last].scalar(in: text)),
      let after = w.after, after == w.last + 2
    else { return false }
    let noun = tokens[after]
    guard noun.kind == .word, !noun.isCapitalised else { return false }
    let h = recogniser.lowerHash(noun)
    if Self.notNouns.contains(h) || Self.quantifiers.contains(h) { return false }
    let r = noun.range
    guard r.count > 2 else { return false }
    let end = (text[r.upperBound - 2], text[r.upperBound - 1])
    if end == ("e", "d") || end == ("l", "y") || isParticiple(after) { return false }
    let next = after + 1
    let endsSentence = next >= tokens.count || tokens[next].block != noun.block || isSentenceEnd(next)
    if ReportingVerbs.set.contains(h), !endsSentence { return false }
    guard !endsSentence, tokens[next].kind == .word else { return true }
    // "“But why?” reporter Jackie Nespral asked": a role before a name.
    if tokens[next].isCapitalised { return false }
    return !ReportingVerbs.set.contains(recogniser.lowerHash(tokens[next]))
  }

  /// Whether the reporting verb at `v`, after the quote from token `first` to `last`, is the
  /// verb of a subject that stands before the quote, so that the quote sits in that subject's
  /// appositive or relative clause and is no content of the verb
  /// (``AttributionRule/quoteInTheSubjectsAppositive``): a comma right before the verb, the
  /// writer's words between the quote's closing mark and that comma, and the sentence opening
  /// with its subject and a comma before the quote, a person or an organisation or a short
  /// phrase after a determiner or a possessive: `Emery, a writer for partisan “fact-checking”
  /// website Snopes.com which soon will be in charge of labelling “fake news” alongside ABC
  /// News and Politifact, retweeted an article by Vulture`, `The author's sources, all unnamed
  /// “allies” of Mr Blair and Mr Brown, said the prime minister felt`. The quote takes the
  /// nearest verb before it instead, if any. Untouched: `“...,” said Ramos` (the comma right
  /// after the quote), `..., the groups say` (a subject after the comma), `“...,” Jeff
  /// Ravencraft, chairman of the group, told` (the sentence opens with the quote). Without
  /// this rule such a verb reads as inverted (`..., said X`) for want of a name right before
  /// its comma, and its speaker is the first name after it, its object: `Vulture`, `the prime
  /// minister`.
  func isVerbOfSubjectBeforeQuote(_ v: Int, first: Int, last: Int) -> Bool {
    guard v >= 2, v > last + 2, tokens[v - 1].kind == .punct, tokens[v - 1].scalar(in: text) == ",",
      !tokens[v - 1].inQuote,
      (last + 1..<v - 1).contains(where: { tokens[$0].kind == .word && !tokens[$0].inQuote })
    else { return false }
    // The subject and the comma that opens its appositive, at the sentence's start before
    // the quote (the tokenizer keeps the point of `Snopes.com` inside its word).
    var k = sentenceStart(before: first)
    guard k < first, tokens[k].kind == .word else { return false }
    if let e = entityEnding(at: k) {
      // `Emery, a writer ...`: a person or an organisation.
      while k + 1 < first, result.entityOfToken[k + 1] == Int32(e) { k += 1 }
    } else {
      // `The author's sources, all unnamed “allies” of ..., said`: a determiner or a
      // possessive and up to three more words.
      let opening = tokens[k]
      guard opening.isPossessive || Self.nounDeterminers.contains(recogniser.lowerHash(opening)) else {
        return false
      }
      let end = k
      while k + 1 < first, k + 1 <= end + 3, tokens[k + 1].kind == .word {
        let h = recogniser.lowerHash(tokens[k + 1])
        if Self.notNouns.contains(h) || ReportingVerbs.set.contains(h) { return false }
        k += 1
      }
      guard k > end || opening.isPossessive else { return false }
    }
    let comma = k + 1
    return comma < first && tokens[comma].kind == .punct && tokens[comma].scalar(in: text) == ","
  }
}
