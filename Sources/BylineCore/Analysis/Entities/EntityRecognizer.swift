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
  let text: [Unicode.Scalar]
  let tokens: [Token]
  let lexicon: Lexicon
  let blocks: [Block]

  /// A typed phrase, before alias merging. In 40 bytes (32-bit bounds), not 64: a list of
  /// names is a candidate every 18 bytes of text.
  struct Candidate {
    private var tokenLower: Int32
    private var tokenUpper: Int32
    private var lower: Int32
    private var upper: Int32
    var kind: Guess
    /// True when the phrase is a speaker's name by its context ("..., X said").
    var speaks = false
    /// True when a lowercase place noun follows the phrase ("Yaba district").
    var placeNoun = false
    var role: String?

    init(tokens: Range<Int>, range: Range<Int>, kind: Guess, role: String? = nil) {
      tokenLower = Int32(tokens.lowerBound)
      tokenUpper = Int32(tokens.upperBound)
      lower = Int32(range.lowerBound)
      upper = Int32(range.upperBound)
      self.kind = kind
      self.role = role
    }

    /// The phrase's tokens.
    var tokens: Range<Int> { Range(uncheckedBounds: (Int(tokenLower), Int(tokenUpper))) }
    /// The phrase's text, a model range.
    var range: Range<Int> { Range(uncheckedBounds: (Int(lower), Int(upper))) }
  }

  enum Guess: Equatable {
    case person, place, organisation
    /// One capitalised word with nothing to type it by: resolved against the people found.
    case single
  }

  /// The result: entities, and for every token the entity it belongs to (or -1).
  struct Result {
    var entities: [Entity]
    var entityOfToken: [Int32]
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

  /// Capitalised phrases of the blocks scanned, as token ranges.
  func phrases() -> [Range<Int>] {
    var result: [Range<Int>] = []
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
      var end = k + 1
      var last = k
      var extended = false
      while end < n {
        let next = tokens[end]
        guard next.block == t.block, !tokens[last].isPossessive,
          tokens[last].range.upperBound + 1 >= next.range.lowerBound
            || text[tokens[last].range.upperBound] == " "
        else { break }
        if isPluralPossessiveInName(end) {
          last = end + 1
          end += 2
          continue
        }
        // A gap of more than one space (or a line break) ends the phrase.
        if next.range.lowerBound - tokens[last].range.upperBound != 1 { break }
        // A middle initial: "Roberta A. Kaplan", "Joseph R. Biden".
        if isMiddleInitial(end, after: last) {
          last = end + 2
          end += 3
          continue
        }
        if next.kind == .word && next.isCapitalised && !isCompoundModifier(next) {
          if WordLists.neverNames.contains(hash(next.stem)) && !isInnerNameWord(end, after: last) { break }
          last = end
          end += 1
          continue
        }
        // Connectors: "of" after a head, "de"/"van"/"al" inside a person's name, "&".
        if next.kind == .word, end + 1 < n, tokens[end + 1].kind == .word,
          tokens[end + 1].isCapitalised, tokens[end + 1].block == t.block
        {
          let word = hash(next.range)
          // "Organisation for Security and Cooperation", "Department for Environment".
          if (word == ScalarHash("for") && WordLists.organisationHeads.contains(hash(tokens[last].stem)))
            || ((word == ScalarHash("and") || word == ScalarHash("in")) && extended)
            || (word == ScalarHash("and") && lexicon.firstNames[hash(t.stem)] == nil
              && endsInOrganisationHead(from: end + 1))
          {
            extended = true
            last = end + 1
            end += 2
            continue
          }
          if word == ScalarHash("of") && WordLists.ofHeads.contains(hash(tokens[last].stem)) {
            extended = true
            var after = end + 1
            if tokens[after].range == tokens[after].range,
              hash(tokens[after].range) == ScalarHash("The")
            {
              after += 1
              if after >= n || !tokens[after].isCapitalised { break }
            }
            last = after
            end = after + 1
            continue
          }
          if WordLists.nameConnectors.contains(word) {
            last = end + 1
            end += 2
            continue
          }
        }
        // Two connectors: "Sanne van der Linde", "Maria de la Cruz".
        if next.kind == .word, end + 2 < n, tokens[end + 2].kind == .word, tokens[end + 2].isCapitalised,
          tokens[end + 2].block == t.block, tokens[end + 1].kind == .word,
          WordLists.nameConnectors.contains(hash(next.range)),
          WordLists.nameConnectors.contains(hash(tokens[end + 1].range))
        {
          last = end + 2
          end += 3
          continue
        }
        // A nickname in quotation marks inside a name: "Clarence 'Tiny' Boudreaux".
        if isNickname(at: end, after: last) {
          last = end + 3
          end += 4
          continue
        }
        if next.kind == .punct, next.scalar == "&", end + 1 < n, tokens[end + 1].isCapitalised,
          tokens[end + 1].kind == .word
        {
          last = end + 1
          end += 2
          continue
        }
        break
      }
      result.append(k..<(last + 1))
      k = last + 1
    }
    return result
  }

  /// Whether the tokens from `k` are an initial, its full stop and a capitalised word, right
  /// after a known first name ("Roberta A. Kaplan").
  /// "Coastal Workers' Union", "Veterans' Affairs Committee": the apostrophe at token `k`
  /// of a plural possessive inside a name that goes on, one space on, to an organisation's
  /// head word.
  func isPluralPossessiveInName(_ k: Int) -> Bool {
    let mark = tokens[k]
    guard mark.kind == .punct, mark.scalar == "'" || mark.scalar == "’", k >= 1, k + 1 < tokens.count,
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
      if j + 2 < tokens.count, tokens[j + 1].kind == .punct, tokens[j + 1].scalar == "'" || tokens[j + 1].scalar == "’",
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
      tokens[k].isCapitalised, tokens[k + 1].kind == .punct, tokens[k + 1].scalar == ".",
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
      tokens[k].kind == .punct, "'‘\"“".unicodeScalars.contains(tokens[k].scalar),
      tokens[k + 1].kind == .word, tokens[k + 1].isCapitalised,
      tokens[k + 2].kind == .punct, "'’\"”".unicodeScalars.contains(tokens[k + 2].scalar),
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

  /// Words that end the name of an event ("World Cup", "U.S. Open", "Gulf War"): not one of
  /// our kinds.
  /// Titles that name no one when they stand alone (King, Queen and Pope do).
  static let loneTitles = WordLists.set("Minister Chancellor Secretary General President Prime Deputy Vice Chief Chairman Governor Senator Mayor")
  /// Words that name an event, never a person, when they stand alone.
  static let eventWords = WordLists.set("Election Elections Referendum Summit Conference Budget Games Olympics Nations League Cup")

  static let eventHeads = WordLists.set("Cup Open Series Championship Championships Games Olympics Olympic War Day Prix Trophy Festival Awards Grand Slam Tour Classic Invitational Revolution Treaty Accord Accords")

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

  static let singleWordInstitutions = WordLists.set("Parliament Congress Senate Cabinet Fed NATO OPEC Kremlin Pentagon Knesset Duma Bundestag Treasury Interpol Politburo")

  /// A title or an all-capitals line: its capitals say nothing about names.
  func headlineBlock(_ block: Int) -> Bool { blocks[block].kind == .title }

  /// Types one phrase; returns nil when it names nothing.
  func classify(_ phrase: Range<Int>) -> [Candidate] {
    var lower = phrase.lowerBound
    var upper = phrase.upperBound
    // Letters after a name are not part of it ("Daniel Reyes KC", "Jane Doe MP").
    while upper - lower >= 3, WordLists.postNominals.contains(hash(tokens[upper - 1].stem)) {
      upper -= 1
    }
    var role: [Range<Int>] = []
    var roleIsOccupation = false

    // A whole-phrase place or organisation match first ("Central Asia", "Foreign Ministry").
    func whole(_ r: Range<Int>) -> Lexicon.PlaceKind? {
      r.count <= lexicon.longestPlaceWords ? lexicon.places[hash(tokens: r)] : nil
    }

    // Strip words that are never part of a name ("The", "But", days, months).
    while lower < upper {
      let t = tokens[lower]
      let h = hash(t.stem)
      if WordLists.neverNames.contains(h), !startsPlaceName(lower, upper) {
        lower += 1
        continue
      }
      if t.kind != .word { lower += 1; continue }
      break
    }
    guard lower < upper else { return [] }
    if Self.weatherWords.contains(hash(tokens[lower].stem)) { return [] }
    // A title cut off from its name by its full stop ("Sen. Chuck Schumer") names nobody.
    if upper - lower == 1, upper < tokens.count, tokens[upper].kind == .punct, tokens[upper].scalar == ".",
      tokens[upper].range.lowerBound == tokens[lower].range.upperBound,
      WordLists.titles.contains(hash(tokens[lower].stem))
    {
      return []
    }

    // "US District Judge Alan R. Whitcombe": a title then a known first name inside a longer
    // phrase; what goes before is the role.
    if upper - lower >= 3, whole(lower..<upper) == nil,
      let t = (lower..<(upper - 2)).last(where: {
        WordLists.titles.contains(hash(tokens[$0].stem)) && lexicon.firstNames[hash(tokens[$0 + 1].stem)] != nil
      }), t > lower
    {
      let roleText = Tokenizer.string(text, tokens[lower].range.lowerBound..<tokens[t].stem.upperBound)
      let name = (t + 1)..<upper
      return [Candidate(tokens: name, range: tokens[t + 1].range.lowerBound..<tokens[upper - 1].stem.upperBound,
        kind: .person, role: roleText)]
    }

    // Titles before a name: "President Kassym-Jomart Tokayev", "Prime Minister X".
    if whole(lower..<upper) == nil && !hasOrganisationHead(lower..<upper) {
      // "US President Barack Obama": a country before a title goes into the role.
      if upper - lower >= 3,
        !WordLists.titles.contains(hash(tokens[lower].stem)),
        WordLists.titles.contains(hash(tokens[lower + 1].stem)),
        lexicon.firstNames[hash(tokens[lower].stem)] == nil
      {
        role.append(tokens[lower].stem)
        lower += 1
      }
      while lower < upper - 1 {
        let h = hash(tokens[lower].stem)
        if WordLists.titles.contains(h) || (h == ScalarHash("Minister")) {
          role.append(tokens[lower].stem)
          lower += 1
        } else {
          break
        }
      }
      // A sentence-initial common word before a name: "Pensioner Aiman Ispolova", "Riot".
      let first = tokens[lower]
      if role.isEmpty, first.startsSentence || upper - lower == 1 || isCommonWordStart(lower),
        isCommonWord(first), lexicon.firstNames[hash(first.stem)] == nil,
        whole(lower..<upper) == nil
      {
        // One capitalised common word ("Trump", "Bush", "Riot"): left to the merge, which keeps
        // it only as the surname of a person named in full or as a speaker's name.
        if upper - lower == 1 {
          let r = tokens[lower].range.lowerBound..<tokens[lower].stem.upperBound
          return [Candidate(tokens: lower..<upper, range: r, kind: .single)]
        }
        if upper - lower > 1, isAgentNoun(first) {
          role.append(first.stem)
          roleIsOccupation = true
        }
        lower += 1
        // A second common word ("Riot Police") goes too.
        while lower < upper, isCommonWord(tokens[lower]),
          lexicon.firstNames[hash(tokens[lower].stem)] == nil, whole(lower..<upper) == nil,
          !hasOrganisationHead(lower..<upper), !hasPlaceHead(lower..<upper)
        {
          lower += 1
        }
      }
    }
    guard lower < upper else { return [] }
    if Self.eventHeads.contains(hash(tokens[upper - 1].stem)) && !hasOrganisationHead(lower..<(upper - 1)) {
      return []
    }
    if upper - lower == 1 && isPeopleWord(tokens[lower]) { return [] }
    // "Native American", "South African": common words before a nationality.
    if upper - lower >= 2, lexicon.demonyms.contains(hash(tokens[upper - 1].stem)),
      (lower..<(upper - 1)).allSatisfy({
        tokens[$0].isCapitalised && !WordLists.organisationHeads.contains(hash(tokens[$0].stem))
          && (isCommonWord(tokens[$0]) || Self.directions.contains(hash(tokens[$0].stem)))
      })
    {
      return []
    }
    let span = lower..<upper
    let range = tokens[lower].range.lowerBound..<tokens[upper - 1].stem.upperBound
    let roleText: String? =
      role.isEmpty
      ? nil
      : {
        let s = role.map { Tokenizer.string(text, $0) }.joined(separator: " ")
        return roleIsOccupation ? s.lowercased() : s
      }()

    // Demonyms alone are not entities ("Kazakh", "South African"); before a name they go.
    var firstKept = lower
    while firstKept < upper,
      lexicon.demonyms.contains(hash(tokens[firstKept].stem)) || (isFollowerWord(tokens[firstKept]) && firstKept + 1 < upper)
        || (Self.directions.contains(hash(tokens[firstKept].stem)) && firstKept + 1 < upper
          && lexicon.demonyms.contains(hash(tokens[firstKept + 1].stem)))
    {
      firstKept += 1
    }
    if firstKept == upper { return [] }
    if firstKept > lower && whole(span) == nil && !hasOrganisationHead(span) {
      return classify(firstKept..<upper)
    }

    // A lone city or province name can be a surname ("Obama", "Paris"): the merge decides.
    if span.count == 1, roleText == nil, whole(span) != nil {
      return [Candidate(tokens: span, range: range, kind: .single)]
    }
    if let place = whole(span) {
      // A country or region is a place even with a title before it? No: titles mean a person.
      if roleText == nil || place == .country || place == .region {
        return [Candidate(tokens: span, range: range, kind: .place)]
      }
    }
    if hasOrganisationHead(span) || (span.count == 1 && isAcronym(tokens[lower])) {
      if span.count == 1 && isAcronym(tokens[lower])
        && (whole(span) != nil || (tokens[lower].stem.count >= 4 && lexicon.places[titleCaseHash(tokens[lower])] != nil))
      {
        // "US"; "LIMA (AFP) -", a dateline in capitals.
        return [Candidate(tokens: span, range: range, kind: .place)]
      }
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    if span.count > 1 && hasPlaceHead(span) && roleText == nil {
      return [Candidate(tokens: span, range: range, kind: .place)]
    }
    if roleText != nil {
      return [Candidate(tokens: span, range: range, kind: .person, role: roleText)]
    }
    if span.count == 1 {
      return [Candidate(tokens: span, range: range, kind: .single)]
    }
    // A dateline or a heading in capitals ("KUALA LUMPUR"): a place if the gazetteer knows it
    // in title case, else no person.
    if span.allSatisfy({ tokens[$0].isAllCaps }) {
      var h = ScalarHash()
      for k in span {
        if k > lower { h.appendSpace() }
        let r = tokens[k].stem
        h.append(text, r.lowerBound..<(r.lowerBound + 1))
        h.appendLowercased(text, (r.lowerBound + 1)..<r.upperBound)
      }
      if lexicon.places[h] != nil { return [Candidate(tokens: span, range: range, kind: .place)] }
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // "Ruch SA", "Bank Rozwoju Exportu SA": a company word last.
    if isFirmName(span) || (span.count >= 2 && Self.legalForms.contains(hash(tokens[upper - 1].stem))) {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // "Douglas & Lomason", "El Al", "Der Spiegel": a firm or a title, not a person.
    if span.contains(where: { tokens[$0].kind == .punct && tokens[$0].scalar == "&" })
      || Self.foreignArticles.contains(hash(tokens[lower].stem))
      || Self.foreignVenueWords.contains(hash(tokens[lower].stem))
    {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // A country or a large city inside a longer name ("Air France", "Dynamo Moscow") makes
    // it a company or a club.
    if lexicon.firstNames[hash(tokens[lower].stem)] == nil,
      span.dropFirst().contains(where: {
        let h = hash(tokens[$0].stem)
        return (lexicon.places[h] == .country || (lexicon.bigCities.contains(h) && tokens[$0].stem.count >= 4))
          && (lexicon.surnames[h] == nil || isCommonWord(tokens[lower]))
      })
    {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // "Savannah Ventures", "Papadakis Homes": a plural common noun last names a firm.
    if isCommonPlural(tokens[upper - 1]), lexicon.surnames[hash(tokens[upper - 1].stem)] == nil {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // A phrase of several words that begins with a place ("Almaty Region" handled above):
    // split off leading place words if the rest is not a name ("Kazakhstan Almaty").
    if lexicon.firstNames[hash(tokens[lower].stem)] != nil {
      return [Candidate(tokens: span, range: range, kind: .person)]
    }
    // Every word a place: a list such as "Essex Derbyshire" is unlikely; take the parts.
    var parts: [Candidate] = []
    var allPlaces = true
    for k in span {
      if whole(k..<(k + 1)) == nil { allPlaces = false }
    }
    if allPlaces {
      for k in span {
        parts.append(
          Candidate(tokens: k..<(k + 1), range: tokens[k].range.lowerBound..<tokens[k].stem.upperBound,
            kind: .place))
      }
      return parts
    }
    // Common words throughout: an organisation or a title ("Live Story", "Supreme Court").
    let common = span.filter { isCommonWord(tokens[$0]) }.count
    if common == span.count || (span.count >= 3 && common * 2 > span.count) {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    if tokens[lower].isAllCaps && span.count == 1 {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    // A place word first ("Port Ellery", "Lake Vostok").
    if Self.placePrefixes.contains(hash(tokens[lower].stem)) {
      return [Candidate(tokens: span, range: range, kind: .place)]
    }
    // A common word last ("Savannah Ventures", "Berlin Marathon") names a thing, not a person.
    if (isCommonWord(tokens[upper - 1]) || isCommonPlural(tokens[upper - 1]))
      && lexicon.surnames[hash(tokens[upper - 1].stem)] == nil
    {
      return [Candidate(tokens: span, range: range, kind: .organisation)]
    }
    return [Candidate(tokens: span, range: range, kind: span.count <= 4 ? .person : .organisation)]
  }

  static let foreignArticles = WordLists.set("El Al Der Die Das La Le Les Il Los Las")
  /// Words of other languages that begin the name of a firm or a venue: "Caja Mágica",
  /// "Flor de Monte", "Rede Norte".
  static let foreignVenueWords = WordLists.set("Caja Flor Rede Banco Grupo Café Teatro Museo Palacio Palais Restaurante Trattoria Chez Maison Bodega Hacienda")

  /// Lowercase nouns before a firm's name: "the airport operator Isavia", "fintech Paystride".
  static let firmNouns = WordLists.set("""
    company firm operator airline chipmaker carmaker automaker start-up startup insurer
    retailer lender broadcaster publisher manufacturer developer conglomerate supermarket
    fintech subsidiary distributor wholesaler miner shipper
    """)

  static let directions = WordLists.set("North South East West Northern Southern Eastern Western Central")
  static let placePrefixes = WordLists.set("Port Mount Mt Lake Cape Fort San Santa São Sao St Saint Isle Lago Rio Puerto Porto Bandar Kuala Wadi Jebel")

  func isCommonWordStart(_ k: Int) -> Bool {
    // After an opening quote or a colon the first word starts a sentence too.
    k > 0 && tokens[k - 1].kind == .punct && tokens[k - 1].block == tokens[k].block
      && "“\"‘(:".unicodeScalars.contains(tokens[k - 1].scalar)
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
    return ["ner", "ker", "ter", "der", "ger", "ler", "ver", "per", "ser", "yer", "ist", "ian",
      "ant", "ent", "man", "tor", "sor", "ess", "ate"].contains(tail)
  }

  // MARK: - Step 3 to 5: resolve and merge

  func recognise() -> Result {
    var candidates: [Candidate] = []
    for phrase in phrases() {
      candidates.append(contentsOf: classify(phrase))
    }
    // Compound words: "Russia-led", "Kazakh-born" give the place before the hyphen.
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
    candidates.sort { $0.range.lowerBound < $1.range.lowerBound }
    markPlacesByNoun(&candidates)
    markSpeakers(&candidates)
    let sports = isSportsReport()
    return merge(consume candidates, sports: sports)
  }

  /// Lowercase nouns that make the name before them a place: "the Yaba district",
  /// "the Kongsbreen glacier", "the Reykjanes peninsula".
  static let placeNouns = WordLists.set("""
    district districts neighbourhood neighborhood glacier peninsula valley province county
    suburb village town island islands river quarter borough estuary delta plateau desert
    region township municipality governorate prefecture
    """)

  /// "the Yaba district", "the Mapo district of Seoul": an unknown name right before a
  /// lowercase place noun, after "the" or a preposition, is a place; the name with its noun
  /// becomes an alias.
  func markPlacesByNoun(_ candidates: inout [Candidate]) {
    for i in candidates.indices {
      let c = candidates[i]
      let next = c.tokens.upperBound
      let before = c.tokens.lowerBound - 1
      guard next < tokens.count, before >= 0, c.role == nil, !c.speaks,
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
    return "(-–—".unicodeScalars.contains(next.scalar) || (next.scalar == "," && tokens[k].isAllCaps)
  }

  /// Whether the word at `k` is followed by a comma and a known country or state: "Boulder,
  /// Colorado".
  func isFollowedByRegion(_ k: Int) -> Bool {
    guard k >= 0, k + 2 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].scalar == ",",
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

  static let settlementNouns = WordLists.set("town towns village villages city cities state province region district county port island suburb area municipality capital")

  static let placePrepositions = WordLists.set("in near outside around across throughout towards at from")

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

  /// Takes the candidates (consumed, so that changing their kinds copies nothing).
  func merge(_ input: consuming [Candidate], sports: Bool = false) -> Result {
    var candidates = consume input
    // People with two or more words: their last word is the key for surname mentions.
    var surnameOwner: [ScalarHash: Int] = [:]  // surname hash -> candidate index of full name
    let surnameList = SurnameIndex(text: text)
    for (i, c) in candidates.enumerated() where c.kind == .person && c.tokens.count >= 2 {
      let last = tokens[c.tokens.upperBound - 1]
      if surnameOwner[hash(last.stem)] == nil {
        surnameOwner[hash(last.stem)] = i
        surnameList.append(range: last.stem, owner: i)
      }
      if let middle = firstOfTwoSurnames(c.tokens), surnameOwner[hash(tokens[middle].stem)] == nil {
        surnameOwner[hash(tokens[middle].stem)] = i
      }
    }
    // First words of full names ("Deepa" for "Deepa Subramanian", "Park" for "Park Min-ji"):
    // an alias when exactly one person is named with it.
    var firstWordCount: [ScalarHash: Int] = [:]
    var seenFull: Set<ScalarHash> = []
    for c in candidates where c.kind == .person && c.tokens.count >= 2 {
      // "Ingeborg Haugland" and "Ingeborg Marie Haugland" are one person.
      var key = hash(tokens[c.tokens.lowerBound].stem)
      key.appendSpace()
      key.append(text, tokens[c.tokens.upperBound - 1].stem)
      guard seenFull.insert(key).inserted else { continue }
      firstWordCount[hash(tokens[c.tokens.lowerBound].stem), default: 0] += 1
    }
    // How often each word is written with a capital inside a sentence, and which words the
    // article writes in lowercase: one pass.
    var capitalisedMidSentence: [ScalarHash: Int] = [:]
    // Only the lowercase forms of single capitalised words that are surnames and English words
    // ("Dole") are looked for, so most articles skip that part of the pass.
    var wantedLowercase: Set<ScalarHash> = []
    for c in candidates where c.kind == .single {
      let t = tokens[c.tokens.lowerBound]
      if lexicon.surnames[hash(t.stem)] != nil, isCommonWord(t) { wantedLowercase.insert(lowerHash(t)) }
    }
    var lowercaseWords: Set<ScalarHash> = []
    for t in tokens where t.kind == .word && !headlineBlock(t.block) {
      if t.isCapitalised {
        if !t.startsSentence { capitalisedMidSentence[hash(t.stem), default: 0] += 1 }
      } else if !wantedLowercase.isEmpty {
        let h = hash(t.stem)
        if wantedLowercase.contains(h) { lowercaseWords.insert(h) }
      }
    }
    // "Ruch SA", "Magna International Inc": a company named in full is named after by its
    // first word ("Ruch", "Magna's"), when that word is no English word and no country.
    // Two firms sharing a first word ("Magna International", "Magna Steyr") leave it to neither.
    var firmByFirstWord: [ScalarHash: Int] = [:]
    var sharedFirstWords: Set<ScalarHash> = []
    for (i, c) in candidates.enumerated() where c.kind == .organisation && isFirmName(c.tokens) {
      let h = hash(tokens[c.tokens.lowerBound].stem)
      if let other = firmByFirstWord[h] {
        if hash(tokens: candidates[other].tokens) != hash(tokens: c.tokens) { sharedFirstWords.insert(h) }
      } else {
        firmByFirstWord[h] = i
      }
    }
    for h in sharedFirstWords { firmByFirstWord[h] = nil }
    // "Storm Imelda": the storm's name alone ("Imelda") is no person either.
    var stormNames: Set<ScalarHash> = []
    for k in tokens.indices.dropLast() where tokens[k].isCapitalised && tokens[k + 1].isCapitalised
      && tokens[k].kind == .word && tokens[k + 1].kind == .word && Self.weatherWords.contains(hash(tokens[k].stem))
    {
      stormNames.insert(hash(tokens[k + 1].stem))
    }
    // Resolve single words.
    for i in candidates.indices where candidates[i].kind == .single {
      let t = tokens[candidates[i].tokens.lowerBound]
      let h = hash(t.stem)
      let common = isCommonWord(t)
      let followedLikeName = nameFollows(candidates[i].tokens.upperBound)
      let k = candidates[i].tokens.lowerBound
      if stormNames.contains(h) {
        candidates[i].kind = .single  // dropped below
      } else if Self.loneTitles.contains(h) || Self.eventWords.contains(h) {
        // "the Deputy Prime Minister", "the General Election": a title or an event word left
        // alone names no one.
        candidates[i].kind = .single
      } else if t.isPossessive, surnameOwner[h] == nil, lexicon.places[h] == nil,
        k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalised,
        RoleReader.roleNouns.contains(hash(tokens[k + 1].stem))
      {
        // "said Gartner's principal analyst Kobita Desai": whose analyst, a firm's.
        candidates[i].kind = .organisation
      } else if firmByFirstWord[h] != nil, surnameOwner[h] == nil, !followsPlacePreposition(k) {
        candidates[i].kind = .organisation
      } else if t.isAllCaps, lexicon.places[h] == nil, lexicon.places[titleCaseHash(t)] != nil {
        // "CHENNAI (AP) -": a dateline in capitals.
        candidates[i].kind = .place
      } else if k >= 1, tokens[k - 1].kind == .word, !tokens[k - 1].isPossessive,
        Self.firmNouns.contains(hash(tokens[k - 1].range)), surnameOwner[h] == nil
      {
        // "the airport operator Isavia".
        candidates[i].kind = .organisation
      } else if firstWordCount[h] == 1, !common || !t.startsSentence || followedLikeName, lexicon.places[h] == nil {
        // "Park argued": a first word of a full name ("Park Min-ji"), even a common one.
        candidates[i].kind = .person
      } else if surnameOwner[h] != nil, !common || !t.startsSentence || nameFollows(candidates[i].tokens.upperBound) {
        candidates[i].kind = .person
      } else if let place = lexicon.places[h] {
        candidates[i].kind = candidates[i].speaks && place == .city && !lexicon.bigCities.contains(h) ? .person : .place
      } else if t.isAllCaps, !headlineBlock(t.block), lexicon.places[titleCaseHash(t)] == nil {
        // "WHO said": a word in capitals is an acronym, never a person's name.
        candidates[i].kind = .organisation
      } else if candidates[i].speaks, !common || !t.startsSentence {
        if isCommonPlural(t) || (t.isAllCaps == false && text[t.stem.upperBound - 1] == "s" && common) {
          // "MPs said", "Organisers said": a group, no one's name; "the Rainmakers sang": a
          // band or a team.
          let afterThe = k >= 1 && hash(tokens[k - 1].range) == ScalarHash("the")
          candidates[i].kind = afterThe ? .organisation : .single
        } else if lexicon.surnames[h] == nil, lexicon.firstNames[h] == nil, closeSurname(t, surnameList) == nil {
          // "Gartner said", "Yukos said": a single word that speaks and names no one the
          // article names in full, and is no name people bear, is an organisation.
          candidates[i].kind = .organisation
        } else {
          candidates[i].kind = .person
        }
      } else if closeSurname(t, surnameList) != nil {
        candidates[i].kind = .person
      } else if t.startsSentence && isCommonWord(t) {
        candidates[i].kind = .single  // dropped below
      } else if lexicon.surnames[h] != nil && !isCommonWord(t) {
        candidates[i].kind = .person
      } else if lexicon.firstNames[h] != nil, !common, lexicon.places[h] == nil, !t.isAllCaps {
        // "His mother, Odile,": a first name alone.
        candidates[i].kind = .person
      } else if isCommonWord(t), !t.startsSentence, lexicon.surnames[h] != nil, !isPeopleWord(t),
        !Self.directions.contains(h), !lexicon.demonyms.contains(h),
        (capitalisedMidSentence[h] ?? 0) >= 2, !lowercaseWords.contains(lowerHash(t))
      {
        // "Dole" written with a capital three times and never as "dole": a surname.
        candidates[i].kind = .person
      } else if sports, !t.startsSentence, isCommonPlural(t) || (common && text[t.stem.upperBound - 1] == "s") {
        // "the Cardinals", "Braves": a team in a sports report.
        candidates[i].kind = .organisation
      } else if common, !t.startsSentence, followsPlacePreposition(candidates[i].tokens.lowerBound),
        isFollowedByRegion(candidates[i].tokens.lowerBound)
      {
        // "trains in Boulder, Colorado".
        candidates[i].kind = .place
      } else if isCommonWord(t) {
        candidates[i].kind = .single
      } else if followsPlacePreposition(candidates[i].tokens.lowerBound)
        && hash(tokens[candidates[i].tokens.lowerBound - 1].range) != ScalarHash("at")
        && hash(tokens[candidates[i].tokens.lowerBound - 1].range) != ScalarHash("from")
      {
        candidates[i].kind = .place
      } else {
        candidates[i].kind = .organisation
      }
    }
    // A single unknown word that the article places somewhere at least once ("in Longyear",
    // "the town of Tavildara", "Tacambaro, Michoacan") is a place in every mention.
    var placed: Set<ScalarHash> = []
    for c in candidates where !c.speaks && c.role == nil && (c.tokens.count == 1 || c.kind == .person) {
      let k = c.tokens.lowerBound
      guard !tokens[c.tokens.upperBound - 1].isPossessive, lexicon.places[hash(tokens: c.tokens)] == nil
      else { continue }
      var evidence = followsPlacePreposition(k) && hash(tokens[k - 1].range) != ScalarHash("at")
        && hash(tokens[k - 1].range) != ScalarHash("from")
      if !evidence, k >= 2, hash(tokens[k - 1].range) == ScalarHash("of"),
        Self.settlementNouns.contains(hash(tokens[k - 2].range))
      {
        evidence = true
      }
      if !evidence, k + 2 < tokens.count, tokens[k + 1].kind == .punct, tokens[k + 1].scalar == ",",
        tokens[k + 2].block == tokens[k].block, lexicon.places[hash(tokens[k + 2].stem)] == .country
          || lexicon.places[hash(tokens[k + 2].stem)] == .subdivision
      {
        evidence = true
      }
      if evidence { placed.insert(hash(tokens: c.tokens)) }
    }
    if !placed.isEmpty {
      for i in candidates.indices where !candidates[i].speaks
        && ((candidates[i].tokens.count == 1 && candidates[i].kind == .organisation)
          || candidates[i].kind == .person)
      {
        let h = hash(tokens: candidates[i].tokens)
        guard placed.contains(h), surnameOwner[h] == nil, firstWordCount[h] == nil, firmByFirstWord[h] == nil,
          candidates[i].role == nil
        else { continue }
        candidates[i].kind = .place
      }
    }
    // An unknown name of several words after "in", "near" is a place ("in Ashby Staithe").
    for i in candidates.indices where candidates[i].kind == .person && candidates[i].role == nil
      && candidates[i].tokens.count >= 2 && !candidates[i].speaks
    {
      let first = candidates[i].tokens.lowerBound
      let before = first - 1
      guard followsPlacePreposition(first), lexicon.firstNames[hash(tokens[first].stem)] == nil,
        hash(tokens[before].range) != ScalarHash("at"), hash(tokens[before].range) != ScalarHash("from")
      else { continue }
      candidates[i].kind = .place
    }
    // In a sports report a town or county is a team ("Leicestershire beat Somerset"), unless
    // it follows "in", "at", "near" or "from" or stands in a dateline.
    if sports {
      for i in candidates.indices where candidates[i].kind == .place {
        let c = candidates[i]
        guard let kind = lexicon.places[hash(tokens: c.tokens)], kind == .city || kind == .subdivision,
          blocks[tokens[c.tokens.lowerBound].block].kind == .paragraph,
          !followsPlacePreposition(c.tokens.lowerBound), !isDateline(c.tokens.lowerBound),
          !(followsPlacePreposition(c.tokens.lowerBound - 2) && isFollowedByRegion(c.tokens.lowerBound - 2))
        else { continue }
        candidates[i].kind = .organisation
      }
    }
    // Group into entities.
    var entities: [Entity] = []
    var entityOfToken = [Int32](repeating: -1, count: tokens.count)
    var gender: [Int: Lexicon.Gender] = [:]
    // Kind letter + canonical name -> entity index, by the name's 64-bit hash as every word
    // list here is (a String key cost about 100 bytes a person in a list of names).
    var byKey: [ScalarHash: Int] = [:]
    // Strings compare by canonical equivalence ("é" as one scalar or two), so a name that is
    // not ASCII is hashed in its composed form, as the String key compared it.
    func entityKey(_ kind: String, _ surface: String) -> ScalarHash {
      ScalarHash(kind + (surface.utf8.allSatisfy { $0 < 0x80 } ? surface : surface.precomposedStringWithCanonicalMapping))
    }
    var personBySurname: [ScalarHash: Int] = [:]
    let personSurnames = SurnameIndex(text: text)
    var firstWordPrefixes = FirstWordPrefixes()
    var personByFirstWord: [ScalarHash: Int] = [:]

    func add(_ c: Candidate, to index: Int, surface: String) {
      entities[index].mentions.append(c.range)
      if surface != entities[index].name && !entities[index].aliases.contains(surface) {
        entities[index].aliases.append(surface)
      }
      if entities[index].role == nil, let role = c.role { entities[index].role = role }
      for k in c.tokens { entityOfToken[k] = Int32(index) }
    }

    // Full names first so that surname mentions before them still find their person.
    // ...and companies named in full, so that "Ruch" before "Ruch SA" finds its company.
    let firms = Set(firmByFirstWord.values)
    let order = candidates.indices.sorted { a, b in
      let pa = candidates[a].kind == .person && candidates[a].tokens.count >= 2
      let pb = candidates[b].kind == .person && candidates[b].tokens.count >= 2
      if pa != pb { return pa }
      if firms.contains(a) != firms.contains(b) { return firms.contains(a) }
      return a < b
    }
    var firmEntity: [ScalarHash: Int] = [:]
    for i in order {
      let c = candidates[i]
      guard c.kind != .single else { continue }
      let surface = Tokenizer.string(text, c.range)
      switch c.kind {
      case .person where c.tokens.count >= 2:
        let surname = hash(tokens[c.tokens.upperBound - 1].stem)
        // "Tokayev" seen as "Kassym-Jomart Tokayev": same person when the surname matches
        // and the first words agree (or one is contained in the other).
        if let existing = byKey[entityKey("p", surface)] {
          add(c, to: existing, surface: surface)
        } else if let existing = personBySurname[surname],
          entities[existing].name.lowercased().hasSuffix(surface.lowercased())
            || surface.lowercased().hasSuffix(entities[existing].name.lowercased())
            || sameFirstWord(entities[existing].name, c)
        {
          if surface.count > entities[existing].name.count, !sameFirstWord(entities[existing].name, c) {
            let old = entities[existing].name
            entities[existing].name = surface
            entities[existing].aliases.append(old)
            entities[existing].aliases.removeAll { $0 == surface }
          }
          add(c, to: existing, surface: surface)
          byKey[entityKey("p", surface)] = existing
        } else {
          entities.append(Entity(kind: .person, name: nameWithoutNickname(c) ?? surface, mentions: []))
          let index = entities.count - 1
          byKey[entityKey("p", surface)] = index
          if personBySurname[surname] == nil {
            personBySurname[surname] = index
            personSurnames.append(range: tokens[c.tokens.upperBound - 1].stem, owner: index)
          }
          let firstWord = hash(tokens[c.tokens.lowerBound].stem)
          if firstWordCount[firstWord] == 1 { personByFirstWord[firstWord] = index }
          if let middle = firstOfTwoSurnames(c.tokens), personBySurname[hash(tokens[middle].stem)] == nil {
            personBySurname[hash(tokens[middle].stem)] = index
          }
          if let g = lexicon.firstNames[hash(tokens[c.tokens.lowerBound].stem)] { gender[index] = g }
          add(c, to: index, surface: surface)
        }
      case .person:
        let t = tokens[c.tokens.lowerBound]
        let h = hash(t.stem)
        if let owner = personBySurname[h] {
          add(c, to: owner, surface: surface)
        } else if let owner = personByFirstWord[h] {
          add(c, to: owner, surface: surface)
        } else if let owner = closeSurname(t, personSurnames) {
          add(c, to: owner, surface: surface)
        } else if let owner = personWithFirstNameStarting(surface, in: entities, prefixes: &firstWordPrefixes) {
          add(c, to: owner, surface: surface)
        } else if let existing = byKey[entityKey("p", surface)] {
          add(c, to: existing, surface: surface)
        } else {
          entities.append(Entity(kind: .person, name: surface, mentions: []))
          let index = entities.count - 1
          byKey[entityKey("p", surface)] = index
          personBySurname[h] = index
          if let g = lexicon.firstNames[h] { gender[index] = g }
          add(c, to: index, surface: surface)
        }
      case .place, .organisation:
        // A single word that is a known person's surname is that person.
        if c.tokens.count == 1, let owner = personBySurname[hash(tokens[c.tokens.lowerBound].stem)],
          lexicon.places[hash(tokens[c.tokens.lowerBound].stem)] != .country
        {
          add(c, to: owner, surface: surface)
          continue
        }
        if c.kind == .organisation, c.tokens.count == 1, let firm = firmEntity[hash(tokens[c.tokens.lowerBound].stem)] {
          add(c, to: firm, surface: surface)
          continue
        }
        let kind: Entity.Kind = c.kind == .place ? .place : .organisation
        // "CHENNAI" in a dateline is the "Chennai" of the text.
        let surface = kind == .place && c.tokens.allSatisfy({ tokens[$0].isAllCaps })
          && lexicon.places[hash(tokens: c.tokens)] == nil ? titleCased(surface) : surface
        let key = entityKey(kind == .place ? "l" : "o", surface)
        if let existing = byKey[key] {
          add(c, to: existing, surface: surface)
        } else {
          entities.append(Entity(kind: kind, name: surface, mentions: []))
          byKey[key] = entities.count - 1
          add(c, to: entities.count - 1, surface: surface)
          if firms.contains(i) { firmEntity[hash(tokens[c.tokens.lowerBound].stem)] = entities.count - 1 }
          if c.placeNoun {
            // "Yaba district" for "Yaba".
            let noun = tokens[c.tokens.upperBound]
            entities[entities.count - 1].aliases.append(surface + " " + Tokenizer.string(text, noun.range))
          }
        }
      case .single:
        break
      }
    }
    for i in entities.indices {
      entities[i].mentions.sort { $0.lowerBound < $1.lowerBound }
    }
    var result = Result(entities: entities, entityOfToken: entityOfToken, gender: gender)
    RoleReader(recogniser: self).readRoles(&result)
    return result
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
    guard let open = c.tokens.first(where: { tokens[$0].kind == .punct && "'‘\"“".unicodeScalars.contains(tokens[$0].scalar) })
    else { return nil }
    let before = Tokenizer.string(text, tokens[c.tokens.lowerBound].range.lowerBound..<tokens[open - 1].range.upperBound)
    let after = Tokenizer.string(text, tokens[open + 3].range.lowerBound..<c.range.upperBound)
    return before + " " + after
  }

  /// The legal form that ends a company's name: "Siemens AG", "Bank Rozwoju Exportu SA".
  static let legalForms = WordLists.set("Inc Corp Ltd Co SA AG NV plc PLC GmbH SpA Bhd LLC")

  /// Words that end a company's name: "Ruch SA", "Magna International Inc".
  static let companySuffixes = WordLists.set("Inc Corp Corporation Ltd Co SA AG NV plc PLC GmbH SpA Bhd LLC Holdings Group International Bancshares Bancorp")

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
    if t.kind == .punct { return true }
    let h = hash(t.range)
    if ReportingVerbs.set.contains(h) || Self.afterName.contains(h) { return true }
    // A verb in the past tense ("Sanders appeared"), not a noun ("Young people").
    let r = t.range
    return !t.isCapitalised && r.count >= 4 && text[r.upperBound - 2] == "e" && text[r.upperBound - 1] == "d"
  }

  static let afterName = WordLists.set("""
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

  static func withinOneEdit(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Bool {
    if a.count == b.count {
      var differences = 0
      for (x, y) in zip(a, b) where x != y {
        differences += 1
        if differences > 1 { return false }
      }
      return differences == 1
    }
    let (short, long) = a.count < b.count ? (a, b) : (b, a)
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

