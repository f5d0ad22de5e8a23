/// Cues that are phrases, not reporting verbs: a writer's frame that lends a quote its
/// speaker (`as Vulture put it, “...”`, `in Dr. Shadlen's words, “...”`).
extension SpeechAttributor {
  static let putForms = WordLists.set("put puts")
  static let asWords = WordLists.set("as As")
  static let wordNouns = WordLists.set("words phrase")
  static let inWords = WordLists.set("in In")

  /// The speaker of a phrase cue at token `k`, or nil when the word at `k` opens none:
  /// `As X put it` (``AttributionRule/asTheyPutIt``) and `in X's words`, `in the words of X`
  /// (``AttributionRule/inTheirWords``). The token of `put` or `words` is the cue.
  mutating func phraseCueSpeaker(at k: Int, hash h: ScalarHash) -> Speaker? {
    if Self.putForms.contains(h), rules.on(.asTheyPutIt) { return asTheyPutItSpeaker(k) }
    if Self.wordNouns.contains(h), rules.on(.inTheirWords) { return inTheirWordsSpeaker(k) }
    if rules.on(.shotBack), isRetort(k) { return subject(of: k) }
    return nil
  }

  /// Verbs of attack that report a retort before `back` (``AttributionRule/shotBack``).
  static let retortVerbs = WordLists.set(
    "shot shoots shoot shooting fired fires fire firing hit hits hitting snapped snaps")
  static let back = ScalarHash("back")

  /// Whether the word at `k` is a verb of ``retortVerbs`` with `back` after it in its
  /// sentence: `shot back`, `fired back at`.
  func isRetort(_ k: Int) -> Bool {
    k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].block == tokens[k].block
      && recogniser.hash(tokens[k + 1].range) == Self.back
      && Self.retortVerbs.contains(recogniser.hash(tokens[k].range))
  }

  /// `As the Post's Dana Milbank puts it, “...”`, `as one voter put it`: `put it` after `as`
  /// and its subject (up to eight words back in the sentence) speaks.
  mutating func asTheyPutItSpeaker(_ k: Int) -> Speaker? {
    guard k + 1 < tokens.count, tokens[k + 1].kind == .word,
      recogniser.lowerHash(tokens[k + 1]) == Self.it, tokens[k + 1].block == tokens[k].block
    else { return nil }
    var j = k - 1
    while j >= 0, j >= k - 9, tokens[j].block == tokens[k].block, !tokens[j].inQuote {
      if tokens[j].kind == .punct, Tokenizer.isStop(tokens[j].scalar(in: text)), !isAbbreviationPoint(j) {
        return nil
      }
      if tokens[j].kind == .word, Self.asWords.contains(recogniser.hash(tokens[j].range)) {
        guard j < k - 1 else { return nil }
        // "as one voter put it": a description of its own.
        if Self.describingDeterminers.contains(recogniser.hash(tokens[j + 1].range)), j + 2 < k,
          (j + 2..<k).allSatisfy({ tokens[$0].kind == .word && result.entityOfToken[$0] < 0 })
        {
          return .description(Tokenizer.string(text, tokens[j + 2].range.lowerBound..<tokens[k - 1].stem.upperBound))
        }
        return scannedSubject(from: k - 1, verb: k)
      }
      j -= 1
    }
    return nil
  }

  /// `In Dr. Shadlen's words, “...”`, `in economist Tyler Cowen's phrase`: the name before
  /// `'s words` or `'s phrase` after `in` speaks; `in the words of X`: X does.
  mutating func inTheirWordsSpeaker(_ k: Int) -> Speaker? {
    guard k >= 2 else { return nil }
    let owner = tokens[k - 1]
    if owner.kind == .word, owner.isPossessive, owner.block == tokens[k].block, let e = entityEnding(at: k - 1) {
      var j = k - 2
      // Words of the name and its title, with the points of abbreviations ("Dr.").
      while j >= 0, j >= k - 8, tokens[j].block == tokens[k].block,
        tokens[j].kind == .word || isAbbreviationPoint(j)
      {
        if Self.inWords.contains(recogniser.hash(tokens[j].range)) { return .entity(e) }
        j -= 1
      }
      return nil
    }
    // "in the words of X".
    guard k + 2 < tokens.count, recogniser.lowerHash(tokens[k - 1]) == ScalarHash("the"),
      Self.inWords.contains(recogniser.hash(tokens[k - 2].range)),
      recogniser.hash(tokens[k + 1].range) == ScalarHash("of")
    else { return nil }
    return mentionAfter(k + 2)
  }
}
