import Foundation

extension ArticleLink {
  /// The longest link target kept, in Unicode scalars.
  public static let maximumURLLength = 2048

  /// A link target as Byline keeps it: an absolute `http`, `https` or `mailto` URL with no
  /// white space or control characters inside, else nil (relative paths, `javascript:`,
  /// `data:`, fragments). Surrounding white space is trimmed.
  public static func acceptedURL(_ raw: String) -> String? {
    let url = raw.trimmed
    guard !url.isEmpty, url.unicodeScalars.count <= maximumURLLength,
      !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || isControl($0) || Sanitizer.isRemoved($0) })
    else { return nil }
    guard let colon = url.firstIndex(of: ":") else { return nil }
    let scheme = url[..<colon].lowercased()
    switch scheme {
    case "http", "https": return url[colon...].hasPrefix("://") && url.count > scheme.count + 3 ? url : nil
    case "mailto": return url.count > 7 ? url : nil
    default: return nil
    }
  }

  /// The URL as it may be handed to a clipboard or another program: C0 and C1 controls,
  /// DEL, bidi controls and white space removed, so that pasting it cannot run a command
  /// (a newline) or show something else than it is.
  public static func sanitizedURL(_ url: String) -> String {
    String(
      String.UnicodeScalarView(
        url.unicodeScalars.filter {
          !isControl($0) && !$0.properties.isWhitespace && !Sanitizer.isRemoved($0)
        }))
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}

extension Article {
  /// Where each link's text is in the model text (``scalars``), in the order of ``links``;
  /// nil for a link whose text is not found (a link in a part Byline leaves out).
  ///
  /// Links are found in order: each one's text is looked for after the previous link found,
  /// with any run of white space matching any other and, for text that starts or ends with a
  /// letter or digit, only as whole words. The formats record links in reading order, so the
  /// `n`th "here" of the text is the `n`th "here" link when only links say "here"; a plain
  /// word equal to a later link's text before it is the one case this takes the wrong one.
  public func linkRanges() -> [TextRange?] {
    var from = 0
    return links.map { link in
      let needle = Array(link.text.unicodeScalars)
      guard let found = Article.find(needle, in: scalars, from: from) else { return nil }
      from = found.upperBound
      return found
    }
  }

  /// The first whole-word occurrence of `needle` in `haystack` at or after `from`, white space
  /// matching white space of any length.
  static func find<H: RandomAccessCollection>(_ needle: [Unicode.Scalar], in haystack: H, from: Int) -> TextRange?
  where H.Element == Unicode.Scalar, H.Index == Int {
    let words = needle.split(whereSeparator: { $0.properties.isWhitespace })
    guard let firstWord = words.first, from < haystack.count else { return nil }
    func isWordScalar(_ s: Unicode.Scalar) -> Bool {
      s.properties.isAlphabetic || s.properties.numericType != nil
    }
    let checkStart = isWordScalar(firstWord.first!)
    let checkEnd = isWordScalar(words.last!.last!)
    var start = from
    while start + firstWord.count <= haystack.count {
      guard haystack[start] == firstWord.first! else {
        start += 1
        continue
      }
      if checkStart, start > 0, isWordScalar(haystack[start - 1]) {
        start += 1
        continue
      }
      var position = start
      var matched = true
      for (k, word) in words.enumerated() {
        if k > 0 {
          // At least one white space scalar between words.
          guard position < haystack.count, haystack[position].properties.isWhitespace else {
            matched = false
            break
          }
          while position < haystack.count, haystack[position].properties.isWhitespace { position += 1 }
        }
        guard position + word.count <= haystack.count,
          haystack[position..<(position + word.count)].elementsEqual(word)
        else {
          matched = false
          break
        }
        position += word.count
      }
      if matched, !(checkEnd && position < haystack.count && isWordScalar(haystack[position])) {
        return start..<position
      }
      start += 1
    }
    return nil
  }
}
