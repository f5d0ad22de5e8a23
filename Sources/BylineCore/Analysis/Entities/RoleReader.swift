/// Reads a person's role from an appositive after their name: "Gulshara Belgibayeva, a
/// 57-year-old postal worker, said ..." gives "postal worker". Ages and numbers are dropped;
/// the phrase ends at a comma, a full stop or a relative pronoun ("who", "which").
struct RoleReader {
  let recogniser: EntityRecognizer
  private var text: ScalarText { recogniser.text }

  static let articles = WordLists.set("a an the")
  /// "Its chief executive, Graham Tully": a possessive determiner opens a role before a name.
  static let possessives = WordLists.set("its Its his His her Her their Their our Our")
  static let stops = WordLists.set("who which that whose whom and but said says told")

  /// "Tokayev's long-ruling predecessor and mentor, Nursultan Nazarbayev": the words between
  /// a possessive or article and the comma before the name.
  func roleBefore(_ k: Int) -> String? {
    let tokens = recogniser.tokens
    guard k >= 3, tokens[k - 1].kind == .punct, tokens[k - 1].scalar(in: text) == ",",
      tokens[k - 1].block == tokens[k].block
    else { return nil }
    var j = k - 2
    var words: [Range<Int>] = []
    while j >= 0, tokens[j].block == tokens[k].block, words.count < 6 {
      let t = tokens[j]
      if t.kind != .word { return nil }
      if t.isPossessive || Self.articles.contains(recogniser.hash(t.range))
        || Self.possessives.contains(recogniser.hash(t.range))
      {
        guard !words.isEmpty else { return nil }
        return words.reversed().map { Tokenizer.string(recogniser.text, $0) }.joined(separator: " ")
      }
      if t.isCapitalised { return nil }
      words.append(t.range)
      j -= 1
    }
    return nil
  }

  static let placePrepositions = WordLists.set("at in from")

  /// Nouns that name a role when they stand right before a name: "Council leader Priya
  /// Raman", "crane operator Jimmy Doyle".
  static let roleNouns = WordLists.set(
    """
    leader secretary director executive spokesman spokeswoman spokesperson operator minister
    chairman chairwoman chair manager officer official adviser advisor aide analyst economist
    lawyer attorney negotiator organiser organizer worker driver nurse teacher doctor captain
    coach editor correspondent founder owner president governor mayor councillor councilor
    """)

  /// "Council leader Priya Raman": one or two words before the name, the last a role noun in
  /// lowercase, the first not a determiner.
  func roleRightBefore(_ k: Int) -> String? {
    let tokens = recogniser.tokens
    guard k >= 1, tokens[k - 1].kind == .word, tokens[k - 1].block == tokens[k].block, !tokens[k - 1].isCapitalised,
      Self.roleNouns.contains(recogniser.hash(tokens[k - 1].stem))
    else { return nil }
    var first = k - 1
    if k >= 2, tokens[k - 2].kind == .word, tokens[k - 2].block == tokens[k].block,
      !Self.articles.contains(recogniser.lowerHash(tokens[k - 2])), !tokens[k - 2].isPossessive,
      !Self.possessives.contains(recogniser.hash(tokens[k - 2].range))
    {
      first = k - 2
    }
    var words = (first..<k).map { Tokenizer.string(recogniser.text, tokens[$0].range) }
    if tokens[first].startsSentence { words[0] = words[0].lowercased() }
    return words.joined(separator: " ")
  }

  /// "Tom Fairlie, who leads the Independent group on the council,": the role a "who"
  /// clause gives with a leading verb ("leads" -> "leader of the Independent group ...").
  static let leadingVerbs: [ScalarHash: String] = [
    ScalarHash("leads"): "leader", ScalarHash("led"): "leader", ScalarHash("heads"): "head",
    ScalarHash("chairs"): "chair", ScalarHash("runs"): "head", ScalarHash("manages"): "manager",
    ScalarHash("founded"): "founder", ScalarHash("owns"): "owner", ScalarHash("directs"): "director",
  ]

  func roleInWhoClause(afterNameEndingAt end: Int) -> String? {
    let tokens = recogniser.tokens
    guard end + 4 < tokens.count, tokens[end + 1].kind == .punct, tokens[end + 1].scalar(in: text) == ",",
      recogniser.hash(tokens[end + 2].range) == ScalarHash("who"),
      let noun = Self.leadingVerbs[recogniser.hash(tokens[end + 3].range)]
    else { return nil }
    var words: [String] = [noun, "of"]
    var j = end + 4
    while j < tokens.count, tokens[j].block == tokens[end].block, tokens[j].kind == .word, words.count < 10 {
      words.append(Tokenizer.string(recogniser.text, tokens[j].range))
      j += 1
    }
    guard j < tokens.count, tokens[j].kind == .punct, tokens[j].scalar(in: text) == ",", words.count > 2 else {
      return nil
    }
    return words.joined(separator: " ")
  }

  func readRoles(_ result: inout EntityRecognizer.Result) {
    let tokens = recogniser.tokens
    let text = recogniser.text
    var k = 0
    while k < tokens.count {
      let e = result.entityOfToken[k]
      guard e >= 0 else {
        k += 1
        continue
      }
      var end = k
      while end + 1 < tokens.count && result.entityOfToken[end + 1] == e { end += 1 }
      let entity = Int(e)
      defer { k = end + 1 }
      if result.entities[entity].kind == .person, result.entities[entity].role == nil,
        let role = roleBefore(k) ?? roleRightBefore(k) ?? roleInWhoClause(afterNameEndingAt: end)
      {
        result.entities[entity].role = role
      }
      guard result.entities[entity].kind == .person, result.entities[entity].role == nil,
        end + 2 < tokens.count, tokens[end + 1].kind == .punct, tokens[end + 1].scalar(in: text) == ",",
        !tokens[end].isPossessive,
        Self.articles.contains(recogniser.hash(tokens[end + 2].range))
      else { continue }
      var words: [Range<Int>] = []
      var j = end + 3
      var closed = false
      // "the union's branch secretary at Port Ellery": the role starts after a possessive
      // noun ("union's") and ends before a preposition that leads to a name ("at Port
      // Ellery"); "director of the West Coast Chamber of Commerce" keeps its "of".
      var cut: Int?
      while j < tokens.count, tokens[j].block == tokens[k].block, words.count < 12 {
        let t = tokens[j]
        if t.kind == .punct {
          closed =
            t.scalar(in: text) == "," || t.scalar(in: text) == "." || t.scalar(in: text) == ";"
            || t.scalar(in: text) == "—"
          break
        }
        if Self.stops.contains(recogniser.hash(t.range)) {
          closed = true
          break
        }
        if t.isPossessive, words.count <= 1, !t.isCapitalised {
          words.removeAll()
          j += 1
          continue
        }
        if cut == nil, !words.isEmpty, Self.placePrepositions.contains(recogniser.hash(t.range)),
          j + 1 < tokens.count, tokens[j + 1].isCapitalised
        {
          cut = words.count
        }
        words.append(t.range)
        j += 1
      }
      guard closed else { continue }
      if let cut { words = Array(words.prefix(cut)) }
      // Drop ages and numbers: "57-year-old", "long-time" stays.
      let kept = words.filter { range in
        let s = Tokenizer.string(text, range)
        return !s.contains("year-old") && !(text[range.lowerBound].properties.numericType != nil)
      }
      guard !kept.isEmpty, kept.count <= 9 else { continue }
      result.entities[entity].role = kept.map { Tokenizer.string(text, $0) }.joined(separator: " ")
    }
  }
}
