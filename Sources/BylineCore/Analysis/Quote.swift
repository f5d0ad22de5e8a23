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
  public var range: TextRange
  /// The quoted text in each paragraph it runs through (one range for most quotes).
  public var segments: [TextRange]
  public var kind: Kind
  /// True when the quote never closes: it is taken to end with its paragraph.
  public var isUnterminated: Bool
  /// The speaker's canonical name, when attribution found one.
  public var speaker: String?
  /// The reporting verb or phrase ("said", "according to"), when attribution found one.
  public var cue: String?

  public init(
    range: TextRange, segments: [TextRange], kind: Kind, isUnterminated: Bool = false,
    speaker: String? = nil, cue: String? = nil
  ) {
    self.range = range
    self.segments = segments
    self.kind = kind
    self.isUnterminated = isUnterminated
    self.speaker = speaker
    self.cue = cue
  }
}
