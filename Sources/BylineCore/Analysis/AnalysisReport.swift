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

extension AnalysisReport {
  /// Writes the report of `analysis` as ``jsonString()`` of `AnalysisReport(analysis)` would
  /// (escaped by ``TerminalSafe/json(_:)``), byte for byte, without making the report: the
  /// texts are written from the file's bytes as read, so an article of many names needs no
  /// string per mention and no copy of the file as scalars.
  public static func writeJSON(of analysis: ArticleAnalysis, to writer: inout JSONWriter) {
    let article = analysis.article
    let map = article.sourceMap
    var source = article.sourceText
    source.withUTF8 { bytes in
      let offsets = ScalarOffsets(utf8: bytes)
      func span(_ range: TextRange) -> Range<Int> { map.sourceRange(range) }
      /// The file's own text at a model range (the model's text when the span falls outside
      /// the file, as the report's initialiser does).
      func text(_ range: TextRange, _ writer: inout JSONWriter) {
        let s = span(range)
        guard s.lowerBound >= 0, s.upperBound <= offsets.scalarCount, s.lowerBound <= s.upperBound else {
          let lower = max(0, min(range.lowerBound, article.scalars.count))
          let upper = max(lower, min(range.upperBound, article.scalars.count))
          return writer.value(scalars: article.scalars[lower..<upper])
        }
        let from = offsets.byteOffset(of: s.lowerBound, in: bytes)
        let to = offsets.byteOffset(of: s.upperBound, in: bytes)
        writer.value(utf8: UnsafeBufferPointer(rebasing: bytes[from..<to]))
      }
      func spanObject(_ range: TextRange, _ writer: inout JSONWriter) {
        let s = span(range)
        writer.beginObject()
        writer.key("end")
        writer.value(s.upperBound)
        writer.key("start")
        writer.value(s.lowerBound)
        writer.endObject()
      }
      func mention(_ range: TextRange, _ writer: inout JSONWriter) {
        let s = span(range)
        writer.beginObject()
        writer.key("end")
        writer.value(s.upperBound)
        writer.key("start")
        writer.value(s.lowerBound)
        writer.key("text")
        text(range, &writer)
        writer.endObject()
      }

      writer.beginObject()
      writer.key("entities")
      writer.beginArray()
      for entity in analysis.entities {
        writer.beginObject()
        writer.key("aliases")
        writer.beginArray()
        for alias in entity.aliases { writer.value(alias) }
        writer.endArray()
        writer.key("kind")
        writer.value(entity.kind.rawValue)
        writer.key("mentions")
        writer.beginArray()
        for range in entity.mentions { mention(range, &writer) }
        writer.endArray()
        writer.key("name")
        writer.value(entity.name)
        writer.key("role")
        writer.value(entity.role)
        writer.endObject()
      }
      writer.endArray()

      writer.key("metadata")
      writer.beginObject()
      writer.key("author")
      writer.value(article.author)
      writer.key("body_paragraphs")
      writer.value(article.blocks.reduce(0) { $0 + ($1.kind == .paragraph ? 1 : 0) })
      writer.key("captions")
      writer.beginArray()
      for block in article.blocks where block.kind == .caption {
        writer.beginObject()
        writer.key("credit")
        writer.value(block.creditRange.map { article.text(in: $0) })
        writer.key("text")
        writer.value(article.text(in: block.captionTextRange ?? block.range))
        writer.endObject()
      }
      writer.endArray()
      writer.key("date")
      writer.value(article.date?.description)
      writer.key("dateline")
      writer.value(article.dateline)
      writer.key("furniture")
      writer.beginArray()
      for block in article.blocks where block.kind == .furniture { writer.value(article.text(of: block)) }
      writer.endArray()
      writer.key("standfirst")
      writer.value(article.standfirst)
      writer.key("stated_read_time_minutes")
      writer.value(article.statedReadTimeMinutes)
      writer.key("title")
      writer.value(article.title)
      writer.endObject()

      writer.key("quotes")
      writer.beginArray()
      for quote in analysis.quotes {
        writer.beginObject()
        writer.key("clause")
        if let clause = quote.clause { spanObject(clause, &writer) } else { writer.null() }
        writer.key("closed_by")
        writer.value(quote.closedBy.rawValue)
        writer.key("cue")
        writer.value(quote.cue)
        let s = span(quote.range)
        writer.key("end")
        writer.value(s.upperBound)
        writer.key("kind")
        writer.value(quote.kind.rawValue)
        writer.key("segments")
        writer.beginArray()
        for segment in quote.segments { spanObject(segment, &writer) }
        writer.endArray()
        writer.key("speaker")
        writer.value(quote.speaker)
        writer.key("speaker_kind")
        writer.value(quote.speakerKind?.rawValue)
        writer.key("speaker_mention")
        if let m = quote.speakerMention { mention(m, &writer) } else { writer.null() }
        writer.key("start")
        writer.value(s.lowerBound)
        writer.key("text")
        text(quote.range, &writer)
        writer.key("unterminated")
        writer.value(quote.isUnterminated)
        writer.endObject()
      }
      writer.endArray()

      let time = analysis.readingTime
      writer.key("read_time")
      writer.beginObject()
      writer.key("estimated_minutes")
      writer.value(time.estimatedMinutes)
      writer.key("estimated_seconds")
      writer.value(Int(time.estimatedSeconds.rounded()))
      writer.key("readtime_package_minutes")
      writer.value(time.readtimePackageMinutes)
      writer.key("stated_minutes")
      writer.value(article.statedReadTimeMinutes)
      writer.key("words")
      writer.value(time.wordCount)
      writer.key("words_per_minute")
      writer.value(time.wordsPerMinute)
      writer.endObject()

      writer.key("reported_speech")
      writer.beginArray()
      for speech in analysis.reportedSpeech {
        let s = span(speech.range)
        writer.beginObject()
        writer.key("cue")
        writer.value(speech.cue)
        writer.key("end")
        writer.value(s.upperBound)
        writer.key("speaker")
        writer.value(speech.speaker)
        writer.key("start")
        writer.value(s.lowerBound)
        writer.key("text")
        text(speech.range, &writer)
        writer.endObject()
      }
      writer.endArray()

      writer.key("schema_version")
      writer.value(2)
      writer.key("source")
      writer.value(article.source)
      writer.endObject()
    }
  }
}
