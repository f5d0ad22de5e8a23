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
    let scalars = Array(text.unicodeScalars)
    let groups = lineGroups(scalars)
    var builder = ModelBuilder(source: scalars)
    var article = Article(
      source: source, blocks: [], scalars: [], sourceMap: SourceMap(), sourceText: text)
    var titleKey: String?
    var bodyStarted = false

    let lineText = LineTexts(text: text, groups: groups)
    let headerEnd = ArticleParser.headerEnd(groups, lineText)
    for (groupIndex, group) in groups.enumerated() {
      let lines = group.map { range in
        // Copy the line out of the original string; sanitise only lines that need it.
        let raw = lineText.text(of: range)
        let needsCleaning = scalars[range].contains { $0.value < 0x20 || $0.value >= 0x7F && Sanitizer.isRemoved($0) }
        return (range: range, text: needsCleaning ? Sanitizer.clean(raw) : raw)
      }
      let classes = lines.map { LineClassifier.classify($0.text) }
      let isHeaderGroup =
        !bodyStarted
        && (groupIndex <= headerEnd
          || groupIndex == 0 && lines.count > 1
          || classes.contains { $0.isHeaderMetadata }
          || (titleKey != nil && lines.contains { normalizedKey($0.text) == titleKey }))
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
          LineClassifier.wordCount(line.text) <= 30, groups.count > 1 || lines.count > 1
        {
          article.title = line.text.trimmed
          titleKey = normalizedKey(line.text)
          builder.appendBlock(.title, lines: [line.range])
          continue
        }
        if !bodyStarted, let titleKey, normalizedKey(line.text) == titleKey { continue }
        switch kind {
        case .readTime(let minutes) where !bodyStarted:
          article.statedReadTimeMinutes = minutes
        case .date(let date) where !bodyStarted:
          if article.date == nil { article.date = date }
        case .dateline(let place, let date) where !bodyStarted:
          article.dateline = place
          if article.date == nil, let date { article.date = date }
        case .byline(let author) where !bodyStarted:
          article.author = author
        case .caption(let creditStart):
          flushParagraph()
          builder.appendCaption(line: line.range, creditStartInLine: creditStart)
        case .furniture:
          flushParagraph()
          builder.appendBlock(.furniture, lines: [line.range])
        default:
          if isHeaderGroup && article.standfirst == nil && !bodyStarted
            && (lines.count > 1 || groupIndex <= headerEnd)
            && LineClassifier.wordCount(line.text) > 4
          {
            article.standfirst = line.text.trimmed
            builder.appendBlock(.standfirst, lines: [line.range])
          } else if isHeaderGroup && !bodyStarted && article.author == nil
            && LineClassifier.looksLikeName(line.text)
          {
            article.author = line.text.trimmed
          } else {
            pendingParagraph.append(line.range)
          }
        }
      }
      flushParagraph()
    }
    article.blocks = builder.blocks
    article.scalars = builder.model
    article.sourceMap = builder.map
    return article
  }

  /// The last group of the header when its parts are separated by blank lines ("Title",
  /// blank, "Standfirst", blank, "2 min read", blank, "8 March 2024"): the last of the first
  /// groups made only of metadata lines (read time, date, dateline, byline), with at most two
  /// one-line prose groups (a standfirst, an author's name) and any captions or furniture
  /// between it and the title. -1 when there is none; groups up to it are header groups.
  static func headerEnd(_ groups: [[Range<Int>]], _ lineText: LineTexts) -> Int {
    var end = -1
    var prose = 0
    for index in 1..<min(groups.count, 8) where groups.count > 1 {
      let kinds = groups[index].map { LineClassifier.classify(lineText.text(of: $0)) }
      if kinds.allSatisfy({ if case .caption = $0 { return false }; return $0.isHeaderMetadata }) {
        end = index
        continue
      }
      if kinds.allSatisfy({ if case .prose = $0 { return false }; return true }) { continue }
      prose += 1
      guard prose <= 2, groups[index].count == 1,
        LineClassifier.wordCount(lineText.text(of: groups[index][0])) <= 60
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
  static func lineGroups(_ scalars: [Unicode.Scalar]) -> [[Range<Int>]] {
    var groups: [[Range<Int>]] = []
    var current: [Range<Int>] = []
    var lineStart = 0
    var i = 0
    func endLine(_ end: Int) {
      var lower = lineStart
      var upper = end
      while lower < upper, scalars[lower].isSpaceLike { lower += 1 }
      while upper > lower, scalars[upper - 1].isSpaceLike { upper -= 1 }
      if scalars[lower..<upper].allSatisfy(isBlank) {
        if !current.isEmpty { groups.append(current) }
        current = []
      } else {
        current.append(lower..<upper)
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
    if !current.isEmpty { groups.append(current) }
    return groups
  }

  private static func isBlank(_ s: Unicode.Scalar) -> Bool {
    s.isSpaceLike || Sanitizer.isRemoved(s)
  }

  static func normalizedKey(_ text: String) -> String {
    text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
      .map(String.init).joined()
  }
}

/// The text of each line, sliced from the original string (a fast copy of its UTF-8) by
/// finding the string index of every line boundary in one pass.
struct LineTexts {
  let text: String
  private var indices: [Int: String.Index] = [:]

  init(text: String, groups: [[Range<Int>]]) {
    self.text = text
    var wanted = Set<Int>()
    for group in groups { for line in group { wanted.insert(line.lowerBound); wanted.insert(line.upperBound) } }
    let view = text.unicodeScalars
    var index = view.startIndex
    var offset = 0
    var found: [Int: String.Index] = [:]
    found.reserveCapacity(wanted.count)
    while index != view.endIndex {
      if wanted.contains(offset) { found[offset] = index }
      view.formIndex(after: &index)
      offset += 1
    }
    if wanted.contains(offset) { found[offset] = index }
    indices = found
  }

  func text(of range: Range<Int>) -> String {
    guard let lower = indices[range.lowerBound], let upper = indices[range.upperBound] else { return "" }
    return String(text.unicodeScalars[lower..<upper])
  }
}

/// Accumulates the model text and its map back to the source.
struct ModelBuilder {
  let source: [Unicode.Scalar]
  var model: [Unicode.Scalar] = []
  var map = SourceMap()
  var blocks: [Block] = []

  init(source: [Unicode.Scalar]) {
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
    for (scalar, offset) in Sanitizer.sanitize(source[range]) {
      map.anchor(model: model.count, source: range.lowerBound + offset)
      model.append(scalar)
    }
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
    while upper > lower, model[upper - 1] == "]" || model[upper - 1] == ")"
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
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
