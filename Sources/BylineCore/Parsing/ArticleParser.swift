/// Parses plain-text articles into an ``Article`` by the shape of each line, never by its
/// position.
///
/// One parser reads every plain-text shape Byline meets: the clipped-article format (title,
/// repeated title, standfirst, "2 min read", date, caption with "[source: ...]", paragraphs
/// with page furniture between them), the wire format (headline, byline and dateline lines,
/// paragraphs) and the bare "headline, blank line, paragraphs" shape. Lines are grouped into
/// runs separated by blank lines; each line is classified by ``LineClassifier``; header
/// parts are taken only before the first body paragraph, so a date quoted in the body stays
/// body text.
public enum ArticleParser {
  /// Parses article text. `source` names where it came from.
  public static func parse(_ text: String, source: String) -> Article {
    let scalars = ScalarText(text)
    let groups = lineGroups(scalars)
    var builder = ModelBuilder(source: scalars)
    var article = Article(
      source: source, blocks: [], scalars: [], sourceMap: SourceMap(), sourceText: text)
    var titleKey: String?
    var bodyStarted = false

    let lineText = LineTexts(text: text)
    let headerEnd = ArticleParser.headerEnd(groups, lineText)
    for groupIndex in 0..<groups.count {
      let group = groups[groupIndex]
      let lines = group.map { range in
        // Copy the line out of the original string; sanitise only lines that need it.
        let raw = lineText.text(of: range)
        let needsCleaning = scalars[range].contains { $0.value < 0x20 || $0.value >= 0x7F && Sanitizer.isRemoved($0) }
        return (range: range, text: needsCleaning ? Sanitizer.clean(raw) : raw)
      }
      // After the body has begun, only captions and furniture are told apart from text.
      let classes = lines.map {
        bodyStarted ? LineClassifier.classifyBodyLine($0.text) : LineClassifier.classify($0.text)
      }
      let isHeaderGroup =
        !bodyStarted
        && (groupIndex <= headerEnd
          || groupIndex == 0 && lines.count > 1
          || classes.contains { $0.isHeaderMetadata }
          || (titleKey.map { key in lines.contains { hasKey($0.text, key) } } ?? false))
      var pendingParagraph: [Range<Int>] = []

      func flushParagraph() {
        guard !pendingParagraph.isEmpty else { return }
        let isTable = pendingParagraph.count > 1 && !isWrappedProse(lines.map(\.text))
        if isTable {
          for (k, line) in pendingParagraph.enumerated() {
            builder.appendBlock(.paragraph, lines: [line], continuesGroup: k > 0)
          }
        } else {
          builder.appendBlock(.paragraph, lines: pendingParagraph)
        }
        pendingParagraph = []
        bodyStarted = true
      }

      for (lineIndex, line) in lines.enumerated() {
        let kind = classes[lineIndex]
        // The headline: the first line of the file, when it is short enough to be one.
        if groupIndex == 0 && lineIndex == 0 && titleKey == nil, case .prose = kind,
          LineClassifier.wordCount(line.text, isAtMost: 30), groups.count > 1 || lines.count > 1
        {
          article.title = line.text.trimmed
          titleKey = normalizedKey(line.text)
          builder.appendBlock(.title, lines: [line.range])
          continue
        }
        if !bodyStarted, let titleKey, hasKey(line.text, titleKey) { continue }
        switch kind {
        case .readTime(let minutes) where !bodyStarted:
          article.statedReadTimeMinutes = minutes
        case .date(let date) where !bodyStarted:
          if article.date == nil { article.date = date }
        case .dateline(let place, let date) where !bodyStarted:
          article.dateline = place
          if article.date == nil, let date { article.date = date }
          builder.appendBlock(.dateline, lines: [line.range])
        case .byline(let author) where !bodyStarted:
          article.author = author
          builder.appendBlock(.byline, lines: [line.range])
        case .caption(let creditStart):
          flushParagraph()
          builder.appendCaption(line: line.range, creditStartInLine: creditStart)
        case .furniture:
          flushParagraph()
          builder.appendBlock(.furniture, lines: [line.range])
        default:
          if isHeaderGroup && article.standfirst == nil && !bodyStarted
            && (lines.count > 1 || groupIndex <= headerEnd)
            && !LineClassifier.wordCount(line.text, isAtMost: 4)
          {
            article.standfirst = line.text.trimmed
            builder.appendBlock(.standfirst, lines: [line.range])
          } else if isHeaderGroup && !bodyStarted && article.author == nil
            && LineClassifier.looksLikeName(line.text)
          {
            article.author = line.text.trimmed
            builder.appendBlock(.byline, lines: [line.range])
          } else {
            pendingParagraph.append(line.range)
          }
        }
      }
      flushParagraph()
    }
    // Copied at their count: grown by doubling, the array had up to twice the room it needs
    // for as long as the article lives (7 MB where 5.6 do for 200,000 one-line paragraphs).
    article.blocks = builder.blocks.withUnsafeBufferPointer { Array($0) }
    article.scalars = builder.model
    article.sourceMap = builder.map
    return article
  }

  /// The last group of the header when its parts are separated by blank lines ("Title",
  /// blank, "Standfirst", blank, "2 min read", blank, "8 March 2024"): the last of the first
  /// groups made only of metadata lines (read time, date, dateline, byline), with at most two
  /// one-line prose groups (a standfirst, an author's name) and any captions or furniture
  /// between it and the title. -1 when there is none; groups up to it are header groups.
  static func headerEnd(_ groups: LineGroups, _ lineText: LineTexts) -> Int {
    var end = -1
    var prose = 0
    // No text at all (a Markdown file of markup only): `1..<0` would trap.
    guard groups.count > 1 else { return end }
    for index in 1..<min(groups.count, 8) {
      // Lazy: each test stops at the first line that fails it (a body of 100,000 lines, one
      // group, was classified whole here before the parse classified it again).
      let kinds = groups[index].lazy.map { LineClassifier.classify(lineText.text(of: $0)) }
      if kinds.allSatisfy({
        if case .caption = $0 { return false }; return $0.isHeaderMetadata
      }) {
        end = index
        continue
      }
      if kinds.allSatisfy({
        if case .prose = $0 { return false }; return true
      }) {
        continue
      }
      prose += 1
      guard prose <= 2, groups[index].count == 1, let line = groups[index].first,
        LineClassifier.wordCount(lineText.text(of: line), isAtMost: 60)
      else { break }
    }
    return end
  }

  /// Whether the lines of a group are one paragraph wrapped in the file (rather than a table
  /// or list of separate short lines): some line runs on into a lower-case next line, or the
  /// lines are long.
  static func isWrappedProse(_ lines: [String]) -> Bool {
    for (line, next) in zip(lines, lines.dropFirst()) {
      let last = line.unicodeScalars.last
      let first = next.unicodeScalars.first
      if let last, !".!?:;\"”’)".unicodeScalars.contains(last), let first,
        first.properties.isLowercase
      {
        return true
      }
    }
    return lines.allSatisfy { $0.count >= 60 }
  }

  /// Runs of non-blank lines, each line as a scalar range without its line break and
  /// without leading or trailing white space.
  static func lineGroups(_ scalars: ScalarText) -> LineGroups {
    var groups = LineGroups()
    var current = 0  // lines in the group being read
    var lineStart = 0
    var i = 0
    func endLine(_ end: Int) {
      var lower = lineStart
      var upper = end
      while lower < upper, scalars[lower].isSpaceLike { lower += 1 }
      while upper > lower, scalars[upper - 1].isSpaceLike { upper -= 1 }
      if scalars[lower..<upper].allSatisfy(isBlank) {
        if current > 0 { groups.endGroup() }
        current = 0
      } else {
        groups.append(lower..<upper)
        current += 1
      }
    }
    while i < scalars.count {
      let s = scalars[i]
      if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{0C}" {
        endLine(i)
        if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
        lineStart = i + 1
      }
      i += 1
    }
    endLine(scalars.count)
    if current > 0 { groups.endGroup() }
    return groups
  }

  private static func isBlank(_ s: Unicode.Scalar) -> Bool {
    s.isSpaceLike || Sanitizer.isRemoved(s)
  }

  /// The letters and digits of a line, lowercased: the headline's key. Built as one string
  /// (a string a scalar, joined, cost 16 bytes a scalar: 32 MB for a 2 MB line).
  /// Whether `normalizedKey(text) == key`. When both are ASCII, compared byte by byte as
  /// the key is read, with no key made (a 3 MB paragraph of names was keyed twice to be
  /// compared with a one-word headline's); otherwise by the keys.
  static func hasKey(_ text: String, _ key: String) -> Bool {
    let keyBytes = key.utf8
    guard keyBytes.allSatisfy({ $0 < 0x80 }) else { return keyMatches(text, key) }
    var matches = true
    var k = keyBytes.startIndex
    for b in text.utf8 {
      if b >= 0x80 { return keyMatches(text, key) }
      guard matches else { continue }
      let lower = b >= 65 && b <= 90 ? b + 32 : b
      guard (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) else { continue }
      if k != keyBytes.endIndex && keyBytes[k] == lower {
        k = keyBytes.index(after: k)
      } else {
        matches = false
      }
    }
    return matches && k == keyBytes.endIndex
  }

  /// Whether `normalizedKey(text) == key`, read scalar by scalar (`lowercased()` maps each
  /// scalar on its own): it stops at the first that differs. A 2 MB line of curly quotes was
  /// keyed whole, twice, to be compared with a short headline's key (60 % of rendering it).
  static func keyMatches(_ text: String, _ key: String) -> Bool {
    var keyScalars = key.unicodeScalars.makeIterator()
    for scalar in text.unicodeScalars {
      for s in scalar.properties.lowercaseMapping.unicodeScalars where isKeyScalar(s) {
        guard keyScalars.next() == s else { return false }
      }
    }
    return keyScalars.next() == nil
  }

  /// A letter or a digit: what a key keeps of a lowercased line.
  private static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || s.properties.numericType != nil
  }

  static func normalizedKey(_ text: String) -> String {
    // ASCII (most lines): lowercasing, letters and digits are byte ranges, and a byte loop
    // gives the same key without a Unicode property lookup a scalar (a third of the time of a
    // 3 MB paragraph of names).
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)  // no doubling: a 2 MB line's key is 2 MB, not 4
      for b in text.utf8 {
        let lower = b >= 65 && b <= 90 ? b + 32 : b
        if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) { bytes.append(lower) }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var key = String.UnicodeScalarView()
    for s in text.lowercased().unicodeScalars where isKeyScalar(s) {
      key.append(s)
    }
    return String(key)
  }
}

/// Groups of lines as one array of lines and where each group ends: an array per group cost
/// about 50 bytes for each paragraph of a file of short paragraphs. Offsets are 32-bit (texts
/// are at most 50 MB): 12 bytes a line where ranges and ends of `Int`s took 24.
struct LineGroups {
  /// Every line of every group, in order, as scalar offsets: lower and upper bounds.
  private var lowers: [Int32] = []
  private var uppers: [Int32] = []
  /// The end (in the lines) of each group.
  private var ends: [Int32] = []

  /// Appends a line to the group being read.
  mutating func append(_ line: Range<Int>) {
    lowers.append(Int32(line.lowerBound))
    uppers.append(Int32(line.upperBound))
  }

  /// Closes the group of the lines appended since the last one.
  mutating func endGroup() { ends.append(Int32(lowers.count)) }

  var count: Int { ends.count }

  /// The lines of a group.
  subscript(group: Int) -> [Range<Int>] {
    let start = group == 0 ? 0 : Int(ends[group - 1])
    return (start..<Int(ends[group])).map { Int(lowers[$0])..<Int(uppers[$0]) }
  }
}

/// The text of each line, sliced from the original string's UTF-8 at the byte offsets
/// ``ScalarOffsets`` finds (an eighth of the text's size, where a table of every line's
/// string indices cost about a hundred bytes a line).
struct LineTexts {
  private var text: String
  private let offsets: ScalarOffsets

  init(text: String) {
    var text = text
    text.makeContiguousUTF8()
    offsets = text.withUTF8 { ScalarOffsets(utf8: $0) }
    self.text = text
  }

  func text(of range: Range<Int>) -> String {
    var text = self.text
    return text.withUTF8 { bytes in
      let lower = offsets.byteOffset(of: range.lowerBound, in: bytes)
      let upper = offsets.byteOffset(of: range.upperBound, in: bytes)
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
  }
}

/// Accumulates the model text and its map back to the source.
struct ModelBuilder {
  let source: ScalarText
  var model = ScalarText()
  var map = SourceMap()
  var blocks: [Block] = []

  init(source: ScalarText) {
    self.source = source
    model.reserveCapacity(source.count)
  }

  /// Appends a block made of source lines, joined by single spaces.
  mutating func appendBlock(_ kind: Block.Kind, lines: [Range<Int>], continuesGroup: Bool = false) {
    separate()
    let start = model.count
    for (k, line) in lines.enumerated() {
      if k > 0 { model.append(" ") }
      appendSanitized(line)
    }
    guard model.count > start else { return }
    blocks.append(Block(kind: kind, range: start..<model.count, continuesGroup: continuesGroup))
  }

  /// Appends a caption line; the credit starts at `creditStartInLine` scalars into it.
  mutating func appendCaption(line: Range<Int>, creditStartInLine: Int?) {
    separate()
    let start = model.count
    appendSanitized(line)
    let end = model.count
    var block = Block(kind: .caption, range: start..<end)
    if let creditStartInLine {
      let bracket = line.lowerBound + creditStartInLine
      let textEnd = trimmedEnd(start..<modelOffset(forSource: bracket, in: start..<end))
      block.captionTextRange = start..<textEnd
      block.creditRange = creditRange(in: textEnd..<end)
    } else {
      block.captionTextRange = start..<end
    }
    blocks.append(block)
  }

  private mutating func separate() {
    if !model.isEmpty { model.append(contentsOf: ["\n", "\n"]) }
  }

  private mutating func appendSanitized(_ range: Range<Int>) {
    // A line with nothing to remove (most lines) is copied whole: one anchor, as the scalar
    // by scalar path would leave (each later scalar's anchor is implied by the first), and no
    // list of scalars and offsets (16 bytes a scalar: 32 MB for a 2 MB line).
    if !range.isEmpty, !source[range].contains(where: Self.needsSanitizing) {
      map.anchor(model: model.count, source: range.lowerBound)
      model.append(contentsOf: source[range])
      return
    }
    for (scalar, offset) in Sanitizer.sanitize(source[range]) {
      map.anchor(model: model.count, source: range.lowerBound + offset)
      model.append(scalar)
    }
  }

  /// Whether the sanitiser could drop or change the scalar (a control, a tab, a bidi or
  /// zero-width mark, an escape).
  @inline(__always)
  private static func needsSanitizing(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || (s.value >= 0x7F && (s.value <= 0x9F || Sanitizer.isRemoved(s)))
  }

  private func modelOffset(forSource sourceOffset: Int, in range: Range<Int>) -> Int {
    for m in range where map.sourceOffset(m) >= sourceOffset { return m }
    return range.upperBound
  }

  private func trimmedEnd(_ range: Range<Int>) -> Int {
    var end = range.upperBound
    while end > range.lowerBound, model[end - 1].properties.isWhitespace { end -= 1 }
    return end
  }

  /// The credit's name inside "[source: Getty]" or "(Photo: AP)".
  private func creditRange(in range: Range<Int>) -> Range<Int>? {
    guard let colon = range.first(where: { model[$0] == ":" }) else { return nil }
    var lower = colon + 1
    var upper = range.upperBound
    while upper > lower,
      model[upper - 1] == "]" || model[upper - 1] == ")"
        || model[upper - 1].properties.isWhitespace
    {
      upper -= 1
    }
    while lower < upper, model[lower].properties.isWhitespace { lower += 1 }
    return lower < upper ? lower..<upper : nil
  }
}

extension String {
  var trimmed: String {
    // Most lines start and end with a printable ASCII character: nothing to trim, no copy.
    if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
      return self
    }
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
