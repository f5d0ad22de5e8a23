import BylineCore

/// Breaks text into lines that fit a number of terminal columns.
///
/// Works on grapheme clusters and their display widths. Lines break at spaces (which are not
/// shown at the end of a line), after a hyphen or dash inside a word, and between CJK
/// characters (never before closing or after opening punctuation). A word wider than the
/// line is cut between grapheme clusters.
public enum TextWrapper {
  struct Grapheme {
    var start: Int
    var end: Int
    var width: Int
    var isSpace: Bool
    var first: Unicode.Scalar
    var last: Unicode.Scalar
  }

  /// The lines of `range` in `scalars`, each a model range without its trailing spaces.
  ///
  /// `extra` adds columns drawn right after the scalar at an offset (a link's number after
  /// its text, ``LinkMarkers``): they stay on the line of that scalar, as part of its word.
  public static func wrap(
    _ scalars: ScalarText, range: TextRange, width: Int, extra: [Int: Int] = [:]
  ) -> [TextRange] {
    if range.allSatisfy({ isSimple(scalars[$0]) }) {
      return wrapSimple(scalars, range: range, width: max(1, width), extra: extra)
    }
    return wrapClusters(scalars, range: range, width: width, extra: extra)
  }

  /// A scalar that is a grapheme cluster of its own and one column wide: most Latin, Greek
  /// and Cyrillic text and its punctuation. Text made only of these takes the fast path.
  @inline(__always)
  static func isSimple(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v) && v != 0xAD
      || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
  }

  /// The same breaking rules as ``wrapClusters(_:range:width:)``, one scalar a cluster.
  static func wrapSimple(
    _ scalars: ScalarText, range: TextRange, width: Int, extra: [Int: Int] = [:]
  ) -> [TextRange] {
    var lines: [TextRange] = []
    var lineStart: Int?
    var lineEnd = 0
    var lineWidth = 0
    var i = range.lowerBound
    let end = range.upperBound
    func canBreak(_ j: Int) -> Bool {
      let a = scalars[j - 1]
      let b = scalars[j]
      if DisplayWidth.isNoBreakBefore(b) || DisplayWidth.isNoBreakAfter(a) { return false }
      if a == "-" || a == "‐" || a == "–" || a == "—" || a == "/" {
        return j - 2 >= range.lowerBound && scalars[j - 2].properties.isAlphabetic
          && b.properties.isAlphabetic
      }
      return false
    }
    while i < end {
      if scalars[i] == " " {
        if lineStart != nil { lineWidth += 1 }
        i += 1
        continue
      }
      var j = i + 1
      while j < end, scalars[j] != " ", !canBreak(j) { j += 1 }
      var tokenWidth = j - i
      if !extra.isEmpty { for k in i..<j { tokenWidth += extra[k] ?? 0 } }
      if let start = lineStart, lineWidth + tokenWidth > width {
        lines.append(start..<lineEnd)
        lineStart = nil
        lineWidth = 0
      }
      if tokenWidth > width {
        var k = i
        while k < j {
          if lineStart == nil { lineStart = k }
          let columns = 1 + (extra.isEmpty ? 0 : extra[k] ?? 0)
          if lineWidth + columns > width, lineWidth > 0, let start = lineStart {
            lines.append(start..<lineEnd)
            lineStart = k
            lineWidth = 0
          }
          lineWidth += columns
          lineEnd = k + 1
          k += 1
        }
      } else {
        if lineStart == nil { lineStart = i }
        lineWidth += tokenWidth
        lineEnd = j
      }
      i = j
    }
    if let start = lineStart, lineEnd > start { lines.append(start..<lineEnd) }
    return lines
  }

  /// Wraps by grapheme clusters and their display widths: any script.
  static func wrapClusters(
    _ scalars: ScalarText, range: TextRange, width: Int, extra: [Int: Int] = [:]
  ) -> [TextRange] {
    let width = max(1, width)
    var graphemes = clusters(scalars, range)
    if !extra.isEmpty {
      for k in graphemes.indices { graphemes[k].width += extra[graphemes[k].end - 1] ?? 0 }
    }
    guard !graphemes.isEmpty else { return [] }

    // Tokens: runs that must stay on one line, each with its trailing spaces.
    var lines: [TextRange] = []
    var lineStart: Int?  // grapheme index
    var lineEnd = 0  // grapheme index after the last non-space
    var lineWidth = 0  // columns used, including spaces after the last token

    func emit() {
      if let start = lineStart, lineEnd > start {
        lines.append(graphemes[start].start..<graphemes[lineEnd - 1].end)
      }
      lineStart = nil
      lineWidth = 0
    }

    var i = 0
    let n = graphemes.count
    while i < n {
      if graphemes[i].isSpace {
        if lineStart != nil { lineWidth += graphemes[i].width }
        i += 1
        continue
      }
      // The token runs to the next break opportunity.
      var j = i + 1
      var tokenWidth = graphemes[i].width
      while j < n, !graphemes[j].isSpace, !canBreak(between: graphemes[j - 1], and: graphemes[j], graphemes, j) {
        tokenWidth += graphemes[j].width
        j += 1
      }
      if lineStart != nil, lineWidth + tokenWidth > width { emit() }
      if tokenWidth > width {
        // Too wide for any line: cut it between clusters.
        var k = i
        while k < j {
          if lineStart == nil { lineStart = k }
          if lineWidth + graphemes[k].width > width, lineWidth > 0 {
            emit()
            lineStart = k
          }
          lineWidth += graphemes[k].width
          lineEnd = k + 1
          k += 1
        }
      } else {
        if lineStart == nil { lineStart = i }
        lineWidth += tokenWidth
        lineEnd = j
      }
      i = j
    }
    emit()
    return lines
  }

  /// Whether a line may break between two adjacent non-space clusters.
  static func canBreak(between a: Grapheme, and b: Grapheme, _ all: [Grapheme], _ index: Int) -> Bool {
    if DisplayWidth.isNoBreakBefore(b.first) || DisplayWidth.isNoBreakAfter(a.last) { return false }
    if DisplayWidth.isCJKBreakable(a.last) || DisplayWidth.isCJKBreakable(b.first) { return true }
    // After a hyphen or dash that follows a letter, before a letter: "shoot-|to-|kill".
    if a.last == "-" || a.last == "‐" || a.last == "–" || a.last == "—" || a.last == "/" {
      return index >= 2 && all[index - 2].last.properties.isAlphabetic
        && b.first.properties.isAlphabetic
    }
    return false
  }

  static func isNoBreakSpace(_ s: Unicode.Scalar) -> Bool {
    s == "\u{A0}" || s == "\u{202F}" || s == "\u{2007}"
  }

  static func clusters(_ scalars: ScalarText, _ range: TextRange) -> [Grapheme] {
    var result: [Grapheme] = []
    result.reserveCapacity(range.count)
    let text = String(String.UnicodeScalarView(scalars[range]))
    var offset = range.lowerBound
    for character in text {
      let count = character.unicodeScalars.count
      let first = scalars[offset]
      result.append(
        Grapheme(
          start: offset, end: offset + count, width: DisplayWidth.width(of: character),
          isSpace: character.isWhitespace && !isNoBreakSpace(first), first: first, last: scalars[offset + count - 1]))
      offset += count
    }
    return result
  }
}
