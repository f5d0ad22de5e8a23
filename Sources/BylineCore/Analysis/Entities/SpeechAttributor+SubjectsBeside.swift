/// Subjects beside the one first read: the person after their organisation and a role, the
/// organisation the sentence before opens with for `it`.
extension SpeechAttributor {
  static let roleJoiners = WordLists.set("and or")
  /// Titles written with a capital between an organisation and its person: `ACLU executive
  /// Director Anthony Romero`, `Cleveland Police Chief Calvin Williams`.
  static let capitalisedTitles = WordLists.set("chief director president secretary executive chairman chairwoman")
  /// Nouns of someone who speaks as a member of an organisation, not for it as a whole
  /// (``AttributionRule/memberOfAnOrganisation``), besides ``RoleReader/roleNouns``.
  static let memberNouns = WordLists.set(
    """
    member members employee employees staffer staffers representative strategist strategists
    operative operatives activist activists insider insiders expert experts aides advisers
    officials sources source volunteer volunteers
    """)

  /// The noun of a member after the organisation ending at token `o`, across up to two
  /// lowercase modifiers (``AttributionRule/memberOfAnOrganisation``): `GOP strategist`, `GOP
  /// leadership aide`, `Gawker employee`; not `news agency` nor after a possessive.
  func memberNoun(after o: Int) -> Int? {
    guard !tokens[o].isPossessive else { return nil }
    var j = o + 1
    while j < tokens.count, j <= o + 3, tokens[j].block == tokens[o].block, tokens[j].kind == .word,
      !tokens[j].inQuote, !tokens[j].isCapitalised
    {
      let h = recogniser.hash(tokens[j].stem)
      if RoleReader.roleNouns.contains(h) || Self.memberNouns.contains(h) { return j }
      if Self.notModifiers.contains(h) || ReportingVerbs.set.contains(h) || WordLists.organisationOnlyNouns.contains(h)
      {
        return nil
      }
      j += 1
    }
    return nil
  }

  /// The person named after the organisation ending at token `o`, across lowercase words of
  /// a role and `and` only, before token `limit` (``AttributionRule/personAfterTheirOrganisation``):
  /// `Snopes fact checker and staff writer David Emery`, `ACLU executive Director Anthony
  /// Romero`, or right after the organisation's possessive: `Iowa State University's Dianne Bystrom`.
  func personOfRole(after o: Int, before limit: Int) -> Int? {
    var j = o + 1
    var words = 0
    while j < limit, j < tokens.count, words <= 6, tokens[j].block == tokens[o].block, tokens[j].kind == .word,
      !tokens[j].inQuote
    {
      let e = result.entityOfToken[j]
      if e >= 0 {
        // "Iowa State University's Dianne Bystrom agreed": a possessive needs no role.
        return (words > 0 || tokens[o].isPossessive) && result.entities[Int(e)].kind == .person ? Int(e) : nil
      }
      let h = recogniser.hash(tokens[j].range)
      guard !tokens[j].isCapitalised || Self.capitalisedTitles.contains(recogniser.lowerHash(tokens[j])),
        Self.roleJoiners.contains(h) || !Self.notModifiers.contains(h),
        !ReportingVerbs.set.contains(h), !isParticiple(j)
      else { return nil }
      words += 1
      j += 1
    }
    return nil
  }

  /// The organisation the sentence before the one holding token `k` opens with, when its own
  /// words before `k` name no one (``AttributionRule/itIsThePreviousSubject``), in this
  /// paragraph or the one before: `The Food Standards Agency warned ... DNP. ¶ “...,” it
  /// said`. An organisation named by the writer, not one made of a description.
  func previousSentenceOrganisation(before k: Int) -> Int? {
    let start = sentenceStart(before: k)
    guard start >= 1, tokens[start - 1].block >= tokens[k].block - 1,
      !(start..<k).contains(where: { !tokens[$0].inQuote && result.entityOfToken[$0] >= 0 })
    else { return nil }
    let previous = sentenceStart(before: start - 1)
    var j = previous
    while j < start - 1, j < previous + 6 {
      if tokens[j].kind == .punct || tokens[j].inQuote { return nil }
      let e = result.entityOfToken[j]
      if e >= 0 {
        let entity = result.entities[Int(e)]
        return entity.kind == .organisation && entity.name.first?.isUppercase == true ? Int(e) : nil
      }
      j += 1
    }
    return nil
  }
}
