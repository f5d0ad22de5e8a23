/// Reads a person's role from an appositive after their name: "Gulshara Belgibayeva, a
/// 57-year-old postal worker, said ..." gives "postal worker". Ages and numbers are dropped;
/// the phrase ends at a comma, a full stop or a relative pronoun ("who", "which").
struct RoleReader {
  let recogniser: EntityRecognizer

  static let articles = WordLists.set("a an the")
  static let stops = WordLists.set("who which that whose whom and but said says told")

  /// "Tokayev's long-ruling predecessor and mentor, Nursultan Nazarbayev": the words between
  /// a possessive or article and the comma before the name.
  func roleBefore(_ k: Int) -> String? {
    let tokens = recogniser.tokens
    guard k >= 3, tokens[k - 1].kind == .punct, tokens[k - 1].scalar == ",",
      tokens[k - 1].block == tokens[k].block
    else { return nil }
    var j = k - 2
    var words: [Range<Int>] = []
    while j >= 0, tokens[j].block == tokens[k].block, words.count < 6 {
      let t = tokens[j]
      if t.kind != .word { return nil }
      if t.isPossessive || Self.articles.contains(recogniser.hash(t.range)) {
        guard !words.isEmpty else { return nil }
        return words.reversed().map { Tokenizer.string(recogniser.text, $0) }.joined(separator: " ")
      }
      if t.isCapitalised { return nil }
      words.append(t.range)
      j -= 1
    }
    return nil
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
        let role = roleBefore(k)
      {
        result.entities[entity].role = role
      }
      guard result.entities[entity].kind == .person, result.entities[entity].role == nil,
        end + 2 < tokens.count, tokens[end + 1].kind == .punct, tokens[end + 1].scalar == ",",
        !tokens[end].isPossessive,
        Self.articles.contains(recogniser.hash(tokens[end + 2].range))
      else { continue }
      var words: [Range<Int>] = []
      var j = end + 3
      var closed = false
      while j < tokens.count, tokens[j].block == tokens[k].block, words.count < 8 {
        let t = tokens[j]
        if t.kind == .punct {
          closed = t.scalar == "," || t.scalar == "." || t.scalar == ";" || t.scalar == "—"
          break
        }
        if Self.stops.contains(recogniser.hash(t.range)) {
          closed = true
          break
        }
        words.append(t.range)
        j += 1
      }
      guard closed else { continue }
      // Drop ages and numbers: "57-year-old", "long-time" stays.
      let kept = words.filter { range in
        let s = Tokenizer.string(text, range)
        return !s.contains("year-old") && !(text[range.lowerBound].properties.numericType != nil)
      }
      guard !kept.isEmpty, kept.count <= 5 else { continue }
      result.entities[entity].role = kept.map { Tokenizer.string(text, $0) }.joined(separator: " ")
    }
  }
}
