/// A person, place or organisation named in an article, with every mention merged under one
/// canonical name.
///
/// Stored in 32 bytes with no allocation of its own for the common entity, named as the text
/// spells its one mention, with no alias or role: its first mention is held inline and its
/// name is that mention's text in the article's model text (shared by every entity of the
/// article, not copied); a name of another spelling, the other mentions, the aliases and the
/// role live in a box made only for the entities that have them (copied on write, so `Entity`
/// stays a value).
/// A list of 165,000 names cost about 150 bytes an entity as a struct of 56 bytes with a name
/// string and a mention array of its own, ten times the text they came from.
public struct Entity: Sendable, Equatable {
  /// The three kinds of entity Byline lists.
  public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
    case person
    case place
    case organisation
  }

  /// The model text a name is a range of, one box shared by the entities of an article.
  final class SharedText: Sendable {
    let text: ScalarText
    init(_ text: ScalarText) { self.text = text }
  }

  /// What only some entities have. Never changed while shared (``editableDetails()`` copies it).
  private final class Details: @unchecked Sendable {
    /// The name when it is no range of the text.
    var name: String?
    var aliases: [String] = []
    var role: String?
    /// Every mention, once the box exists (the inline one is then unused).
    var mentions: [TextRange] = []

    init() {}

    func copy() -> Details {
      let d = Details()
      d.name = name
      d.aliases = aliases
      d.role = role
      d.mentions = mentions
      return d
    }
  }

  /// The text whose slice at the inline mention is the name; nil when `details` holds the
  /// name. Never set together with `details`.
  private var source: SharedText?
  private var details: Details?
  /// The one mention while there is no box; a lower bound of -1 for none.
  private var firstLower: Int32 = -1
  private var firstUpper: Int32 = -1

  public var kind: Kind

  /// The canonical name: the fullest form the article uses ("Kassym-Jomart Tokayev").
  public var name: String {
    get {
      if let name = details?.name { return name }
      guard let source else { return "" }
      return source.text.string(Int(firstLower)..<Int(firstUpper))
    }
    set { editableDetails().name = newValue }
  }

  /// The other forms the article uses for the same entity ("Tokayev", "Nazerbayev").
  public var aliases: [String] {
    get { details?.aliases ?? [] }
    set {
      guard !newValue.isEmpty || details != nil else { return }
      editableDetails().aliases = newValue
    }
  }

  /// The role the article gives ("President", "postal worker"), if any.
  public var role: String? {
    get { details?.role }
    set {
      guard newValue != nil || details != nil else { return }
      editableDetails().role = newValue
    }
  }

  /// Every mention, as model ranges, in reading order.
  public var mentions: [TextRange] {
    get {
      if let details { return details.mentions }
      return firstLower < 0 ? [] : [Range(uncheckedBounds: (Int(firstLower), Int(firstUpper)))]
    }
    set {
      if details == nil, source == nil, newValue.count <= 1 {
        setInlineMention(newValue.first)
      } else {
        editableDetails().mentions = newValue
      }
    }
  }

  public init(kind: Kind, name: String, aliases: [String] = [], role: String? = nil, mentions: [TextRange]) {
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.role = role
    self.mentions = mentions
  }

  /// An entity of one mention, named by the text at it (as ``ScalarText/string(_:)`` spells
  /// it).
  init(kind: Kind, text: SharedText, mention: TextRange) {
    self.kind = kind
    source = text
    setInlineMention(mention)
  }

  /// The text and range the name is read from, when it is a slice of the model text: the
  /// name without making a string of it.
  var nameSlice: (text: ScalarText, range: Range<Int>)? {
    guard let source, details == nil else { return nil }
    return (source.text, Int(firstLower)..<Int(firstUpper))
  }

  /// How many mentions there are, without making the array.
  var mentionCount: Int { details?.mentions.count ?? (firstLower < 0 ? 0 : 1) }

  /// Adds a mention after the others.
  mutating func appendMention(_ range: TextRange) {
    if details == nil, source == nil, firstLower < 0 {
      setInlineMention(range)
    } else {
      editableDetails().mentions.append(range)
    }
  }

  /// Puts the mentions in reading order (by their start, as `mentions.sort` did), in place;
  /// nothing to do for one mention or mentions already in order (most: they are added in
  /// reading order).
  mutating func sortMentions() {
    guard let details, details.mentions.count > 1 else { return }
    var ordered = true
    var previous = Int.min
    for m in details.mentions {
      if m.lowerBound < previous {
        ordered = false
        break
      }
      previous = m.lowerBound
    }
    guard !ordered else { return }
    editableDetails().mentions.sort { $0.lowerBound < $1.lowerBound }
  }

  private mutating func setInlineMention(_ range: TextRange?) {
    if let range {
      firstLower = Int32(range.lowerBound)
      firstUpper = Int32(range.upperBound)
    } else {
      firstLower = -1
      firstUpper = -1
    }
  }

  /// The details box, made or copied so that it can be changed. The name, when it was the
  /// text at the inline mention, and that mention move into it.
  private mutating func editableDetails() -> Details {
    if details == nil {
      let d = Details()
      if firstLower >= 0 {
        let first = Range(uncheckedBounds: (Int(firstLower), Int(firstUpper)))
        d.mentions = [first]
        if let source { d.name = source.text.string(first) }
      }
      source = nil
      setInlineMention(nil)
      details = d
    } else if !isKnownUniquelyReferenced(&details!) {
      details = details!.copy()
    }
    return details!
  }

  public static func == (a: Entity, b: Entity) -> Bool {
    a.kind == b.kind && a.name == b.name && a.aliases == b.aliases && a.role == b.role && a.mentions == b.mentions
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
