import BylineCore
import Foundation

/// Byline's feed parser checked against feedparser's test suite: every file states, in its
/// opening comment, what a correct parser finds (`Expect: not bozo and entries[0]['title']
/// == 'x'`). The expectations about what a reader shows are checked; the rest do not apply.
///
/// What applies: feed and item titles, links, ids, authors (the line, names and e-mail
/// addresses), dates, the feed's subtitle, item summaries and content, enclosures. Text is
/// compared as a reader sees it: where the feed carried HTML, the expected HTML (feedparser's
/// sanitised markup) is turned into text by the same reader as Byline's, so "scripts
/// removed" means the script's text is not shown; white space runs count as one space.
///
/// What does not apply: `bozo` (whether feedparser called the XML ill-formed: Byline reads
/// what it can either way), the feed `version`, HTTP headers and encodings detected from them,
/// languages, `_detail` types and bases, tags and categories, rights, generators, images,
/// iTunes, Media RSS, GeoRSS, Podlove chapters, licences, raw date strings (the parsed
/// instants are checked), author URLs and feedparser's `links` lists (Byline keeps the one
/// link a reader opens).
public enum FeedEvaluation {
  public struct Category: Sendable {
    public var name: String
    public var files = 0
    public var applicable = 0
    public var passed = 0
    /// Files whose `Expect:` this evaluator could not parse (counted nowhere else).
    public var unparsed = 0
    public var unparsedFiles: [String] = []
    /// Files judged not to apply (``judgedNotApplicable``).
    public var judged = 0
    /// File names whose applicable expectation failed.
    public var failures: [String] = []
    public var share: Double { applicable == 0 ? 1 : Double(passed) / Double(applicable) }
  }

  /// The files under `folder` that state an expectation.
  public static func files(in folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".xml") else { continue }
      found.append(path)
    }
    return found.sorted()
  }

  /// Whether `folder` holds feed test files (XML files with an `Expect:` comment).
  public static func isTestSuite(_ folder: String) -> Bool {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      return false
    }
    return files(in: folder).prefix(20).contains { path in
      let full = (folder as NSString).appendingPathComponent(path)
      return FileManager.default.contents(atPath: full).flatMap(expectation(in:)) != nil
    }
  }

  /// Scores every file under `folder`, by category (the folder a file is in, relative to
  /// `folder`: `wellformed/atom10`).
  public static func evaluate(folder: String) -> [Category] {
    var categories: [String: Category] = [:]
    for path in files(in: folder) {
      let name = (path as NSString).deletingLastPathComponent
      guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(path)) else {
        continue
      }
      var category = categories[name] ?? Category(name: name)
      category.files += 1
      if judgedNotApplicable.contains(where: { path.hasSuffix($0.suffix) }) {
        category.judged += 1
        categories[name] = category
        continue
      }
      if let expect = expectation(in: data), (try? PythonExpression.parse(expect)) == nil {
        category.unparsed += 1
        category.unparsedFiles.append((path as NSString).lastPathComponent)
        categories[name] = category
        continue
      }
      switch check(data, url: URL(string: harnessURL + path)) {
      case .pass:
        category.applicable += 1
        category.passed += 1
      case .fail:
        category.applicable += 1
        category.failures.append((path as NSString).lastPathComponent)
      case .notApplicable:
        break
      }
      categories[name] = category
    }
    return categories.values.sorted { $0.name < $1.name }
  }

  public enum Outcome: Sendable, Equatable { case pass, fail, notApplicable }

  /// Checks one test file: its `Expect:` expression against what Byline reads.
  public static func check(_ data: Data, url: URL? = nil) -> Outcome {
    guard let expect = expectation(in: data), let expression = try? PythonExpression.parse(expect) else {
      return .notApplicable
    }
    if header(in: data, "Header:") != nil { return .notApplicable }
    let document = try? FeedParser.document(data, url: url)
    return Checker(document: document).truth(expression)
  }

  /// The `Expect:` line of a test file's opening comment.
  static func expectation(in data: Data) -> String? {
    header(in: data, "Expect:")
  }

  /// A `Name:` line of the opening comment (`Expect:`, `Header:`), without its name.
  static func header(in data: Data, _ name: String) -> String? {
    let head = String(decoding: data.prefix(4096), as: UTF8.self)
    guard let comment = head.range(of: "-->") else { return nil }
    for line in head[..<comment.lowerBound].split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix(name) { return String(trimmed.dropFirst(name.count)).trimmingCharacters(in: .whitespaces) }
    }
    return nil
  }

  /// Where feedparser's test harness serves the suite: expectations about links relative to
  /// the document's URL (`http_*_docuri`) name it.
  static let harnessURL = "http://127.0.0.1:8097/tests/"

  /// Files whose expectation Byline is judged not to share, and why.
  public static let judgedNotApplicable: [(suffix: String, reason: String)] = [
    (
      "_crazy.xml",
      "feedparser's expected text keeps part of a script's source (`function executeMe()`) and an embedded page's "
        + "<title>; Byline drops the script and the head whole"
    ),
    (
      "xml_malicious_comment.xml",
      "feedparser ends `<!-- -- x >` at the `>` (SGML); HTML, browsers and Byline read a comment to `-->`"
    ),
  ]

  /// The expectations that do not apply (what a reader does not show), and why.
  public static let notApplicable: [(String, String)] = [
    ("bozo", "whether feedparser calls the XML ill-formed: Byline reads what it can either way"),
    ("version, encoding, headers, etag, modified", "the feed's format version and HTTP details, not shown"),
    ("files with a Header: line", "they need feedparser's HTTP server (Content-Location, charsets from headers)"),
    ("languages, _detail types and bases", "xml:lang, dc:language, content types and xml:base values themselves"),
    ("tags, categories, rights, generator, image, docs, ttl, cloud, textinput", "feed metadata a reader does not show"),
    ("itunes_*, media_*, where (GeoRSS), psc_chapters, license", "podcast, media, geographic and chapter data"),
    ("links lists, author and contributor URLs, source", "Byline keeps the one link a reader opens"),
    ("raw date strings (published, updated)", "the parsed instants (_parsed) are checked"),
  ]

  /// Evaluates an expectation against a parsed feed, in three values: a comparison with
  /// something Byline does not model is not applicable, and so is a conjunction of them.
  struct Checker {
    let document: FeedDocument?

    indirect enum Value {
      case text(FeedText)
      case string(String)
      case number(Double)
      case date(Date)
      case tuple([Value])
      case none
      case bool(Bool)
      /// A field Byline models that this feed does not have.
      case missing
      case notApplicable
    }

    func truth(_ expression: PythonExpression) -> Outcome {
      switch expression {
      case .and(let parts):
        let outcomes = parts.map(truth)
        if outcomes.contains(.fail) { return .fail }
        return outcomes.contains(.pass) ? .pass : .notApplicable
      case .or(let parts):
        let outcomes = parts.map(truth)
        if outcomes.contains(.pass) { return .pass }
        return outcomes.contains(.fail) ? .fail : .notApplicable
      case .not(let inner):
        switch truth(inner) {
        case .pass: return .fail
        case .fail: return .pass
        case .notApplicable: return .notApplicable
        }
      case .compare(let first, let rest):
        var left = value(first)
        var outcome = Outcome.pass
        for (op, expression) in rest {
          let right = value(expression)
          guard let result = compare(left, op, right) else { return .notApplicable }
          if !result { outcome = .fail }
          left = right
        }
        return outcome
      default:
        switch value(expression) {
        case .notApplicable: return .notApplicable
        case .missing, .none, .bool(false): return .fail
        case .string(let s) where s.isEmpty: return .fail
        case .text(let t) where t.text.isEmpty: return .fail
        default: return .pass
        }
      }
    }

    private func compare(_ left: Value, _ op: String, _ right: Value) -> Bool? {
      if case .notApplicable = left { return nil }
      if case .notApplicable = right { return nil }
      switch op {
      case "==": return equal(left, right)
      case "!=": return equal(left, right).map { !$0 }
      case "is":
        switch (left, right) {
        case (.missing, .none), (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        default: return equal(left, right)
        }
      case "is not": return compare(left, "is", right).map { !$0 }
      default: return nil
      }
    }

    private func equal(_ left: Value, _ right: Value) -> Bool? {
      switch (left, right) {
      case (.text(let ours), .string(let expected)), (.string(let expected), .text(let ours)):
        let shown = ours.html == nil ? expected : FeedHTML.text(expected)
        return HTMLTree.collapse(ours.text) == HTMLTree.collapse(Sanitizer.clean(shown))
      case (.string(let a), .string(let b)): return a == b
      case (.number(let a), .number(let b)): return a == b
      case (.bool(let a), .bool(let b)): return a == b
      case (.date(let date), .tuple(let parts)), (.tuple(let parts), .date(let date)):
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let ours = [c.year, c.month, c.day, c.hour, c.minute, c.second].map { Double($0 ?? -1) }
        let expected = parts.prefix(6).map { part -> Double in
          if case .number(let n) = part { return n }
          return -2
        }
        return ours == expected
      case (.missing, .string), (.string, .missing), (.missing, .tuple), (.tuple, .missing): return false
      case (.missing, .none), (.none, .missing), (.none, .none): return true
      case (.none, _), (_, .none): return false
      default: return nil
      }
    }

    private func value(_ expression: PythonExpression) -> Value {
      switch expression {
      case .string(let s): return .string(s)
      case .number(let n): return .number(n)
      case .none: return .none
      case .bool(let b): return .bool(b)
      case .tuple(let items): return .tuple(items.map(value))
      case .add(let a, let b):
        if case .string(let x) = value(a), case .string(let y) = value(b) { return .string(x + y) }
        return .notApplicable
      case .call(.attribute(let target, "get"), let arguments):
        guard case .string(let key)? = arguments.first.map(value), var path = self.path(target) else {
          return .notApplicable
        }
        path.append(key)
        let found = lookup(path)
        if case .missing = found { return arguments.count > 1 ? value(arguments[1]) : .none }
        return found
      case .call(.attribute(let target, "has_key"), let arguments):
        guard case .string(let key)? = arguments.first.map(value), var path = self.path(target) else {
          return .notApplicable
        }
        path.append(key)
        switch lookup(path) {
        case .notApplicable: return .notApplicable
        case .missing: return .bool(false)
        default: return .bool(true)
        }
      default:
        guard let path = path(expression) else { return .notApplicable }
        return lookup(path)
      }
    }

    /// `entries[0]['title_detail'].value` as ["entries", "0", "title_detail", "value"].
    private func path(_ expression: PythonExpression) -> [String]? {
      switch expression {
      case .name(let name): return [name]
      case .attribute(let base, let name): return path(base).map { $0 + [name] }
      case .subscriptOf(let base, .string(let key)): return path(base).map { $0 + [key] }
      case .subscriptOf(let base, .number(let index)): return path(base).map { $0 + [String(Int(index))] }
      default: return nil
      }
    }

    private func lookup(_ path: [String]) -> Value {
      guard let root = path.first else { return .notApplicable }
      switch root {
      case "feed":
        guard let document else { return applicable(feedKey: Array(path.dropFirst())) ? .missing : .notApplicable }
        return feedValue(document, Array(path.dropFirst()))
      case "entries":
        guard path.count >= 3, let index = Int(path[1]) else { return .notApplicable }
        let rest = Array(path.dropFirst(2))
        guard let document, index < document.items.count else {
          return applicable(entryKey: rest) ? .missing : .notApplicable
        }
        return entryValue(document.items[index], rest)
      default:
        return .notApplicable  // bozo, version, encoding, headers, etag...
      }
    }

    private func applicable(feedKey path: [String]) -> Bool {
      if case .notApplicable = feedValue(FeedDocument(kind: .rss), path) { return false }
      return true
    }

    private func applicable(entryKey path: [String]) -> Bool {
      if case .notApplicable = entryValue(FeedDocument.Entry(), path) { return false }
      return true
    }

    private func text(_ field: FeedText?) -> Value { field.map(Value.text) ?? .missing }
    private func string(_ field: String?) -> Value { field.map(Value.string) ?? .missing }
    private func date(_ field: Date?) -> Value { field.map(Value.date) ?? .missing }

    /// A text construct: the key itself or its `_detail`'s `value`.
    private func detail(_ field: FeedText?, _ rest: ArraySlice<String>) -> Value {
      if rest.isEmpty || rest == ["value"] { return text(field) }
      return .notApplicable
    }

    private func people(_ people: [FeedPerson], _ rest: ArraySlice<String>) -> Value {
      guard let first = rest.first else { return .notApplicable }
      let index: Int
      var keys = rest.dropFirst()
      if let number = Int(first) {
        index = number
      } else {
        index = 0
        keys = rest
      }
      guard let key = keys.first, keys.count == 1, key == "name" || key == "email" else { return .notApplicable }
      guard index < people.count else { return .missing }
      let value = key == "name" ? people[index].name : people[index].email
      return value.isEmpty ? .missing : .text(.plain(value))
    }

    private func feedValue(_ document: FeedDocument, _ path: [String]) -> Value {
      guard let key = path.first else { return .notApplicable }
      let rest = path.dropFirst()
      switch key {
      case "title", "title_detail": return detail(document.title, rest)
      case "subtitle", "subtitle_detail", "tagline", "tagline_detail", "description", "description_detail":
        return detail(document.subtitle, rest)
      case "link" where rest.isEmpty: return string(document.link)
      case "author" where rest.isEmpty: return document.author.map { .text(.plain($0)) } ?? .missing
      case "author_detail": return people(document.people, rest)
      case "authors": return people(document.people, rest)
      case "updated_parsed", "modified_parsed": return date(document.updated ?? document.published)
      case "published_parsed", "issued_parsed": return date(document.published)
      default: return .notApplicable
      }
    }

    private func entryValue(_ entry: FeedDocument.Entry, _ path: [String]) -> Value {
      guard let key = path.first else { return .notApplicable }
      let rest = path.dropFirst()
      switch key {
      case "title", "title_detail": return detail(entry.title, rest)
      case "summary", "summary_detail", "description", "description_detail":
        // feedparser copies the content into the summary when there is none.
        return detail(entry.summary ?? entry.content, rest)
      case "content":
        guard rest.first == "0" else { return .notApplicable }
        return detail(entry.content, rest.dropFirst())
      case "link" where rest.isEmpty: return string(entry.link)
      case "id" where rest.isEmpty, "guid" where rest.isEmpty: return string(entry.id)
      case "author" where rest.isEmpty: return entry.author.map { .text(.plain($0)) } ?? .missing
      case "author_detail", "authors": return people(entry.people, rest)
      case "published_parsed", "issued_parsed": return date(entry.published)
      case "updated_parsed", "modified_parsed": return date(entry.updated ?? entry.published)
      case "enclosures":
        guard let first = rest.first, let index = Int(first), rest.count == 2 else { return .notApplicable }
        guard index < entry.enclosures.count else { return .missing }
        let enclosure = entry.enclosures[index]
        switch rest.last! {
        case "href", "url": return .string(enclosure.url)
        case "type": return string(enclosure.type)
        case "length": return enclosure.length.map { .string(String($0)) } ?? .missing
        default: return .notApplicable
        }
      default: return .notApplicable
      }
    }
  }
}
