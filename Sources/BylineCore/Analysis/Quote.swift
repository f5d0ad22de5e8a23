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
      // The segments stay what they were: one implied by the old range is kept explicitly.
      if otherSegments == nil, newValue != storedRange { otherSegments = [storedRange] }
      storedRange = newValue
    }
  }
  /// The range, as 32-bit offsets (model texts are at most 50 MB, far below 2^31 scalars):
  /// with the mention and the clause so, a quote takes 72 bytes where it took 120, and a flood
  /// of short quotes has one every dozen bytes.
  private var lower: Int32
  private var upper: Int32
  private var storedRange: TextRange {
    get { Range(uncheckedBounds: (Int(lower), Int(upper))) }
    set { (lower, upper) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
  }
  /// The quoted text in each paragraph it runs through (one range for most quotes).
  public var segments: [TextRange] {
    get { otherSegments ?? [storedRange] }
    set { otherSegments = newValue.count == 1 && newValue[0] == storedRange ? nil : newValue }
  }
  /// The segments, unless they are the one range `storedRange` (most quotes): an array of one
  /// range is an allocation of its own, 64 bytes a quote, and a flood of short quotes has a
  /// quote every ten bytes.
  private var otherSegments: [TextRange]?
  public var kind: Kind
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
  public var closedBy: Closure
  /// True when nothing in the text tells where the quote ends: neither a closing mark nor a
  /// reopening one came, and it is taken to end with its paragraph.
  public var isUnterminated: Bool { closedBy == .paragraphEnd }
  /// The speaker's canonical name, when attribution found one.
  public var speaker: String?
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
  public var speakerKind: SpeakerKind?
  /// The source as written near the cue ("Keane", "she", "a spokeswoman"), so that an
  /// attribution can be checked against the text. For a quote that takes the speaker of an
  /// earlier one, the mention that earlier quote was attributed by.
  public var speakerMention: TextRange? {
    get { Self.optionalRange(mention) }
    set { mention = Self.bounds(newValue) }
  }
  private var mention: (Int32, Int32) = (-1, -1)
  /// For a partial quote or a fragment with a cue of its own, the reported clause it sits in:
  /// `called half of Trump's supporters “deplorables”`, `said the plan was “a disaster”`.
  public var clause: TextRange? {
    get { Self.optionalRange(clauseBounds) }
    set { clauseBounds = Self.bounds(newValue) }
  }
  private var clauseBounds: (Int32, Int32) = (-1, -1)

  private static func optionalRange(_ bounds: (Int32, Int32)) -> TextRange? {
    bounds.0 < 0 ? nil : Range(uncheckedBounds: (Int(bounds.0), Int(bounds.1)))
  }
  private static func bounds(_ range: TextRange?) -> (Int32, Int32) {
    range.map { (Int32($0.lowerBound), Int32($0.upperBound)) } ?? (-1, -1)
  }
  /// The reporting verb or phrase ("said", "according to"), when attribution found one.
  public var cue: String?

  public static func == (a: Quote, b: Quote) -> Bool {
    a.storedRange == b.storedRange && a.segments == b.segments && a.kind == b.kind
      && a.closedBy == b.closedBy && a.speaker == b.speaker && a.speakerKind == b.speakerKind
      && a.speakerMention == b.speakerMention && a.clause == b.clause && a.cue == b.cue
  }

  public init(
    range: TextRange, segments: [TextRange], kind: Kind, closedBy: Closure = .mark,
    speaker: String? = nil, cue: String? = nil
  ) {
    lower = Int32(range.lowerBound)
    upper = Int32(range.upperBound)
    otherSegments = segments.count == 1 && segments[0] == range ? nil : segments
    self.kind = kind
    self.closedBy = closedBy
    self.speaker = speaker
    self.cue = cue
  }
}
