import Foundation

/// True positives, false positives and false negatives, with precision, recall and F1.
public struct PRF: Sendable, Equatable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public init() {}

  public var precision: Double {
    let d = truePositives + falsePositives
    return d == 0 ? 1 : Double(truePositives) / Double(d)
  }
  public var recall: Double {
    let d = truePositives + falseNegatives
    return d == 0 ? 1 : Double(truePositives) / Double(d)
  }
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
  /// Whether anything was counted at all.
  public var isEmpty: Bool { truePositives + falsePositives + falseNegatives == 0 }

  public static func + (a: PRF, b: PRF) -> PRF {
    var c = PRF()
    c.truePositives = a.truePositives + b.truePositives
    c.falsePositives = a.falsePositives + b.falsePositives
    c.falseNegatives = a.falseNegatives + b.falseNegatives
    return c
  }
}

/// A count out of a total ("quotes found: 95 of 100").
public struct Ratio: Sendable, Equatable {
  public var hits = 0
  public var total = 0
  public init() {}
  public var value: Double { total == 0 ? 1 : Double(hits) / Double(total) }
  public static func + (a: Ratio, b: Ratio) -> Ratio {
    var c = Ratio()
    c.hits = a.hits + b.hits
    c.total = a.total + b.total
    return c
  }
}

/// The scores of Byline's analysis over a set of gold articles.
public struct EvaluationScores: Sendable {
  /// Mention level, strict spans (CoNLL) or counted mentions of matched entities (own gold).
  public var mentions: [Entity.Kind: PRF] = [:]
  /// Entity level, after alias merging.
  public var entities: [Entity.Kind: PRF] = [:]
  /// Direct (full) quotes found.
  public var directQuotesFound = Ratio()
  /// Partial (mixed) quotes found.
  public var mixedQuotesFound = Ratio()
  /// Quotes whose gold speaker is a name or a description, given the right speaker.
  public var speakersRight = Ratio()
  /// Quotes whose gold source is a pronoun that Byline attributed to someone.
  public var pronounAttributed = Ratio()
  /// Partial quotes whose gold speaker is a name or a description, given the right speaker
  /// (web gold; informative, the floors are on full quotes).
  public var partialSpeakersRight = Ratio()
  /// Scare quotes and titles (gold speaker none) that Byline gave a speaker, of all of them:
  /// the lower the better.
  public var scareWithSpeaker = Ratio()
  /// Quoted spans of PolNeAR articles outside every attribution (scare quotes, titles and names,
  /// by and large) that Byline gave a speaker, of all of them: the lower the better.
  public var unattributedWithSpeaker = Ratio()
  /// Quotes with a double quote mark inside one of their paragraphs, of all quotes.
  public var quotesHoldingMark = Ratio()
  /// Quotes whose end no mark gives (taken to end with their paragraph), of all quotes.
  public var quotesUnterminated = Ratio()
  public var articles = 0
  /// Files that could not be scored, with the reason.
  public var errors: [String] = []
  /// What was scored, for the table's heading ("CoNLL entities, body zone").
  public var shapes: Set<String> = []
  /// Individual misses and false finds ("missed person: X"), for looking at errors.
  public var misses: [String] = []

  public init() {}

  public mutating func add(_ other: EvaluationScores) {
    for (k, v) in other.mentions { mentions[k, default: PRF()] = mentions[k, default: PRF()] + v }
    for (k, v) in other.entities { entities[k, default: PRF()] = entities[k, default: PRF()] + v }
    directQuotesFound = directQuotesFound + other.directQuotesFound
    mixedQuotesFound = mixedQuotesFound + other.mixedQuotesFound
    speakersRight = speakersRight + other.speakersRight
    pronounAttributed = pronounAttributed + other.pronounAttributed
    partialSpeakersRight = partialSpeakersRight + other.partialSpeakersRight
    scareWithSpeaker = scareWithSpeaker + other.scareWithSpeaker
    unattributedWithSpeaker = unattributedWithSpeaker + other.unattributedWithSpeaker
    quotesHoldingMark = quotesHoldingMark + other.quotesHoldingMark
    quotesUnterminated = quotesUnterminated + other.quotesUnterminated
    articles += other.articles
    errors += other.errors
    shapes.formUnion(other.shapes)
    misses += other.misses
  }

  /// The scores as a plain-text table.
  public func table() -> String {
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    var lines: [String] = []
    lines.append("articles: \(articles)  gold: \(shapes.sorted().joined(separator: ", "))")
    lines.append("")
    if mentions.values.contains(where: { !$0.isEmpty }) || entities.values.contains(where: { !$0.isEmpty }) {
      lines.append("kind           | mentions (strict)            | entities (aliases merged)")
      lines.append("               |     P      R     F1      n  |     P      R     F1      n")
      for kind in Entity.Kind.allCases {
        let label = kind == .person ? "people" : kind == .place ? "places" : "organisations"
        var row = label.padding(toLength: 15, withPad: " ", startingAt: 0) + "|"
        for prf in [mentions[kind], entities[kind]] {
          if let prf, !prf.isEmpty {
            let n = prf.truePositives + prf.falseNegatives
            row += " \(f(prf.precision)) \(f(prf.recall)) \(f(prf.f1)) \(String(n).leftPadded(6))  |"
          } else {
            row += "     -      -      -       -  |"
          }
        }
        lines.append(String(row.dropLast()))
      }
      lines.append("")
    }
    if directQuotesFound.total > 0 {
      lines.append(
        "direct quotes found:    \(f(directQuotesFound.value)) (\(directQuotesFound.hits)/\(directQuotesFound.total))")
    }
    if mixedQuotesFound.total > 0 {
      lines.append(
        "partial quotes found:   \(f(mixedQuotesFound.value)) (\(mixedQuotesFound.hits)/\(mixedQuotesFound.total))")
    }
    if speakersRight.total > 0 {
      lines.append(
        "speakers right:         \(f(speakersRight.value)) (\(speakersRight.hits)/\(speakersRight.total)) [gold source a name or description]"
      )
    }
    if partialSpeakersRight.total > 0 {
      lines.append(
        "partial speakers right: \(f(partialSpeakersRight.value)) (\(partialSpeakersRight.hits)/\(partialSpeakersRight.total)) [gold source a name or description]"
      )
    }
    if scareWithSpeaker.total > 0 {
      lines.append(
        "scare/titles speaker:   \(f(scareWithSpeaker.value)) (\(scareWithSpeaker.hits)/\(scareWithSpeaker.total)) [should be none]"
      )
    }
    if unattributedWithSpeaker.total > 0 {
      lines.append(
        "outside attributions:   \(f(unattributedWithSpeaker.value)) given a speaker (\(unattributedWithSpeaker.hits)/\(unattributedWithSpeaker.total)) [quoted spans in no attribution: scare quotes and titles mostly; should be none]"
      )
    }
    if pronounAttributed.total > 0 {
      lines.append(
        "pronoun sources:        \(f(pronounAttributed.value)) attributed (\(pronounAttributed.hits)/\(pronounAttributed.total)) [gold does not resolve them; checked by hand]"
      )
    }
    if quotesHoldingMark.total > 0 {
      lines.append(
        "quotes holding a mark:  \(f(quotesHoldingMark.value)) (\(quotesHoldingMark.hits)/\(quotesHoldingMark.total)) [two speeches run together]"
      )
      lines.append(
        "quotes unterminated:    \(f(quotesUnterminated.value)) (\(quotesUnterminated.hits)/\(quotesUnterminated.total)) [no mark tells where they end]"
      )
    }
    if !errors.isEmpty {
      lines.append("")
      lines.append("not scored (\(errors.count)):")
      lines.append(contentsOf: errors.prefix(20).map { "  " + $0 })
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
