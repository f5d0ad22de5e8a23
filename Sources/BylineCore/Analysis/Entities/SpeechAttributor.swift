/// Gives each quote a speaker and a cue, and finds speech reported without quote marks.
///
/// Rules, most precise first:
/// 1. A reporting verb in the same sentence as the quote, after it (`"...," X said`,
///    `"...," said X`) or before it (`X said: "..."`, `pledged that "..."`), whichever is
///    nearer; its subject is the nearest name before it (skipping an appositive
///    `X, a 57-year-old postal worker, said`), a pronoun resolved to the last person of
///    matching sex, or an unnamed organisation ("the foreign ministry").
/// 2. `according to X` in the sentence.
/// 3. A quote with no cue takes the speaker of an attributed quote in the same paragraph,
///    or, when it opens its paragraph, the last speaker of the paragraph before.
/// 4. Otherwise it stays unattributed.
struct SpeechAttributor {
  let recogniser: EntityRecognizer
  var result: EntityRecognizer.Result
  var quotes: [Quote]
  var reported: [ReportedSpeech] = []
  /// Which rules apply (all but those switched off for measuring).
  let rules: AnalysisRules
  /// The first token of each block (the block's token count past its end when it has none),
  /// so that finding a paragraph's start costs nothing however long the paragraph is.
  let firstTokenOfBlock: [Int32]
  /// The person named most often and the count of the one after, for ``mainPerson``:
  /// attribution never changes a person's mentions, so they are counted once.
  let mostNamed: (best: (index: Int, count: Int)?, second: Int)
  /// The first organisation of each name, for ``describe(noun:)``, kept as it adds some;
  /// made the first time it is asked (a list of 165,000 names made a tenth of its analysis
  /// hashing every organisation's name for a table no quote asked).
  var organisationNamed: [String: Int]?
  /// How many entities there were when the attributor was made: the table is of those.
  let entitiesAtStart: Int
  /// Mentions of the organisations ``describe(noun:)`` has added a mention to, as sets.
  var mentionSets: [Int: Set<TextRange>] = [:]
  /// The last sentence start ``sentenceSubject(before:)`` found: from which token its scan
  /// began, in which block, and where it ended.
  var sentenceStartMemo: (from: Int, block: Int, start: Int)?
  /// The last answer of ``sentenceStart(before:)``, shared by the struct's copies (the
  /// function is asked from non-mutating ones).
  let lastSentenceStart = LastSentenceStart()

  /// The most tokens (words and marks) a scan for a sentence's or a clause's bounds walks:
  /// no sentence of news comes near it (answers on every dev corpus are the same with and
  /// without it), and a paragraph with no sentence end (2 MB of `"yes" said ann and "no"`)
  /// is walked in pieces this long for each quote and verb, not whole.
  static let longestSentence = 300
  /// The most tokens ``clauseEnd(after:quoteEnd:)`` walks past a quote: the rest of a
  /// reported clause is a few words in news (the same answers on every dev corpus), and each
  /// quote of a paragraph with no stop walked ``longestSentence`` tokens (a third of its time).
  static let longestClause = 100

  final class LastSentenceStart: @unchecked Sendable {
    var answer: (k: Int, block: Int, start: Int)?
  }

  var tokens: [Token] { recogniser.tokens }
  var text: ScalarText { recogniser.text }

  /// A speaker found for a reporting verb.
  enum Speaker: Equatable {
    case entity(Int)
    /// A description that names no entity ("a spokesman"), as written.
    case description(String)
  }

  init(
    recogniser: EntityRecognizer, result: EntityRecognizer.Result, quotes: [Quote],
    rules: AnalysisRules = AnalysisRules()
  ) {
    self.recogniser = recogniser
    self.result = result
    self.quotes = quotes
    self.rules = rules
    var firsts = [Int32](repeating: Int32(recogniser.tokens.count), count: recogniser.blocks.count)
    for (k, t) in recogniser.tokens.enumerated().reversed() { firsts[t.block] = Int32(k) }
    firstTokenOfBlock = firsts
    var best: (index: Int, count: Int)?
    var second = 0
    for (i, e) in result.entities.enumerated() where e.kind == .person {
      let n = e.mentionCount
      if n > (best?.count ?? 0) {
        second = best?.count ?? 0
        best = (i, n)
      } else if n > second {
        second = n
      }
    }
    mostNamed = (best, second)
    entitiesAtStart = result.entities.count
  }

  /// ``organisationNamed``, made from the entities found before attribution (their names
  /// and kinds do not change in it) if it has not been yet.
  mutating func organisationsByName() -> [String: Int] {
    if let organisationNamed { return organisationNamed }
    var named: [String: Int] = [:]
    for i in 0..<entitiesAtStart where result.entities[i].kind == .organisation {
      let name = result.entities[i].name
      if named[name] == nil { named[name] = i }
    }
    organisationNamed = named
    return named
  }

  static let that = ScalarHash("that")
  /// Words of address before a name in an appositive ("the Most Reverend Peter Smith").
  static let honorifics = WordLists.set("the Most Right Very Reverend Rev Honourable Hon Venerable")
  static let to = ScalarHash("to")
  static let who = WordLists.set("who which")
  /// Words before a naming word that make it a noun: "the label", "in terms of".
  static let nounMarkers = WordLists.set("the a an this that these those its his her their our in of on")
  static let determiners = WordLists.set("the The a A an An its his her their")
  static let describers = WordLists.set(
    """
    spokesman spokeswoman spokesperson official officials source sources aide aides adviser
    advisers lawyer lawyers attorney analyst analysts expert experts witness witnesses resident
    residents statement report campaign organizers organisers protesters activists critics
    supporters observers police prosecutors prosecutor investigators researchers scientists
    doctors leaders leader minister president governor senator judge mayor
    """)

  /// The speakers of every reporting verb, then of every quote, in named stages
  /// (SpeechAttributor+Quotes).
  mutating func attribute() {
    let verbs = findVerbSpeakers()
    var cues = findCues(verbs)
    inheritSpeakers(verbs, &cues)
    report(cues, verbs)
  }

  /// Whether the words from token `k` are a short attribution that ends its sentence: up to
  /// four words of a name, then a reporting verb, then a full stop or a comma (`Trump said.`).
  func endsWithAttribution(from k: Int) -> Bool {
    var j = k
    while j < tokens.count, j < k + 5, tokens[j].kind == .word, tokens[j].block == tokens[k].block {
      if ReportingVerbs.set.contains(recogniser.hash(tokens[j].range)) {
        return j + 1 < tokens.count && tokens[j + 1].kind == .punct
          && ".,".unicodeScalars.contains(tokens[j + 1].scalar(in: text))
      }
      j += 1
    }
    return false
  }

  /// Whether the reporting verb at `v` introduces a quote of its own after a colon
  /// (`"We will win." Bob Hart said: "We will see."`): it speaks for that quote, not for one
  /// that ends before it.
  func introducesQuote(_ v: Int) -> Bool {
    guard v + 2 < tokens.count, tokens[v + 1].kind == .punct, tokens[v + 1].scalar(in: text) == ":" else {
      return false
    }
    return tokens[v + 2].inQuote || QuoteFinder.isQuoteMark(tokens[v + 2].scalar(in: text))
  }

  func previousParagraph(_ block: Int) -> Int? {
    var b = block - 1
    while b >= 0 {
      switch recogniser.blocks[b].kind {
      case .paragraph where !isLabel(b): return b
      case .paragraph, .furniture, .caption: b -= 1
      default: return nil
      }
    }
    return nil
  }

  /// A short paragraph that is no sentence: a photo caption or a heading kept as a paragraph
  /// ("Hori Parata at his farm"): up to 25 words, no quote mark, and no sentence punctuation
  /// at its end. A quote paragraph after it still takes the speaker of the paragraph before.
  func isLabel(_ block: Int) -> Bool {
    let range = recogniser.blocks[block].range
    var end = range.upperBound - 1
    while end >= range.lowerBound, text[end].properties.isWhitespace { end -= 1 }
    guard end >= range.lowerBound, text[end].properties.isAlphabetic || text[end].properties.numericType != nil
    else { return false }
    var words = 1
    for k in range {
      let c = text[k]
      if "“”\"‘«»".unicodeScalars.contains(c) { return false }
      if c == " " { words += 1 }
      if words > 25 { return false }
    }
    return true
  }

  func name(of speaker: Speaker) -> String {
    switch speaker {
    case .entity(let e): return result.entities[e].name
    case .description(let d): return d
    }
  }

  func firstToken(atOrAfter offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let mid = (low + high) / 2
      if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  func lastToken(before offset: Int) -> Int { firstToken(atOrAfter: offset) - 1 }

  // MARK: - Subjects

  /// Words after which a verb has its object or complement: `referred to`, `met with the`.
  static let objectOpeners = WordLists.set("to with the a an his her their its about at for of on by as that")

  /// Whether the word at `k` is a past form or a reporting verb (not a participle) followed by
  /// a preposition or a determiner, so that a name after it is its object, not the sentence's
  /// subject (``AttributionRule/subjectBeforeItsVerb``): `Bush referred to Rubio`. An
  /// adjective in `-ed` before a name (`newly elected mayor Smith`) is no such word.
  func isVerbBeforeItsObject(_ k: Int) -> Bool {
    guard !tokens[k].inQuote, startsVerbPhrase(k), !isParticiple(k), k + 1 < tokens.count,
      tokens[k + 1].kind == .word, tokens[k + 1].block == tokens[k].block
    else { return false }
    return Self.objectOpeners.contains(recogniser.hash(tokens[k + 1].range))
  }

  /// The token before the quoted tokens that end at token `i` (the quote's opening mark, as a
  /// rule), -1 at the text's start: the walk back over one quote of one block.
  func beforeQuote(endingAt i: Int) -> Int {
    let block = tokens[i].block
    var j = i
    while j >= 0, tokens[j].inQuote, tokens[j].block == block { j -= 1 }
    return j
  }

  /// Whether the closing mark at token `k` ends a quote whose opening mark comes after a word
  /// of the same block, with no stop before the closing mark: a quote inside a sentence
  /// (``AttributionRule/subjectBeforeAQuote``).
  func isAfterMidSentenceQuote(_ k: Int) -> Bool {
    guard k >= 1, k < tokens.count else { return false }
    let last = k - 1
    guard tokens[last].inQuote else { return false }
    // `for “being right on radical Islamic terrorism.” And then Trump went`: a stop inside the
    // quote ends the sentence.
    if tokens[last].kind == .punct, Tokenizer.isStop(tokens[last].scalar(in: text)) { return false }
    let block = tokens[last].block
    let i = beforeQuote(endingAt: last)
    // `i` is the opening mark.
    return i >= 1 && tokens[i].kind == .punct && tokens[i - 1].block == block && tokens[i - 1].kind == .word
      && !tokens[i - 1].inQuote
  }

  /// The opening mark of a capitalised quoted fragment of up to eight tokens that ends right
  /// before token `k` inside its sentence: after a lowercase word, with no stop or comma before
  /// its closing mark (``AttributionRule/sentenceRunsPastAFragment``): `a class called “Perception” on`.
  /// With `partialToo`, any such quote of two words or more after any word.
  func openingOfFragment(endingBefore k: Int, partialToo: Bool = false) -> Int? {
    var i = k - 1
    guard i >= 1, tokens[i].kind == .punct, !tokens[i].inQuote,
      "”\"’'".unicodeScalars.contains(tokens[i].scalar(in: text))
    else { return nil }
    let block = tokens[i].block
    i -= 1
    guard tokens[i].inQuote, tokens[i].block == block else { return nil }
    if tokens[i].kind == .punct {
      let s = tokens[i].scalar(in: text)
      if Tokenizer.isStop(s) || s == "," { return nil }
    }
    var length = 0
    var words = 0
    while i >= 0, tokens[i].inQuote, tokens[i].block == block {
      length += 1
      if tokens[i].kind == .word { words += 1 }
      guard length <= 8 else { return nil }
      i -= 1
    }
    // `i` is the opening mark; the word before it is the sentence's, in lowercase, and the
    // fragment a name's (`“Perception”`), not a partial quote's (`is “absolutely wrong” for
    // saying`, whose participle has a subject of its own), unless `partialToo`.
    guard i >= 1, tokens[i].kind == .punct, tokens[i - 1].block == block, tokens[i - 1].kind == .word,
      !tokens[i - 1].inQuote
    else { return nil }
    // A single quoted word is a scare quote more often than a partial quote (`a “sweatshop”,
    // a word seen on placards, and said`): not read past.
    if partialToo, words >= 2 { return i }
    return !tokens[i - 1].isCapitalised && tokens[i + 1].isCapitalised ? i : nil
  }

  /// Words that open a subordinate clause or a prepositional phrase at a sentence's start
  /// (``AttributionRule/openingClauseSkipped``): `When Wallace died, ...`, `In response to ...,`.
  static let subordinators = WordLists.set(
    """
    when after as if although while because since before once until though in on at during despite amid
    following from with without under throughout
    """)

  static let it = ScalarHash("it")
  static let capitalIt = ScalarHash("It")

  /// Where the search for the subject of the sentence holding token `k` begins: back to the
  /// sentence's start. A scan that reaches where the previous one began (in the same block)
  /// ends where it ended, so a sentence of many verbs is walked once, not once a verb.
  mutating func subjectSearchStart(before k: Int) -> Int {
    let block = tokens[k].block
    var start = k - 1
    let joinsClause = rules.on(.subjectBeforeAQuote) && (followsComma(k) || isCoordinated(k))
    while true {
      if let memo = sentenceStartMemo, memo.from == start, memo.block == block {
        start = memo.start
        break
      }
      // "Carson shared a syllabus for a class called “Perception” on his page, writing": a
      // quoted name inside the sentence does not end it; for a verb after a comma or `and`,
      // no quote of two words or more does (`He also attacked the government's “failure to
      // deliver” ..., telling`, ``AttributionRule/subjectBeforeAQuote``).
      if rules.on(.sentenceRunsPastAFragment),
        let opening = openingOfFragment(endingBefore: start, partialToo: joinsClause)
      {
        start = opening
        continue
      }
      guard start > 0, tokens[start - 1].block == block, !tokens[start - 1].inQuote,
        !(tokens[start - 1].kind == .punct && Tokenizer.isStop(tokens[start - 1].scalar(in: text))
          && !isAbbreviationPoint(start - 1))
      else { break }
      start -= 1
    }
    sentenceStartMemo = (k - 1, block, start)
    return start
  }

  /// The token after up to two opening clauses or phrases from token `j`, before the verb at
  /// `k` (``AttributionRule/openingClauseSkipped``): "When Wallace died in 1998, President
  /// Clinton released", "On Thursday, after remaining neutral ..., Warren appeared". The
  /// subject comes after them, whoever they name; not when the comma is the verb's own (`In
  /// 2009 he declined an invitation, telling`).
  func afterOpeningClauses(from start: Int, before k: Int) -> Int? {
    var j = start
    var clauses = 0
    while rules.on(.openingClauseSkipped), clauses < 2, j < k, tokens[j].kind == .word,
      clauses > 0 || tokens[j].isCapitalised,
      Self.subordinators.contains(recogniser.lowerHash(tokens[j])),
      let comma = (j + 1..<min(k, j + 20)).first(where: {
        tokens[$0].kind == .punct && tokens[$0].scalar(in: text) == ","
      }),
      comma + 1 < k
    {
      j = comma + 1
      clauses += 1
    }
    return clauses > 0 ? j : nil
  }

  /// The subject at the start of the sentence holding token `k`: a person or organisation
  /// named within its first words, or a pronoun resolved.
  mutating func sentenceSubject(before k: Int) -> Speaker? {
    let start = subjectSearchStart(before: k)
    // "Anti-abortion group the Pro-Life Alliance “congratulated” Mr Howard ..., but said":
    // a scan stopped by a quote inside the sentence names no subject (it stands before the
    // quote, not after it).
    if rules.on(.subjectBeforeAQuote), isAfterMidSentenceQuote(start) { return nil }
    var j = max(start, 0)
    var limit = j + 6
    var skippedOpening = false
    if let after = afterOpeningClauses(from: j, before: k) {
      j = after
      limit = j + 6
      skippedOpening = true
    }
    var pastVerb = false
    while j < k, j < limit {
      let t = tokens[j]
      // The subject stands before a quote of its sentence.
      if rules.on(.subjectBeforeAQuote), t.inQuote { return nil }
      if t.kind == .punct && t.scalar(in: text) == "," {
        // "Before the convention, Chief Calvin Williams lobbied ...": an opening phrase that
        // names nobody is skipped once.
        guard rules.on(.openingPhraseSkipped), !skippedOpening else { return nil }
        skippedOpening = true
        pastVerb = false
        limit = j + 7
        j += 1
        continue
      }
      // "Bush referred to Rubio as ... but described": a name after the verb is its object.
      if rules.on(.subjectBeforeItsVerb), isVerbBeforeItsObject(j) { pastVerb = true }
      if pastVerb, entityEnding(at: j) != nil { return nil }
      if let e = entityEnding(at: j), j + 1 >= tokens.count || result.entityOfToken[j + 1] != Int32(e) {
        // "James Hardie chairwoman, Meredith Hellicar,", "The Man Utd boss": a name before a
        // role names the role's firm or team; the holder speaks.
        if rules.on(.nameBeforeARoleIsItsModifier), result.entities[e].kind == .person,
          let role = roleNoun(after: j), role < k
        {
          if let a = appositiveName(afterDescription: role, before: k) { return .entity(a) }
          if let p = personOfRole(after: j, before: k), p != e { return .entity(p) }
          return describe(noun: role)
        }
        // "Snopes fact checker and staff writer David Emery posted": the person of the role.
        if rules.on(.personAfterTheirOrganisation), result.entities[e].kind == .organisation,
          let person = personOfRole(after: j, before: k)
        {
          return .entity(person)
        }
        // "A top GOP strategist said": a member of the organisation, not the organisation.
        if rules.on(.memberOfAnOrganisation), result.entities[e].kind == .organisation,
          let noun = memberNoun(after: j), noun < k
        {
          return appositiveOf(noun: noun) ?? describe(noun: noun)
        }
        return .entity(e)
      }
      let h = recogniser.hash(t.range)
      if WordLists.malePronouns.contains(h) || WordLists.femalePronouns.contains(h) {
        guard h != ScalarHash("his"), h != ScalarHash("her") else { return nil }
        return resolvePronoun(female: WordLists.femalePronouns.contains(h), before: j).map { .entity($0) }
      }
      // "The spokesman refused ... but said ..., adding:": a described subject.
      if rules.on(.describedSentenceSubject), Self.determiners.contains(h), j + 1 < k,
        let noun = describerNoun(after: j)
      {
        // "The leader of Ennahda, Rachid Ghannouchi, condemned ...": the name beside it.
        if rules.on(.appositiveNameAfterADescription), let e = appositiveName(afterDescription: noun, before: k) {
          return .entity(e)
        }
        return describe(noun: noun)
      }
      j += 1
    }
    return nil
  }

  /// ``AttributionRule/nameBeforeARoleIsItsModifier``: the lowercase role noun right after
  /// the name ending at token `j` ("chairwoman" in "James Hardie chairwoman"), if any.
  func roleNoun(after j: Int) -> Int? {
    let r = j + 1
    guard r < tokens.count, tokens[r].block == tokens[j].block, tokens[r].kind == .word, !tokens[r].inQuote,
      !tokens[r].isCapitalised, !tokens[j].isPossessive
    else { return nil }
    let h = recogniser.hash(tokens[r].stem)
    return RoleReader.roleNouns.contains(h) || Self.describers.contains(h) || h == Self.boss ? r : nil
  }

  static let boss = ScalarHash("boss")

  /// The describing noun ("spokesman", "ministry") within the two words after the determiner
  /// at `d`, lowercase and outside quotes.
  func describerNoun(after d: Int) -> Int? {
    for n in (d + 1)...min(d + 3, tokens.count - 1) {
      let t = tokens[n]
      guard t.kind == .word, !t.inQuote, t.block == tokens[d].block else { return nil }
      let h = recogniser.hash(t.stem)
      if !t.isCapitalised, WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) {
        return n
      }
    }
    return nil
  }

  static let tellForms = WordLists.set("told tell tells telling")

  /// The person told in "he told Hannity": never the one who speaks.
  func listener(of v: Int) -> Int? {
    guard Self.tellForms.contains(recogniser.hash(tokens[v].range)) else { return nil }
    var j = v + 1
    if j < tokens.count, Self.determiners.contains(recogniser.hash(tokens[j].range)) { j += 1 }
    guard j < tokens.count, tokens[j].block == tokens[v].block else { return nil }
    let e = result.entityOfToken[j]
    return e >= 0 ? Int(e) : nil
  }

  /// The token before a bracketed aside that ends at `k` ("Reid (D-Nev.)"), or `k`.
  func beforeBracket(_ k: Int) -> Int {
    guard k >= 0, tokens[k].kind == .punct, tokens[k].scalar(in: text) == ")" else { return k }
    var j = k - 1
    while j >= 0, j > k - 12, tokens[j].block == tokens[k].block {
      if tokens[j].kind == .punct && tokens[j].scalar(in: text) == "(" { return j - 1 }
      j -= 1
    }
    return k
  }

  static let notModifiers = WordLists.set(
    "in at on of to for by with from into over under after before and or but that which who is was are were has had have be been"
  )

  static let timeNouns = WordLists.set("day week month year morning afternoon evening night weekend time")

  static let describingDeterminers = WordLists.set("the The a A an An another Another one One")
  /// Adverbs between a described subject and its verb: `The foreign secretary meanwhile said`.
  static let adverbsBeforeTheVerb = WordLists.set(
    "meanwhile also then already once later still now too reportedly previously recently earlier")
  /// ``AttributionRule/quantifiedDescription``: `Some advertisers claim that you can “opt
  /// out”`, `Many analysts say`: a quantifier before a plural noun describes a group.
  static let groupQuantifiers = WordLists.set("some Some many Many several Several other Other most Most both Both")

  /// A lowercase word ending in `s` (not `ss`), a plural noun by its shape: `advertisers`.
  func isPluralNoun(_ k: Int) -> Bool {
    let r = tokens[k].stem
    guard r.count > 3, !tokens[k].isCapitalised else { return false }
    return text[r.upperBound - 1] == "s" && text[r.upperBound - 2] != "s"
  }

  /// ``AttributionRule/possessiveDescription``: `“...,” his colleague wrote`.
  static let possessiveDeterminers = WordLists.set("his His her Her their Their")

  /// "the man", "the conservative-leaning newspaper", "one Democrat familiar": a phrase of a
  /// determiner and up to four words ending at token `k`, standing at the start of a sentence
  /// or after a quote. Its noun must be lowercase and not a pronoun.
  mutating func describedSubject(endingAt k: Int, beforeAuxiliary: Bool = false, skippedAdverb: Bool = false)
    -> Speaker?
  {
    guard k >= 1, tokens[k].kind == .word, !tokens[k].inQuote, beforeAuxiliary || !tokens[k].isCapitalised else {
      return nil
    }
    // "the Tories have warned", "the groups who wrote": the subject ends before its
    // auxiliary or its relative pronoun, a capital and all.
    let hk = recogniser.hash(tokens[k].range)
    if !beforeAuxiliary, Self.auxiliaries.contains(hk) || Self.relativePronouns.contains(hk) {
      return describedSubject(endingAt: k - 1, beforeAuxiliary: true, skippedAdverb: skippedAdverb)
    }
    // "The foreign secretary meanwhile said", "the newspaper also reported": no adverb ends it
    // (one, so that a line of adverbs is no deep recursion).
    if !skippedAdverb, Self.adverbsBeforeTheVerb.contains(hk) {
      return describedSubject(endingAt: k - 1, beforeAuxiliary: beforeAuxiliary, skippedAdverb: true)
    }
    var j = k - 1
    while j >= 0, j >= k - 4, tokens[j].kind == .word, !tokens[j].inQuote, tokens[j].block == tokens[k].block {
      let hj = recogniser.hash(tokens[j].range)
      if Self.describingDeterminers.contains(hj)
        || (rules.on(.possessiveDescription) && Self.possessiveDeterminers.contains(hj))
        || (rules.on(.quantifiedDescription) && Self.groupQuantifiers.contains(hj) && isPluralNoun(k))
      {
        let before = j - 1
        let opens =
          before < 0 || tokens[before].block != tokens[k].block
          || (tokens[before].kind == .punct && "”\",.:;—".unicodeScalars.contains(tokens[before].scalar(in: text)))
          || tokens[j].startsSentence
          || (rules.on(.describedSubjectOfItsClause) && opensClauseBeforeQuote(conjunction: before, subjectEnd: k))
        guard opens, j < k else { return nil }
        // "The foreign ministry this month pledged": a speaker noun inside goes to the scan.
        for m in (j + 1)..<k {
          // "a Reuters employee said": a member of the organisation, described.
          let e = result.entityOfToken[m]
          if rules.on(.memberOfAnOrganisation), e >= 0, result.entities[Int(e)].kind == .organisation,
            result.entityOfToken[m + 1] != e, memberNoun(after: m) == k
          {
            return describe(noun: k)
          }
          let hm = recogniser.hash(tokens[m].stem)
          if WordLists.organisationOnlyNouns.contains(hm) || Self.describers.contains(hm)
            || result.entityOfToken[m] >= 0
          {
            return nil
          }
        }
        if result.entityOfToken[k] >= 0 || Self.timeNouns.contains(recogniser.hash(tokens[k].stem)) { return nil }
        // "a key reason for answering": a preposition or a conjunction ends no description
        // ("a voice over says" does).
        if Self.describingStoppers.contains(recogniser.hash(tokens[k].range)) { return nil }
        let h = recogniser.hash(tokens[k].stem)
        if WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) {
          return describe(noun: k)
        }
        return holderOrDescription(determiner: j, end: k)
      }
      j -= 1
    }
    return nil
  }

  /// Conjunctions that open a subordinate clause at a sentence's start (`As one employee told
  /// ...,`); a capital `And` or `But` opens a main clause, whose described subject (`But the
  /// Chester chairman added:`) is someone already named.
  static let openingConjunctions = WordLists.set("As While Although Though Whereas")

  /// ``AttributionRule/describedSubjectOfItsClause``: whether the conjunction at `c` opens a
  /// clause whose subject ends at `k` and whose verb, right after it, introduces a quote
  /// (`Cruz said as the heckler yelled: “...”`, `and the defender said:`, `As one employee told
  /// Palo Alto Weekly, “...”`: a verb of telling, its listener between). Only such a verb:
  /// `bought as an investment ... described by Sharon` or `as the workforce continues to age`
  /// have no clause of speech, and a pronoun or a function word ends no description (`the way
  /// they say “...”`, `a debate-eve conversion and accused`).
  func opensClauseBeforeQuote(conjunction c: Int, subjectEnd k: Int) -> Bool {
    guard c >= 0, tokens[c].kind == .word, tokens[c].block == tokens[k].block,
      Self.clauseConjunctions.contains(recogniser.hash(tokens[c].range))
        || Self.openingConjunctions.contains(recogniser.hash(tokens[c].range)),
      !Self.notModifiers.contains(recogniser.hash(tokens[k].range)),
      !WordLists.pluralPronouns.contains(recogniser.hash(tokens[k].range)),
      k + 2 < tokens.count, tokens[k + 1].kind == .word, tokens[k + 2].block == tokens[k].block
    else { return false }
    var a = k + 2
    // "As one employee told Palo Alto Weekly, “...”": the listener and a comma stand between.
    if Self.tellForms.contains(recogniser.hash(tokens[k + 1].range)) {
      while a < tokens.count, a <= k + 6, tokens[a].kind == .word, tokens[a].block == tokens[k].block { a += 1 }
      if a + 1 < tokens.count, tokens[a].kind == .punct, tokens[a].scalar(in: text) == "," { a += 1 }
      guard a < tokens.count, tokens[a].block == tokens[k].block else { return false }
    }
    let after = tokens[a]
    return after.inQuote || (after.kind == .punct && ":“\"".unicodeScalars.contains(after.scalar(in: text)))
  }

  /// Whether a comma stands right before token `k`, also inside a closing quote mark
  /// (`titled "The Tragedy," explaining`).
  func followsComma(_ k: Int) -> Bool {
    guard k >= 1, tokens[k - 1].kind == .punct else { return false }
    if tokens[k - 1].scalar(in: text) == "," { return true }
    return k >= 2 && "”\"".unicodeScalars.contains(tokens[k - 1].scalar(in: text))
      && tokens[k - 2].kind == .punct && tokens[k - 2].scalar(in: text) == ","
  }

  /// "walked", "beamed": a past form in `-ed` of more than four scalars.
  func isPastForm(_ k: Int) -> Bool {
    let r = tokens[k].range
    return r.count > 4 && text[r.upperBound - 2] == "e" && text[r.upperBound - 1] == "d"
  }

  /// "adding", "telling": a present participle.
  func isParticiple(_ k: Int) -> Bool {
    let r = tokens[k].range
    guard r.count > 4 else { return false }
    return text[r.upperBound - 3] == "i" && text[r.upperBound - 2] == "n" && text[r.upperBound - 1] == "g"
  }

  func isAfterQuote(_ k: Int) -> Bool {
    k >= 1
      && (tokens[k - 1].inQuote
        || (tokens[k - 1].kind == .punct && "”\"»".unicodeScalars.contains(tokens[k - 1].scalar(in: text))))
  }

  /// The entity a mention ending at token `k` names (a person or organisation).
  func entityEnding(at k: Int) -> Int? {
    guard k >= 0, k < tokens.count else { return nil }
    let e = result.entityOfToken[k]
    guard e >= 0 else { return nil }
    let kind = result.entities[Int(e)].kind
    return kind == .place ? nil : Int(e)
  }

  /// "Sen. Sherrod Brown of Ohio": the person or organisation before "of" and a place that
  /// ends at token `k`.
  func nameBeforePlace(endingAt k: Int) -> Int? {
    guard k >= 0, k < tokens.count, result.entityOfToken[k] >= 0,
      result.entities[Int(result.entityOfToken[k])].kind == .place
    else { return nil }
    var j = k
    while j >= 0, result.entityOfToken[j] == result.entityOfToken[k] { j -= 1 }
    guard j >= 1, recogniser.hash(tokens[j].range) == ScalarHash("of") else { return nil }
    return entityEnding(at: j - 1)
  }

  /// The speaker named right after token `k` ("said X", "according to X", "said the ministry").
  mutating func mentionAfter(_ k: Int) -> Speaker? {
    guard k < tokens.count else { return nil }
    // "said in a statement", "said on Tuesday": no speaker follows a preposition.
    if tokens[k].kind == .word, Self.prepositions.contains(recogniser.hash(tokens[k].range)) { return nil }
    // ``AttributionRule/saidOfIsTheTopic``: "said of the senator, “...”" speaks about her.
    if rules.on(.saidOfIsTheTopic), tokens[k].kind == .word,
      Self.topicPrepositions.contains(recogniser.hash(tokens[k].range))
    {
      return nil
    }
    // "said a Nevada Democrat", "said the Virginia Democrat": a description, an anaphor.
    if rules.on(.placeAndPartyDescribeASpeaker), let s = partyMemberAfter(determiner: k) { return s }
    var j = k
    if j < tokens.count, Self.determiners.contains(recogniser.hash(tokens[j].range)) { j += 1 }
    var steps = 0
    var titles = 0
    while j < tokens.count, steps < 4, tokens[j].block == tokens[k].block {
      let t = tokens[j]
      if t.kind == .punct, t.scalar(in: text) == ".", isAbbreviationPoint(j) {
        j += 1
        continue
      }
      if t.kind == .punct || t.inQuote {
        // "said the woman.", "wrote one commenter,": a description ends at its punctuation
        // (not at a quote, and not after a participle, whose object is no speaker).
        if rules.on(.invertedDescription), j > k + 1, !t.inQuote,
          !"“”\"‘’'".unicodeScalars.contains(t.scalar(in: text)),
          Self.describingDeterminers.contains(recogniser.hash(tokens[k].range)), !isParticiple(k - 1)
        {
          // "said the chairman of the committee, Labour MP Barry Sheerman": the name beside it.
          if t.scalar(in: text) == ",", let e = personInApposition(after: j) { return .entity(e) }
          break
        }
        return nil
      }
      // "said United Steelworkers Political Director Tim Waters": a role before the name.
      if t.isCapitalised, result.entityOfToken[j] < 0, titles < 6 {
        titles += 1
        j += 1
        continue
      }
      let e = result.entityOfToken[j]
      if e >= 0 {
        if result.entities[Int(e)].kind == .place {
          // "said Florida's Rick Wilson", "said former Utah governor Michael Leavitt": a place
          // before the name is part of the description.
          var end = j
          while end + 1 < tokens.count, result.entityOfToken[end + 1] == e { end += 1 }
          guard end + 1 < tokens.count, tokens[end + 1].kind == .word, tokens[end + 1].block == tokens[k].block,
            titles < 6
          else { return nil }
          titles += 1
          j = end + 1
          continue
        }
        // "said MSN's Blake Irving", "said Acme spokesman Tom Reyes": the person of the firm.
        if rules.on(.personAfterTheirOrganisation), result.entities[Int(e)].kind == .organisation {
          let end = entityEnd(from: j)
          if let person = personOfRole(after: end, before: end + 8) { return .entity(person) }
          // "said a top GOP strategist": a member of the firm, described.
          if rules.on(.memberOfAnOrganisation), let noun = memberNoun(after: end) {
            return appositiveOf(noun: noun) ?? describe(noun: noun)
          }
        }
        return .entity(Int(e))
      }
      let h = recogniser.hash(t.range)
      if WordLists.malePronouns.contains(h) || WordLists.femalePronouns.contains(h) {
        if let r = resolvePronoun(female: WordLists.femalePronouns.contains(h), before: j) {
          return .entity(r)
        }
        return nil
      }
      if WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) {
        // "said former Ohio governor Ruth Calloway", "according to blog analysis firm
        // Technorati": the name after the description.
        if j + 1 < tokens.count, tokens[j + 1].block == tokens[j].block, result.entityOfToken[j + 1] >= 0,
          result.entities[Int(result.entityOfToken[j + 1])].kind != .place
        {
          return .entity(Int(result.entityOfToken[j + 1]))
        }
        // "said Swedish trades union official Ulf Carlsson": the person of the role.
        if rules.on(.personAfterTheirOrganisation), let p = personOfRole(after: j, before: j + 8) { return .entity(p) }
        return appositiveOf(noun: j) ?? describe(noun: j)
      }
      j += 1
      steps += 1
    }
    return descriptionAfter(determiner: k)
  }

  /// The description after the determiner at `k` after an inverted cue, to the next
  /// punctuation or reporting verb: `said the woman, who ...`, `said a person close to the
  /// Clintons`.
  func descriptionAfter(determiner k: Int) -> Speaker? {
    guard Self.describingDeterminers.contains(recogniser.hash(tokens[k].range)) else { return nil }
    var end = k + 1
    // A reporting verb's form before `of` is a noun: `the explanatory notes of the Bill`.
    while end < tokens.count, end < k + 8, tokens[end].kind == .word, !tokens[end].inQuote,
      tokens[end].block == tokens[k].block,
      !ReportingVerbs.set.contains(recogniser.hash(tokens[end].range))
        || (end + 1 < tokens.count && recogniser.hash(tokens[end + 1].range) == ScalarHash("of"))
    {
      end += 1
    }
    if end > k + 1, end - 1 < tokens.count, !tokens[k + 1].isCapitalised || end > k + 2,
      !Self.timeNouns.contains(recogniser.hash(tokens[end - 1].stem))
    {
      return holderOrDescription(determiner: k, end: end - 1)
    }
    return nil
  }

  /// An unnamed speaker: "the foreign ministry" becomes an organisation, "a spokesman" a
  /// description.
  mutating func describe(noun k: Int) -> Speaker? {
    // Extend left over lowercase modifiers to the determiner.
    var start = k
    while start - 1 >= 0, tokens[start - 1].block == tokens[k].block, tokens[start - 1].kind == .word,
      !tokens[start - 1].inQuote, start > k - 3
    {
      let h = recogniser.hash(tokens[start - 1].range)
      if Self.determiners.contains(h) { break }
      // "men appeared in court": a preposition or a verb ends the description.
      if Self.notModifiers.contains(h) { break }
      let r = tokens[start - 1].range
      if r.count > 3, text[r.upperBound - 2] == "e", text[r.upperBound - 1] == "d",
        !text[r].contains("-")
      {
        break
      }
      if tokens[start - 1].isCapitalised && result.entityOfToken[start - 1] < 0 { break }
      if ReportingVerbs.set.contains(h) { break }
      start -= 1
    }
    let hasDeterminer =
      start - 1 >= 0 && Self.determiners.contains(recogniser.hash(tokens[start - 1].range))
    guard hasDeterminer || start < k || tokens[k].range.count > 0 else { return nil }
    let range = tokens[start].range.lowerBound..<tokens[k].stem.upperBound
    let phrase = Tokenizer.string(text, range)
    let h = recogniser.hash(tokens[k].stem)
    let noun = Tokenizer.string(text, tokens[k].stem).lowercased()
    // "The foreign secretary told MPs" after "Foreign Secretary Jack Straw": its holder.
    if start < k, hasDeterminer, case .entity(let e) = holderOrDescription(determiner: start - 1, end: k) {
      return .entity(e)
    }
    if start == k {
      // A bare "the company", "the judge": the organisation or person last named as one.
      if let e = lastEntity(before: start, matching: noun) { return .entity(e) }
      if WordLists.organisationOnlyNouns.contains(h) {
        if Self.companyNouns.contains(h), let e = lastEntity(before: start, matching: nil) {
          return .entity(e)
        }
        return .description(phrase)
      }
    }
    if WordLists.organisationOnlyNouns.contains(h) {
      // "the Interfax news agency said": Interfax speaks, no new organisation is made.
      if rules.on(.namedOrganisationBeforeItsNoun) {
        for j in start..<k {
          let e = Int(result.entityOfToken[j])
          if e >= 0 && result.entities[e].kind == .organisation { return .entity(e) }
        }
      }
      let name = phrase.lowercased()
      if let existing = organisationsByName()[name] {
        if mentionSets[existing, default: Set(result.entities[existing].mentions)].insert(range).inserted {
          result.entities[existing].appendMention(range)
        }
        return .entity(existing)
      }
      result.entities.append(Entity(kind: .organisation, name: name, mentions: [range]))
      let index = result.entities.count - 1
      organisationNamed![name] = index
      for j in start...k { result.entityOfToken[j] = Int32(index) }
      return .entity(index)
    }
    return .description(phrase + descriptionTail(after: k))
  }

  /// The person named in apposition right after the described speaker's noun at `n`
  /// (``AttributionRule/appositiveNameAfterADescription``): `said Opera spokeswoman, Berit
  /// Hanson.`, `said one of their lawyers, Michalis Dimitrakopoulos.`
  func appositiveOf(noun n: Int) -> Speaker? {
    guard rules.on(.appositiveNameAfterADescription), n + 1 < tokens.count, tokens[n + 1].block == tokens[n].block,
      tokens[n + 1].kind == .punct, tokens[n + 1].scalar(in: text) == ",", let e = personInApposition(after: n + 1)
    else { return nil }
    return .entity(e)
  }

  /// " to Bill Clinton" in "a longtime adviser to Bill Clinton": a short prepositional phrase
  /// after a described speaker, up to the next punctuation.
  func descriptionTail(after k: Int) -> String {
    let next = k + 1
    guard next < tokens.count, tokens[next].kind == .word, tokens[next].block == tokens[k].block,
      Self.tailPrepositions.contains(recogniser.hash(tokens[next].range))
    else { return "" }
    var end = next + 1
    while end < tokens.count, end <= next + 6, tokens[end].kind == .word, !tokens[end].inQuote,
      tokens[end].block == tokens[k].block, !ReportingVerbs.set.contains(recogniser.hash(tokens[end].range)),
      !Self.auxiliaries.contains(recogniser.hash(tokens[end].range))
    {
      end += 1
    }
    guard end > next + 1 else { return "" }
    return " " + Tokenizer.string(text, tokens[next].range.lowerBound..<tokens[end - 1].range.upperBound)
  }

  static let prepositions = WordLists.set("in on at for with by from during after before into")

  /// Prepositions after a reporting verb that introduce its topic: `said of the senator`.
  static let topicPrepositions = WordLists.set("of about")

  static let tailPrepositions = WordLists.set("to of for at with close from")

  /// Relative pronouns, before which a described subject ends: `the groups who wrote`.
  static let relativePronouns = WordLists.set("who which that")
  /// Prepositions and conjunctions, at which no description ends: `a key reason for answering`.
  static let describingStoppers = WordLists.set("in at on of to for by with from into and or but")
  /// Auxiliary verbs, which end a description's tail: `Leaders of the organization have said`.
  static let auxiliaries = WordLists.set("is was are were has had have be been will would can could may might")

  static let companyNouns = WordLists.set("company firm group bank")

  /// The entity last mentioned before token `k` that `noun` describes: an organisation whose
  /// name holds the noun ("the union" for "Harbour Workers' Union"), or a person whose role
  /// does ("the judge"). With no noun, the last named organisation.
  func lastEntity(before k: Int, matching noun: String?) -> Int? {
    var j = k - 1
    var steps = 0
    while j >= 0, steps < 600 {
      let e = result.entityOfToken[j]
      if e >= 0 {
        let entity = result.entities[Int(e)]
        if let noun {
          if entity.kind == .organisation, entity.name.first?.isUppercase == true,
            entity.name.lowercased().split(separator: " ").contains(where: { $0.hasPrefix(noun) })
          {
            return Int(e)
          }
          if entity.kind == .person, let role = entity.role,
            role.lowercased().split(separator: " ").contains(where: { $0 == noun })
          {
            return Int(e)
          }
        } else if entity.kind == .organisation, entity.name.first?.isUppercase == true,
          tokens[j].isCapitalised
        {
          return Int(e)
        }
      }
      j -= 1
      steps += 1
    }
    return nil
  }

  /// The person a pronoun at token `k` refers to: in the nearest sentence before it (or the
  /// part of its own sentence before it) that names a person of a sex that does not conflict,
  /// the first such person, since a sentence's subject usually comes first ("Morrell said
  /// the approach put forward by Trump is wrong. ... he told POLITICO" is Morrell). Names
  /// inside quotations do not count.
  func resolvePronoun(female: Bool, before k: Int, excluding listener: Int? = nil, anySex: Bool = false) -> Int? {
    if !anySex, let main = mainPerson(opening: k, female: female), main != listener { return main }
    var j = k - 1
    var steps = 0
    var candidate: Int?
    var candidateBlock = k < tokens.count ? tokens[k].block : -1
    while j >= 0, steps < 400 {
      let t = tokens[j]
      if t.block != candidateBlock {
        if candidate != nil { return candidate }
        candidateBlock = t.block
      }
      if t.kind == .punct, Tokenizer.isStop(t.scalar(in: text)), !isAbbreviationPoint(j) {
        if candidate != nil { return candidate }
      }
      let e = result.entityOfToken[j]
      if e >= 0, !t.inQuote, result.entities[Int(e)].kind == .person, Int(e) != listener,
        j == 0 || result.entityOfToken[j - 1] != e
      {
        let g = result.gender[Int(e)]
        // A name used as a modifier ("Trump's daughter", "the Trump release") is rarely the
        // subject: it does not displace another person of the sentence.
        var last = j
        while last + 1 < tokens.count, result.entityOfToken[last + 1] == e { last += 1 }
        let modifier =
          tokens[last].isPossessive
          || (j >= 1 && Self.determiners.contains(recogniser.hash(tokens[j - 1].range)))
        if anySex || g == nil || g == .either || (g == .female) == female, candidate == nil || !modifier {
          candidate = Int(e)
        }
      }
      j -= 1
      steps += 1
    }
    return candidate
  }

  /// The article's main person, for a pronoun in a paragraph that opens with a pronoun of the
  /// same sex doing something other than speaking ("He recorded only three albums ... he
  /// explained why", "In 2009 he declined ..., telling"): in a profile or an obituary such a
  /// paragraph is about the person the article is about, not the last one quoted. "She added"
  /// continues the last speaker instead. The main person is named at least three times and
  /// twice as often as anyone else, is of the pronoun's sex by first name, and was named in
  /// this paragraph or the few before.
  func mainPerson(opening k: Int, female: Bool) -> Int? {
    guard k < tokens.count else { return nil }
    let block = tokens[k].block
    let first = Int(firstTokenOfBlock[block])
    let pronouns = female ? WordLists.femalePronouns : WordLists.malePronouns
    var opening: Int?
    var p = first
    while p <= k, p < first + 6, !tokens[p].inQuote, result.entityOfToken[p] < 0 {
      let h = recogniser.hash(tokens[p].range)
      if pronouns.contains(h) {
        // Only a subject opens the paragraph: "It may have left him splattered ... but he
        // felt" is about whoever was named last.
        if Self.subjectPronouns.contains(h) { opening = p }
        break
      }
      p += 1
    }
    guard let opening, opening + 1 < tokens.count, tokens[opening + 1].kind == .word,
      !ReportingVerbs.set.contains(recogniser.hash(tokens[opening + 1].range))
    else { return nil }
    guard let main = mainPersonOfArticle(), let g = result.gender[main], g != .either, (g == .female) == female
    else { return nil }
    // Named recently: in this paragraph or one of the two before.
    let start = recogniser.blocks[max(0, block - 4)].range.lowerBound
    let here = tokens[k].range.lowerBound
    // Mentions are in reading order: the first at or after `start` decides.
    let mentions = result.entities[main].mentions
    var low = 0
    var high = mentions.count
    while low < high {
      let mid = (low + high) / 2
      if mentions[mid].lowerBound < start { low = mid + 1 } else { high = mid }
    }
    guard low < mentions.count, mentions[low].lowerBound < here else { return nil }
    return main
  }

  /// A full stop that ends a title, an initial or a state ("Mr.", "J.", "R-Ky.") rather than
  /// a sentence: one right after a short capitalised word followed by a comma or a name.
  func isAbbreviationPoint(_ k: Int) -> Bool {
    guard k >= 1, tokens[k].scalar(in: text) == ".", tokens[k - 1].kind == .word,
      tokens[k - 1].range.upperBound == tokens[k].range.lowerBound
    else { return false }
    let w = tokens[k - 1]
    if w.range.count == 1, w.isCapitalised { return true }
    if WordLists.titles.contains(recogniser.hash(w.range)) { return true }
    if w.isCapitalised, w.range.count <= 5, k + 1 < tokens.count, tokens[k + 1].kind == .punct,
      tokens[k + 1].scalar(in: text) == ","
    {
      return true
    }
    return false
  }

  /// The speaker of "Name: “...”": a person or organisation whose mention ends right before a
  /// colon that stands right before the quote's opening mark.
  func colonSpeaker(beforeQuoteAt first: Int) -> Int? {
    guard let colon = colonBefore(quoteAt: first), colon >= 1 else { return nil }
    // "Rep. Trey Gowdy (R-S.C.): “...”": the bracket is skipped.
    return entityEnding(at: beforeBracket(colon - 1))
  }

  /// The speaker named after a dash that follows the quote ending at token `last`: in the
  /// same paragraph (`“...” — Jane Doe`) or opening the next paragraph when the quote ends
  /// its own (`- Bernie Sanders.`). The name must end its sentence or be followed by a comma.
  func dashSpeaker(afterQuoteEndingAt last: Int) -> (entity: Int, dash: Int)? {
    var k = last + 1
    // The closing mark and a full stop after it.
    while k < tokens.count, tokens[k].kind == .punct, k <= last + 3,
      !"-–—".unicodeScalars.contains(tokens[k].scalar(in: text))
    {
      guard "”\".,".unicodeScalars.contains(tokens[k].scalar(in: text)) else { return nil }
      k += 1
    }
    guard k < tokens.count, tokens[k].kind == .punct, "-–—".unicodeScalars.contains(tokens[k].scalar(in: text))
    else { return nil }
    if tokens[k].block != tokens[last].block {
      // A new paragraph must open with the dash.
      guard k == 0 || tokens[k - 1].block != tokens[k].block,
        recogniser.blocks[tokens[k].block].kind == .paragraph
      else { return nil }
    }
    let n = k + 1
    guard n < tokens.count, tokens[n].block == tokens[k].block, result.entityOfToken[n] >= 0 else { return nil }
    let e = Int(result.entityOfToken[n])
    guard result.entities[e].kind != .place else { return nil }
    var end = n
    while end + 1 < tokens.count, result.entityOfToken[end + 1] == Int32(e) { end += 1 }
    let after = end + 1
    if after < tokens.count, tokens[after].block == tokens[n].block {
      guard tokens[after].kind == .punct, ".,(".unicodeScalars.contains(tokens[after].scalar(in: text)) else {
        return nil
      }
    }
    return (e, k)
  }

  /// The colon right before the opening mark of the quote whose first token is `first`.
  func colonBefore(quoteAt first: Int) -> Int? {
    var k = first - 1
    if k >= 0, tokens[k].kind == .punct, "“\"‘'".unicodeScalars.contains(tokens[k].scalar(in: text)) { k -= 1 }
    guard k >= 1, tokens[k].kind == .punct, tokens[k].scalar(in: text) == ":", tokens[k].block == tokens[first].block
    else { return nil }
    return k
  }

  // MARK: - Reported speech

  /// "X said (that) CONTENT." and "CONTENT, X said."
  mutating func addReportedSpeech(verb v: Int, speaker: Speaker) {
    let block = tokens[v].block
    guard let speakerName = Optional(name(of: speaker)) else { return }
    let cue = Tokenizer.string(text, tokens[v].range)
    // Content after the verb, to the end of the sentence.
    var start = v + 1
    if start < tokens.count, tokens[start].block == block, tokens[start].kind == .word,
      recogniser.hash(tokens[start].range) == Self.that
    {
      start += 1
    }
    var end = start
    var words = 0
    var quoted = 0
    while end < tokens.count, tokens[end].block == block, end < start + Self.longestSentence {
      let t = tokens[end]
      if t.kind == .punct && (Tokenizer.isStop(t.scalar(in: text))) && !t.inQuote { break }
      if t.kind == .punct && (t.scalar(in: text) == ":") { words = 0; break }
      if t.kind == .word { words += 1 }
      if t.inQuote { quoted += 1 }
      end += 1
    }
    let beforeIsSubject = v >= 1 && tokens[v - 1].kind == .word && tokens[v - 1].block == block
    if words >= 3, quoted * 2 < words, beforeIsSubject || tokens[v - 1].scalar(in: text) == ",",
      !(start < tokens.count && tokens[start].kind == .punct)
    {
      let range = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
      reported.append(ReportedSpeech(range: range, speaker: speakerName, cue: cue))
      return
    }
    // Content before: "CONTENT, X said."
    guard end == v + 1 || (end < tokens.count && tokens[end].kind == .punct && end <= v + 2) else { return }
    var comma = v - 1
    while comma >= 0, tokens[comma].block == block, comma > v - 8 {
      if tokens[comma].kind == .punct && tokens[comma].scalar(in: text) == "," { break }
      comma -= 1
    }
    guard comma >= 0, tokens[comma].block == block, tokens[comma].kind == .punct,
      tokens[comma].scalar(in: text) == ",", !tokens[comma].inQuote, !isAfterQuote(comma)
    else { return }
    var first = comma - 1
    var count = 0
    while first >= 0, tokens[first].block == block, first > comma - Self.longestSentence {
      let t = tokens[first]
      if t.kind == .punct && Tokenizer.isStop(t.scalar(in: text)) && !t.inQuote { break }
      if t.inQuote { return }
      if t.kind == .word { count += 1 }
      first -= 1
    }
    first += 1
    guard count >= 3, first < comma else { return }
    let range = tokens[first].range.lowerBound..<tokens[comma - 1].range.upperBound
    reported.append(ReportedSpeech(range: range, speaker: speakerName, cue: cue))
  }
}
