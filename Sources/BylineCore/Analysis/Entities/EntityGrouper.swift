import Foundation

/// Step 5 of the recogniser: typed candidates grouped into entities, each mention joined to
/// the person, place or organisation it names ("Keane" to "Moira Keane", "Ruch" to "Ruch SA",
/// "Tokaev" to "Tokayev").
///
/// Full names and firms named in full go first, so that a surname or a firm's first word
/// mentioned before them still finds its entity.
struct EntityGrouper {
  let recogniser: EntityRecognizer
  let evidence: EntityRecognizer.MergeEvidence
  private var entities: [Entity] = []
  private var entityOfToken: EntityOfToken
  private var gender: [Int: Lexicon.Gender] = [:]
  /// Kind letter + canonical name -> entity index, by the name's 64-bit hash as every word
  /// list here is (a String key cost about 100 bytes a person in a list of names).
  private var byKey = ScalarHashIndex()
  private var personBySurname: [ScalarHash: Int] = [:]
  private let personSurnames: SurnameIndex
  private var firstWordPrefixes = FirstWordPrefixes()
  private var personByFirstWord: [ScalarHash: Int] = [:]
  /// First and last word of each person named in full -> that person
  /// (``EntityRule/sameFirstAndLastWord``).
  private var personByFirstAndLast: [ScalarHash: Int] = [:]
  private var firmEntity: [ScalarHash: Int] = [:]
  /// The model text, shared by the entities named by a range of it.
  private let sharedText: Entity.SharedText

  init(recogniser: EntityRecognizer, evidence: EntityRecognizer.MergeEvidence) {
    self.recogniser = recogniser
    self.evidence = evidence
    sharedText = Entity.SharedText(recogniser.text)
    entityOfToken = EntityOfToken(count: recogniser.tokens.count)
    personSurnames = SurnameIndex(text: recogniser.text)
  }

  /// Strings compare by canonical equivalence ("é" as one scalar or two), so a name that is
  /// not ASCII is hashed in its composed form, as a String key compared it.
  /// The hash of the kind letter and the name, as one string: no string is made for it.
  private func entityKey(_ kind: Unicode.Scalar, _ surface: String) -> ScalarHash {
    var h = ScalarHash()
    h.append(kind)
    let name = surface.utf8.allSatisfy { $0 < 0x80 } ? surface : surface.precomposedStringWithCanonicalMapping
    for s in name.unicodeScalars { h.append(s) }
    return h
  }

  private var tokens: [Token] { recogniser.tokens }
  private var lexicon: Lexicon { recogniser.lexicon }
  private func hash(_ range: Range<Int>) -> ScalarHash { recogniser.hash(range) }

  mutating func group(_ candidates: [EntityRecognizer.Candidate]) -> EntityRecognizer.Result {
    let firms = Set(evidence.firmByFirstWord.values)
    // Room for the entities the candidates will make, and for the few added after grouping
    // (headline places, credits, organisations named by a noun): an array grown by doubling
    // held its old and new buffers at once, 22 MB for 165,000 names. The table of names
    // likewise (it grew by doubling too, 6 MB at once).
    let expected = Self.expectedEntities(candidates, text: recogniser.text)
    entities.reserveCapacity(expected + expected / 64 + 64)
    byKey.reserveCapacity(expected)
    // People named in full first, then firms named in full, then the rest, each in reading
    // order, so that a surname or a firm's first word mentioned first still finds its entity.
    func isFullName(_ i: Int) -> Bool { candidates[i].kind == .person && candidates[i].tokens.count >= 2 }
    // (The order of a sort by those two keys and the index, with no array for it.)
    for pass in 0..<4 {
      for i in candidates.indices {
        let full = isFullName(i)
        let firm = firms.contains(i)
        guard full == (pass < 2) && firm == (pass % 2 == 0) else { continue }
        let c = candidates[i]
        let surface = Tokenizer.string(recogniser.text, c.range)
        switch c.kind {
        case .person where c.tokens.count >= 2: addFullName(c, surface: surface)
        case .person: addSingleName(c, surface: surface)
        case .place, .organisation: addPlaceOrOrganisation(c, surface: surface, isFirm: firm)
        case .single: break
        }
      }
    }
    for i in entities.indices { entities[i].sortMentions() }
    return EntityRecognizer.Result(entities: entities, entityOfToken: entityOfToken, gender: gender)
  }

  /// About how many entities the candidates will make, at most one a candidate: their
  /// count times the share of different names among up to 1,024 of them taken evenly over the
  /// article. 200,000 mentions of one name would otherwise reserve room for 200,000 entities
  /// (6 MB); a guess too low only grows the array as before.
  static func expectedEntities(_ candidates: [EntityRecognizer.Candidate], text: ScalarText) -> Int {
    let named = candidates.reduce(0) { $0 + ($1.kind == .single ? 0 : 1) }
    guard named > 1024 else { return named }
    var seen: Set<ScalarHash> = []
    var sampled = 0
    for i in stride(from: 0, to: candidates.count, by: max(1, candidates.count / 1024))
    where candidates[i].kind != .single {
      var h = ScalarHash()
      h.append(candidates[i].kind == .person ? "p" : candidates[i].kind == .place ? "l" : "o")
      h.append(text, candidates[i].range)
      seen.insert(h)
      sampled += 1
    }
    guard sampled > 0 else { return named }
    return min(named, named * seen.count / sampled)
  }

  /// An entity named `name` with no mention yet, or, when `name` is nil, one with the
  /// candidate's mention named by the text at it.
  private mutating func newEntity(_ kind: Entity.Kind, _ c: EntityRecognizer.Candidate, name: String?) -> Int {
    if let name {
      entities.append(Entity(kind: kind, name: name, mentions: []))
    } else {
      entities.append(Entity(kind: kind, text: sharedText, mention: c.range))
    }
    return entities.count - 1
  }

  /// Adds the candidate's mention to the entity, and its surface as an alias when it is
  /// another name. `fresh`: the entity was just made of this candidate by ``newEntity``,
  /// named by its text and holding its mention.
  private mutating func add(_ c: EntityRecognizer.Candidate, to index: Int, surface: String, fresh: Bool = false) {
    if !fresh { entities[index].appendMention(c.range) }
    if !fresh && surface != entities[index].name && !entities[index].aliases.contains(surface) {
      entities[index].aliases.append(surface)
    }
    if entities[index].role == nil, let role = recogniser.role(of: c) { entities[index].role = role }
    for k in c.tokens { entityOfToken[k] = Int32(index) }
  }

  /// "Tokayev" seen as "Kassym-Jomart Tokayev": the same person when the surname matches and
  /// the first words agree (or one name ends the other); the longer name becomes the name.
  private mutating func addFullName(_ c: EntityRecognizer.Candidate, surface: String) {
    let surname = hash(tokens[c.tokens.upperBound - 1].stem)
    var firstAndLast = hash(tokens[c.tokens.lowerBound].stem)
    firstAndLast.appendSpace()
    firstAndLast.append(recogniser.text, tokens[c.tokens.upperBound - 1].stem)
    if let existing = byKey[entityKey("p", surface)] {
      add(c, to: existing, surface: surface)
    } else if recogniser.rules.on(.sameFirstAndLastWord), let existing = personByFirstAndLast[firstAndLast] {
      // "Te Kaurinui Robert Parata" and "Te Kaurinui Parata", though "Hori Parata" came first;
      // the name first written stays the name, as for any two names with one first word.
      add(c, to: existing, surface: surface)
      byKey[entityKey("p", surface)] = existing
    } else if let existing = personBySurname[surname],
      entities[existing].name.lowercased().hasSuffix(surface.lowercased())
        || surface.lowercased().hasSuffix(entities[existing].name.lowercased())
        || recogniser.sameFirstWord(entities[existing].name, c)
    {
      if surface.count > entities[existing].name.count, !recogniser.sameFirstWord(entities[existing].name, c) {
        let old = entities[existing].name
        entities[existing].name = surface
        entities[existing].aliases.append(old)
        entities[existing].aliases.removeAll { $0 == surface }
      }
      add(c, to: existing, surface: surface)
      byKey[entityKey("p", surface)] = existing
    } else {
      let nickless = recogniser.nameWithoutNickname(c)
      let index = newEntity(.person, c, name: nickless)
      byKey[entityKey("p", surface)] = index
      if personByFirstAndLast[firstAndLast] == nil { personByFirstAndLast[firstAndLast] = index }
      if personBySurname[surname] == nil {
        personBySurname[surname] = index
        personSurnames.append(range: tokens[c.tokens.upperBound - 1].stem, owner: index)
      }
      let firstWord = hash(tokens[c.tokens.lowerBound].stem)
      if evidence.firstWordCount[firstWord] == 1 { personByFirstWord[firstWord] = index }
      if let middle = recogniser.firstOfTwoSurnames(c.tokens), personBySurname[hash(tokens[middle].stem)] == nil {
        personBySurname[hash(tokens[middle].stem)] = index
      }
      if let g = lexicon.firstNames[hash(tokens[c.tokens.lowerBound].stem)] { gender[index] = g }
      add(c, to: index, surface: surface, fresh: nickless == nil)
    }
  }

  /// A one-word person: a surname, a first word of a full name, a one-letter misspelling of
  /// a surname, a short form of a first name ("Alex" for "Alexandra Reid"), else a person of
  /// their own.
  private mutating func addSingleName(_ c: EntityRecognizer.Candidate, surface: String) {
    let t = tokens[c.tokens.lowerBound]
    let h = hash(t.stem)
    if let owner = personBySurname[h] ?? personByFirstWord[h] ?? recogniser.closeSurname(t, personSurnames)
      ?? recogniser.personWithFirstNameStarting(surface, in: entities, prefixes: &firstWordPrefixes)
      ?? byKey[entityKey("p", surface)]
    {
      add(c, to: owner, surface: surface)
      return
    }
    let index = newEntity(.person, c, name: nil)
    byKey[entityKey("p", surface)] = index
    personBySurname[h] = index
    if let g = lexicon.firstNames[h] { gender[index] = g }
    add(c, to: index, surface: surface, fresh: true)
  }

  /// A place or organisation: a single word that is a known person's surname is that person
  /// (unless it is a country); a firm's first word is that firm; "CHENNAI" in a dateline is
  /// the "Chennai" of the text; "Yaba district" is an alias of "Yaba".
  private mutating func addPlaceOrOrganisation(_ c: EntityRecognizer.Candidate, surface: String, isFirm: Bool) {
    let first = hash(tokens[c.tokens.lowerBound].stem)
    if c.tokens.count == 1, let owner = personBySurname[first], lexicon.places[first] != .country {
      add(c, to: owner, surface: surface)
      return
    }
    if c.kind == .organisation, c.tokens.count == 1, let firm = firmEntity[first] {
      add(c, to: firm, surface: surface)
      return
    }
    let kind: Entity.Kind = c.kind == .place ? .place : .organisation
    let titled =
      kind == .place && c.tokens.allSatisfy({ tokens[$0].isAllCaps })
      && lexicon.places[recogniser.hash(tokens: c.tokens)] == nil
    let surface = titled ? recogniser.titleCased(surface) : surface
    let key = entityKey(kind == .place ? "l" : "o", surface)
    if let existing = byKey[key] {
      add(c, to: existing, surface: surface)
      return
    }
    let index = newEntity(kind, c, name: titled ? surface : nil)
    byKey[key] = index
    // A name in title case is no text of the article: its mention is added as any other.
    add(c, to: index, surface: surface, fresh: !titled)
    if isFirm { firmEntity[first] = index }
    if c.placeNoun {
      let noun = tokens[c.tokens.upperBound]
      entities[index].aliases.append(surface + " " + Tokenizer.string(recogniser.text, noun.range))
    }
  }
}
