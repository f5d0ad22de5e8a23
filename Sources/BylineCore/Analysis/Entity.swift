/// A person, place or organisation named in an article, with every mention merged under one
/// canonical name.
public struct Entity: Sendable, Equatable {
  /// The three kinds of entity Byline lists.
  public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
    case person
    case place
    case organisation
  }

  public var kind: Kind
  /// The canonical name: the fullest form the article uses ("Kassym-Jomart Tokayev").
  public var name: String
  /// The other forms the article uses for the same entity ("Tokayev", "Nazerbayev").
  public var aliases: [String]
  /// The role the article gives ("President", "postal worker"), if any.
  public var role: String?
  /// Every mention, as model ranges, in reading order.
  public var mentions: [TextRange]

  public init(kind: Kind, name: String, aliases: [String] = [], role: String? = nil, mentions: [TextRange]) {
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.role = role
    self.mentions = mentions
  }
}

/// Speech reported without quote marks: "Riot police had forcibly transferred him ...,
/// Belgibayeva said."
public struct ReportedSpeech: Sendable, Equatable {
  /// The reported content.
  public var range: TextRange {
    get { Range(uncheckedBounds: (Int(lower), Int(upper))) }
    set { (lower, upper) = (Int32(newValue.lowerBound), Int32(newValue.upperBound)) }
  }
  /// The range as 32-bit offsets (texts are at most 50 MB): 40 bytes a report, not 48.
  private var lower: Int32
  private var upper: Int32
  /// The speaker's canonical name, if found.
  public var speaker: String?
  /// The reporting verb.
  public var cue: String

  public init(range: TextRange, speaker: String?, cue: String) {
    lower = Int32(range.lowerBound)
    upper = Int32(range.upperBound)
    self.speaker = speaker
    self.cue = cue
  }
}
