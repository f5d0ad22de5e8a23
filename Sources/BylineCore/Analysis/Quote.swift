/// A direct quotation: text inside double quote marks.
public struct Quote: Sendable, Equatable {
  /// How much of a statement the quote marks enclose.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// A whole statement: "He was 28. His parents are 60 years old."
    case full
    /// Part of a sentence, woven into the reporter's own words: pledged that "all ...".
    case partial
    /// One or two words held at arm's length: "terrorists".
    case fragment
  }

  /// The quoted text, quote marks excluded. For a quote running over several paragraphs it
  /// spans from the first paragraph to the last, including the paragraph breaks.
  public var range: TextRange {
    get { storedRange }
    set {
      guard newValue != storedRange else { return }
      // The segments stay what they were: one implied by the old range is kept explicitly.
      // The clause stays where it was in the text (it is stored as distances from the range).
      let clause = self.clause
      if otherSegments == nil { otherSegments = [storedRange] }
      storedRange = newValue
      self.clause = clause
    }
  }

  // The storage: 32 bytes a quote, where it took 72 (and 120 before that), for a flood of
  // short quotes has one every dozen bytes of text. Offsets are 32-bit (model texts are at
  // most 50 MB, far below 2^30 scalars), the kind and the closure ride in the top two bits
  // of the range's bounds; the source as written and the reported clause are packed next to
  // them where they are short and near (``Near``); the speaker, its kind and the cue are one
  // shared reference (the attribution gives every quote of a speaker and cue the same one),
  // and the rarer fields, the segments of a quote over several paragraphs and a mention or
  // a clause too long to pack, another.
  private var lowerAndKind: UInt32
  private var upperAndClosure: UInt32
  private var mentionStart: Int32 = -1
  private var near = Near.none
  private var attribution: Attribution?
  private var rare: Rare?

  /// The speaker mention's length and the clause's distances from the quote's range, in one
  /// 32-bit word: a clause in an object of its own took 40 bytes a quote, more than the quote
  /// (2 MB of quotes and cues in one paragraph needed 13 times its size).
  private struct Near {
    var bits: UInt32

    /// The mention's length (bits 0-7), the clause's start before the range's (bits 8-19)
    /// and its end after the range's (bits 20-31); all ones is "not here".
    static let none = Near(bits: 0xFFFF_FFFF)
    static let noMention: UInt32 = 0xFF
    static let noClause: UInt32 = 0xFFF

    var mentionLength: UInt32? {
      let length = bits & 0xFF
      return length == Self.noMention ? nil : length
    }
    var clauseDistances: (before: Int, after: Int)? {
      let before = bits >> 8 & 0xFFF
      return before == Self.noClause ? nil : (Int(before), Int(bits >> 20))
    }
    mutating func setMentionLength(_ length: Int?) {
      bits = bits & ~0xFF | (length.map { UInt32($0) } ?? Self.noMention)
    }
    mutating func setClause(before: Int, after: Int) {
      bits = bits & 0xFF | UInt32(before) << 8 | UInt32(after) << 20
    }
    mutating func removeClause() { bits |= Self.noClause << 8 | Self.noClause << 20 }

    /// Whether a length or a distance fits its field (the all-ones value is taken).
    static func fits(_ value: Int, bits: Int) -> Bool { value >= 0 && value < (1 << bits) - 1 }
  }

  /// The segments when they are not the one range `storedRange`, and a mention or a clause
  /// that ``Near`` cannot hold: nil for most quotes. Never changed once made, so that copies
  /// of a quote can share it.
  private final class Rare: Sendable {
    let segments: [TextRange]?
    let clause: TextRange?
    let mention: TextRange?

    init(segments: [TextRange]?, clause: TextRange?, mention: TextRange?) {
      self.segments = segments
      self.clause = clause
      self.mention = mention
    }

    static func make(segments: [TextRange]?, clause: TextRange?, mention: TextRange?) -> Rare? {
      segments == nil && clause == nil && mention == nil
        ? nil : Rare(segments: segments, clause: clause, mention: mention)
    }
  }

  /// The segments, unless they are the one range `storedRange` (most quotes): an array of one
  /// range is an allocation of its own, 64 bytes a quote.
  private var otherSegments: [TextRange]? {
    get { rare?.segments }
    set { rare = .make(segments: newValue, clause: rare?.clause, mention: rare?.mention) }
  }

  private static let offsetMask: UInt32 = 0x3FFF_FFFF

  private var storedRange: TextRange {
    get {
      Range(uncheckedBounds: (Int(lowerAndKind & Self.offsetMask), Int(upperAndClosure & Self.offsetMask)))
    }
    set {
      lowerAndKind = lowerAndKind & ~Self.offsetMask | UInt32(newValue.lowerBound) & Self.offsetMask
      upperAndClosure = upperAndClosure & ~Self.offsetMask | UInt32(newValue.upperBound) & Self.offsetMask
    }
  }

  /// Who said a quote and how it was reported, shared by the quotes that have the same.
  final class Attribution: Sendable {
    let speaker: String?
    let speakerKind: SpeakerKind?
    let cue: String?

    init(speaker: String?, speakerKind: SpeakerKind?, cue: String?) {
      self.speaker = speaker
      self.speakerKind = speakerKind
      self.cue = cue
    }

    /// Nil when there is nothing to hold.
    static func make(speaker: String?, speakerKind: SpeakerKind?, cue: String?) -> Attribution? {
      speaker == nil && speakerKind == nil && cue == nil
        ? nil : Attribution(speaker: speaker, speakerKind: speakerKind, cue: cue)
    }
  }

  /// The attributions already made for a list of quotes, so that quotes with the same speaker,
  /// kind and cue share one (``setAttribution(speaker:speakerKind:cue:sharing:)``).
  struct SharedAttributions {
    /// Names and cues by their bytes (``ExactString``), so that a quote keeps its own.
    private struct Key: Hashable {
      var speaker: ExactString?
      var speakerKind: SpeakerKind?
      var cue: ExactString?
    }
    private var made: [Key: Attribution] = [:]

    mutating func attribution(speaker: String?, speakerKind: SpeakerKind?, cue: String?) -> Attribution? {
      let key = Key(speaker: speaker.map(ExactString.init), speakerKind: speakerKind, cue: cue.map(ExactString.init))
      if let known = made[key] { return known }
      let new = Attribution.make(speaker: speaker, speakerKind: speakerKind, cue: cue)
      made[key] = new
      return new
    }
  }

  /// Sets the speaker, its kind and the cue at once, sharing the storage of an earlier quote
  /// given the same.
  mutating func setAttribution(
    speaker: String?, speakerKind: SpeakerKind?, cue: String?, sharing shared: inout SharedAttributions
  ) {
    attribution = shared.attribution(speaker: speaker, speakerKind: speakerKind, cue: cue)
  }

  /// The quoted text in each paragraph it runs through (one range for most quotes).
  public var segments: [TextRange] {
    get { otherSegments ?? [storedRange] }
    set { otherSegments = newValue.count == 1 && newValue[0] == storedRange ? nil : newValue }
  }
  public var kind: Kind {
    get {
      switch lowerAndKind >> 30 {
      case 0: return .full
      case 1: return .partial
      default: return .fragment
      }
    }
    set {
      let bits: UInt32 =
        switch newValue {
        case .full: 0
        case .partial: 1
        case .fragment: 2
        }
      lowerAndKind = lowerAndKind & Self.offsetMask | bits << 30
    }
  }
  /// What ended the quote.
  public enum Closure: String, Sendable, Equatable {
    /// Its closing mark.
    case mark
    /// An opening mark after a sentence's end, the closing mark having been dropped.
    case reopening
    /// The end of its paragraph, the next one not reopening.
    case paragraphEnd = "paragraph_end"
  }

  /// What ended the quote: its closing mark, a reopening mark or its paragraph's end.
  public var closedBy: Closure {
    get {
      switch upperAndClosure >> 30 {
      case 0: return .mark
      case 1: return .reopening
      default: return .paragraphEnd
      }
    }
    set {
      let bits: UInt32 =
        switch newValue {
        case .mark: 0
        case .reopening: 1
        case .paragraphEnd: 2
        }
      upperAndClosure = upperAndClosure & Self.offsetMask | bits << 30
    }
  }
  /// True when nothing in the text tells where the quote ends: neither a closing mark nor a
  /// reopening one came, and it is taken to end with its paragraph.
  public var isUnterminated: Bool { closedBy == .paragraphEnd }
  /// The speaker's canonical name, when attribution found one.
  public var speaker: String? {
    get { attribution?.speaker }
    set { attribution = .make(speaker: newValue, speakerKind: speakerKind, cue: cue) }
  }
  /// What kind of source the speaker is.
  public enum SpeakerKind: String, Sendable, Equatable, CaseIterable {
    /// A named person ("Moira Keane").
    case person
    /// An organisation, a government or a place standing for one ("the foreign ministry").
    case organisation
    /// A description that names no entity ("a spokeswoman", "one resident").
    case description
  }

  /// The kind of the speaker, when there is one.
  public var speakerKind: SpeakerKind? {
    get { attribution?.speakerKind }
    set { attribution = .make(speaker: speaker, speakerKind: newValue, cue: cue) }
  }
  /// The source as written near the cue ("Keane", "she", "a spokeswoman"), so that an
  /// attribution can be checked against the text. For a quote that takes the speaker of an
  /// earlier one, the mention that earlier quote was attributed by.
  public var speakerMention: TextRange? {
    get {
      guard let length = near.mentionLength else { return rare?.mention }
      let start = Int(mentionStart)
      return Range(uncheckedBounds: (start, start + Int(length)))
    }
    set {
      if let newValue, Near.fits(newValue.count, bits: 8) {
        mentionStart = Int32(newValue.lowerBound)
        near.setMentionLength(newValue.count)
        if rare?.mention != nil { rare = .make(segments: rare?.segments, clause: rare?.clause, mention: nil) }
      } else {
        mentionStart = -1
        near.setMentionLength(nil)
        if newValue != nil || rare?.mention != nil {
          rare = .make(segments: rare?.segments, clause: rare?.clause, mention: newValue)
        }
      }
    }
  }
  /// For a partial quote or a fragment with a cue of its own, the reported clause it sits in:
  /// `called half of Trump's supporters “deplorables”`, `said the plan was “a disaster”`.
  public var clause: TextRange? {
    get {
      guard let d = near.clauseDistances else { return rare?.clause }
      let range = storedRange
      return Range(uncheckedBounds: (range.lowerBound - d.before, range.upperBound + d.after))
    }
    set {
      let range = storedRange
      if let newValue, Near.fits(range.lowerBound - newValue.lowerBound, bits: 12),
        Near.fits(newValue.upperBound - range.upperBound, bits: 12)
      {
        near.setClause(before: range.lowerBound - newValue.lowerBound, after: newValue.upperBound - range.upperBound)
        if rare?.clause != nil { rare = .make(segments: rare?.segments, clause: nil, mention: rare?.mention) }
      } else {
        near.removeClause()
        if newValue != nil || rare?.clause != nil {
          rare = .make(segments: rare?.segments, clause: newValue, mention: rare?.mention)
        }
      }
    }
  }
  /// The reporting verb or phrase ("said", "according to"), when attribution found one.
  public var cue: String? {
    get { attribution?.cue }
    set { attribution = .make(speaker: speaker, speakerKind: speakerKind, cue: newValue) }
  }

  public static func == (a: Quote, b: Quote) -> Bool {
    a.storedRange == b.storedRange && a.segments == b.segments && a.kind == b.kind
      && a.closedBy == b.closedBy && a.speaker == b.speaker && a.speakerKind == b.speakerKind
      && a.speakerMention == b.speakerMention && a.clause == b.clause && a.cue == b.cue
  }

  /// A quote of one segment, its range: as `init(range:segments:kind:closedBy:)` with
  /// `[range]`, without making the array.
  init(range: TextRange, kind: Kind, closedBy: Closure) {
    lowerAndKind = 0
    upperAndClosure = 0
    storedRange = range
    self.kind = kind
    self.closedBy = closedBy
  }

  public init(
    range: TextRange, segments: [TextRange], kind: Kind, closedBy: Closure = .mark,
    speaker: String? = nil, cue: String? = nil
  ) {
    self.init(range: range, kind: kind, closedBy: closedBy)
    self.segments = segments
    attribution = .make(speaker: speaker, speakerKind: nil, cue: cue)
  }
}
