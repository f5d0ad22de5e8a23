/// Names in the headline. A headline is capitalised throughout (or written in capitals), so
/// its capitals say nothing and it is not read for new names; instead the names the body
/// gives are looked for in it, case ignored ("TARANGO, O'BRIEN SPRING TWIN UPSETS" after a
/// body that names Jeff Tarango), and countries, regions and large cities of the gazetteer are
/// places there as anywhere ("CHINA SAYS ...", "MILWAUKEE"; a state or province in a headline
/// in capitals: "TEXAS").
extension EntityRecognizer {
  /// The forms of the names the body gives, lowercased word by word, by their first word:
  /// each with the index of its entity.
  typealias HeadlineForms = [ScalarHash: [(words: [ScalarHash], entity: Int)]]

  func addHeadlineMentions(_ result: inout Result) {
    // By block index: a Set<Int> hashed the block of every token of the article, twice.
    let isTitle = blocks.map { $0.kind == .title }
    guard isTitle.contains(true) else { return }
    let forms = headlineForms(result, isTitle: isTitle)
    var k = 0
    while k < tokens.count {
      let t = tokens[k]
      guard isTitle[t.block], t.kind == .word, result.entityOfToken[k] < 0 else {
        k += 1
        continue
      }
      if let best = longestBodyName(at: k, forms) {
        let range = tokens[k].range.lowerBound..<tokens[k + best.length - 1].stem.upperBound
        result.entities[best.entity].appendMention(range)
        for j in k..<(k + best.length) { result.entityOfToken[j] = Int32(best.entity) }
        k += best.length
        continue
      }
      addHeadlinePlace(at: k, &result)
      k += 1
    }
    for e in result.entities.indices { result.entities[e].sortMentions() }
  }

  /// Every word sequence that names an entity in the body, lowercased, by its first word;
  /// only those whose first word is in a headline, the only ones looked up (a list of
  /// 170,000 names made 170,000 forms for a one-word headline).
  func headlineForms(_ result: Result, isTitle: [Bool]) -> HeadlineForms {
    var headlineWords: Set<ScalarHash> = []
    for t in tokens where isTitle[t.block] && t.kind == .word { headlineWords.insert(lowerHash(t)) }
    var forms: HeadlineForms = [:]
    func wordHash(_ word: Substring) -> ScalarHash {
      var h = ScalarHash()
      for s in word.lowercased().unicodeScalars { h.append(s) }
      return h
    }
    for (e, entity) in result.entities.enumerated() {
      var inBody: Bool?
      for f in -1..<entity.aliases.count {
        let firstWord: ScalarHash?
        if f < 0, let slice = entity.nameSlice {
          firstWord = Self.lowercasedFirstWordHash(slice.text[slice.range]) { entity.name }
        } else {
          let form = f < 0 ? entity.name : entity.aliases[f]
          firstWord = Self.lowercasedFirstWordHash(form.unicodeScalars) { form }
        }
        guard let firstWord, headlineWords.contains(firstWord) else { continue }
        let form = f < 0 ? entity.name : entity.aliases[f]
        let words = form.split(whereSeparator: { $0 == " " }).map(wordHash)
        guard let first = words.first else { continue }
        if inBody == nil {
          inBody = entity.mentions.contains { m in
            blockIndex(of: m.lowerBound).map { !isTitle[$0] } ?? false
          }
        }
        guard inBody == true else { break }
        forms[first, default: []].append((words, e))
      }
    }
    return forms
  }

  /// The hash of the first word of a name lowercased, as `wordHash` gives it for the first
  /// part of `form().split(separator: " ")`; nil when there is none. Read from the scalars
  /// when the word is ASCII (the string `form` is asked for otherwise): most names are not in
  /// the headline, and splitting every name of a list of 165,000 names into an array was a
  /// twentieth of its analysis.
  static func lowercasedFirstWordHash<S: Sequence>(_ scalars: S, form: () -> String) -> ScalarHash?
  where S.Element == Unicode.Scalar {
    var h = ScalarHash()
    var started = false
    var iterator = scalars.makeIterator()
    while let s = iterator.next() {
      let b = s.value
      if b == 0x20 {
        guard started else { continue }
        // A combining mark after the space would join it into one character, no separator.
        if let next = iterator.next(), next.value >= 0x80 { return slowLowercasedFirstWordHash(form()) }
        break
      }
      guard b < 0x80 else { return slowLowercasedFirstWordHash(form()) }
      started = true
      h.append(b >= 65 && b <= 90 ? Unicode.Scalar(UInt8(b + 32)) : s)
    }
    return started ? h : nil
  }

  static func slowLowercasedFirstWordHash(_ form: String) -> ScalarHash? {
    guard let first = form.split(separator: " ", maxSplits: 1).first else { return nil }
    var h = ScalarHash()
    for s in first.lowercased().unicodeScalars { h.append(s) }
    return h
  }

  /// The longest body name that starts at headline token `k`, case ignored: its length in
  /// tokens and its entity.
  func longestBodyName(at k: Int, _ forms: HeadlineForms) -> (length: Int, entity: Int)? {
    let t = tokens[k]
    var best: (length: Int, entity: Int)?
    for candidate in forms[lowerHash(t)] ?? [] where candidate.words.count > (best?.length ?? 0) {
      var matches = true
      for (i, word) in candidate.words.enumerated() {
        let j = k + i
        guard j < tokens.count, tokens[j].block == t.block, tokens[j].kind == .word,
          lowerHash(tokens[j]) == word
        else {
          matches = false
          break
        }
      }
      if matches { best = (candidate.words.count, candidate.entity) }
    }
    return best
  }

  /// Headline token `k` as a place when it is a country or region of the gazetteer, in any
  /// case, a large city, or a state in capitals: a mention of the article's place of that name.
  func addHeadlinePlace(at k: Int, _ result: inout Result) {
    let t = tokens[k]
    let h = titleCaseHash(t)
    guard t.stem.count >= 4, let kind = lexicon.places[h],
      kind == .country || kind == .region || (kind == .subdivision && t.isAllCaps) || lexicon.bigCities.contains(h)
    else { return }
    let name = titleCased(Tokenizer.string(text, t.stem))
    if let existing = result.entities.firstIndex(where: { $0.kind == .place && $0.name == name }) {
      result.entities[existing].appendMention(t.stem)
      result.entityOfToken[k] = Int32(existing)
    } else {
      result.entities.append(Entity(kind: .place, name: name, mentions: [t.stem]))
      result.entityOfToken[k] = Int32(result.entities.count - 1)
    }
  }

  /// The index of the block holding model offset `offset`.
  func blockIndex(of offset: Int) -> Int? {
    var low = 0
    var high = blocks.count
    while low < high {
      let mid = (low + high) / 2
      if blocks[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
    }
    return low < blocks.count && blocks[low].range.contains(offset) ? low : nil
  }
}
