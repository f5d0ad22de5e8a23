import BylineCore
import Foundation

/// What the library keeps about one article: enough to list it, index its people and list its
/// quotes without analysing it again. Stored in the cache, so a warm start needs no analysis.
public struct ArticleSummary: Sendable, Equatable, Codable {
  /// One person of the article, under the article's canonical name.
  public struct Person: Sendable, Equatable, Codable {
    public var name: String
    /// Other forms the article uses ("Tokayev", "President Tokayev").
    public var aliases: [String]
    public var role: String?
    public var mentions: Int
    public var quotes: Int
    public init(name: String, aliases: [String] = [], role: String? = nil, mentions: Int, quotes: Int) {
      self.name = name
      self.aliases = aliases
      self.role = role
      self.mentions = mentions
      self.quotes = quotes
    }
  }

  /// One direct quote: its text, speaker (the article's canonical name) and model offsets.
  public struct QuoteRecord: Sendable, Equatable, Codable {
    public var text: String
    public var speaker: String?
    public var cue: String?
    public var start: Int
    public var end: Int
    public init(text: String, speaker: String?, cue: String? = nil, start: Int, end: Int) {
      self.text = text
      self.speaker = speaker
      self.cue = cue
      self.start = start
      self.end = end
    }
  }

  public var title: String
  public var date: ArticleDate?
  public var author: String?
  public var readMinutes: Int
  public var wordCount: Int
  public var quoteCount: Int
  /// Up to three people who matter most in the article (quotes first, then mentions).
  public var mainPeople: [String]
  public var people: [Person]
  public var quotes: [QuoteRecord]

  public init(
    title: String, date: ArticleDate? = nil, author: String? = nil, readMinutes: Int,
    wordCount: Int, quoteCount: Int, mainPeople: [String], people: [Person], quotes: [QuoteRecord]
  ) {
    self.title = title
    self.date = date
    self.author = author
    self.readMinutes = readMinutes
    self.wordCount = wordCount
    self.quoteCount = quoteCount
    self.mainPeople = mainPeople
    self.people = people
    self.quotes = quotes
  }

  /// Summarises an analysis.
  public init(analysis: ArticleAnalysis) {
    let article = analysis.article
    var quotesBySpeaker: [String: Int] = [:]
    for quote in analysis.quotes { if let s = quote.speaker { quotesBySpeaker[s, default: 0] += 1 } }
    let people = analysis.entities.filter { $0.kind == .person }.map {
      Person(
        name: $0.name, aliases: $0.aliases, role: $0.role, mentions: $0.mentions.count,
        quotes: quotesBySpeaker[$0.name] ?? 0)
    }
    let ranked = people.enumerated().sorted {
      ($0.element.quotes, $0.element.mentions, -$0.offset) > ($1.element.quotes, $1.element.mentions, -$1.offset)
    }
    self.init(
      title: article.displayTitle, date: article.date, author: article.author,
      readMinutes: analysis.readingTime.estimatedMinutes, wordCount: analysis.readingTime.wordCount,
      quoteCount: analysis.quotes.count, mainPeople: ranked.prefix(3).map(\.element.name),
      people: people,
      quotes: analysis.quotes.map {
        QuoteRecord(
          text: article.text(in: $0.range), speaker: $0.speaker, cue: $0.cue,
          start: $0.range.lowerBound, end: $0.range.upperBound)
      })
  }
}

extension ArticleDate: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
    }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// Parses `YYYY-MM-DD` without Foundation (the cache's warm start reads one per article).
  static func fastISO(_ u: UnsafeBufferPointer<UInt8>) -> ArticleDate? {
    guard u.count == 10, u[4] == 45, u[7] == 45 else { return iso(String(decoding: u, as: UTF8.self)) }
    func number(_ r: Range<Int>) -> Int? {
      var n = 0
      for i in r {
        guard u[i] >= 48 && u[i] <= 57 else { return nil }
        n = n * 10 + Int(u[i] - 48)
      }
      return n
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    return ArticleDate(year: y, month: m, day: d)
  }

  /// Parses the ISO form `description` writes.
  static func iso(_ text: String?) -> ArticleDate? {
    guard let text else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return parts.count == 3 ? ArticleDate(year: parts[0], month: parts[1], day: parts[2]) : nil
  }
}

/// A 64-bit FNV-1a hash of a file's bytes, as 16 hex digits: with the size, it tells
/// byte-identical files apart from changed ones. Not cryptographic; fast enough to run on
/// every file of a cold start.
public enum ContentHash {
  public static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { raw in
      for byte in raw.bindMemory(to: UInt8.self) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(data.count, radix: 16)
  }
}
