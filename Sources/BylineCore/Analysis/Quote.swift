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
  public var speakerMention: TextRange?
  /// For a partial quote or a fragment with a cue of its own, the reported clause it sits in:
  /// `called half of Trump's supporters “deplorables”`, `said the plan was “a disaster”`.
  public var clause: TextRange?
  /// The reporting verb or phrase ("said", "according to"), when attribution found one.
  public var cue: String?

  public init(
    range: TextRange, segments: [TextRange], kind: Kind, closedBy: Closure = .mark,
    speaker: String? = nil, cue: String? = nil
  ) {
    self.range = range
    self.segments = segments
    self.kind = kind
    self.closedBy = closedBy
    self.speaker = speaker
    self.cue = cue
  }
}
