/// Descriptions after an inverted cue (`“...,” said the 34-year-old`) and the person they
/// name (``AttributionRule/invertedDescription``).
extension SpeechAttributor {
  static let definiteArticles = WordLists.set("the The")

  /// Whether the verb at `v` stands right after a quote (a comma between or not) and before
  /// `the`: `“...,” said the 34-year-old`. Not `One farmer, ..., told the officials`, whose
  /// speaker comes before the verb, nor a listener after `told`.
  func isInvertedDefinite(_ v: Int) -> Bool {
    guard v >= 2, v + 1 < tokens.count, tokens[v + 1].block == tokens[v].block,
      Self.definiteArticles.contains(recogniser.hash(tokens[v + 1].range)),
      !Self.tellForms.contains(recogniser.hash(tokens[v].range))
    else { return false }
    guard
      isAfterQuote(v)
        || (tokens[v - 1].kind == .punct && tokens[v - 1].scalar(in: text) == "," && isAfterQuote(v - 1))
    else { return false }
    // "said the spokesman", "said the ministry": a role or a body of its own, not an anaphor;
    // "wrote the judges": a plural is never one person.
    let words = descriptionWords(after: v)
    for j in words {
      let h = recogniser.hash(tokens[j].stem)
      if WordLists.organisationOnlyNouns.contains(h) || Self.describers.contains(h) { return false }
    }
    let last = tokens[words.isEmpty ? v + 1 : words.upperBound - 1].stem
    let plural = last.count > 3 && text[last.upperBound - 1] == "s" && text[last.upperBound - 2] != "s"
    return !plural
  }

  /// Whether a description names a person by its last word, as an anaphor for the person an
  /// article is about: `the 22-year-old`, `the Waterford man`, `the New Zealander`, `the
  /// world indoor champion`; not `the magazine` nor a plural.
  static func namesAPerson(_ description: String) -> Bool {
    guard let last = description.split(separator: " ").last.map(String.init) else { return false }
    if last.hasSuffix("year-old") || last.first?.isUppercase == true { return true }
    return ["man", "woman", "er", "or", "ist", "ian", "pion"].contains { last.hasSuffix($0) }
  }

  /// The description after an inverted verb at `v` that names a speaker resolved to a person:
  /// `the 34-year-old` in `said the 34-year-old.`, up to its punctuation.
  func invertedDescriptionRange(after v: Int) -> TextRange? {
    guard isInvertedDefinite(v) else { return nil }
    let words = descriptionWords(after: v)
    guard !words.isEmpty else { return nil }
    return tokens[v + 1].range.lowerBound..<tokens[words.upperBound - 1].stem.upperBound
  }

  /// The words after `the` after the inverted verb at `v`, up to seven, to the first token
  /// that is no word of its paragraph outside quotes: `34-year-old` in `said the 34-year-old.`
  func descriptionWords(after v: Int) -> Range<Int> {
    var end = v + 2
    while end < tokens.count, end < v + 9, tokens[end].kind == .word, !tokens[end].inQuote,
      tokens[end].block == tokens[v].block
    {
      end += 1
    }
    return (v + 2)..<max(v + 2, end)
  }

  /// The person named after the comma at `c`, past up to four capitalised words of a title
  /// (`, Labour MP Barry Sheerman`), if the name ends its clause.
  func personInApposition(after c: Int) -> Int? {
    var j = c + 1
    while j < tokens.count, j <= c + 5, tokens[j].block == tokens[c].block, tokens[j].kind == .word,
      tokens[j].isCapitalised
    {
      let e = result.entityOfToken[j]
      if e >= 0 {
        guard result.entities[Int(e)].kind == .person else { return nil }
        let end = entityEnd(from: j)
        let closes = end + 1 >= tokens.count || tokens[end + 1].kind == .punct
        return closes ? Int(e) : nil
      }
      j += 1
    }
    return nil
  }
}
