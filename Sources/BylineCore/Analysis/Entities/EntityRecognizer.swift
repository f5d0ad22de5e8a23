import Foundation

/// Finds the people, places and organisations of an article by rules over capitalised
/// phrases and the reference data of ``Lexicon``, and merges their aliases.
///
/// The steps: (1) cut the text into capitalised phrases (with connectors such as "of" after an
/// organisation head, "de" in a person's name), (2) strip titles and sentence-initial common
/// words ("President", "Pensioner", "Riot"), (3) type each phrase by its shape and the
/// gazetteer, (4) resolve the single words left (surnames, a one-letter misspelling of a known
/// name) against the people found, (5) read roles from titles and appositives.
struct EntityRecognizer {
  let text: ScalarText
  let tokens: [Token]
  let lexicon: Lexicon
  let blocks: [Block]
  /// The rules that apply (all, unless the evaluator switches some off).
  var rules = AnalysisRules()
  /// The roles of the candidates that have one, by the index they hold.
  let roleTable = RoleTable()

  /// The roles taken off candidates' phrases ("President"), out of the candidates: few have
  /// one, and a string in each made a candidate 40 bytes where 24 do (a list of names is a
  /// candidate every 18 bytes of text). Appended to only while the phrases are typed.
  final class RoleTable: @unchecked Sendable {
    var roles: [String] = []
  }

  /// Answers about the whole article, worked out on first use (the struct's copies share them).
  let wholeArticle = WholeArticle()

  final class WholeArticle: @unchecked Sendable {
    var isSportsReport: Bool?
  }

  /// A candidate's role, if it has one.
  func role(of c: Candidate) -> String? { c.roleIndex >= 0 ? roleTable.roles[Int(c.roleIndex)] : nil }

  /// A candidate with a role, the role filed in ``roleTable``.
  func candidate(tokens: Range<Int>, range: Range<Int>, kind: Guess, role: String) -> Candidate {
    roleTable.roles.append(role)
    return Candidate(tokens: tokens, range: range, kind: kind, roleIndex: Int32(roleTable.roles.count - 1))
  }

  /// A typed phrase, before alias merging. In 20 bytes (32-bit bounds; the kind, two flags
  /// and the role, an index into ``roleTable``, in one word), not 64: a list of names is a
  /// candidate every 18 bytes of text.
  struct Candidate {
    private var tokenLower: Int32
    private var tokenUpper: Int32
    private var lower: Int32
    private var upper: Int32
    /// The kind (bits 0-1), `speaks` (bit 2), `placeNoun` (bit 3), `wordSurname` (bit 4),
    /// and the role's index plus one (bits 5-31, 0 for none).
    private var packed: UInt32 = 0

    private static let speaksBit: UInt32 = 4
    private static let placeNounBit: UInt32 = 8
    private static let wordSurnameBit: UInt32 = 16

    init(tokens: Range<Int>, range: Range<Int>, kind: Guess, roleIndex: Int32 = -1) {
      tokenLower = Int32(tokens.lowerBound)
      tokenUpper = Int32(tokens.upperBound)
      lower = Int32(range.lowerBound)
      upper = Int32(range.upperBound)
      precondition(roleIndex < (1 << 27) - 1, "too many roles")
      packed = UInt32(roleIndex + 1) << 5
      self.kind = kind
    }

    var kind: Guess {
      get { Guess(rawValue: UInt8(packed & 3))! }
      set { packed = packed & ~3 | UInt32(newValue.rawValue) }
    }

    /// True when the phrase is a speaker's name by its context ("..., X said").
    var speaks: Bool {
      get { packed & Self.speaksBit != 0 }
      set { packed = newValue ? packed | Self.speaksBit : packed & ~Self.speaksBit }
    }

    /// True when a lowercase place noun follows the phrase ("Yaba district").
    var placeNoun: Bool {
      get { packed & Self.placeNounBit != 0 }
      set { packed = newValue ? packed | Self.placeNounBit : packed & ~Self.placeNounBit }
    }

    /// True when the word is a surname that is usually no name, kept for the people named
    /// in full (``EntityRule/wordSurnameOfFullName``: `"...," May said`).
    var wordSurname: Bool {
      get { packed & Self.wordSurnameBit != 0 }
      set { packed = newValue ? packed | Self.wordSurnameBit : packed & ~Self.wordSurnameBit }
    }

    /// The index of the role in ``EntityRecognizer/roleTable``, -1 for none.
    var roleIndex: Int32 { Int32(packed >> 5) - 1 }

    /// Whether a role was taken off the phrase.
    var hasRole: Bool { packed >> 5 != 0 }

    /// The phrase's tokens.
    var tokens: Range<Int> { Range(uncheckedBounds: (Int(tokenLower), Int(tokenUpper))) }
    /// The phrase's text, a model range.
    var range: Range<Int> { Range(uncheckedBounds: (Int(lower), Int(upper))) }
  }

  enum Guess: UInt8, Equatable {
    case person, place, organisation
    /// One capitalised word with nothing to type it by: resolved against the people found.
    case single
  }

  /// The result: entities, and for every token the entity it belongs to (or -1).
  struct Result {
    var entities: [Entity]
    var entityOfToken: EntityOfToken
    /// Gender of each person entity, from first names and pronouns (nil when unknown).
    var gender: [Int: Lexicon.Gender]
  }

  // MARK: - Step 1 and 2: phrases

  /// "Don't", "They've": a contraction is never a name.
  func isContraction(_ t: Token) -> Bool {
    var k = t.range.lowerBound
    while k < t.range.upperBound - 1 {
      if (text[k] == "'" || text[k] == "’") && text[k + 1].properties.isLowercase && text[k + 1] != "s" {
        return true
      }
      k += 1
    }
    return false
  }

  func isNameWord(_ t: Token) -> Bool {
    guard t.kind == .word, t.isCapitalised else { return false }
    return true
  }

  func hash(_ range: Range<Int>) -> ScalarHash {
    var h = ScalarHash()
    h.append(text, range)
    return h
  }

  func hash(tokens range: Range<Int>, lastStem: Bool = true) -> ScalarHash {
    var h = ScalarHash()
    for k in range {
      if k > range.lowerBound { h.appendSpace() }
      h.append(text, k == range.upperBound - 1 && lastStem ? tokens[k].stem : tokens[k].range)
    }
    return h
  }

  func lowerHash(_ t: Token) -> ScalarHash {
    var h = ScalarHash()
    h.appendLowercased(text, t.stem)
    return h
  }

  /// "Ventures", "Homes": the plural of an ordinary English word.
  func isCommonPlural(_ t: Token) -> Bool {
    let s = t.stem
    guard s.count > 3, text[s.upperBound - 1] == "s" else { return false }
    var h = ScalarHash()
    h.appendLowercased(text, s.lowerBound..<(s.upperBound - 1))
    return lexicon.words.contains(h)
  }

  /// Whether a capitalised word is an ordinary English word written with a capital.
  func isCommonWord(_ t: Token) -> Bool { lexicon.words.contains(lowerHash(t)) }

  func isFollowedByCapitalisedWord(_ k: Int) -> Bool {
    k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].isCapitalised
      && tokens[k + 1].block == tokens[k].block
  }

  /// Capitalised phrases of the blocks scanned, as token ranges (32-bit: 8 bytes a phrase, and
  /// a list of names is a phrase every 20 bytes).
  func phrases() -> [Range<Int32>] {
    var result: [Range<Int32>] = []
    var k = 0
    let n = tokens.count
    while k < n {
      let t = tokens[k]
      guard t.kind == .word, t.isCapitalised, !headlineBlock(t.block), !isCompoundModifier(t),
        !isContraction(t)
      else {
        k += 1
        continue
      }
      let last = phraseEnd(from: k)
      result.append(Int32(k)..<Int32(last + 1))
      k = last + 1
    }
    return result
  }

  /// The last token of the capitalised phrase that starts at token `k`.
  func phraseEnd(from k: Int) -> Int {
    var end = k + 1
    var last = k
    var extended = false
    while end < tokens.count, let step = phraseStep(at: end, after: last, phraseStart: k, extended: &extended) {
      (last, end) = step
    }
    return last
  }

  /// Whether the phrase from token `k` whose last token so far is `last` goes on at token
  /// `end`: its new last token and the next token to look at, or nil when it ends there.
  /// `extended` says whether a connector ("of", "for") has joined a head already.
  func phraseStep(at end: Int, after last: Int, phraseStart k: Int, extended: inout Bool) -> (last: Int, end: Int)? {
    let n = tokens.count
    let t = tokens[k]
    let next = tokens[end]
    guard next.block == t.block, !tokens[last].isPossessive,
      tokens[last].range.upperBound + 1 >= next.range.lowerBound
        || text[tokens[last].range.upperBound] == " "
    else { return nil }
    if isPluralPossessiveInName(end) { return (end + 1, end + 2) }
    // "Mr. Trump", "Sen. Chuck Schumer": a title's full stop goes on to the name;
    // "C. Eugene Steuerle": so does an initial's before a first name.
    if isStopBeforeName(end, after: last, phraseStart: k) { return (end + 1, end + 2) }
    // A gap of more than one space (or a line break) ends the phrase.
    if next.range.lowerBound - tokens[last].range.upperBound != 1 { return nil }
    // A middle initial: "Roberta A. Kaplan", "Joseph R. Biden".
    if isMiddleInitial(end, after: last) { return (end + 2, end + 3) }
    if next.kind == .word && next.isCapitalised && !isCompoundModifier(next) {
      if WordLists.neverNames.contains(hash(next.stem)) && !isInnerNameWord(end, after: last)
        && !isWordSurname(end, afterFirstName: last)
      {
        return nil
      }
      return (end, end + 1)
    }
    if let step = connectorStep(at: end, after: last, phraseStart: k, extended: &extended) { return step }
    // Two connectors: "Sanne van der Linde", "Maria de la Cruz".
    if next.kind == .word, end + 2 < n, tokens[end + 2].kind == .word, tokens[end + 2].isCapitalised,
      tokens[end + 2].block == t.block, tokens[end + 1].kind == .word,
      WordLists.nameConnectors.contains(hash(next.range)),
      WordLists.nameConnectors.contains(hash(tokens[end + 1].range))
    {
      return (end + 2, end + 3)
    }
    // A nickname in quotation marks inside a name: "Clarence 'Tiny' Boudreaux".
    if isNickname(at: end, after: last) { return (end + 3, end + 4) }
    if next.kind == .punct, next.scalar(in: text) == "&", end + 1 < n, tokens[end + 1].isCapitalised,
      tokens[end + 1].kind == .word
    {
      return (end + 1, end + 2)
    }
    return nil
  }

  /// A connector at token `end` followed by a capitalised word: "of" after a head, "for" and
  /// "on" after an organisation head, "and"/"in" once extended, "de"/"van"/"al" inside a
  /// person's name. The step it makes (an `end` of `tokens.count` ends the phrase at `last`),
  /// or nil when it is no connector.
  func connectorStep(at end: Int, after last: Int, phraseStart k: Int, extended: inout Bool) -> (last: Int, end: Int)? {
    let n = tokens.count
    let t = tokens[k]
    let next = tokens[end]
    guard next.kind == .word, end + 1 < n, tokens[end + 1].kind == .word,
      tokens[end + 1].isCapitalised, tokens[end + 1].block == t.block
    else { return nil }
    let word = hash(next.range)
    // "Organisation for Security and Cooperation", "Department for Environment",
    // "Council on Foreign Relations" (not "the Council on Monday").
    if ((word == ScalarHash("for")
      || (word == ScalarHash("on") && !WordLists.neverNames.contains(hash(tokens[end + 1].stem))))
      && WordLists.organisationHeads.contains(hash(tokens[last].stem)))
      || ((word == ScalarHash("and") || word == ScalarHash("in")) && extended)
      || (word == ScalarHash("and") && lexicon.firstNames[hash(t.stem)] == nil
        && endsInOrganisationHead(from: end + 1))
    {
      extended = true
      return (end + 1, end + 2)
    }
    if word == ScalarHash("of") && WordLists.ofHeads.contains(hash(tokens[last].stem)) {
      extended = true
      var after = end + 1
      if tokens[after].range == tokens[after].range,
        hash(tokens[after].range) == ScalarHash("The")
      {
        after += 1
        if after >= n || !tokens[after].isCapitalised { return (last, n) }
      }
      return (after, after + 1)
    }
    if WordLists.nameConnectors.contains(word) { return (end + 1, end + 2) }
    return nil
  }

  /// Whether token `k` is the full stop of the title or initial at `last` and a capitalised
  /// word follows one space on: "Mr. Trump", "Dr. Shadlen", and an initial that opens the
  /// phrase before a known first name, "C. Eugene Steuerle".
  func isStopBeforeName(_ k: Int, after last: Int, phraseStart: Int) -> Bool {
    guard k + 1 < tokens.count, tokens[k].kind == .punct, tokens[k].scalar(in: text) == ".",
      tokens[k].range.lowerBound == tokens[last].range.upperBound,
      tokens[k + 1].kind == .word, tokens[k + 1].isCapitalised, tokens[k + 1].block == tokens[k].block,
      tokens[k + 1].range.lowerBound == tokens[k].range.upperBound + 1
    else { return false }
    // A title's abbreviation ("Sen."), not a title ending a sentence: "he told MSPs. He said".
    if WordLists.titles.contains(hash(tokens[last].stem)),
      Tokenizer.abbreviations.contains(Tokenizer.string(text, tokens[last].stem))
    {
      return true
    }
    return last == phraseStart && tokens[last].stem.count == 1 && lexicon.firstNames[hash(tokens[k + 1].stem)] != nil
  }

  /// Whether the tokens from `k` are an initial, its full stop and a capitalised word, right
  /// after a known first name ("Roberta A. Kaplan").
  /// "Coastal Workers' Union", "Veterans' Affairs Committee": the apostrophe at token `k`
  /// of a plural possessive inside a name that goes on, one space on, to an organisation's
  /// head word.
  func isPluralPossessiveInName(_ k: Int) -> Bool {
    let mark = tokens[k]
    guard mark.kind == .punct, mark.scalar(in: text) == "'" || mark.scalar(in: text) == "’", k >= 1,
      k + 1 < tokens.count,
      tokens[k - 1].range.upperBound == mark.range.lowerBound, text[mark.range.lowerBound - 1] == "s",
      tokens[k + 1].kind == .word, tokens[k + 1].isCapitalised,
      tokens[k + 1].range.lowerBound == mark.range.upperBound + 1
    else { return false }
    return endsInOrganisationHead(from: k + 1, headMayComeFirst: true)
  }

  /// "Harbour and Coastal Workers' Union": the capitalised words from token `k` on (up to
  /// six, in one run) end in an organisation's head word, so an "and" before them joins one
  /// name instead of two (never after a first name: "John Bolton and Breitbart News").
  func endsInOrganisationHead(from k: Int, headMayComeFirst: Bool = false) -> Bool {
    var j = k
    while j < tokens.count, j < k + 6, tokens[j].kind == .word, tokens[j].isCapitalised,
      tokens[j].block == tokens[k].block
    {
      // The head ends the run: "Breitbart News National Security Editor" is no name of one.
      // A head alone after the "and" is a name of its own: "Acme Corp and NATO".
      if j > k || headMayComeFirst, WordLists.organisationHeads.contains(hash(tokens[j].stem)),
        j + 1 >= tokens.count || !(tokens[j + 1].kind == .word && tokens[j + 1].isCapitalised)
      {
        return true
      }
      // "Workers' Union": over the apostrophe of a plural possessive.
      if j + 2 < tokens.count, tokens[j + 1].kind == .punct,
        tokens[j + 1].scalar(in: text) == "'" || tokens[j + 1].scalar(in: text) == "’",
        tokens[j + 1].range.lowerBound == tokens[j].range.upperBound,
        tokens[j + 2].range.lowerBound == tokens[j + 1].range.upperBound + 1
      {
        j += 2
        continue
      }
      if j + 1 < tokens.count, tokens[j + 1].range.lowerBound - tokens[j].range.upperBound != 1 { break }
      j += 1
    }
    return false
  }

  func isMiddleInitial(_ k: Int, after last: Int) -> Bool {
    guard k + 2 < tokens.count, tokens[k].kind == .word, tokens[k].range.count == 1,
      tokens[k].isCapitalised, tokens[k + 1].kind == .punct, tokens[k + 1].scalar(in: text) == ".",
      tokens[k + 1].range.lowerBound == tokens[k].range.upperBound,
      tokens[k + 2].kind == .word, tokens[k + 2].isCapitalised, tokens[k + 2].block == tokens[k].block,
      tokens[k + 2].range.lowerBound - tokens[k + 1].range.upperBound == 1,
      !tokens[last].isPossessive, lexicon.firstNames[hash(tokens[last].stem)] != nil
    else { return false }
    return true
  }

  /// Whether a word that is usually no name ("Can", "Said") stands inside a name at `k`:
  /// after a known first name and before another capitalised word ("Mehmet Can Yildirim").
  func isInnerNameWord(_ k: Int, after last: Int) -> Bool {
    guard k + 1 < tokens.count, lexicon.firstNames[hash(tokens[last].stem)] != nil,
      !tokens[last].isPossessive, tokens[k + 1].kind == .word, tokens[k + 1].isCapitalised,
      tokens[k + 1].block == tokens[k].block,
      tokens[k + 1].range.lowerBound - tokens[k].range.upperBound == 1,
      !WordLists.neverNames.contains(hash(tokens[k + 1].stem))
    else { return false }
    return true
  }

  /// Whether the tokens from `k` are a quoted nickname followed by a surname, after a known
  /// first name at `last`: `'Tiny' Boudreaux` after "Clarence".
  func isNickname(at k: Int, after last: Int) -> Bool {
    guard k + 3 < tokens.count, lexicon.firstNames[hash(tokens[last].stem)] != nil,
      tokens[k].kind == .punct, "'‘\"“".unicodeScalars.contains(tokens[k].scalar(in: text)),
      tokens[k + 1].kind == .word, tokens[k + 1].isCapitalised,
      tokens[k + 2].kind == .punct, "'’\"”".unicodeScalars.contains(tokens[k + 2].scalar(in: text)),
      tokens[k + 2].range.lowerBound == tokens[k + 1].range.upperBound,
      tokens[k + 1].range.lowerBound == tokens[k].range.upperBound,
      tokens[k + 3].kind == .word, tokens[k + 3].isCapitalised,
      tokens[k + 3].block == tokens[k].block
    else { return false }
    return true
  }

  /// Whether the words from `k` begin a known place of two or three words ("New York",
  /// "New Zealand"), so that a first word such as "New" is kept.
  func startsPlaceName(_ k: Int, _ upper: Int) -> Bool {
    var m = 2
    while m <= 3, k + m <= upper {
      if lexicon.places[hash(tokens: k..<(k + m))] != nil { return true }
      m += 1
    }
    return false
  }

  /// Words that end the name of an event or an award ("World Cup", "U.S. Open", "Gulf War",
  /// "the Best Foreign Language Oscar", "Booker Prize"): not one of our kinds.
  static let eventHeads = WordLists.set(
    """
    Cup Open Series Championship Championships Games Olympics Olympic War Day Prix Trophy Festival
    Awards Grand Slam Tour Classic Invitational Revolution Treaty Accord Accords Protocol Act Pact
    Award Prize Oscar Oscars Bafta Baftas Emmy Emmys Grammy Grammys
    """)

  /// Peoples and faiths ("Hutu", "Moslems", "Chechen"): not entities.
  func isPeopleWord(_ t: Token) -> Bool {
    let h = hash(t.stem)
    if lexicon.demonyms.contains(h) || WordLists.peoples.contains(h) { return true }
    // A plural: "Libyans", "Afrikaners".
    guard t.stem.count > 3, text[t.stem.upperBound - 1] == "s" else { return false }
    let singular = hash(t.stem.lowerBound..<(t.stem.upperBound - 1))
    if lexicon.demonyms.contains(singular) || WordLists.peoples.contains(singular) { return true }
    // "Texans", "Kenyans": the people of a country or state named before "-n(s)".
    guard text[t.stem.upperBound - 2] == "n", t.stem.count > 5 else { return false }
    let root = t.stem.lowerBound..<(t.stem.upperBound - 2)
    var withS = hash(root)
    withS.append(text, (t.stem.upperBound - 1)..<t.stem.upperBound)
    for h in [hash(root), withS] {
      if let kind = lexicon.places[h], kind == .country || kind == .subdivision { return true }
    }
    return false
  }

  /// Words that begin the name of a storm ("Storm Imelda", "Hurricane Maria"): not one of our
  /// kinds.
  static let weatherWords = WordLists.set("Storm Hurricane Typhoon Cyclone")

  /// "Blairite", "Thatcherite": a follower of someone, named after them; like a nationality, it
  /// is no part of the name after it ("Blairite Alan Milburn").
  func isFollowerWord(_ t: Token) -> Bool {
    let s = t.stem
    guard s.count >= 7, t.kind == .word, text[s.upperBound - 3] == "i", text[s.upperBound - 2] == "t",
      text[s.upperBound - 1] == "e", lexicon.firstNames[hash(s)] == nil, lexicon.places[hash(s)] == nil
    else { return false }
    return true
  }

  /// "Russia-led", "Kazakh-born": a capitalised word joined to a lowercase English word. A
  /// lowercase part that is no English word is part of a name ("Park Min-ji", "Jae-hyun").
  func isCompoundModifier(_ t: Token) -> Bool {
    var k = t.range.lowerBound
    while k < t.range.upperBound - 1 {
      if text[k] == "-" && text[k + 1].properties.isLowercase {
        var end = k + 1
        while end < t.stem.upperBound, text[end] != "-" { end += 1 }
        var h = ScalarHash()
        h.appendLowercased(text, (k + 1)..<end)
        if lexicon.words.contains(h) || end - (k + 1) > 4 { return true }
      }
      k += 1
    }
    return false
  }

  static let singleWordInstitutions = WordLists.set(
    "Parliament Congress Senate Cabinet Fed NATO OPEC Kremlin Pentagon Knesset Duma Bundestag Treasury Interpol Politburo"
  )

  /// A title or an all-capitals line: its capitals say nothing about names.
  /// Whether a block is a header line (headline, byline, dateline), whose capitals say
  /// nothing: it is not read for new names, only for the body's and for its own kind's.
  func headlineBlock(_ block: Int) -> Bool { blocks[block].kind == .title || blocks[block].kind.isMetadataLine }

  static let foreignArticles = WordLists.set("El Al Der Die Das La Le Les Il Los Las")
  /// Words of other languages that begin the name of a firm or a venue: "Caja Mágica",
  /// "Flor de Monte", "Rede Norte", "Stade de France".
  static let foreignVenueWords = WordLists.set(
    """
    Caja Flor Rede Banco Grupo Café Teatro Museo Palacio Palais Restaurante Trattoria Chez Maison Bodega Hacienda
    Stade Estadio Stadio Stadion
    """)

  static let directions = WordLists.set("North South East West Northern Southern Eastern Western Central")
  static let placePrefixes = WordLists.set(
    "Port Mount Mt Lake Cape Fort San Santa São Sao St Saint Isle Lago Rio Puerto Porto Bandar Kuala Wadi Jebel Boulevard Avenue Rue Via Piazza Plaza Calle Avenida"
  )

  func isCommonWordStart(_ k: Int) -> Bool {
    // After an opening quote or a colon the first word starts a sentence too.
    k > 0 && tokens[k - 1].kind == .punct && tokens[k - 1].block == tokens[k].block
      && "“\"‘(:".unicodeScalars.contains(tokens[k - 1].scalar(in: text))
  }

  func isAcronym(_ t: Token) -> Bool {
    t.isAllCaps && t.stem.count >= 2 && t.stem.count <= 6
      && !lexicon.words.contains(lowerHash(t))
      || (t.stem.count >= 3 && text[t.stem.lowerBound + 1] == "." && t.isCapitalised
        && lexicon.places[hash(t.stem)] == nil)
  }

  func hasOrganisationHead(_ span: Range<Int>) -> Bool {
    if span.count == 1 {
      let t = tokens[span.lowerBound]
      if Self.singleWordInstitutions.contains(hash(t.stem)) { return true }
      if isCommonWord(t) { return false }
    }
    for k in span where k > span.lowerBound || span.count == 1 {
      if WordLists.organisationHeads.contains(hash(tokens[k].stem)) { return true }
    }
    return false
  }

  func hasPlaceHead(_ span: Range<Int>) -> Bool {
    WordLists.placeHeads.contains(hash(tokens[span.upperBound - 1].stem))
  }

  /// A noun naming someone by what they do: "pensioner", "worker", "activist".
  func isAgentNoun(_ t: Token) -> Bool {
    let s = t.stem
    guard s.count >= 5 else { return false }
    let tail = Tokenizer.string(text, (s.upperBound - 3)..<s.upperBound)
    return [
      "ner", "ker", "ter", "der", "ger", "ler", "ver", "per", "ser", "yer", "ist", "ian",
      "ant", "ent", "man", "tor", "sor", "ess", "ate",
    ].contains(tail)
  }

  // MARK: - Step 3 to 5: resolve and merge

  func recognise() -> Result {
    let compounds = compoundWordPlaces()
    var candidates = phraseCandidates(reservingExtra: compounds.count)
    candidates.append(contentsOf: compounds)
    candidates.sort { $0.range.lowerBound < $1.range.lowerBound }
    markPlacesByNoun(&candidates)
    markSpeakers(&candidates)
    applyContextRules(&candidates)
    let sports = isSportsReport()
    return merge(consume candidates, sports: sports)
  }

  /// The candidates of every capitalised phrase, in an array made with room for them and
  /// `extra` more: most phrases give one candidate, and an array grown by doubling held its
  /// old and new buffers at once (16 MB for 200,000 one-line paragraphs, where the
  /// candidates take 8).
  func phraseCandidates(reservingExtra extra: Int) -> [Candidate] {
    let phrases = phrases()
    var candidates: [Candidate] = []
    candidates.reserveCapacity(phrases.count + extra)
    for phrase in phrases {
      classify(Int(phrase.lowerBound)..<Int(phrase.upperBound), into: &candidates)
    }
    return candidates
  }

  /// Compound words: "Russia-led", "Kazakh-born" give the place before the hyphen.
  func compoundWordPlaces() -> [Candidate] {
    var candidates: [Candidate] = []
    for (k, t) in tokens.enumerated() where t.kind == .word && t.isCapitalised {
      guard !headlineBlock(t.block) else { continue }
      var hyphen = t.range.lowerBound
      while hyphen < t.range.upperBound && text[hyphen] != "-" { hyphen += 1 }
      guard hyphen < t.range.upperBound, hyphen + 1 < t.range.upperBound,
        text[hyphen + 1].properties.isLowercase
      else { continue }
      let prefix = t.range.lowerBound..<hyphen
      if lexicon.places[hash(prefix)] != nil {
        candidates.append(Candidate(tokens: k..<(k + 1), range: prefix, kind: .place))
      }
    }
    return candidates
  }

  /// Lowercase nouns that make the name before them a place: "the Yaba district",
  /// "the Kongsbreen glacier", "the Reykjanes peninsula", "at Stansted airport".
  static let placeNouns = WordLists.set(
    """
    district districts neighbourhood neighborhood glacier peninsula valley province county
    suburb village town island islands river quarter borough estuary delta plateau desert
    region township municipality governorate prefecture airport sanatorium mountains
    """)

  /// "the Yaba district", "the Mapo district of Seoul": an unknown name right before a
  /// lowercase place noun, after "the" or a preposition, is a place; the name with its noun
  /// becomes an alias.
  func markPlacesByNoun(_ candidates: inout [Candidate]) {
    for i in candidates.indices {
      let c = candidates[i]
      let next = c.tokens.upperBound
      let before = c.tokens.lowerBound - 1
      guard next < tokens.count, before >= 0, !c.hasRole, !c.speaks,
        tokens[next].kind == .word, !tokens[next].isCapitalised,
        tokens[next].block == tokens[c.tokens.lowerBound].block,
        tokens[next].range.lowerBound - tokens[next - 1].range.upperBound == 1,
        !tokens[next - 1].isPossessive,
        Self.placeNouns.contains(hash(tokens[next].range)),
        lexicon.firstNames[hash(tokens[c.tokens.lowerBound].stem)] == nil,
        lexicon.places[hash(tokens: c.tokens)] == nil,
        tokens[before].kind == .word,
        hash(tokens[before].range) == ScalarHash("the") || Self.placePrepositions.contains(hash(tokens[before].range))
      else { continue }
      candidates[i].kind = .place
      candidates[i].placeNoun = true
    }
  }

  /// Whether the article reads as a sports report: more than 2 in 100 of its lowercase words
  /// are sports words ("innings", "beat", "goal", "season").
  func isSportsReport() -> Bool {
    // Once an article: each "ERA" or "RBI" asked it again, a pass over every token.
    if let known = wholeArticle.isSportsReport { return known }
    let answer = countsAsSportsReport()
    wholeArticle.isSportsReport = answer
    return answer
  }

  private func countsAsSportsReport() -> Bool {
    var words = 0
    var sports = 0
    for t in tokens where t.kind == .word && !t.isCapitalised {
      words += 1
      if WordLists.sportsWords.contains(hash(t.range)) { sports += 1 }
    }
    return words >= 40 && sports * 50 > words
  }

  /// Whether the place at token `k` opens a paragraph as a dateline: "MADRID (Reuters) -",
  /// "WACO, Texas -".
  func isDateline(_ k: Int) -> Bool {
    guard k == 0 || tokens[k - 1].block != tokens[k].block, k + 1 < tokens.count else { return false }
    let next = tokens[k + 1]
    guard next.kind == .punct else { return false }
    return "(-–—".unicodeScalars.contains(next.scalar(in: text))
      || (next.scalar(in: text) == "," && tokens[k].isAllCaps)
  }

  /// Whether the word at `k` is followed by a comma and a known country or state: "Boulder,
  /// Colorado".
  func isFollowedByRegion(_ k: Int) -> Bool {
    guard k >= 0, k + 2 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].scalar(in: text) == ",",
      tokens[k + 2].block == tokens[k].block
    else { return false }
    let kind = lexicon.places[hash(tokens[k + 2].stem)]
    return kind == .country || kind == .subdivision
  }

  /// Whether the phrase at `k` follows a preposition of place ("in Ashby Staithe").
  func followsPlacePreposition(_ k: Int) -> Bool {
    guard k >= 1, tokens[k - 1].kind == .word, tokens[k - 1].block == tokens[k].block else { return false }
    return Self.placePrepositions.contains(hash(tokens[k - 1].range))
  }

  static let settlementNouns = WordLists.set(
    "town towns village villages city cities state province region district county port island suburb area municipality capital"
  )

  /// Prepositions of place; a sentence may open with one ("In Montreal, Scott Sanders ...").
  static let placePrepositions = WordLists.set(
    "in near outside around across throughout towards at from In Near Outside Around Across Throughout")

  /// "told Reuters": the one told is the listener, not the speaker.
  static let tellForms = WordLists.set("told tell tells telling")

  /// Marks phrases in a speaker's position ("X said", "said X", "according to X").
  func markSpeakers(_ candidates: inout [Candidate]) {
    for c in candidates.indices {
      let after = candidates[c].tokens.upperBound
      let before = candidates[c].tokens.lowerBound - 1
      if after < tokens.count, tokens[after].kind == .word,
        ReportingVerbs.set.contains(hash(tokens[after].range))
      {
        candidates[c].speaks = true
      }
      if before >= 0, tokens[before].kind == .word,
        ReportingVerbs.set.contains(hash(tokens[before].range)),
        !Self.tellForms.contains(hash(tokens[before].range)),
        before >= 1, tokens[before - 1].kind == .punct
      {
        candidates[c].speaks = true
      }
      if before >= 1, hash(tokens[before].range) == ScalarHash("to"),
        hash(tokens[before - 1].range) == ScalarHash("according")
      {
        candidates[c].speaks = true
      }
    }
  }

  /// "Kenji Oshiro Vargas": in a name of three words whose middle word is no first name and
  /// no English word, the middle word is the first of two surnames, by which the person is
  /// called ("Oshiro said"). Returns its token.
  func firstOfTwoSurnames(_ name: Range<Int>) -> Int? {
    guard name.count == 3 else { return nil }
    let middle = name.lowerBound + 1
    let t = tokens[middle]
    guard t.kind == .word, t.isCapitalised, t.stem.count >= 3, !t.isAllCaps,
      lexicon.firstNames[hash(t.stem)] == nil, !isCommonWord(t)
    else { return nil }
    return middle
  }

  /// "Clarence Boudreaux" for "Clarence 'Tiny' Boudreaux"; nil when the name has no nickname.
  func nameWithoutNickname(_ c: Candidate) -> String? {
    guard
      let open = c.tokens.first(where: {
        tokens[$0].kind == .punct && "'‘\"“".unicodeScalars.contains(tokens[$0].scalar(in: text))
      })
    else { return nil }
    let before = Tokenizer.string(
      text, tokens[c.tokens.lowerBound].range.lowerBound..<tokens[open - 1].range.upperBound)
    let after = Tokenizer.string(text, tokens[open + 3].range.lowerBound..<c.range.upperBound)
    return before + " " + after
  }

  /// The legal form that ends a company's name: "Siemens AG", "Bank Rozwoju Exportu SA".
  static let legalForms = WordLists.set("Inc Corp Ltd Co SA AG NV plc PLC GmbH SpA Bhd LLC")

  /// Words that end a company's name: "Ruch SA", "Magna International Inc".
  static let companySuffixes = WordLists.set(
    "Inc Corp Corporation Ltd Co SA AG NV plc PLC GmbH SpA Bhd LLC Holdings Group International Bancshares Bancorp")

  /// Whether a phrase names a company by a word of its own and a company word: "Ruch SA".
  func isFirmName(_ name: Range<Int>) -> Bool {
    guard name.count >= 2, Self.companySuffixes.contains(hash(tokens[name.upperBound - 1].stem)) else { return false }
    let first = tokens[name.lowerBound]
    guard first.kind == .word, !first.isAllCaps, !isCommonWord(first) else { return false }
    let kind = lexicon.places[hash(first.stem)]
    return kind != .country && kind != .region && lexicon.firstNames[hash(first.stem)] == nil
  }

  /// "Ravi" for "Ravindra Iyer-Menon": the one person whose first name begins with a short
  /// form of four letters or more.
  func personWithFirstNameStarting(_ short: String, in entities: [Entity], prefixes: inout FirstWordPrefixes) -> Int? {
    guard short.count >= 4 else { return nil }
    prefixes.catchUp(entities)
    var found: Int?
    // Only the persons indexed under the prefix, checked as the full scan checked them.
    for i in prefixes.candidates(short) {
      let e = entities[i]
      guard e.kind == .person, e.name.hasPrefix(short) else { continue }
      guard let space = e.name.firstIndex(of: " "), e.name[..<space].count > short.count else { continue }
      if found != nil { return nil }
      found = i
    }
    return found
  }

  /// Whether a full name candidate starts with the same word as `name` ("Ingeborg Marie
  /// Haugland" and "Ingeborg Haugland").
  func sameFirstWord(_ name: String, _ c: Candidate) -> Bool {
    guard c.tokens.count >= 2, let first = name.split(separator: " ").first else { return false }
    return Tokenizer.string(text, tokens[c.tokens.lowerBound].stem) == first
  }

  /// The hash of an all-capitals word written in title case ("CHENNAI" as "Chennai").
  func titleCaseHash(_ t: Token) -> ScalarHash {
    var h = ScalarHash()
    let r = t.stem
    h.append(text, r.lowerBound..<(r.lowerBound + 1))
    h.appendLowercased(text, (r.lowerBound + 1)..<r.upperBound)
    return h
  }

  /// "KUALA LUMPUR" as "Kuala Lumpur".
  func titleCased(_ s: String) -> String {
    s.split(separator: " ", omittingEmptySubsequences: false).map { word in
      word.prefix(1) + word.dropFirst().lowercased()
    }.joined(separator: " ")
  }

  /// Whether the token at `k` reads as what follows a name at the start of a sentence ("Bush
  /// said", "Trump's", "Bush, who"), rather than a noun after an adjective ("Young people").
  func nameFollows(_ k: Int) -> Bool {
    guard k < tokens.count else { return true }
    let t = tokens[k]
    if t.kind == .punct || isVerbAfterName(t) { return true }
    // "Brown later told", "Hale didn’t seem" (``EntityRule/adverbBeforeTheVerb``).
    guard rules.on(.adverbBeforeTheVerb), k >= 1, t.block == tokens[k - 1].block else { return false }
    if isNegatedAuxiliary(t) { return true }
    return isAdverb(t) && k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].block == t.block
      && isVerbAfterName(tokens[k + 1])
  }

  /// A reporting verb, a word of ``afterName`` or a verb in the past tense ("Sanders
  /// appeared"), not a noun ("Young people").
  func isVerbAfterName(_ t: Token) -> Bool {
    let h = hash(t.range)
    if ReportingVerbs.set.contains(h) || Self.afterName.contains(h) { return true }
    let r = t.range
    return !t.isCapitalised && r.count >= 4 && text[r.upperBound - 2] == "e" && text[r.upperBound - 1] == "d"
  }

  /// ``EntityRule/adverbBeforeTheVerb``: "didn’t", "wasn't": a negated auxiliary.
  func isNegatedAuxiliary(_ t: Token) -> Bool {
    let r = t.range
    guard !t.isCapitalised, r.count >= 4, text[r.upperBound - 1] == "t", text[r.upperBound - 3] == "n" else {
      return false
    }
    let mark = text[r.upperBound - 2]
    return mark == "'" || mark == "’"
  }

  /// ``EntityRule/adverbBeforeTheVerb``: "later", "quickly", "reportedly": an adverb of the
  /// closed list, or a lowercase word in -ly that is no noun or adjective of ``lyNouns``.
  func isAdverb(_ t: Token) -> Bool {
    guard !t.isCapitalised else { return false }
    let h = hash(t.range)
    if Self.adverbsBeforeVerbs.contains(h) { return true }
    let r = t.range
    return r.count >= 5 && text[r.upperBound - 2] == "l" && text[r.upperBound - 1] == "y" && !Self.lyNouns.contains(h)
  }

  static let adverbsBeforeVerbs = WordLists.set(
    "later then once again still never even soon now already just first often")

  /// Words in -ly that are no adverbs before a verb: "the Brown family", "Rice supply rose".
  static let lyNouns = WordLists.set(
    """
    family supply rally ally belly daily weekly monthly yearly quarterly reply apply jelly holy
    early only lovely friendly likely unlikely elderly deadly costly
    """)

  static let afterName = WordLists.set(
    """
    has had have is was will would could should can may might did does also and who wants
    wanted won lost took made called went got says
    """)

  /// The entity whose surname is one edit (substitution, insertion or deletion of one scalar)
  /// away from `t`: "Nazerbayev" for "Nazarbayev". Long words only, never a common word or a
  /// place.
  func closeSurname(_ t: Token, _ surnames: SurnameIndex) -> Int? {
    guard t.stem.count >= 6, !isCommonWord(t), lexicon.places[hash(t.stem)] == nil else {
      return nil
    }
    return surnames.first(withinOneEditOf: text[t.stem])
  }

  static func withinOneEdit<A: RandomAccessCollection, B: RandomAccessCollection>(_ a: A, _ b: B) -> Bool
  where A.Element == Unicode.Scalar, B.Element == Unicode.Scalar, A.Index == Int, B.Index == Int {
    if a.count == b.count {
      var differences = 0
      for (x, y) in zip(a, b) where x != y {
        differences += 1
        if differences > 1 { return false }
      }
      return differences == 1
    }
    return a.count < b.count ? oneInsertionApart(short: a, long: b) : oneInsertionApart(short: b, long: a)
  }

  /// Whether inserting one scalar into `short` gives `long`.
  private static func oneInsertionApart<S: RandomAccessCollection, L: RandomAccessCollection>(
    short: S, long: L
  ) -> Bool where S.Element == Unicode.Scalar, L.Element == Unicode.Scalar, S.Index == Int, L.Index == Int {
    guard long.count - short.count == 1 else { return false }
    var i = short.startIndex
    var j = long.startIndex
    var skipped = false
    while i < short.endIndex && j < long.endIndex {
      if short[i] == long[j] {
        i += 1
        j += 1
      } else {
        if skipped { return false }
        skipped = true
        j += 1
      }
    }
    return true
  }
}
