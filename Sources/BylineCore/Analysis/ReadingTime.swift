/// How long an article takes to read, and how much is left from any position.
///
/// Words are white-space separated runs holding a letter or a digit, counted in the body
/// paragraphs only (furniture, captions and the header are left out). Chinese, Japanese and
/// Korean text has no spaces: each Han, kana or Hangul character counts as
/// `cjkWordsPerCharacter` of a word, so that at the default speed a CJK reader gets the 500
/// characters a minute Medium uses for those scripts.
///
/// The default speed, 238 words a minute, is the mean silent reading rate for English
/// non-fiction in Brysbaert's meta-analysis of 190 studies and 18,573 readers ("How many words
/// do we read per minute?", Journal of Memory and Language 109, 2019).
public struct ReadingTime: Sendable, Equatable {
  /// The default reading speed, words per minute (Brysbaert 2019, non-fiction).
  public static let defaultWordsPerMinute = 238.0
  /// One CJK character is this many words: 238 wpm against 500 characters a minute.
  public static let cjkWordsPerCharacter = 238.0 / 500.0

  /// Words per minute used for the estimate.
  public var wordsPerMinute: Double
  /// The number of words in the body (CJK characters counted one each).
  public var wordCount: Int
  /// Start offset of every word in the body, ascending.
  public var wordStarts: [Int] { starts.map { Int($0) } }
  /// The same as 32-bit integers (4 bytes a word instead of 8; texts are under 2³¹ scalars).
  private var starts: [Int32]
  /// For each word, the words read once it is done (CJK characters weigh less), cumulative;
  /// nil when there is no CJK character, every word then weighing 1 (word k: k + 1).
  private var cumulativeWeight: [Double]?

  /// The words read once word `index` is done.
  private func weight(through index: Int) -> Double {
    cumulativeWeight?[index] ?? Double(index + 1)
  }

  public init(article: Article, wordsPerMinute: Double = ReadingTime.defaultWordsPerMinute) {
    self.wordsPerMinute = wordsPerMinute > 0 ? wordsPerMinute : Self.defaultWordsPerMinute
    var starts: [Int32] = []
    var weights: [Double] = []
    var sawCJK = false
    var total = 0.0
    let text = article.scalars
    for block in article.blocks where block.kind == .paragraph {
      var i = block.range.lowerBound
      let end = block.range.upperBound
      while i < end {
        if text[i].isSpaceLike {
          i += 1
          continue
        }
        if Self.isCJK(text[i]) {
          if !sawCJK {
            // The weights so far, every word weighing 1, kept from the first CJK character on.
            sawCJK = true
            weights = (0..<starts.count).map { Double($0 + 1) }
          }
          starts.append(Int32(i))
          total += Self.cjkWordsPerCharacter
          weights.append(total)
          i += 1
          continue
        }
        let start = i
        // The ASCII letters and digits at the word's start, read from the bytes.
        i = text.asciiWordCharacters(from: i, to: end)
        var hasWordCharacter = i > start
        while i < end, !text[i].isSpaceLike, !Self.isCJK(text[i]) {
          if text[i].isWordCharacter {
            hasWordCharacter = true
          }
          i += 1
        }
        if hasWordCharacter {
          starts.append(Int32(start))
          total += 1
          if sawCJK { weights.append(total) }
        }
      }
    }
    // Grown by doubling, the array may have room for twice its words for as long as the
    // article is open (0.5 MB for 200,000 one-line paragraphs): kept at its size.
    if starts.capacity > starts.count + starts.count / 8 {
      var exact: [Int32] = []
      exact.reserveCapacity(starts.count)
      exact.append(contentsOf: starts)
      starts = exact
    }
    self.starts = starts
    // Without CJK every weight is 1 and the sums are whole numbers, exact in a Double.
    cumulativeWeight = sawCJK ? weights : nil
    wordCount = starts.count
  }

  /// The words read in the whole body, CJK characters weighted.
  public var totalWeight: Double { starts.isEmpty ? 0 : weight(through: starts.count - 1) }

  /// Byline's estimate in whole minutes, rounded to the nearest minute, at least 1.
  public var estimatedMinutes: Int {
    max(1, Int((totalWeight / wordsPerMinute).rounded()))
  }

  /// The estimate in seconds.
  public var estimatedSeconds: Double { totalWeight / wordsPerMinute * 60 }

  /// readtime's figure (265 wpm, seconds and minutes both rounded up), for comparison.
  public var readtimePackageMinutes: Int {
    let seconds = (Double(wordCount) / 265 * 60).rounded(.up)
    return max(1, Int((seconds / 60).rounded(.up)))
  }

  /// Words (weighted) from `offset` to the end: the word at `offset` and every later one.
  public func wordsLeft(from offset: Int) -> Double {
    let index = firstWordIndex(atOrAfter: offset)
    guard index < starts.count else { return 0 }
    let before = index > 0 ? weight(through: index - 1) : 0
    return totalWeight - before
  }

  /// Minutes left to read from `offset`: rounded to the nearest minute like the estimate, so
  /// the two agree at the top, but at least 1 while any word is left (0 at the end).
  public func minutesLeft(from offset: Int) -> Int { minutes(forWords: wordsLeft(from: offset)) }

  /// Whole minutes for a number of (weighted) words, by the rule of ``minutesLeft(from:)``.
  public func minutes(forWords words: Double) -> Int {
    guard words > 0 else { return 0 }
    return max(1, Int((words / wordsPerMinute).rounded()))
  }

  /// The fraction of the body read before `offset`, 0...1.
  public func fractionRead(before offset: Int) -> Double {
    guard totalWeight > 0 else { return 1 }
    return 1 - wordsLeft(from: offset) / totalWeight
  }

  /// The index of the first word starting at or after `offset`.
  public func firstWordIndex(atOrAfter offset: Int) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let mid = (low + high) / 2
      if Int(starts[mid]) < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }

  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF,
      0x20000...0x2FA1F:
      return true
    default: return false
    }
  }
}
