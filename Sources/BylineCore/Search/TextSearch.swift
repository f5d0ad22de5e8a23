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
  /// The article text folded (lower case, no accents, white space collapsed) and where each
  /// folded scalar came from.
  private let folded: [Unicode.Scalar]
  private let foldedOrigin: [Int]
  /// The same with case kept (accents still removed), for a query with a capital.
  private let exact: [Unicode.Scalar]
  private let exactOrigin: [Int]
  private let scalars: [Unicode.Scalar]
  private var modelCount: Int { scalars.count }

  /// Prepares a search over `scalars`, limited to the given ranges (all text when nil).
  public init(scalars: [Unicode.Scalar], ranges: [TextRange]? = nil) {
    var folded: [Unicode.Scalar] = []
    var foldedOrigin: [Int] = []
    var exact: [Unicode.Scalar] = []
    var exactOrigin: [Int] = []
    folded.reserveCapacity(scalars.count)
    foldedOrigin.reserveCapacity(scalars.count)
    exact.reserveCapacity(scalars.count)
    exactOrigin.reserveCapacity(scalars.count)
    for range in ranges ?? [0..<scalars.count] {
      for i in range {
        let scalar = scalars[i]
        if TextFold.isIgnored(scalar) { continue }
        if scalar.isSpaceLike {
          if exact.last != " " {
            exact.append(" ")
            exactOrigin.append(i)
            folded.append(" ")
            foldedOrigin.append(i)
          }
          continue
        }
        if scalar.value < 0x80 {
          // ASCII, most text: no accents to take off, no array per scalar.
          exact.append(scalar)
          exactOrigin.append(i)
          let v = scalar.value
          folded.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : scalar)
          foldedOrigin.append(i)
          continue
        }
        for f in TextFold.unaccent(scalar) {
          exact.append(f)
          exactOrigin.append(i)
        }
        for f in TextFold.fold(scalar) {
          folded.append(f)
          foldedOrigin.append(i)
        }
      }
      // Ranges are separate blocks: never match across them.
      exact.append("\u{0}")
      exactOrigin.append(range.upperBound)
      folded.append("\u{0}")
      foldedOrigin.append(range.upperBound)
    }
    self.folded = folded
    self.foldedOrigin = foldedOrigin
    self.exact = exact
    self.exactOrigin = exactOrigin
    self.scalars = scalars
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
    let first = needle[0]
    let n = needle.count
    var i = 0
    let last = haystack.count - n
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < n, haystack[i + k] == needle[k] { k += 1 }
        if k == n {
          count += 1
          i += n
          continue
        }
      }
      i += 1
    }
    return count
  }

  /// Every match of `query`, as model ranges in text order.
  public func matches(_ query: String) -> [TextRange] {
    let (needle, caseSensitive) = TextSearch.needle(query)
    guard !needle.isEmpty else { return [] }
    let haystack = caseSensitive ? exact : folded
    let origin = caseSensitive ? exactOrigin : foldedOrigin
    var results: [TextRange] = []
    let first = needle[0]
    let n = needle.count
    var i = 0
    let last = haystack.count - n
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < n, haystack[i + k] == needle[k] { k += 1 }
        if k == n {
          let start = origin[i]
          var end = origin[i + n - 1] + 1
          // Take the combining marks of the last letter along ("Jose" + U+0301).
          while end < modelCount, scalars[end].properties.generalCategory == .nonspacingMark { end += 1 }
          results.append(start..<min(end, modelCount))
          i += n
          continue
        }
      }
      i += 1
    }
    return results
  }
}
