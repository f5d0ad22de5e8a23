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
  private var byKey: [ScalarHash: Int] = [:]
  private var personBySurname: [ScalarHash: Int] = [:]
  private let personSurnames: SurnameIndex
  private var firstWordPrefixes = FirstWordPrefixes()
  private var personByFirstWord: [ScalarHash: Int] = [:]
  /// First and last word of each person named in full -> that person
  /// (``EntityRule/sameFirstAndLastWord``).
  private var personByFirstAndLast: [ScalarHash: Int] = [:]
  private var firmEntity: [ScalarHash: Int] = [:]

  init(recogniser: EntityRecognizer, evidence: EntityRecognizer.MergeEvidence) {
    self.recogniser = recogniser
    self.evidence = evidence
    entityOfToken = EntityOfToken(count: recogniser.tokens.count)
    personSurnames = SurnameIndex(text: recogniser.text)
  }

  /// Strings compare by canonical equivalence ("é" as one scalar or two), so a name that is
  /// not ASCII is hashed in its composed form, as a String key compared it.
  private func entityKey(_ kind: String, _ surface: String) -> ScalarHash {
    ScalarHash(kind + (surface.utf8.allSatisfy { $0 < 0x80 } ? surface : surface.precomposedStringWithCanonicalMapping))
  }

  private var tokens: [Token] { recogniser.tokens }
  private var lexicon: Lexicon { recogniser.lexicon }
  private func hash(_ range: Range<Int>) -> ScalarHash { recogniser.hash(range) }

  mutating func group(_ candidates: [EntityRecognizer.Candidate]) -> EntityRecognizer.Result {
    let firms = Set(evidence.firmByFirstWord.values)
    let order = candidates.indices.sorted { a, b in
      let pa = candidates[a].kind == .person && candidates[a].tokens.count >= 2
      let pb = candidates[b].kind == .person && candidates[b].tokens.count >= 2
      if pa != pb { return pa }
      if firms.contains(a) != firms.contains(b) { return firms.contains(a) }
      return a < b
    }
    for i in order {
      let c = candidates[i]
      let surface = Tokenizer.string(recogniser.text, c.range)
      switch c.kind {
      case .person where c.tokens.count >= 2: addFullName(c, surface: surface)
      case .person: addSingleName(c, surface: surface)
      case .place, .organisation: addPlaceOrOrganisation(c, surface: surface, isFirm: firms.contains(i))
      case .single: break
      }
    }
    for i in entities.indices {
      entities[i].mentions.sort { $0.lowerBound < $1.lowerBound }
    }
    return EntityRecognizer.Result(entities: entities, entityOfToken: entityOfToken, gender: gender)
  }

  private mutating func add(_ c: EntityRecognizer.Candidate, to index: Int, surface: String) {
    entities[index].mentions.append(c.range)
    if surface != entities[index].name && !entities[index].aliases.contains(surface) {
      entities[index].aliases.append(surface)
    }
    if entities[index].role == nil, let role = c.role { entities[index].role = role }
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
      entities.append(Entity(kind: .person, name: recogniser.nameWithoutNickname(c) ?? surface, mentions: []))
      let index = entities.count - 1
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
      add(c, to: index, surface: surface)
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
    entities.append(Entity(kind: .person, name: surface, mentions: []))
    let index = entities.count - 1
    byKey[entityKey("p", surface)] = index
    personBySurname[h] = index
    if let g = lexicon.firstNames[h] { gender[index] = g }
    add(c, to: index, surface: surface)
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
    let surface =
      kind == .place && c.tokens.allSatisfy({ tokens[$0].isAllCaps })
        && lexicon.places[recogniser.hash(tokens: c.tokens)] == nil ? recogniser.titleCased(surface) : surface
    let key = entityKey(kind == .place ? "l" : "o", surface)
    if let existing = byKey[key] {
      add(c, to: existing, surface: surface)
      return
    }
    entities.append(Entity(kind: kind, name: surface, mentions: []))
    let index = entities.count - 1
    byKey[key] = index
    add(c, to: index, surface: surface)
    if isFirm { firmEntity[first] = index }
    if c.placeNoun {
      let noun = tokens[c.tokens.upperBound]
      entities[index].aliases.append(surface + " " + Tokenizer.string(recogniser.text, noun.range))
    }
  }
}
