import BylineCore
import Foundation

/// One person across the library, however each article names them.
public struct LibraryPerson: Sendable, Equatable, Identifiable {
  /// The name shown: the fullest form most articles use ("Kassym-Jomart Tokayev").
  public var name: String
  /// Every other form seen across the library, most frequent first.
  public var aliases: [String]
  /// How many distinct articles (content hashes) mention or quote the person.
  public var articleCount: Int
  /// How many direct quotes are attributed to the person across the library.
  public var quoteCount: Int
  /// The articles, by content hash, with the names each article uses for the person (sorted;
  /// one article may name them twice, "Lib Dem" and "Lib Dems", each with its own quotes).
  public var appearances: [String: [String]]
  public var id: String { name }
}

/// Merges the people of every article into library-wide people, and narrows them for the picker.
///
/// Merge rules: names are compared folded (case, accents, hyphens and apostrophes ignored) with
/// leading titles removed ("President Tokayev" -> "tokayev"). An article's canonical name and
/// its aliases of two words or more are one person. A one-word name ("Tokayev") joins the
/// person whose last name it is, when that person is the only one, or has at least twice the
/// articles of the next; otherwise it stays a person of its own.
public struct PeopleIndex: Sendable {
  public private(set) var people: [LibraryPerson]
  /// Folded words of each person's name and aliases, for narrowing.
  private var searchKeys: [(name: String, words: [String], aliasWords: [String])]

  /// Titles taken off the front of a name before comparing.
  static let titles: Set<String> = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "pm", "chancellor", "senator", "sen", "rep",
    "representative", "governor", "gov", "king", "queen", "prince", "princess", "pope", "judge",
    "justice", "general", "gen", "colonel", "col", "captain", "capt", "secretary", "chairman",
    "chairwoman", "chief", "coach", "mayor", "councillor", "st", "saint", "rev", "reverend",
    "father", "sheikh", "ayatollah", "commissioner", "ambassador", "deputy", "foreign", "home",
    "defence", "defense", "finance", "health", "education", "the", "former", "late",
  ]

  /// The folded name with leading titles (and a possessive "s") removed.
  static func key(_ name: String) -> String {
    var words = TextFold.key(name).split(separator: " ").map(String.init)
    while words.count > 1, titles.contains(words[0]) { words.removeFirst() }
    return words.joined(separator: " ")
  }

  public init(summaries: [String: ArticleSummary]) {
    // Union-find over keys.
    var parent: [String: String] = [:]
    func find(_ k: String) -> String {
      var k = k
      while let p = parent[k], p != k { parent[k] = parent[p] ?? p; k = p }
      return k
    }
    func union(_ a: String, _ b: String) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[rb] = ra }
    }
    struct Seen { var hash: String; var local: String; var quotes: Int }
    var byKey: [String: [Seen]] = [:]  // the key of an article's canonical name
    var formCounts: [String: [String: Int]] = [:]  // key -> surface form -> articles
    // Everything below visits summaries and groups in a fixed order (never a dictionary's,
    // which changes from process to process), so the same summaries give the same people.
    for hash in summaries.keys.sorted() {
      let summary = summaries[hash]!
      for person in summary.people {
        let k = PeopleIndex.key(person.name)
        guard !k.isEmpty else { continue }
        if parent[k] == nil { parent[k] = k }
        byKey[k, default: []].append(Seen(hash: hash, local: person.name, quotes: person.quotes))
        formCounts[k, default: [:]][person.name, default: 0] += 1
        for alias in person.aliases {
          let ak = PeopleIndex.key(alias)
          guard ak.contains(" "), !ak.isEmpty else { continue }
          if parent[ak] == nil { parent[ak] = ak }
          union(k, ak)
          formCounts[k, default: [:]][alias, default: 0] += 1
        }
      }
    }
    // Groups of keys.
    var groups: [String: [String]] = [:]
    for k in parent.keys.sorted() { groups[find(k), default: []].append(k) }
    func articleCount(_ root: String) -> Int {
      Set(groups[root, default: []].flatMap { byKey[$0, default: []].map(\.hash) }).count
    }
    // One-word groups join the dominant person with that last name.
    var byLastName: [String: [String]] = [:]
    for root in groups.keys.sorted() {
      let keys = groups[root]!
      guard keys.contains(where: { $0.contains(" ") }) else { continue }
      var lastNames = Set<String>()
      for k in keys where k.contains(" ") { lastNames.insert(String(k.split(separator: " ").last!)) }
      for last in lastNames { byLastName[last, default: []].append(root) }
    }
    var counts: [String: Int] = [:]
    for root in groups.keys { counts[root] = articleCount(root) }
    for root in groups.keys.sorted() where groups[root]!.count == 1 && !root.contains(" ") {
      guard let candidates = byLastName[root], !candidates.isEmpty else { continue }
      let ranked = candidates.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
      if ranked.count == 1 || (counts[ranked[0]] ?? 0) >= 2 * (counts[ranked[1]] ?? 0) {
        union(ranked[0], root)
      }
    }
    groups = [:]
    for k in parent.keys.sorted() { groups[find(k), default: []].append(k) }

    var people: [LibraryPerson] = []
    for root in groups.keys.sorted() {
      let keys = groups[root]!
      var appearances: [String: [String]] = [:]
      var quotes = 0
      var forms: [String: Int] = [:]
      for k in keys {
        for seen in byKey[k, default: []] {
          if !appearances[seen.hash, default: []].contains(seen.local) {
            appearances[seen.hash, default: []].append(seen.local)
          }
          quotes += seen.quotes
        }
        for (form, n) in formCounts[k, default: [:]] { forms[form, default: 0] += n }
      }
      guard !appearances.isEmpty else { continue }
      for hash in appearances.keys { appearances[hash]!.sort() }
      // The name: the most used form of two words or more, else the most used form.
      let ranked = forms.sorted {
        let a = ($0.key.contains(" ") ? 1 : 0, $0.value, $0.key.count)
        let b = ($1.key.contains(" ") ? 1 : 0, $1.value, $1.key.count)
        return a != b ? a > b : $0.key < $1.key
      }
      let name = ranked[0].key
      let aliases = ranked.dropFirst().map(\.key).filter { $0 != name }
      people.append(
        LibraryPerson(
          name: name, aliases: aliases, articleCount: appearances.count, quoteCount: quotes,
          appearances: appearances))
    }
    // Two people may show the same name: the sort is stable, and `people` is in key order.
    people.sort { ($0.articleCount + $0.quoteCount, $1.name) > ($1.articleCount + $1.quoteCount, $0.name) }
    self.people = people
    searchKeys = people.map { person in
      let name = TextFold.key(person.name)
      return (
        name, name.split(separator: " ").map(String.init),
        person.aliases.flatMap { TextFold.key($0).split(separator: " ").map(String.init) }
      )
    }
  }

  /// The people whose name or an alias has a word starting with each word of the query, case
  /// and accents ignored; best first: every query word a whole word of the name ("blair" finds
  /// Tony Blair before "Blairite ..."), then the name starting with the query, then a word of
  /// the name, then an alias; then by articles plus quotes. An empty query gives everyone.
  public func search(_ query: String) -> [LibraryPerson] {
    let q = TextFold.key(query)
    if q.isEmpty { return people }
    let words = q.split(separator: " ").map(String.init)
    var scored: [(score: Int, index: Int)] = []
    for (i, key) in searchKeys.enumerated() {
      var score = 0
      if words.allSatisfy({ key.words.contains($0) }) {
        score = 4
      } else if key.name.hasPrefix(q) {
        score = 3
      } else if words.allSatisfy({ w in key.words.contains { $0.hasPrefix(w) } }) {
        score = 2
      } else if words.allSatisfy({ w in
        key.words.contains { $0.hasPrefix(w) } || key.aliasWords.contains { $0.hasPrefix(w) }
      }) {
        score = 1
      }
      if score > 0 { scored.append((score, i)) }
    }
    // `people` is already in relevance order, so a stable sort by score keeps it within a score.
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    return scored.map { people[$0.index] }
  }

  /// The person with this name (as shown), if any.
  public func person(named name: String) -> LibraryPerson? {
    if let exact = people.first(where: { $0.name == name }) { return exact }
    let k = PeopleIndex.key(name)
    return people.first { PeopleIndex.key($0.name) == k || $0.aliases.contains { PeopleIndex.key($0) == k } }
      ?? search(name).first
  }
}
