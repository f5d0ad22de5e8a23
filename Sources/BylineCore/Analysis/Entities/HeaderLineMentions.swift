/// Names in the header lines below the headline. A byline names its authors, and an author is
/// a person ("By Jane Smith and Ali Khan, BBC News": Jane Smith and Ali Khan, not the desk); a
/// wire dateline names places ("KHASAVYURT, Russia 1996-08-31": Khasavyurt and Russia), its
/// date left out. Both are often in capitals, so a name the body gives is matched case ignored
/// and the mention joins the body's entity ("UNITED NATIONS 1996-08-29" is the body's United
/// Nations, an organisation), and a dateline place the gazetteer knows makes that entity a
/// place (`DALLAS` over `a Dallas street`, which alone reads as a firm's name; CoNLL dev:
/// places +0.003, organisations +0.003); a name the body does not give is written in title
/// case.
extension EntityRecognizer {
  func addHeaderLineMentions(_ result: inout Result) {
    let lines = blocks.indices.filter { blocks[$0].kind.isMetadataLine }
    guard !lines.isEmpty else { return }
    // Every entity by its folded name and aliases, the first of each.
    var byName: [String: Int] = [:]
    for (e, entity) in result.entities.enumerated() {
      for form in [entity.name] + entity.aliases where byName[TextFold.key(form)] == nil {
        byName[TextFold.key(form)] = e
      }
    }
    func add(_ range: Range<Int>, _ entity: Int) {
      guard !result.entities[entity].mentions.contains(range) else { return }
      result.entities[entity].mentions.append(range)
      result.entities[entity].mentions.sort { $0.lowerBound < $1.lowerBound }
    }
    for b in lines {
      let block = blocks[b]
      let names = block.kind == .byline ? bylineNames(block.range) : datelinePlaces(block.range)
      for range in names {
        let written = String(String.UnicodeScalarView(text[range]))
        let key = TextFold.key(written)
        let known = byName[key]
        if block.kind == .byline {
          // An author the body names is that person; a name the body gives to something
          // else (a paper, a desk) is no author.
          if let known {
            if result.entities[known].kind == .person { add(range, known) }
            continue
          }
        } else if let known {
          if isGazetteerPlace(written) { result.entities[known].kind = .place }
          add(range, known)
          continue
        }
        let kind: Entity.Kind = block.kind == .byline ? .person : .place
        let name = isAllCaps(range) ? Self.titleCasedWords(written) : written
        result.entities.append(Entity(kind: kind, name: name, mentions: [range]))
        byName[key] = result.entities.count - 1
      }
    }
  }

  /// The people a byline names: its parts between commas, "and", "&" and slashes, each of two
  /// to four capitalised words that are no role, desk or paper ("By Jane Smith and Ali Khan,
  /// BBC News" gives Jane Smith and Ali Khan; "By Staff Reporter" nothing).
  func bylineNames(_ range: Range<Int>) -> [Range<Int>] {
    var names: [Range<Int>] = []
    var part: [Range<Int>] = []
    func closePart() {
      defer { part = [] }
      guard (2...4).contains(part.count), part.allSatisfy(isNameWordInByline) else { return }
      names.append(part[0].lowerBound..<part[part.count - 1].upperBound)
    }
    var first = true
    for word in words(in: range) {
      if word.isEmpty { continue }
      if text[word.lowerBound] == "," || text[word.lowerBound] == "&" || text[word.lowerBound] == "/"
        || text[word.lowerBound] == ";" || text[word.lowerBound] == "|"
      {
        closePart()
        continue
      }
      let folded = TextFold.key(String(String.UnicodeScalarView(text[word])))
      if first && folded == "by" {
        first = false
        continue
      }
      first = false
      if folded == "and" {
        closePart()
        continue
      }
      part.append(word)
    }
    closePart()
    return names
  }

  /// The places of a wire dateline: the place and its region before the date ("AL-RAM, West
  /// Bank 1996-08-30" gives AL-RAM and West Bank).
  func datelinePlaces(_ range: Range<Int>) -> [Range<Int>] {
    let line = String(String.UnicodeScalarView(text[range]))
    guard case .dateline(let place, _) = LineClassifier.classify(line) else { return [] }
    // The place is the line's first words; a comma ends one place and begins the next.
    let count = place.split(separator: " ").count
    var places: [Range<Int>] = []
    var current: Range<Int>?
    var taken = 0
    for word in words(in: range) {
      if text[word.lowerBound] == "," {
        if let done = current { places.append(done) }
        current = nil
        continue
      }
      guard taken < count else { break }
      taken += 1
      current = current.map { $0.lowerBound..<word.upperBound } ?? word
    }
    if let done = current { places.append(done) }
    return places
  }

  /// The words of a range, and each separator (`,` `&` `/` `;` `|`) as a word of its own.
  private func words(in range: Range<Int>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    var start: Int?
    for k in range {
      let s = text[k]
      let separator = s == "," || s == "&" || s == "/" || s == ";" || s == "|"
      if s.properties.isWhitespace || separator {
        if let begun = start { words.append(begun..<k) }
        start = nil
        if separator { words.append(k..<(k + 1)) }
      } else if start == nil {
        start = k
      }
    }
    if let begun = start { words.append(begun..<range.upperBound) }
    return words
  }

  /// A word of an author's name: capitalised, letters with at most hyphens, apostrophes and
  /// an initial's full stop, and no role, desk or paper ("Correspondent", "Staff", "News").
  private func isNameWordInByline(_ word: Range<Int>) -> Bool {
    guard let first = text[word].first, first.properties.isUppercase else { return false }
    guard
      text[word].allSatisfy({
        $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "."
      })
    else { return false }
    var stem = word
    while stem.count > 1, text[stem.upperBound - 1] == "." { stem = stem.lowerBound..<(stem.upperBound - 1) }
    let lower = ScalarHash(String(String.UnicodeScalarView(text[stem])).lowercased())
    let asWritten = ScalarHash(String(String.UnicodeScalarView(text[stem])))
    return !RoleReader.roleNouns.contains(lower) && !Self.bylineDeskWords.contains(lower)
      && !WordLists.organisationHeads.contains(asWritten) && !WordLists.titles.contains(asWritten)
  }

  /// Whether the gazetteer knows a name, in any case, as a place.
  private func isGazetteerPlace(_ name: String) -> Bool {
    lexicon.places[ScalarHash(titleCased(name))] != nil
  }

  /// "AL-RAM" as "Al-Ram", "NEW YORK" as "New York".
  static func titleCasedWords(_ s: String) -> String {
    var out = ""
    var startOfWord = true
    for c in s {
      out += startOfWord ? c.uppercased() : c.lowercased()
      startOfWord = c == " " || c == "-"
    }
    return out
  }

  private func isAllCaps(_ range: Range<Int>) -> Bool {
    text[range].contains { $0.properties.isUppercase } && !text[range].contains { $0.properties.isLowercase }
  }

  /// Words of a byline that name a job or a newsroom, not an author (lowercase; roles in
  /// ``RoleReader/roleNouns`` count too).
  static let bylineDeskWords = WordLists.set(
    """
    reporter reporters writer writers staff columnist contributor contributors producer
    photographer correspondents editors bureau desk team newsroom wire wires agency agencies
    online digital
    """)
}
