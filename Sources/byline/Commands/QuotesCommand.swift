import ArgumentParser
import BylineCore
import BylineLibrary
import Foundation

/// `byline quotes`: who said what across files and folders, newest first.
struct Quotes: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quotes",
    abstract: "List every attributed quote in files and folders, or every quote of one person.",
    discussion: """
      Folders are read recursively (.txt, .md, .html). Feeds (files or URLs) count with their \
      items: a feed never read is read first, else its stored items are used (byline feed \
      refresh reads them again). With --person, the person is found as in the library's picker \
      (case, accents and apostrophes ignored; "Tokayev" finds "Kassym-Jomart Tokayev", \
      "oconnor" finds "O'Connor") and only their quotes are listed; when the name fits more \
      than one person, they are listed on standard error and nothing else is done (exit status \
      1): give more of the name. Finding no quotes is said on standard error. Quotes are sorted \
      newest first (undated last), then by title. \
      Results are cached in $XDG_CACHE_HOME/byline (or ~/.cache/byline).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, markdown, csv
  }

  @Argument(help: "Article files and folders, feed files and feed URLs.")
  var paths: [String]

  @Option(help: "Only the quotes of this person.")
  var person: String?

  @Option(help: "Output format: json, markdown or csv.")
  var format: Format = .markdown

  @Flag(help: "Do not read or write the cache.")
  var noCache = false

  func run() throws {
    let library = Library(paths: paths, useCache: !noCache)
    library.waitUntilFinished()
    for message in library.snapshot().messages { reportError(message) }
    for entry in library.snapshot().entries {
      if let error = entry.error { reportError(error.description) }
    }
    let people = library.people()
    var rows: [(speaker: String, quote: PersonQuote)] = []
    let places = paths.joined(separator: ", ")
    if let person {
      let found: LibraryPerson
      switch Quotes.choose(person, in: people) {
      case .found(let one): found = one
      case .nobody:
        reportError("nobody named \(person) in \(places)")
        throw ExitCode.badInput
      case .several(let candidates):
        reportError("\(candidates.count) people match \(person); give more of the name:")
        for candidate in candidates.prefix(20) {
          let quotes = "\(candidate.quoteCount) quote\(candidate.quoteCount == 1 ? "" : "s")"
          reportDetail(
            "  \(candidate.name) (\(candidate.articleCount) article\(candidate.articleCount == 1 ? "" : "s"), \(quotes))"
          )
        }
        if candidates.count > 20 { reportDetail("  … and \(candidates.count - 20) more") }
        throw ExitCode.badInput
      }
      rows = library.quotes(of: found).map { (found.name, $0) }
      if rows.isEmpty { reportError("no quotes attributed to \(found.name) in \(places)") }
    } else {
      for found in people.people where found.quoteCount > 0 {
        rows += library.quotes(of: found).map { (found.name, $0) }
      }
      rows.sort { a, b in
        switch (a.quote.date, b.quote.date) {
        case (let x?, let y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default:
          return (a.quote.title, a.quote.path, a.quote.quote.start) < (b.quote.title, b.quote.path, b.quote.quote.start)
        }
      }
    }
    if person == nil, rows.isEmpty { reportError("no attributed quotes in \(places)") }
    emit(Quotes.render(rows, format: format), terminator: "")
  }

  /// What `--person` found.
  enum Choice {
    case found(LibraryPerson)
    case nobody
    /// More than one person fits equally well, best first.
    case several([LibraryPerson])
  }

  /// The person `--person` means, found as the picker finds (``PeopleIndex/search(_:)``):
  /// the only match; else the one whose name (or an alias) is what was typed, titles and
  /// case aside; else the only one with every typed word a whole word of the name; else the
  /// matches are candidates for the user to choose between.
  static func choose(_ query: String, in people: PeopleIndex) -> Choice {
    let matches = people.search(query)
    guard matches.count > 1 else { return matches.first.map { .found($0) } ?? .nobody }
    let key = TextFold.key(query)
    let named = matches.filter { person in
      ([person.name] + person.aliases).contains { TextFold.key($0) == key }
    }
    if named.count == 1 { return .found(named[0]) }
    let words = key.split(separator: " ")
    let whole = matches.filter { person in
      let nameWords = Set(TextFold.key(person.name).split(separator: " "))
      return words.allSatisfy(nameWords.contains)
    }
    if whole.count == 1 { return .found(whole[0]) }
    return .several(whole.count > 1 ? whole : matches)
  }

  /// The rows in a format, safe to print: JSON escapes every control (C1, DEL and bidi ones
  /// too), CSV and Markdown show them in ``TerminalSafe``'s visible form.
  static func render(_ rows: [(speaker: String, quote: PersonQuote)], format: Format) -> String {
    let one = TerminalSafe.line
    switch format {
    case .json:
      let items: [[String: Any]] = rows.map { row in
        var item: [String: Any] = [
          "speaker": row.speaker, "quote": row.quote.quote.text, "title": row.quote.title,
          "path": row.quote.path, "start": row.quote.quote.start, "end": row.quote.quote.end,
        ]
        item["date"] = row.quote.date?.description ?? NSNull()
        item["cue"] = row.quote.quote.cue ?? NSNull()
        return item
      }
      let data = try! JSONSerialization.data(
        withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      return TerminalSafe.json(String(decoding: data, as: UTF8.self)) + "\n"
    case .csv:
      func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
          ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
      }
      var out = "date,speaker,quote,title,path\n"
      for row in rows {
        out +=
          [
            one(row.quote.date?.description ?? ""), one(row.speaker), TerminalSafe.block(row.quote.quote.text),
            one(row.quote.title), one(row.quote.path),
          ].map(field).joined(separator: ",") + "\n"
      }
      return out
    case .markdown:
      var out = ""
      var lastSpeaker: String?
      let single = Set(rows.map(\.speaker)).count == 1
      for row in rows {
        if single, lastSpeaker == nil { out += "# \(one(row.speaker))\n\n" }
        lastSpeaker = row.speaker
        let text = one(row.quote.quote.text.replacingOccurrences(of: "\n\n", with: " "))
        let who = single ? "" : "**\(one(row.speaker))**: "
        out += "- \(who)\"\(text)\" (*\(one(row.quote.title))*, \(one(row.quote.date?.description ?? "undated")))\n"
      }
      return out
    }
  }
}
