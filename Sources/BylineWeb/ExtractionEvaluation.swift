import Foundation

/// Scores extracted article text against reference extractions, as the article-extraction
/// benchmarks do: word 4-gram ("shingle") precision, recall and F1 per page, averaged over
/// pages; titles and bylines right or wrong.
///
/// The reference set is a folder of pages, each a folder with `source.html`, the expected
/// article (`expected.html`, whose text is the target body) and `expected-metadata.json`
/// (`title`, `byline`), as in Mozilla Readability's test pages.
public enum ExtractionEvaluation {
  /// How a set of pages scored.
  public struct Scores: Sendable {
    public var pages = 0
    public var precision = 0.0
    public var recall = 0.0
    public var f1 = 0.0
    public var titlesRight = 0
    public var titlesScored = 0
    public var bylinesRight = 0
    public var bylinesScored = 0
    /// Per page: name, F1, title right, byline right (nil when not scored).
    public var perPage: [(name: String, f1: Double, title: Bool, byline: Bool?)] = []

    public var titleAccuracy: Double { titlesScored == 0 ? 0 : Double(titlesRight) / Double(titlesScored) }
    public var bylineAccuracy: Double { bylinesScored == 0 ? 0 : Double(bylinesRight) / Double(bylinesScored) }

    mutating func add(name: String, score: (p: Double, r: Double, f: Double), title: Bool?, byline: Bool?) {
      pages += 1
      precision += (score.p - precision) / Double(pages)
      recall += (score.r - recall) / Double(pages)
      f1 += (score.f - f1) / Double(pages)
      if let title {
        titlesScored += 1
        if title { titlesRight += 1 }
      }
      if let byline {
        bylinesScored += 1
        if byline { bylinesRight += 1 }
      }
      perPage.append((name, score.f, title ?? true, byline))
    }
  }

  /// The news pages of the set (the floors for news are measured on these).
  public static let newsPages: Set<String> = [
    "bbc-1", "guardian-1", "nytimes-1", "nytimes-2", "nytimes-3", "nytimes-4", "nytimes-5", "wapo-1", "wapo-2",
    "cnn", "telegraph", "seattletimes-1", "yahoo-1", "yahoo-2", "yahoo-3", "yahoo-4", "lemonde-1",
    "liberation-1", "folha", "aktualne", "heise",
  ]

  /// Every page folder under `folder` (those holding `source.html` and `expected.html`).
  public static func pages(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.sorted().filter {
      FileManager.default.fileExists(atPath: "\(folder)/\($0)/source.html")
        && FileManager.default.fileExists(atPath: "\(folder)/\($0)/expected.html")
    }
  }

  /// Scores every page under `folder`: (all pages, news pages).
  public static func evaluate(folder: String) -> (all: Scores, news: Scores) {
    var all = Scores()
    var news = Scores()
    for name in pages(in: folder) {
      let page = "\(folder)/\(name)"
      guard let source = FileManager.default.contents(atPath: "\(page)/source.html"),
        let expected = FileManager.default.contents(atPath: "\(page)/expected.html")
      else { continue }
      let extraction = HTMLArticleReader.extraction(of: source, source: "\(page)/source.html")
      let score = compare(extracted: extraction.bodyTexts.joined(separator: " "), expected: expectedText(expected))
      var titleRight: Bool?
      var bylineRight: Bool?
      if let data = FileManager.default.contents(atPath: "\(page)/expected-metadata.json"),
        let metadata = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        if let title = metadata["title"] as? String {
          titleRight = sameText(title, extraction.title ?? "")
        }
        let byline = metadata["byline"] as? String
        bylineRight = sameText(stripBy(byline ?? ""), stripBy(extraction.author ?? ""))
      }
      all.add(name: name, score: score, title: titleRight, byline: bylineRight)
      if newsPages.contains(name) { news.add(name: name, score: score, title: titleRight, byline: bylineRight) }
    }
    return (all, news)
  }

  /// The text of a reference extraction (an HTML fragment).
  public static func expectedText(_ html: Data) -> String {
    let decoded = Charset.decode(html)
    let tree = HTMLTree(bytes: decoded.bytes, encoding: decoded.encoding)
    return tree.text(of: 0)
  }

  /// Word 4-gram precision, recall and F1 of `extracted` against `expected`.
  public static func compare(extracted: String, expected: String) -> (p: Double, r: Double, f: Double) {
    let got = shingles(words(extracted))
    let want = shingles(words(expected))
    if got.isEmpty && want.isEmpty { return (1, 1, 1) }
    if got.isEmpty || want.isEmpty { return (0, 0, 0) }
    var overlap = 0
    var remaining = want
    for (shingle, count) in got {
      let available = remaining[shingle] ?? 0
      let matched = min(count, available)
      overlap += matched
      remaining[shingle] = available - matched
    }
    let p = Double(overlap) / Double(got.values.reduce(0, +))
    let r = Double(overlap) / Double(want.values.reduce(0, +))
    return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
  }

  /// Lower-case runs of letters and digits.
  public static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  static func shingles(_ words: [String], size: Int = 4) -> [String: Int] {
    var counts: [String: Int] = [:]
    if words.count < size {
      if !words.isEmpty { counts[words.joined(separator: " ")] = 1 }
      return counts
    }
    for start in 0...(words.count - size) {
      counts[words[start..<(start + size)].joined(separator: " "), default: 0] += 1
    }
    return counts
  }

  static func sameText(_ a: String, _ b: String) -> Bool {
    HTMLTree.collapse(a).lowercased() == HTMLTree.collapse(b).lowercased()
  }

  static func stripBy(_ text: String) -> String {
    let trimmed = HTMLTree.collapse(text)
    return trimmed.lowercased().hasPrefix("by ") ? String(trimmed.dropFirst(3)) : trimmed
  }
}
