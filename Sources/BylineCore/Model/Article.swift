import Foundation

/// A news article as Byline understands it: metadata plus an ordered list of text blocks.
///
/// All text lives in one sanitised string, ``text``, held as Unicode scalars (``ScalarText``) so
/// that every position in the model is a plain integer range (``TextRange``). Layout,
/// highlighting, search and filtering all share that one coordinate system. ``SourceMap``
/// translates a model position back to an offset in the file's text as read.
public struct Article: Sendable {
  /// Where the article came from (a file path, or `-` for standard input).
  public var source: String
  /// The headline, if the text has one.
  public var title: String?
  /// The standfirst (dek): the one-sentence summary under the headline.
  public var standfirst: String?
  /// The author, from a "By ..." line or a byline in the header.
  public var author: String?
  /// A dateline place ("LONDON" in "LONDON 1996-08-30"), if the header had one.
  public var dateline: String?
  /// The publication date as written in the article, parsed.
  public var date: ArticleDate?
  /// The read time the article states about itself ("2 min read"), in minutes.
  public var statedReadTimeMinutes: Int?
  /// Every block of text in reading order: title, standfirst, byline and dateline lines,
  /// captions, furniture, paragraphs.
  public var blocks: [Block]
  /// The sanitised text of all blocks, blocks separated by a blank line ("\n\n"), one byte
  /// a scalar where the text allows (``ScalarText``).
  public var scalars: ScalarText
  /// Maps model offsets back to Unicode-scalar offsets in the file as read.
  public var sourceMap: SourceMap
  /// The file's text exactly as read, unsanitised: for reporting spans against the source.
  /// Never show it in a terminal.
  public var sourceText: String
  /// The links of the article's text, in order (web pages; empty for plain text): sanitised
  /// text and absolute `http`, `https` or `mailto` targets only.
  public var links: [ArticleLink] = []

  public init(
    source: String, title: String? = nil, standfirst: String? = nil, author: String? = nil,
    dateline: String? = nil, date: ArticleDate? = nil, statedReadTimeMinutes: Int? = nil,
    blocks: [Block], scalars: ScalarText, sourceMap: SourceMap, sourceText: String = ""
  ) {
    self.source = source
    self.title = title
    self.standfirst = standfirst
    self.author = author
    self.dateline = dateline
    self.date = date
    self.statedReadTimeMinutes = statedReadTimeMinutes
    self.blocks = blocks
    self.scalars = scalars
    self.sourceMap = sourceMap
    self.sourceText = sourceText
  }

  /// The model text as a `String`.
  public var text: String { scalars.string(0..<scalars.count) }

  /// The article without the file's text as read (``sourceText``), for views that show only
  /// the model text (the reader, `render`): that text is the size of the input again, kept
  /// only for reporting spans against the file (`analyze`).
  public func droppingSourceText() -> Article {
    var article = self
    article.sourceText = ""
    return article
  }

  /// The text of a model range.
  public func text(in range: TextRange) -> String {
    let lower = max(0, min(range.lowerBound, scalars.count))
    let upper = max(lower, min(range.upperBound, scalars.count))
    return scalars.string(lower..<upper)
  }

  /// The text of one block.
  public func text(of block: Block) -> String { text(in: block.range) }

  /// The body paragraphs, in order (no title, standfirst, captions or furniture).
  public var paragraphs: [Block] { blocks.filter { $0.kind == .paragraph } }

  /// The image captions, in order.
  public var captions: [Block] { blocks.filter { $0.kind == .caption } }

  /// The page furniture lines ("Live Story", "Advertisement") kept out of the body.
  public var furniture: [Block] { blocks.filter { $0.kind == .furniture } }

  /// The index of the block containing a model offset, if any.
  public func blockIndex(containing offset: Int) -> Int? {
    var low = 0
    var high = blocks.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = blocks[mid].range
      if offset < range.lowerBound {
        high = mid - 1
      } else if offset >= range.upperBound {
        low = mid + 1
      } else {
        return mid
      }
    }
    return nil
  }

  /// A name to show for the article when it has no headline.
  public var displayTitle: String {
    if let title, !title.isEmpty { return title }
    return source == "-" ? "(standard input)" : URL(fileURLWithPath: source).lastPathComponent
  }
}

/// A link in an article: what the text says and where it points.
public struct ArticleLink: Sendable, Equatable {
  public var text: String
  public var url: String
  public init(text: String, url: String) {
    self.text = text
    self.url = url
  }
}

/// A half-open range of Unicode-scalar offsets into ``Article/scalars``.
public typealias TextRange = Range<Int>

/// One block of an article's text.
public struct Block: Sendable, Equatable {
  /// What a block is, which decides how it is shown and whether it counts as body text.
  public enum Kind: String, Sendable, Equatable {
    case title
    case standfirst
    case caption
    case furniture
    case paragraph
    /// A byline line of the header ("By Jane Smith", "Emese Bartha"): shown in the metadata
    /// line under the headline, read for the people it names.
    case byline
    /// A wire dateline of the header ("LONDON 1996-08-30"): shown in the metadata line,
    /// read for the places it names.
    case dateline

    /// A header line the reader shows as metadata rather than as text (byline, dateline).
    public var isMetadataLine: Bool { self == .byline || self == .dateline }
  }

  /// How a paragraph is shown where its source gave it a shape (Markdown's headings, list
  /// items and block quotes): the reader keeps that shape; the analysis reads it as any
  /// paragraph.
  public enum Shape: String, Sendable, Equatable {
    case plain
    /// A heading inside the body (`## Section`).
    case heading
    /// A list item, its marker ("• " or "3. ") at the start of its text.
    case listItem
    /// A quoted passage (`> ...`).
    case blockQuote
  }

  public var kind: Kind {
    get {
      switch lowerAndKind >> 29 {
      case 0: .title
      case 1: .standfirst
      case 2: .caption
      case 3: .furniture
      case 4: .paragraph
      case 5: .byline
      default: .dateline
      }
    }
    set { lowerAndKind = lowerAndKind & Self.offsetMask | UInt32(Self.code(of: newValue)) << 29 }
  }
  /// The paragraph's shape (``Shape/plain`` for every other block).
  public var shape: Shape {
    get {
      switch upperAndFlags >> 30 {
      case 0: .plain
      case 1: .heading
      case 2: .listItem
      default: .blockQuote
      }
    }
    set { upperAndFlags = upperAndFlags & ~(3 << 30) | UInt32(Self.code(of: newValue)) << 30 }
  }
  /// The block's text in the model.
  public var range: TextRange {
    get {
      Range(uncheckedBounds: (Int(lowerAndKind & Self.offsetMask), Int(upperAndFlags & Self.offsetMask)))
    }
    set {
      lowerAndKind = lowerAndKind & ~Self.offsetMask | UInt32(newValue.lowerBound) & Self.offsetMask
      upperAndFlags = upperAndFlags & ~Self.offsetMask | UInt32(newValue.upperBound) & Self.offsetMask
    }
  }
  /// For a caption, the range of its credit ("Getty" in "... [source: Getty]").
  public var creditRange: TextRange? {
    get { captionRanges?.credit }
    set { captionRanges = .make(credit: newValue, text: captionTextRange) }
  }
  /// For a caption, the range of the caption text without the credit.
  public var captionTextRange: TextRange? {
    get { captionRanges?.text }
    set { captionRanges = .make(credit: creditRange, text: newValue) }
  }
  /// True when the block was a line of a multi-line group in the file (a table row, a list):
  /// it is shown directly under the previous block, without a blank line.
  public var continuesGroup: Bool {
    get { upperAndFlags & Self.groupBit != 0 }
    set { upperAndFlags = newValue ? upperAndFlags | Self.groupBit : upperAndFlags & ~Self.groupBit }
  }

  // 16 bytes a block, where it took 28 (and 72 with optional ranges of `Int`s), for a file of
  // one-line paragraphs is a block every dozen bytes: the range as 32-bit offsets (model
  // texts are at most 50 MB, far below 2^29 scalars) with the kind in the top three bits of
  // the lower bound and the shape and the group flag in those of the upper; a caption's two
  // ranges behind a reference, nil for every other block.
  private var lowerAndKind: UInt32 = 0
  private var upperAndFlags: UInt32 = 0
  private var captionRanges: CaptionRanges?

  private static let offsetMask: UInt32 = 0x1FFF_FFFF
  private static let groupBit: UInt32 = 1 << 29

  private static func code(of kind: Kind) -> Int {
    switch kind {
    case .title: 0
    case .standfirst: 1
    case .caption: 2
    case .furniture: 3
    case .paragraph: 4
    case .byline: 5
    case .dateline: 6
    }
  }

  private static func code(of shape: Shape) -> Int {
    switch shape {
    case .plain: 0
    case .heading: 1
    case .listItem: 2
    case .blockQuote: 3
    }
  }

  /// A caption's credit and text ranges, shared by the copies of its block.
  private final class CaptionRanges: Sendable {
    let credit: TextRange?
    let text: TextRange?

    init(credit: TextRange?, text: TextRange?) {
      self.credit = credit
      self.text = text
    }

    static func make(credit: TextRange?, text: TextRange?) -> CaptionRanges? {
      credit == nil && text == nil ? nil : CaptionRanges(credit: credit, text: text)
    }
  }

  public init(
    kind: Kind, range: TextRange, creditRange: TextRange? = nil,
    captionTextRange: TextRange? = nil, continuesGroup: Bool = false, shape: Shape = .plain
  ) {
    self.kind = kind
    self.shape = shape
    self.continuesGroup = continuesGroup
    self.range = range
    captionRanges = .make(credit: creditRange, text: captionTextRange)
  }

  public static func == (a: Block, b: Block) -> Bool {
    a.kind == b.kind && a.shape == b.shape && a.range == b.range && a.creditRange == b.creditRange
      && a.captionTextRange == b.captionTextRange && a.continuesGroup == b.continuesGroup
  }
}

/// A calendar date as printed in an article (no time zone games: a news date is a day).
public struct ArticleDate: Sendable, Equatable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// ISO 8601, e.g. `2022-02-13`.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Day, full month name and year, e.g. `13 February 2022`.
  public var longDescription: String {
    "\(day) \(ArticleDate.monthNames[month - 1]) \(year)"
  }

  public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
}

/// Maps offsets in the sanitised model text back to Unicode-scalar offsets in the file.
///
/// The model differs from the file where the parser dropped lines (metadata, the repeated
/// title), joined blocks with "\n\n", or the sanitiser removed characters. The map keeps an
/// anchor at every such point; between anchors the two texts advance together.
public struct SourceMap: Sendable, Equatable {
  /// Sorted anchors: from `model` on, model offset `model + k` is source offset `source + k`.
  public private(set) var anchors: [(model: Int, source: Int)] = []

  public init() {}

  /// Records that model offset `model` corresponds to source offset `source`.
  public mutating func anchor(model: Int, source: Int) {
    if let last = anchors.last {
      if last.model == model {
        anchors[anchors.count - 1] = (model, source)
        return
      }
      // Skip anchors that the previous one already implies.
      if last.source + (model - last.model) == source { return }
    }
    anchors.append((model, source))
  }

  /// The source offset of a model offset.
  public func sourceOffset(_ model: Int) -> Int {
    var low = 0
    var high = anchors.count - 1
    var found = -1
    while low <= high {
      let mid = (low + high) / 2
      if anchors[mid].model <= model {
        found = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    guard found >= 0 else { return model }
    return anchors[found].source + (model - anchors[found].model)
  }

  /// The source range of a non-empty model range (end exclusive).
  public func sourceRange(_ range: TextRange) -> Range<Int> {
    guard !range.isEmpty else {
      let at = sourceOffset(range.lowerBound)
      return at..<at
    }
    return sourceOffset(range.lowerBound)..<(sourceOffset(range.upperBound - 1) + 1)
  }

  public static func == (lhs: SourceMap, rhs: SourceMap) -> Bool {
    lhs.anchors.elementsEqual(rhs.anchors) { $0.model == $1.model && $0.source == $1.source }
  }
}
