import BylineCore

/// One line of a laid-out article.
///
/// Stored in 16 bytes (offsets and the block as 32-bit integers, the flags in a byte): a file
/// of short paragraphs has two lines for every paragraph, and at 48 bytes a line its layout
/// alone was several times the text's size. The text of a synthetic line (the metadata under
/// the headline) is kept by its layout (``DocumentLayout/syntheticTexts``), the line holding
/// its number.
public struct LayoutLine: Equatable, Sendable {
  /// What the line holds.
  public enum Content: Equatable, Sendable {
    /// A line of article text: a model range.
    case text(TextRange)
    /// Text Byline writes itself (the metadata line), not part of the model: the number of
    /// its text in the layout's ``DocumentLayout/syntheticTexts``.
    case synthetic(Int)
    /// An empty line between blocks.
    case blank
    /// A horizontal rule under the header.
    case rule
  }

  /// The text range's bounds, or the synthetic text's number in `lower`.
  private var lower: Int32
  private var upper: Int32
  /// The block, or -1.
  private var block: Int32
  private var indentColumns: Int16
  private var roleIndex: UInt8
  /// Bits 0-1: the content's case (0 text, 1 synthetic, 2 blank, 3 rule); bit 2: first of
  /// its block; bit 3: last of its block; bit 4: a block quote's bar.
  private var bits: UInt8

  private static let roles = StyleRole.allCases

  public init(
    content: Content, role: StyleRole, blockIndex: Int? = nil, isFirstOfBlock: Bool = true,
    isLastOfBlock: Bool = true, indent: Int = 0, bar: Bool = false
  ) {
    lower = 0
    upper = 0
    block = Int32(blockIndex ?? -1)
    indentColumns = Int16(clamping: indent)
    roleIndex = UInt8(Self.roles.firstIndex(of: role)!)
    bits = (isFirstOfBlock ? 4 : 0) | (isLastOfBlock ? 8 : 0) | (bar ? 16 : 0)
    self.content = content
  }

  public var content: Content {
    get {
      switch bits & 3 {
      case 0: return .text(Int(lower)..<Int(upper))
      case 1: return .synthetic(Int(lower))
      case 2: return .blank
      default: return .rule
      }
    }
    set {
      bits &= ~3
      lower = 0
      upper = 0
      switch newValue {
      case .text(let range):
        lower = Int32(range.lowerBound)
        upper = Int32(range.upperBound)
      case .synthetic(let number):
        bits |= 1
        lower = Int32(number)
      case .blank: bits |= 2
      case .rule: bits |= 3
      }
    }
  }

  /// The role of the line's text before quotes and other highlights are laid over it.
  public var role: StyleRole {
    get { Self.roles[Int(roleIndex)] }
    set { roleIndex = UInt8(Self.roles.firstIndex(of: newValue)!) }
  }

  /// The article block the line belongs to, for text lines.
  public var blockIndex: Int? {
    get { block < 0 ? nil : Int(block) }
    set { block = Int32(newValue ?? -1) }
  }

  public var isFirstOfBlock: Bool {
    get { bits & 4 != 0 }
    set { bits = newValue ? bits | 4 : bits & ~4 }
  }

  public var isLastOfBlock: Bool {
    get { bits & 8 != 0 }
    set { bits = newValue ? bits | 8 : bits & ~8 }
  }

  /// A block quote's line: a bar is drawn at the text column's left edge.
  public var bar: Bool {
    get { bits & 16 != 0 }
    set { bits = newValue ? bits | 16 : bits & ~16 }
  }

  /// Columns of indentation inside the text column.
  public var indent: Int {
    get { Int(indentColumns) }
    set { indentColumns = Int16(clamping: newValue) }
  }

  /// The model range of a text line.
  public var textRange: TextRange? {
    bits & 3 == 0 ? Int(lower)..<Int(upper) : nil
  }

}

/// An article laid out for one text width: header, captions and paragraphs as lines.
///
/// The header is the title, the standfirst, a metadata line (date, author, stated and
/// estimated read time) and a rule. Furniture is not shown. Captions are indented.
public struct DocumentLayout: Equatable, Sendable {
  public let width: Int
  /// The blocks shown when the article is filtered (nil: all).
  public let shownBlocks: Set<Int>?
  /// The links' numbers drawn after their text, which the lines make room for.
  public let markers: LinkMarkers
  public private(set) var lines: [LayoutLine]
  /// The texts of the synthetic lines (``LayoutLine/Content/synthetic(_:)``), by number.
  public private(set) var syntheticTexts: [String] = []
  /// Indices of text lines, ascending by model offset, for position lookups.
  private var textLineIndices: [Int32]

  public init(
    analysis: ArticleAnalysis, width: Int, shownBlocks: Set<Int>? = nil, markers: LinkMarkers = LinkMarkers()
  ) {
    let width = max(1, width)
    self.width = width
    self.shownBlocks = shownBlocks
    self.markers = markers
    let article = analysis.article
    var lines: [LayoutLine] = []
    // A line and a blank a block at least: grown by doubling from nothing, the lines of
    // 200,000 one-line paragraphs took 12.6 MB where 9.6 do.
    lines.reserveCapacity((shownBlocks?.count ?? article.blocks.count) * 2 + 8)

    /// `hang`: the columns lines after the first are indented by (a list item's marker).
    func addBlock(_ index: Int, role: StyleRole, indent: Int = 0, hang: Int = 0, bar: Bool = false) {
      let block = article.blocks[index]
      let wrapped = TextWrapper.wrap(
        article.scalars, range: block.range, width: width - indent - hang, extra: markers.widths(in: block.range))
      for (k, range) in wrapped.enumerated() {
        lines.append(
          LayoutLine(
            content: .text(range), role: role, blockIndex: index, isFirstOfBlock: k == 0,
            isLastOfBlock: k == wrapped.count - 1, indent: indent + (k == 0 ? 0 : hang), bar: bar))
      }
    }
    func separate() {
      if let last = lines.last, last.content != .blank { lines.append(LayoutLine(content: .blank, role: .text)) }
    }

    // Header.
    if let titleIndex = article.blocks.firstIndex(where: { $0.kind == .title }) {
      addBlock(titleIndex, role: .title)
      separate()
    }
    if let standfirstIndex = article.blocks.firstIndex(where: { $0.kind == .standfirst }) {
      addBlock(standfirstIndex, role: .standfirst)
      separate()
    }
    let metadata = DocumentLayout.metadataLines(analysis, width: width)
    for k in metadata.indices {
      lines.append(LayoutLine(content: .synthetic(k), role: .meta))
    }
    syntheticTexts = metadata
    lines.append(LayoutLine(content: .rule, role: .meta))
    lines.append(LayoutLine(content: .blank, role: .text))

    // Body.
    for (index, block) in article.blocks.enumerated() {
      if let shownBlocks, !shownBlocks.contains(index) { continue }
      switch block.kind {
      case .title, .standfirst, .furniture, .byline, .dateline:
        continue  // shown above the body, or not at all
      case .caption:
        separate()
        addBlock(index, role: .caption, indent: min(2, width / 4))
      case .paragraph:
        if !block.continuesGroup || shownBlocks != nil { separate() }
        switch block.shape {
        case .plain: addBlock(index, role: .text)
        case .heading: addBlock(index, role: .title)
        case .listItem:
          addBlock(index, role: .text, hang: min(DocumentLayout.markerWidth(article, block), width / 4))
        case .blockQuote: addBlock(index, role: .text, indent: min(2, width / 4), bar: true)
        }
      }
    }
    while lines.last?.content == .blank { lines.removeLast() }
    self.lines = lines
    textLineIndices = lines.indices.filter { lines[$0].textRange != nil }.map { Int32($0) }
  }

  /// The width of a list item's marker ("• ", "12. "), which its next lines hang under.
  static func markerWidth(_ article: Article, _ block: Block) -> Int {
    var k = block.range.lowerBound
    while k < block.range.upperBound, article.scalars[k] != " " { k += 1 }
    return k < block.range.upperBound && k - block.range.lowerBound <= 10 ? k - block.range.lowerBound + 1 : 0
  }

  /// The metadata under the headline: date, author, stated and estimated read time.
  static func metadataLines(_ analysis: ArticleAnalysis, width: Int) -> [String] {
    let article = analysis.article
    var parts: [String] = []
    if let date = article.date { parts.append(date.longDescription) }
    if let dateline = article.dateline { parts.append(dateline) }
    if let author = article.author { parts.append("By \(author)") }
    let estimate = analysis.readingTime.estimatedMinutes
    if let stated = article.statedReadTimeMinutes {
      parts.append("\(stated) min read")
      parts.append("Byline: \(estimate) min, \(analysis.readingTime.wordCount) words")
    } else {
      parts.append("\(estimate) min read (\(analysis.readingTime.wordCount) words)")
    }
    // Join with separators, wrapping between parts.
    var result: [String] = []
    var current = ""
    for part in parts {
      let candidate = current.isEmpty ? part : current + " · " + part
      if DisplayWidth.width(of: candidate) <= width || current.isEmpty {
        current = candidate
      } else {
        result.append(current)
        current = part
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The index of the line holding model offset `offset`, or of the nearest text line after
  /// it (before it, at the end of the text).
  public func lineIndex(containing offset: Int) -> Int {
    guard !textLineIndices.isEmpty else { return 0 }
    var low = 0
    var high = textLineIndices.count - 1
    var best = textLineIndices.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = lines[Int(textLineIndices[mid])].textRange!
      if range.upperBound <= offset {
        low = mid + 1
      } else {
        best = mid
        high = mid - 1
      }
    }
    return Int(textLineIndices[best])
  }

  /// The model offset where the text at or after line `index` starts (for reading position).
  public func firstOffset(atOrAfterLine index: Int) -> Int? {
    for i in index..<lines.count { if let range = lines[i].textRange { return range.lowerBound } }
    return nil
  }
}

extension DocumentLayout {
  /// The text of synthetic line `number` (empty for a number the layout does not have).
  public func syntheticText(_ number: Int) -> String {
    syntheticTexts.indices.contains(number) ? syntheticTexts[number] : ""
  }
}
