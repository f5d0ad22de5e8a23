import Foundation

/// Recognises what a single line of a plain-text article is by its shape.
public enum LineClassifier {
  /// The kinds of line the parser tells apart.
  public enum LineKind: Equatable, Sendable {
    /// "2 min read", "Reading time: 4 minutes".
    case readTime(minutes: Int)
    /// A line that is only a date ("13 February, 2022").
    case date(ArticleDate)
    /// A wire dateline: place and date ("LONDON 1996-08-30").
    case dateline(place: String, date: ArticleDate?)
    /// "By Jane Smith".
    case byline(author: String)
    /// An image caption ending in a credit; the credit's bracket starts at this scalar offset.
    case caption(creditStart: Int?)
    /// Page furniture: "Live Story", "Advertisement", "Read more: ...".
    case furniture
    /// Anything else: headline, standfirst or body text.
    case prose

    /// Header metadata, whose presence marks a run of lines as the article's header.
    var isHeaderMetadata: Bool {
      switch self {
      case .readTime, .date, .dateline, .byline, .caption: return true
      case .furniture, .prose: return false
      }
    }
  }

  public static func classify(_ rawLine: String) -> LineKind {
    let line = rawLine.trimmed
    // Cheap length checks first: most lines are long paragraphs, which are none of these.
    let length = line.utf8.count
    if length <= 48, let minutes = readTimeMinutes(line) { return .readTime(minutes: minutes) }
    if length <= 80, let date = DateParser.parse(line) { return .date(date) }
    if length <= 100, words(line) <= 8, let (place, date) = dateline(line) {
      return .dateline(place: place, date: date)
    }
    if length <= 160, let author = byline(line) { return .byline(author: author) }
    if let last = line.utf8.last, last == UInt8(ascii: "]") || last == UInt8(ascii: ")"),
      let creditStart = captionCreditStart(line)
    {
      return .caption(creditStart: creditStart)
    }
    if length <= 200, isFurniture(line) { return .furniture }
    return .prose
  }

  /// ``classify(_:)`` for a line after the body has begun, where only a caption or furniture
  /// is anything but body text (a date or a byline there is read as text). The header checks
  /// come first in ``classify(_:)``, so they run only for a line that could be a caption or
  /// furniture: the answer is the same, and a file of 200,000 short lines is not read as
  /// 200,000 possible dates.
  public static func classifyBodyLine(_ rawLine: String) -> LineKind {
    let line = rawLine.trimmed
    let last = line.utf8.last
    if last == UInt8(ascii: "]") || last == UInt8(ascii: ")") || (line.utf8.count <= 200 && isFurniture(line)) {
      return classify(rawLine)
    }
    return .prose
  }

  private static func words(_ line: String) -> Int { line.split(separator: " ").count }

  /// Whether `text` has at most `limit` words (white-space separated runs that hold a letter
  /// or a digit), reading no further than the word past it: the header checks compare a
  /// line's words with 4 to 60, and a paragraph of 3 MB on one line was split into every
  /// word for that (a fifth of the time of its analysis).
  public static func wordCount(_ text: String, isAtMost limit: Int) -> Bool {
    var count = 0
    var counted = false  // the run being read holds a letter or a digit, and is counted
    for c in text {
      if c.isWhitespace {
        counted = false
      } else if !counted, c.isLetter || c.isNumber {
        counted = true
        count += 1
        if count > limit { return false }
      }
    }
    return true
  }

  // MARK: - Read time

  /// "2 min read", "5 mins read", "3-minute read", "Reading time: 4 minutes", "Read time 2 min".
  static func readTimeMinutes(_ line: String) -> Int? {
    // A hyphen parts words as a space does ("5-min read"); split on it, not replaced by
    // Foundation (a sixth of the parse of a file of short lines).
    var words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "-" }).map(String.init)
    guard words.count >= 2, words.count <= 5 else { return nil }
    var sawReadWord = false
    if words.first == "reading" || words.first == "read" {
      words.removeFirst()
      sawReadWord = true
      if words.first == "time" { words.removeFirst() }
    }
    if words.last == "read" {
      words.removeLast()
      sawReadWord = true
    }
    guard sawReadWord, words.count == 2, let minutes = Int(words[0]), minutes > 0, minutes < 1000,
      ["min", "mins", "min.", "minute", "minutes"].contains(words[1])
    else { return nil }
    return minutes
  }

  // MARK: - Dateline and byline

  /// A wire dateline: an upper-case place, optionally a region, then a date
  /// ("LONDON 1996-08-30", "KHASAVYURT, Russia 1996-08-31"), or the place alone
  /// ("FARMINGTON HILLS, Mich.").
  static func dateline(_ line: String) -> (String, ArticleDate?)? {
    let words = line.split(separator: " ")
    guard words.count >= 1, words.count <= 8 else { return nil }
    // The upper-case place: leading words with letters and no lower case.
    var placeEnd = 0
    while placeEnd < words.count {
      let word = words[placeEnd]
      guard word.contains(where: \.isLetter), !word.contains(where: \.isLowercase) else { break }
      placeEnd += 1
      if word.hasSuffix(",") { break }
    }
    guard placeEnd > 0 else { return nil }
    let place = words[..<placeEnd].joined(separator: " ").trimmingPunctuation
    guard place.filter(\.isLetter).count >= 3 else { return nil }
    let rest = Array(words[placeEnd...])
    // A date at the end, after an optional region ("Russia", "West Bank").
    for split in 0...rest.count {
      let region = rest[..<split]
      let dateText = rest[split...].joined(separator: " ")
      guard region.allSatisfy({ $0.first?.isUppercase == true }) else { break }
      if split == rest.count {
        // No date: only "PLACE, Region" with a comma after the place counts.
        guard words[placeEnd - 1].hasSuffix(","), !region.isEmpty, region.count <= 3 else { return nil }
        return (line.trimmingPunctuation, nil)
      }
      if let date = DateParser.parse(dateText) {
        let full = ([place] + region.map(String.init)).joined(separator: " ").trimmingPunctuation
        return (full, date)
      }
    }
    return nil
  }

  /// "By Jane Smith", "By Jane Smith and Ali Khan, BBC News".
  static func byline(_ line: String) -> String? {
    guard line.utf8.count > 3, line.utf8.prefix(3).map({ $0 | 0x20 }) == [0x62, 0x79, 0x20] else { return nil }
    let words = line.split(separator: " ")
    guard words.count >= 2, words.count <= 10, words[0].lowercased() == "by",
      let first = words[1].first, first.isUppercase, !line.hasSuffix(".")
    else { return nil }
    return words[1...].joined(separator: " ")
  }

  /// A short run of capitalised words and no sentence punctuation, as in a wire byline.
  static func looksLikeName(_ line: String) -> Bool {
    let words = line.trimmed.split(separator: " ")
    guard (2...4).contains(words.count) else { return false }
    return words.allSatisfy { word in
      guard let first = word.first, first.isUppercase else { return false }
      return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’" }
    } && !line.hasSuffix(".")
  }

  // MARK: - Captions

  private static let creditLabels: Set<String> = [
    "source", "photo", "photograph", "photos", "image", "images", "picture", "pictures", "credit",
    "pic", "illustration", "video", "graphic",
  ]

  /// The offset of a trailing "[source: X]" / "(Photo: X)" credit, if the line ends in one.
  static func captionCreditStart(_ line: String) -> Int? {
    let scalars = Array(line.unicodeScalars)
    guard let last = scalars.last, last == "]" || last == ")" else { return nil }
    let opener: Unicode.Scalar = last == "]" ? "[" : "("
    guard let open = scalars.lastIndex(of: opener), open > 0 else { return nil }
    let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
    guard let colon = inner.firstIndex(of: ":") else { return nil }
    let label = inner[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    let name = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard creditLabels.contains(label), !name.isEmpty, name.count <= 80 else { return nil }
    return open
  }

  // MARK: - Furniture

  private static let furnitureLines: Set<String> = [
    "live story", "live", "live updates", "advertisement", "advertisements", "ad", "sponsored",
    "sponsored content", "read more", "related", "related articles", "related stories",
    "related content", "related topics", "more on this story", "see also", "share",
    "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "email", "print", "comments", "listen", "listen to this article",
    "watch", "watch live", "play video", "subscribe", "sign up", "newsletter", "follow us",
    "skip advertisement", "story continues below", "story continues below advertisement",
    "continue reading", "continue reading below", "top stories", "most read", "most popular",
    "recommended", "trending", "editor's picks", "editor’s picks", "you may also like",
    "also read", "breaking", "breaking news", "scroll to continue",
    "advertisement - scroll to continue", "advertisement · scroll to continue",
    "media caption", "image caption", "copy link", "save", "bookmark",
  ]

  /// The furniture lines' hashes (``asciiLineHash``), so that an ASCII line is looked up
  /// without a lowercased copy: one line in two of an article is checked.
  private static let furnitureHashes = Set(furnitureLines.map { asciiLineHash($0.utf8[...]) })

  /// FNV-1a over the bytes, ASCII letters lowercased.
  private static func asciiLineHash(_ bytes: Substring.UTF8View) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h = (h ^ UInt64((0x41...0x5A).contains(b) ? b | 0x20 : b)) &* 0x100_0000_01b3
    }
    return h
  }

  /// ``isFurniture``'s whole-line test for a line of ASCII: the same stripping, no copy unless
  /// the hash matches.
  private static func isASCIIFurnitureLine(_ line: String) -> Bool {
    func strip(_ b: UInt8) -> Bool {
      switch b {
      case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"),
        UInt8(ascii: " "), UInt8(ascii: "\t"):
        return true
      default: return false
      }
    }
    var bytes = Substring(line).utf8
    while let first = bytes.first, strip(first) { bytes.removeFirst() }
    while let last = bytes.last, strip(last) { bytes.removeLast() }
    guard furnitureHashes.contains(asciiLineHash(bytes)) else { return false }
    return furnitureLines.contains(String(Substring(bytes)).lowercased())
  }

  private static let furniturePrefixes = [
    "read more:", "related:", "also read:", "see also:", "watch:", "listen:", "more:",
    "read next:", "recommended:", "advertisement:",
  ]

  static func isFurniture(_ line: String) -> Bool {
    // Every prefix ends in a colon: a line without one is spared the lowercasing.
    if line.utf8.contains(UInt8(ascii: ":")) {
      let head = String(line.prefix(24)).lowercased()
      if furniturePrefixes.contains(where: { head.hasPrefix($0) }) { return wordCount(line, isAtMost: 20) }
    }
    guard line.utf8.count <= 60 else { return false }
    if line.utf8.allSatisfy({ $0 < 0x80 }) { return isASCIIFurnitureLine(line) }
    let stripped = ":.»>|→-–— \t".unicodeScalars
    var scalars = Substring(line.lowercased()).unicodeScalars
    while let first = scalars.first, stripped.contains(first) { scalars.removeFirst() }
    while let last = scalars.last, stripped.contains(last) { scalars.removeLast() }
    return furnitureLines.contains(String(scalars))
  }
}

extension String {
  var trimmingPunctuation: String {
    trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
  }
}
