extension AnalysisReport {
  /// Writes the report of `analysis` as ``jsonString()`` of `AnalysisReport(analysis)` would
  /// (escaped by ``TerminalSafe/json(_:)``), byte for byte, without making the report: the
  /// texts are written from the file's bytes as read, so an article of many names needs no
  /// string per mention and no copy of the file as scalars.
  public static func writeJSON(of analysis: ArticleAnalysis, to writer: inout JSONWriter) {
    var source = analysis.article.sourceText
    source.withUTF8 { bytes in
      let report = ReportJSON(analysis: analysis, bytes: bytes)
      writer.beginObject()
      report.writeEntities(&writer)
      report.writeMetadata(&writer)
      report.writeQuotes(&writer)
      report.writeReadTime(&writer)
      report.writeReportedSpeech(&writer)
      writer.key("schema_version")
      writer.value(2)
      writer.key("source")
      writer.value(analysis.article.source)
      writer.endObject()
    }
  }
}

/// The members of the analysis report's JSON object, each written by its own function in the
/// report's sorted key order; valid only while `bytes` (the file's UTF-8) is.
private struct ReportJSON {
  let analysis: ArticleAnalysis
  let bytes: UnsafeBufferPointer<UInt8>
  let offsets: ScalarOffsets

  init(analysis: ArticleAnalysis, bytes: UnsafeBufferPointer<UInt8>) {
    self.analysis = analysis
    self.bytes = bytes
    self.offsets = ScalarOffsets(utf8: bytes)
  }

  var article: Article { analysis.article }

  func span(_ range: TextRange) -> Range<Int> { article.sourceMap.sourceRange(range) }

  /// The file's own text at a model range (the model's text when the span falls outside the
  /// file, as the report's initialiser does).
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

  /// `{"end": …, "start": …}` in the file's offsets.
  func spanObject(_ range: TextRange, _ writer: inout JSONWriter) {
    let s = span(range)
    writer.beginObject()
    writer.key("end")
    writer.value(s.upperBound)
    writer.key("start")
    writer.value(s.lowerBound)
    writer.endObject()
  }

  /// A span object with the file's text at it.
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

  func writeEntities(_ writer: inout JSONWriter) {
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
  }

  func writeMetadata(_ writer: inout JSONWriter) {
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
  }

  func writeQuotes(_ writer: inout JSONWriter) {
    writer.key("quotes")
    writer.beginArray()
    for quote in analysis.quotes { writeQuote(quote, &writer) }
    writer.endArray()
  }

  func writeQuote(_ quote: Quote, _ writer: inout JSONWriter) {
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

  func writeReadTime(_ writer: inout JSONWriter) {
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
  }

  func writeReportedSpeech(_ writer: inout JSONWriter) {
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
  }
}
