import Foundation

/// Finds a phrase in an article's text, across line and page breaks.
///
/// The search runs on the model text, not on laid-out lines, so a phrase wrapped over two
/// lines or two pages still matches. Runs of white space match any run of white space. Case
/// is ignored unless the query has a capital letter ("smart case", as in less and vim);
/// accents are always ignored: "tokayev" finds "Tokayev", "Tokayev" finds only "Tokayev",
/// "jose" finds "José" and "JOSE", "Jose" finds "José" and "Jose" but not "jose". Apostrophes
/// are ignored on both sides, so "oconnor" and "o'connor" find "O’Connor". The folding is
/// ``TextFold``'s, which the pickers and the library use too.
public struct TextSearch: Sendable {
  private let scalars: ScalarText
  private let scope: Scope
  private var modelCount: Int { scalars.count }

  /// The text searched: all of it, given ranges, or the body blocks of an article's block
  /// list, which is shared rather than copied into ranges (200,000 one-line paragraphs made
  /// 11 MB of blocks and ranges for each search).
  private enum Scope: Sendable {
    case all
    case ranges([TextRange])
    case bodyBlocks([Block])
  }

  /// Prepares a search over `scalars`, limited to the given ranges (all text when nil).
  public init(scalars: ScalarText, ranges: [TextRange]? = nil) {
    self.scalars = scalars
    scope = ranges.map { .ranges($0) } ?? .all
  }

  /// Prepares a search over the blocks of `blocks` the reader searches: all but furniture and
  /// the header's byline and dateline lines.
  public init(scalars: ScalarText, bodyOf blocks: [Block]) {
    self.scalars = scalars
    scope = .bodyBlocks(blocks)
  }

  /// Whether the reader searches a block (``init(scalars:bodyOf:)``).
  public static func isSearched(_ block: Block) -> Bool { block.kind != .furniture && !block.kind.isMetadataLine }

  /// Calls `body` with each range searched, in order.
  private func forEachRange(_ body: (TextRange) -> Void) {
    switch scope {
    case .all: body(0..<scalars.count)
    case .ranges(let ranges): for range in ranges { body(range) }
    case .bodyBlocks(let blocks): for block in blocks where Self.isSearched(block) { body(block.range) }
    }
  }

  /// The text as a query is compared with it, folded (lower case, no accents, white space
  /// collapsed) or, for a query with a capital, only without accents; and where each of its
  /// scalars came from. Made for each query, only in the form it needs: both forms kept, with
  /// `Int` origins, cost 24 bytes a scalar of the article for as long as the reader searched.
  private func haystack(caseSensitive: Bool) -> (text: ScalarText, origin: Origins) {
    var text = ScalarText()
    var origin = Origins()
    var folded: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    text.reserveCapacity(scalars.count)
    forEachRange { range in
      for i in range {
        let scalar = scalars[i]
        if TextFold.isIgnored(scalar) { continue }
        if scalar.isSpaceLike {
          if text.last != " " {
            text.append(" ")
            origin.append(i)
          }
          continue
        }
        if scalar.value < 0x80 {
          // ASCII, most text: no accents to take off, no array per scalar.
          let v = scalar.value
          text.append(!caseSensitive && v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
          origin.append(i)
          continue
        }
        // Each other scalar folded once: an article uses few of them, many times (Foundation's
        // decomposition a scalar was a fifth of a search over a flood of curly quotes).
        let folds: [Unicode.Scalar]
        if let known = folded[scalar] {
          folds = known
        } else {
          folds = caseSensitive ? TextFold.unaccent(scalar) : TextFold.fold(scalar)
          folded[scalar] = folds
        }
        for f in folds {
          text.append(f)
          origin.append(i)
        }
      }
      // Ranges are separate blocks: never match across them.
      text.append("\u{0}")
      origin.append(range.upperBound)
    }
    return (text, origin)
  }

  /// A query as the haystack is compared with it: folded (or, with a capital, only without
  /// accents), apostrophes left out, white space one space.
  static func needle(_ query: String) -> (scalars: [Unicode.Scalar], caseSensitive: Bool) {
    let caseSensitive = query.unicodeScalars.contains { $0.properties.isUppercase }
    var needle: [Unicode.Scalar] = []
    for scalar in query.unicodeScalars where !TextFold.isIgnored(scalar) {
      if scalar.properties.isWhitespace {
        if !needle.isEmpty, needle.last != " " { needle.append(" ") }
      } else if caseSensitive {
        needle.append(contentsOf: TextFold.unaccent(scalar))
      } else {
        needle.append(contentsOf: TextFold.fold(scalar))
      }
    }
    while needle.last == " " { needle.removeLast() }
    return (needle, caseSensitive)
  }

  /// How many matches ``matches(_:)`` would find for `query` in these blocks (each one a
  /// ``TextSearch`` range), without keeping positions: only the one folded text the query
  /// needs is made, once. For the library's counts, over every article a search finds.
  public static func count(_ query: String, in blocks: [Substring.UnicodeScalarView]) -> Int {
    let (needle, caseSensitive) = TextSearch.needle(query)
    guard !needle.isEmpty else { return 0 }
    var haystack: [Unicode.Scalar] = []
    haystack.reserveCapacity(blocks.reduce(0) { $0 + $1.count + 1 })
    for block in blocks {
      for scalar in block {
        if TextFold.isIgnored(scalar) { continue }
        if scalar.isSpaceLike {
          if haystack.last != " " { haystack.append(" ") }
          continue
        }
        if scalar.value < 0x80 {
          let v = scalar.value
          haystack.append(!caseSensitive && v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
          continue
        }
        haystack.append(contentsOf: caseSensitive ? TextFold.unaccent(scalar) : TextFold.fold(scalar))
      }
      haystack.append("\u{0}")
    }
    var count = 0
    forEachMatch(of: needle, in: haystack) { _ in count += 1 }
    return count
  }

  /// Calls `found` with the start of each match of `needle` in `haystack`, left to right,
  /// matches not overlapping.
  static func forEachMatch<Haystack: RandomAccessCollection>(
    of needle: [Unicode.Scalar], in haystack: Haystack, _ found: (Int) -> Void
  ) where Haystack.Element == Unicode.Scalar, Haystack.Index == Int {
    let first = needle[0]
    let n = needle.count
    var i = 0
    let last = haystack.count - n
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < n, haystack[i + k] == needle[k] { k += 1 }
        if k == n {
          found(i)
          i += n
          continue
        }
      }
      i += 1
    }
  }

  /// Every match of `query`, as model ranges in text order.
  public func matches(_ query: String) -> [TextRange] {
    let (needle, caseSensitive) = TextSearch.needle(query)
    guard !needle.isEmpty else { return [] }
    let (haystack, origin) = self.haystack(caseSensitive: caseSensitive)
    var results: [TextRange] = []
    let n = needle.count
    TextSearch.forEachMatch(of: needle, in: haystack) { i in
      let start = origin[i]
      var end = origin[i + n - 1] + 1
      // Take the combining marks of the last letter along ("Jose" + U+0301).
      while end < modelCount, scalars[end].properties.generalCategory == .nonspacingMark { end += 1 }
      results.append(start..<min(end, modelCount))
    }
    return results
  }
}

/// Where each scalar of a search's haystack came from in the model text, kept only where the
/// two stop advancing together (a block's start, white space collapsed, an apostrophe left
/// out, a scalar folded into two): a few bytes a block, where an offset for every scalar took
/// 4 bytes a scalar of the article (10 MB for 200,000 one-line paragraphs) while it searched.
struct Origins {
  /// From haystack position `positions[k]` on, position `p` came from `origins[k] + p -
  /// positions[k]`.
  private var positions: [Int32] = []
  private var origins: [Int32] = []
  private(set) var count = 0

  /// Records where the next scalar of the haystack came from.
  mutating func append(_ origin: Int) {
    if let last = origins.last, let position = positions.last, Int(last) + count - Int(position) == origin {
      count += 1
      return
    }
    positions.append(Int32(count))
    origins.append(Int32(origin))
    count += 1
  }

  /// Where the haystack's scalar at `position` came from.
  subscript(position: Int) -> Int {
    var low = 0
    var high = positions.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(positions[mid]) <= position { low = mid } else { high = mid - 1 }
    }
    return Int(origins[low]) + position - Int(positions[low])
  }
}
