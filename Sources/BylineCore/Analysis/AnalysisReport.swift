import Foundation

/// The stable, documented JSON form of an analysis (`byline analyze --format json`).
///
/// Every `start`/`end` is an offset in Unicode scalars into the file's text exactly as read
/// (end exclusive), so any tool can check a span against the source. See `docs/analyze-json.md`.
public struct AnalysisReport: Codable, Equatable, Sendable {
  public struct Span: Codable, Equatable, Sendable {
    public var start: Int
    public var end: Int
  }

  public struct Caption: Codable, Equatable, Sendable {
    public var text: String
    public var credit: String?

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(credit, forKey: .credit)
    }
  }

  public struct Metadata: Codable, Equatable, Sendable {
    public var title: String?
    public var standfirst: String?
    public var author: String?
    public var dateline: String?
    public var date: String?
    public var statedReadTimeMinutes: Int?
    public var captions: [Caption]
    public var furniture: [String]
    public var bodyParagraphs: Int

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(title, forKey: .title)
      try c.encode(standfirst, forKey: .standfirst)
      try c.encode(author, forKey: .author)
      try c.encode(dateline, forKey: .dateline)
      try c.encode(date, forKey: .date)
      try c.encode(statedReadTimeMinutes, forKey: .statedReadTimeMinutes)
      try c.encode(captions, forKey: .captions)
      try c.encode(furniture, forKey: .furniture)
      try c.encode(bodyParagraphs, forKey: .bodyParagraphs)
    }
  }

  public struct ReadTime: Codable, Equatable, Sendable {
    public var words: Int
    public var wordsPerMinute: Double
    public var estimatedMinutes: Int
    public var estimatedSeconds: Int
    public var statedMinutes: Int?
    /// The figure of Python's readtime package (265 wpm, rounded up), for comparison.
    public var readtimePackageMinutes: Int

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(words, forKey: .words)
      try c.encode(wordsPerMinute, forKey: .wordsPerMinute)
      try c.encode(estimatedMinutes, forKey: .estimatedMinutes)
      try c.encode(estimatedSeconds, forKey: .estimatedSeconds)
      try c.encode(statedMinutes, forKey: .statedMinutes)
      try c.encode(readtimePackageMinutes, forKey: .readtimePackageMinutes)
    }
  }

  public struct Mention: Codable, Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String
  }

  public struct EntityItem: Codable, Equatable, Sendable {
    public var kind: Entity.Kind
    public var name: String
    public var aliases: [String]
    public var role: String?
    public var mentions: [Mention]

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(kind, forKey: .kind)
      try c.encode(name, forKey: .name)
      try c.encode(aliases, forKey: .aliases)
      try c.encode(role, forKey: .role)
      try c.encode(mentions, forKey: .mentions)
    }
  }

  public struct QuoteItem: Codable, Equatable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: String
    public var cue: String?
    public var speaker: String?
    /// One span a paragraph for a quote that runs over several paragraphs.
    public var segments: [Span]
    public var unterminated: Bool
    /// What ended the quote: "mark", "reopening" or "paragraph_end".
    public var closedBy: String
    /// "person", "organisation" or "description"; nil without a speaker.
    public var speakerKind: String?
    /// The source as written near the cue ("Keane", "she", "a spokeswoman").
    public var speakerMention: Mention?
    /// The reported clause of a partial quote or a fragment with a cue of its own.
    public var clause: Span?

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(start, forKey: .start)
      try c.encode(end, forKey: .end)
      try c.encode(kind, forKey: .kind)
      try c.encode(cue, forKey: .cue)
      try c.encode(speaker, forKey: .speaker)
      try c.encode(segments, forKey: .segments)
      try c.encode(unterminated, forKey: .unterminated)
      try c.encode(closedBy, forKey: .closedBy)
      try c.encode(speakerKind, forKey: .speakerKind)
      try c.encode(speakerMention, forKey: .speakerMention)
      try c.encode(clause, forKey: .clause)
    }

    enum CodingKeys: String, CodingKey {
      case text, start, end, kind, cue, speaker, segments, unterminated, clause
      case closedBy = "closed_by", speakerKind = "speaker_kind", speakerMention = "speaker_mention"
    }
  }

  public struct ReportedSpeechItem: Codable, Equatable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
    public var cue: String
    public var speaker: String?

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(start, forKey: .start)
      try c.encode(end, forKey: .end)
      try c.encode(cue, forKey: .cue)
      try c.encode(speaker, forKey: .speaker)
    }
  }

  public var schemaVersion: Int
  public var source: String
  public var metadata: Metadata
  public var readTime: ReadTime
  public var entities: [EntityItem]
  public var quotes: [QuoteItem]
  public var reportedSpeech: [ReportedSpeechItem]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", source, metadata, readTime = "read_time", entities,
      quotes, reportedSpeech = "reported_speech"
  }

  public init(_ analysis: ArticleAnalysis) {
    let article = analysis.article
    let map = article.sourceMap
    let sourceScalars = Array(article.sourceText.unicodeScalars)
    func span(_ range: TextRange) -> Span {
      let source = map.sourceRange(range)
      return Span(start: source.lowerBound, end: source.upperBound)
    }
    /// The file's own text at a model range, so `text` always equals the file at start..<end.
    func sourceText(_ range: TextRange) -> String {
      let s = span(range)
      guard s.start >= 0, s.end <= sourceScalars.count, s.start <= s.end else { return article.text(in: range) }
      return String(String.UnicodeScalarView(sourceScalars[s.start..<s.end]))
    }
    schemaVersion = 2
    source = article.source
    metadata = Metadata(
      title: article.title, standfirst: article.standfirst, author: article.author,
      dateline: article.dateline, date: article.date?.description,
      statedReadTimeMinutes: article.statedReadTimeMinutes,
      captions: article.captions.map { block in
        Caption(
          text: article.text(in: block.captionTextRange ?? block.range),
          credit: block.creditRange.map { article.text(in: $0) })
      },
      furniture: article.furniture.map { article.text(of: $0) },
      bodyParagraphs: article.paragraphs.count)
    let time = analysis.readingTime
    readTime = ReadTime(
      words: time.wordCount, wordsPerMinute: time.wordsPerMinute,
      estimatedMinutes: time.estimatedMinutes, estimatedSeconds: Int(time.estimatedSeconds.rounded()),
      statedMinutes: article.statedReadTimeMinutes,
      readtimePackageMinutes: time.readtimePackageMinutes)
    entities = analysis.entities.map { entity in
      EntityItem(
        kind: entity.kind, name: entity.name, aliases: entity.aliases, role: entity.role,
        mentions: entity.mentions.map { range in
          let s = span(range)
          return Mention(start: s.start, end: s.end, text: sourceText(range))
        })
    }
    quotes = analysis.quotes.map { quote in
      let s = span(quote.range)
      return QuoteItem(
        text: sourceText(quote.range), start: s.start, end: s.end,
        kind: quote.kind.rawValue, cue: quote.cue, speaker: quote.speaker,
        segments: quote.segments.map(span), unterminated: quote.isUnterminated,
        closedBy: quote.closedBy.rawValue, speakerKind: quote.speakerKind?.rawValue,
        speakerMention: quote.speakerMention.map { range in
          let m = span(range)
          return Mention(start: m.start, end: m.end, text: sourceText(range))
        },
        clause: quote.clause.map(span))
    }
    reportedSpeech = analysis.reportedSpeech.map { speech in
      let s = span(speech.range)
      return ReportedSpeechItem(
        text: sourceText(speech.range), start: s.start, end: s.end, cue: speech.cue,
        speaker: speech.speaker)
    }
  }

  /// Pretty-printed JSON with sorted keys, so the output is stable from run to run.
  public func jsonString() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
