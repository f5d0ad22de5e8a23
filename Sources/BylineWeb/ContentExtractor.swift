import Foundation

/// Finds the article's main text in a page by its structure and text density, in the way of
/// Mozilla's Readability (scores from paragraph length and commas, link density, class and id
/// hints, sibling joining, conditional cleaning), written afresh for Byline's tree.
///
/// 1. Scripts, styles, hidden elements, dialogs, bylines and "unlikely" containers (menus,
///    footers, comments, share bars, related links...) are removed; a `<div>` holding only
///    phrasing content becomes a paragraph.
/// 2. Every paragraph of at least 25 characters scores 1 + its commas + one point per 100
///    characters (at most 3); its parent gets the score, its grandparent half, and so on up
///    to five levels, on top of a base from the tag and the class and id words.
/// 3. Each candidate's score is scaled by (1 - link density); the best one, moved up while
///    its ancestors hold comparable text, is the article, joined by siblings that score well
///    or read as prose.
/// 4. Forms, asides, share bars, link lists and image-heavy blocks are cleaned out of it.
/// If that leaves less than 500 characters, the steps run again with fewer removals; when
/// every attempt is short, the strictest one holding 60% of the longest one's text is taken.
struct ContentExtractor {
  struct Flags {
    var stripUnlikely = true
    var weightClasses = true
    var cleanConditionally = true
  }

  /// The page's tree after extraction and the node holding the article.
  struct Result {
    var tree: HTMLTree
    var content: Int
    /// A byline found in the page (an element with `rel=author`, `itemprop=author` or a
    /// byline class), removed from the content.
    var byline: String?
  }

  let title: String?
  private(set) var tree: HTMLTree
  private var flags: Flags
  private var scores: [Int: Double] = [:]
  private var byline: String?
  /// ``blockDescendants(under:)`` of the tree as the walk found it.
  private var blockBelow: [Bool] = []

  /// Extracts the article from `page`, which is not changed.
  static func extract(_ page: HTMLTree, title: String?) -> Result {
    var attempts: [(Result, Int)] = []
    var flags = Flags()
    while true {
      var extractor = ContentExtractor(tree: HTMLTree(copying: page), title: title, flags: flags)
      let result = extractor.run()
      let length = result.tree.text(of: result.content).unicodeScalars.count
      if length >= 500 { return result }
      attempts.append((result, length))
      if flags.stripUnlikely {
        flags.stripUnlikely = false
      } else if flags.weightClasses {
        flags.weightClasses = false
      } else if flags.cleanConditionally {
        flags.cleanConditionally = false
      } else {
        // A short article: the strictest attempt that found most of the longest one's text
        // (the later attempts let navigation and comments back in).
        let longest = attempts.map(\.1).max()!
        return attempts.first { Double($0.1) >= 0.6 * Double(longest) }!.0
      }
    }
  }

  init(tree: HTMLTree, title: String?, flags: Flags) {
    self.tree = tree
    self.title = title
    self.flags = flags
  }

  // MARK: - Word lists (class and id hints)

  static let unlikely = [
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", "cookie", "newsletter",
  ]
  static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
  static let positive = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
    "blog", "story",
  ]
  static let negative = [
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags", "widget",
  ]
  static let bylineWords = ["byline", "author", "dateline", "writtenby", "p-author"]
  static let unlikelyRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  ]
  static let removedTags: Set<String> = [
    "script", "style", "noscript", "template", "link", "meta", "head", "title", "svg", "math",
  ]
  static let scoredTags: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
  static let divToParagraphTags: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
  static let phrasingTags: Set<String> = [
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
    "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
    "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    "font", "u", "s", "strike", "tt", "big",
  ]

  /// Whether `text` contains any of `words` (ASCII, lower case), by a byte search (the
  /// class and id tests run on every element).
  static func contains(_ text: String, anyOf words: [String]) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      words.contains { word in
        var word = word
        return word.withUTF8 { needle in containsBytes(bytes, needle) }
      }
    }
  }

  static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
        if k == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  /// The class and id of an element, lower case, for the word lists.
  func matchString(_ index: Int) -> String {
    let attributes = tree[index].attributes
    return ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()
  }

  /// +25 for a positive class or id word, -25 for a negative one, each.
  func classWeight(_ index: Int) -> Double {
    guard flags.weightClasses else { return 0 }
    var weight = 0.0
    for key in ["class", "id"] {
      guard let value = tree[index].attributes[key]?.lowercased(), !value.isEmpty else { continue }
      if ContentExtractor.contains(value, anyOf: ContentExtractor.negative) || isHid(value) { weight -= 25 }
      if ContentExtractor.contains(value, anyOf: ContentExtractor.positive) { weight += 25 }
    }
    return weight
  }

  private func isHid(_ value: String) -> Bool {
    value.split(separator: " ").contains("hid")
  }

  // MARK: - The steps

  mutating func run() -> Result {
    let body = tree.first(named: "body") ?? tree.root
    let candidates = collectParagraphs(from: body)
    let top = chooseTop(candidates, body: body)
    let content = joinSiblings(top, body: body)
    prepare(content)
    return Result(tree: tree, content: content, byline: byline)
  }

  /// Step 1: prunes the tree and returns the elements to score, in document order.
  private mutating func collectParagraphs(from body: Int) -> [Int] {
    blockBelow = blockDescendants(under: body)
    var toScore: [Int] = []
    var stack: [Int] = [body]
    while let node = stack.popLast() {
      let element = tree[node]
      if element.isText { continue }
      if node != body {
        if shouldRemove(node) {
          tree.remove(node)
          continue
        }
      }
      var current = node
      if ContentExtractor.scoredTags.contains(element.name) { toScore.append(node) }
      if element.name == "div" {
        wrapPhrasingRuns(node)
        if let only = singleParagraphChild(node), linkDensity(node) < 0.25 {
          tree.replace(node, with: only)
          current = only
          toScore.append(only)
        } else if !hasBlockDescendant(node) {
          tree.rename(node, to: "p")
          toScore.append(node)
        }
      }
      stack.append(contentsOf: tree[current].children.reversed())
    }
    return toScore
  }

  private mutating func shouldRemove(_ node: Int) -> Bool {
    let element = tree[node]
    let name = element.name
    if ContentExtractor.removedTags.contains(name) { return true }
    let attributes = element.attributes
    if !isVisible(attributes) { return true }
    if attributes["aria-modal"] == "true" && attributes["role"] == "dialog" { return true }
    let match = matchString(node)
    if byline == nil, isBylineElement(node, match: match) {
      let text = tree.text(of: node)
      if !text.isEmpty && text.unicodeScalars.count < 100 {
        // A child marked itemprop="name" is the name alone, without "By" and the date.
        let name = tree.firstDescendant(of: node) { (tree[$0].attributes["itemprop"] ?? "").contains("name") }
        byline = name.map { tree.text(of: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? text
        return true
      }
    }
    if name == "h1" || name == "h2", let title, ContentExtractor.similarity(title, tree.text(of: node)) > 0.75 {
      return true
    }
    if flags.stripUnlikely {
      if ContentExtractor.contains(match, anyOf: ContentExtractor.unlikely)
        && !ContentExtractor.contains(match, anyOf: ContentExtractor.maybeCandidate)
        && !hasAncestor(node, named: ["table", "code"]) && name != "body" && name != "a"
      {
        return true
      }
      if let role = attributes["role"], ContentExtractor.unlikelyRoles.contains(role) { return true }
    }
    if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name), isEmptyElement(node) {
      return true
    }
    return false
  }

  private func isVisible(_ attributes: Attributes) -> Bool {
    if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
      style.contains("display:none") || style.contains("visibility:hidden")
    {
      return false
    }
    if attributes["hidden"] != nil { return false }
    if attributes["aria-hidden"] == "true", !(attributes["class"] ?? "").contains("fallback-image") { return false }
    return true
  }

  private func isBylineElement(_ node: Int, match: String) -> Bool {
    let attributes = tree[node].attributes
    return attributes["rel"] == "author" || (attributes["itemprop"] ?? "").contains("author")
      || ContentExtractor.contains(match, anyOf: ContentExtractor.bylineWords)
  }

  private func hasAncestor(_ node: Int, named names: Set<String>) -> Bool {
    tree.ancestors(of: node).contains { names.contains(tree[$0].name) }
  }

  /// No text, and no children but `<br>` and `<hr>`.
  private func isEmptyElement(_ node: Int) -> Bool {
    for child in tree[node].children {
      let element = tree[child]
      if element.isText {
        if !HTMLTree.isBlank(element.text) { return false }
      } else if element.name != "br" && element.name != "hr" {
        return false
      }
    }
    return true
  }

  /// Wraps each run of phrasing content among a `<div>`'s children in a `<p>`.
  private mutating func wrapPhrasingRuns(_ div: Int) {
    let children = tree[div].children
    guard children.contains(where: { !isPhrasing($0) }) else { return }
    var runs: [Range<Int>] = []
    var start: Int?
    for (k, child) in children.enumerated() {
      if isPhrasing(child) {
        if start == nil, !isWhitespace(child) { start = k }
      } else if let s = start {
        var end = k
        while end > s, isWhitespace(children[end - 1]) { end -= 1 }
        runs.append(s..<end)
        start = nil
      }
    }
    if let s = start {
      var end = children.count
      while end > s, isWhitespace(children[end - 1]) { end -= 1 }
      runs.append(s..<end)
    }
    for run in runs.reversed() where !run.isEmpty { tree.wrap(children: run, of: div, in: "p") }
  }

  private func isPhrasing(_ node: Int) -> Bool {
    let element = tree[node]
    if element.isText { return true }
    if ContentExtractor.phrasingTags.contains(element.name) { return true }
    if ["a", "del", "ins"].contains(element.name) { return element.children.allSatisfy(isPhrasing) }
    return false
  }

  private func isWhitespace(_ node: Int) -> Bool {
    let element = tree[node]
    return element.isText ? HTMLTree.isBlank(element.text) : element.name == "br"
  }

  private func singleParagraphChild(_ node: Int) -> Int? {
    var found: Int?
    for child in tree[node].children {
      let element = tree[child]
      if element.isText {
        if !HTMLTree.isBlank(element.text) { return nil }
      } else {
        if found != nil || element.name != "p" { return nil }
        found = child
      }
    }
    return found
  }

  /// Whether an element holds a block (paragraph, list, table, image...): from the walk
  /// before any change (as Readability sees a `<div>` before its descendants), or because
  /// its phrasing content was just wrapped in paragraphs.
  private func hasBlockDescendant(_ node: Int) -> Bool {
    if node < blockBelow.count, blockBelow[node] { return true }
    return tree[node].children.contains { tree[$0].name == "p" && $0 >= blockBelow.count }
  }

  /// For every node under `root`: whether a block element lies below it.
  private func blockDescendants(under root: Int) -> [Bool] {
    var order: [Int] = []
    var stack = [root]
    while let next = stack.popLast() {
      order.append(next)
      stack.append(contentsOf: tree[next].children)
    }
    var below = [Bool](repeating: false, count: tree.nodes.count)
    for node in order.reversed() where node != root {
      let parent = tree[node].parent
      if parent >= 0, below[node] || ContentExtractor.divToParagraphTags.contains(tree[node].name) {
        below[parent] = true
      }
    }
    return below
  }

  /// Link text over all text (a link to `#...` counts 0.3).
  func linkDensity(_ node: Int) -> Double {
    tree.stats(of: node).linkDensity
  }

  // MARK: Step 2 and 3

  private mutating func initialScore(_ node: Int) -> Double {
    var score: Double
    switch tree[node].name {
    case "div": score = 5
    case "pre", "td", "blockquote": score = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
    default: score = 0
    }
    return score + classWeight(node)
  }

  private mutating func chooseTop(_ paragraphs: [Int], body: Int) -> Int {
    var candidates: [Int] = []
    for paragraph in paragraphs where tree[paragraph].parent >= 0 && isAttached(paragraph) {
      let text = tree.text(of: paragraph)
      let length = text.unicodeScalars.count
      if length < 25 { continue }
      let ancestors = tree.ancestors(of: paragraph, limit: 5)
      if ancestors.isEmpty { continue }
      var score = 1.0
      score += Double(text.unicodeScalars.reduce(1) { $0 + ($1 == "," || $1 == "，" ? 1 : 0) })
      score += Double(min(length / 100, 3))
      for (level, ancestor) in ancestors.enumerated() {
        guard tree[ancestor].parent > 0 || tree[ancestor].name == "body" else { continue }
        if scores[ancestor] == nil {
          scores[ancestor] = initialScore(ancestor)
          candidates.append(ancestor)
        }
        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
        scores[ancestor]! += score / divider
      }
    }
    let lengths = tree.lengths(under: body)
    for candidate in candidates {
      let text = lengths.text[candidate]
      scores[candidate]! *= 1 - (text == 0 ? 0 : lengths.links[candidate] / Double(text))
    }
    let ranked = candidates.sorted { scores[$0]! > scores[$1]! }.prefix(5)
    guard var top = ranked.first, tree[top].name != "body" else {
      return body
    }
    let topScore = scores[top]!
    // Several close runners-up under one ancestor: the article is that ancestor.
    let alternatives = ranked.dropFirst().filter { scores[$0]! / topScore >= 0.75 }.map { Set(tree.ancestors(of: $0)) }
    if alternatives.count >= 3 {
      var parent = tree[top].parent
      while parent > 0, tree[parent].name != "body" {
        if alternatives.filter({ $0.contains(parent) }).count >= 3 {
          top = parent
          break
        }
        parent = tree[parent].parent
      }
    }
    if scores[top] == nil { scores[top] = initialScore(top) }
    // Move up while the parent's score grows: more of the article lies beside.
    var parent = tree[top].parent
    var lastScore = scores[top]!
    let threshold = lastScore / 3
    while parent > 0, tree[parent].name != "body" {
      guard let parentScore = scores[parent] else {
        parent = tree[parent].parent
        continue
      }
      if parentScore < threshold { break }
      if parentScore > lastScore {
        top = parent
        break
      }
      lastScore = parentScore
      parent = tree[parent].parent
    }
    // An only child: take the parent, so siblings are joined at the right level.
    parent = tree[top].parent
    while parent > 0, tree[parent].name != "body", tree[parent].children.filter({ !tree[$0].isText }).count == 1 {
      top = parent
      parent = tree[top].parent
    }
    if scores[top] == nil { scores[top] = initialScore(top) }
    return top
  }

  private func isAttached(_ node: Int) -> Bool {
    var current = node
    while current > 0 {
      let parent = tree[current].parent
      if parent < 0 { return false }
      current = parent
    }
    return true
  }

  /// The top candidate with the siblings that belong to the article, under a new `<div>`.
  private mutating func joinSiblings(_ top: Int, body: Int) -> Int {
    guard top != body else { return body }
    let parent = tree[top].parent
    guard parent >= 0 else { return top }
    let topScore = scores[top] ?? 0
    let threshold = max(10, topScore * 0.2)
    let topClass = tree[top].attributes["class"] ?? ""
    var kept: [Int] = []
    for (k, sibling) in tree[parent].children.enumerated() {
      if tree[sibling].isText { continue }
      var append = sibling == top
      if !append {
        var bonus = 0.0
        if !topClass.isEmpty, tree[sibling].attributes["class"] == topClass { bonus += topScore * 0.2 }
        if let score = scores[sibling], score + bonus >= threshold {
          append = true
        } else if tree[sibling].name == "p" {
          let density = linkDensity(sibling)
          let text = tree.text(of: sibling)
          let length = text.unicodeScalars.count
          if length > 80 && density < 0.25 {
            append = true
          } else if length < 80 && !text.isEmpty && density == 0 && (text.contains(". ") || text.hasSuffix(".")) {
            append = true
          }
        }
      }
      if append { kept.append(k) }
    }
    if kept == [tree[parent].children.firstIndex(of: top)!] { return top }
    // Wrap the kept siblings in a new element (in place, keeping their order).
    let keptNodes = kept.map { tree[parent].children[$0] }
    for node in keptNodes { tree.remove(node) }
    let wrapper = tree.wrap(children: 0..<0, of: parent, in: "div")
    for node in keptNodes { tree.append(node, to: wrapper) }
    return wrapper
  }

  // MARK: Step 4

  private mutating func prepare(_ content: Int) {
    if flags.cleanConditionally {
      cleanConditionally(content, tags: ["form", "fieldset"])
    }
    for node in tree.descendants(
      of: content,
      named: ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button", "nav"])
    {
      tree.remove(node)
    }
    // Small share bars.
    for node in tree.descendants(of: content, named: ["div", "section", "ul", "span", "p", "aside"]) {
      let match = matchString(node)
      if ContentExtractor.contains(match, anyOf: ["share"]) && tree.textLength(of: node) < 500 {
        tree.remove(node)
      }
    }
    // Headings with negative class weights.
    for node in tree.descendants(of: content, named: ["h1", "h2"]) where classWeight(node) < 0 {
      tree.remove(node)
    }
    if flags.cleanConditionally {
      cleanConditionally(content, tags: ["table", "ul", "div"])
    }
    // Empty paragraphs.
    for node in tree.descendants(of: content, named: ["p"]) {
      if tree.descendants(of: node, named: ["img", "embed", "object", "iframe"]).isEmpty && tree.text(of: node).isEmpty
      {
        tree.remove(node)
      }
    }
  }

  private mutating func cleanConditionally(_ content: Int, tags: Set<String>) {
    for node in tree.descendants(of: content, named: tags).reversed() where isAttached(node) {
      if shouldClean(node) { tree.remove(node) }
    }
  }

  private func shouldClean(_ node: Int) -> Bool {
    let name = tree[node].name
    let stats = tree.stats(of: node)
    let textLength = stats.textLength
    var isList = name == "ul" || name == "ol"
    if !isList, textLength > 0 {
      isList = Double(stats.listItemTextLength) / Double(textLength) > 0.9
    }
    if name == "table" && isDataTable(node) { return false }
    if tree.ancestors(of: node).contains(where: { tree[$0].name == "table" && isDataTable($0) }) { return false }
    if hasAncestor(node, named: ["code"]) { return false }
    let weight = classWeight(node)
    if weight < 0 { return true }
    guard stats.commas < 10 else { return false }
    let paragraphs = Double(stats.paragraphs - (name == "p" ? 1 : 0))
    let images = Double(stats.images)
    let items = Double(stats.listItems - (name == "li" ? 1 : 0)) - 100
    let inputs = Double(stats.inputs)
    let headingDensity = textLength > 0 ? Double(stats.headingTextLength) / Double(textLength) : 0
    let embeds = stats.embeds
    let density = stats.linkDensity
    let inFigure = hasAncestor(node, named: ["figure"])
    let remove =
      (images > 1 && paragraphs / images < 0.5 && !inFigure)
      || (!isList && items > paragraphs)
      || (inputs > (paragraphs / 3).rounded(.down))
      || (!isList && headingDensity < 0.9 && textLength < 25 && (images == 0 || images > 2) && !inFigure)
      || (!isList && weight < 25 && density > 0.2)
      || (weight >= 25 && density > 0.5)
      || (embeds == 1 && textLength < 75) || embeds > 1
    if isList && remove {
      for child in tree[node].children where !tree[child].isText {
        if tree[child].children.filter({ !tree[$0].isText }).count > 1 { return remove }
      }
      if Double(stats.listItems) == images { return false }
    }
    return remove
  }

  private func isDataTable(_ table: Int) -> Bool {
    let attributes = tree[table].attributes
    if attributes["role"] == "presentation" || attributes["datatable"] == "0" { return false }
    if attributes["summary"] != nil { return true }
    if !tree.descendants(of: table, named: ["caption", "col", "colgroup", "tfoot", "thead", "th"]).isEmpty {
      return true
    }
    if !tree.descendants(of: table, named: ["table"]).isEmpty { return false }
    let rows = tree.descendants(of: table, named: ["tr"])
    let columns = rows.map { tree[$0].children.filter { ["td", "th"].contains(tree[$0].name) }.count }.max() ?? 0
    return rows.count >= 10 || columns > 4 || rows.count * columns > 10
  }

  /// How much of `b`'s words `a` shares (1: all).
  static func similarity(_ a: String, _ b: String) -> Double {
    let wordsA = Set(a.lowercased().split { !$0.isLetter && !$0.isNumber })
    let wordsB = b.lowercased().split { !$0.isLetter && !$0.isNumber }
    guard !wordsA.isEmpty, !wordsB.isEmpty else { return 0 }
    let unique = wordsB.filter { !wordsA.contains($0) }
    let distance = Double(unique.joined(separator: " ").count) / Double(wordsB.joined(separator: " ").count)
    return 1 - distance
  }
}

extension HTMLTree {
  /// The length of a node's text, white space collapsed (as Readability counts it).
  func textLength(of index: Int) -> Int {
    stats(of: index).textLength
  }

  /// Moves `node` to the end of `parent`'s children.
  func append(_ node: Int, to parent: Int) {
    remove(node)
    wrapChildren(append: node, to: parent)
  }
}
