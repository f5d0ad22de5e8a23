/// Surnames that are words usually no name: a month or a modal (`Theresa May`, `George
/// Will`) or a nationality (`Mark Cuban`, `Dawn French`). Without these rules the phrase
/// loses the word (a month is never a name, a nationality names no one) and the person's
/// quotes, `"...," May said`, go to no one.
extension EntityRecognizer {
  /// Whether a word is one of these surnames: one of ``WordLists/wordSurnames`` or a
  /// nationality in the singular (`Cuban`; not `Catholic`, `Labour`, `European` or `Cubans`).
  func isWordSurname(_ t: Token) -> Bool {
    guard t.kind == .word, t.isCapitalised, !t.isAllCaps else { return false }
    let h = hash(t.stem)
    if WordLists.wordSurnames.contains(h) { return true }
    return lexicon.demonyms.contains(h) && !WordLists.peoples.contains(h) && !Self.noNationalities.contains(h)
      && text[t.stem.upperBound - 1] != "s"
  }

  /// The words of demonyms.txt that are no nationality, and no one's surname: its party and
  /// regional adjectives.
  static let noNationalities = WordLists.set(
    """
    Conservative Democrat Democratic Labour Liberal Republican Tory Western Eastern South Soviet
    European Asian African American Balkan Baltic Nordic Scandinavian Caucasian Latin Latina Latino
    Hispanic Arab Arabic Islamic
    """)

  /// Titles of courtesy before a surname alone: `Mrs May`, `Mr. French`.
  static let courtesyTitles = WordLists.set("Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Professor")

  /// ``EntityRule/wordSurnameAfterFirstName``: whether the word at `k`, one space after the
  /// known first name at `first`, is that person's surname: `Theresa May`, `Mark Cuban`. The
  /// first name is no place and no word that is never a name (`Florida Republican`, `In
  /// May`), and a number after the word makes it a date (`told Clinton March 3`).
  func isWordSurname(_ k: Int, afterFirstName first: Int) -> Bool {
    guard rules.on(.wordSurnameAfterFirstName), first >= 0, k == first + 1, k < tokens.count else { return false }
    let name = tokens[first]
    let h = hash(name.stem)
    guard name.kind == .word, !name.isPossessive, name.block == tokens[k].block,
      name.range.upperBound + 1 == tokens[k].range.lowerBound,
      lexicon.firstNames[h] != nil, lexicon.places[h] == nil, !WordLists.neverNames.contains(h),
      isWordSurname(tokens[k])
    else { return false }
    if k + 1 < tokens.count, tokens[k + 1].block == tokens[k].block,
      let digit = text[tokens[k + 1].range.lowerBound].properties.numericType, digit == .decimal
    {
      return false
    }
    return true
  }

  /// ``EntityRule/wordSurnameOfFullName``: such a surname alone where a name stands (before
  /// a reporting verb, after an inverted cue, with a possessive or after a title: `"...,"
  /// May said`, `said Cuban`, `Mrs May`) is kept as a single word, to be resolved against the
  /// people the article names in full. The phrase is the word and the titles before it.
  func wordSurnameAlone(_ phrase: Range<Int>) -> Candidate? {
    let k = phrase.upperBound - 1
    let t = tokens[k]
    guard rules.on(.wordSurnameOfFullName), isWordSurname(t),
      phrase.dropLast().allSatisfy({ isTitleToken($0) })
    else { return nil }
    let named =
      t.isPossessive || isAfterTitle(k)
      || (k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].block == t.block
        && ReportingVerbs.set.contains(hash(tokens[k + 1].range)))
      || (k >= 2 && tokens[k - 1].kind == .word && tokens[k - 1].block == t.block
        && ReportingVerbs.set.contains(hash(tokens[k - 1].range))
        && !Self.tellForms.contains(hash(tokens[k - 1].range)) && tokens[k - 2].kind == .punct)
    guard named else { return nil }
    var single = Candidate(tokens: k..<(k + 1), range: t.range.lowerBound..<t.stem.upperBound, kind: .single)
    single.wordSurname = true
    return single
  }

  /// What ``EntityRule/wordSurnameOfFullName`` makes of a single word it kept: the person
  /// named in full with that surname, else a person when a title goes before it (`Mr French
  /// said`), else nothing. Nil for other words.
  func resolveWordSurname(_ c: Candidate, _ word: SingleWord, _ e: MergeEvidence) -> Guess? {
    guard c.wordSurname else { return nil }
    return e.surnameOwner[word.h] != nil || isAfterTitle(word.k) ? .person : .single
  }

  /// A title of courtesy or its full stop: `Mrs`, `Mr` `.`.
  func isTitleToken(_ k: Int) -> Bool {
    let t = tokens[k]
    if t.kind == .punct {
      return t.scalar(in: text) == "." && k >= 1 && Self.courtesyTitles.contains(hash(tokens[k - 1].stem))
    }
    return Self.courtesyTitles.contains(hash(t.stem))
  }

  /// Whether a title of courtesy goes right before token `k`: `Mrs May`, `Mr. French`.
  func isAfterTitle(_ k: Int) -> Bool {
    guard k >= 1, tokens[k - 1].block == tokens[k].block else { return false }
    if tokens[k - 1].kind == .word { return Self.courtesyTitles.contains(hash(tokens[k - 1].stem)) }
    return k >= 2 && isTitleToken(k - 1)
  }
}
