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
      Folders are read recursively (.txt, .md). With --person, the person is found as in the \
      library's picker (case and accents ignored; "Tokayev" finds "Kassym-Jomart Tokayev") and \
      only their quotes are listed. Quotes are sorted newest first (undated last), then by title. \
      Results are cached in $XDG_CACHE_HOME/byline (or ~/.cache/byline).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, markdown, csv
  }

  @Argument(help: "Article files and folders.")
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
    if let person {
      guard let found = people.person(named: person) else {
        reportError("nobody named \(person) in \(paths.joined(separator: ", "))")
        throw ExitCode(1)
      }
      rows = library.quotes(of: found).map { (found.name, $0) }
    } else {
      for found in people.people where found.quoteCount > 0 {
        rows += library.quotes(of: found).map { (found.name, $0) }
      }
      rows.sort { a, b in
        switch (a.quote.date, b.quote.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.quote.title, a.quote.path, a.quote.quote.start) < (b.quote.title, b.quote.path, b.quote.quote.start)
        }
      }
    }
    emit(Quotes.render(rows, format: format), terminator: "")
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
      let data = try! JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      return TerminalSafe.json(String(decoding: data, as: UTF8.self)) + "\n"
    case .csv:
      func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
          ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
      }
      var out = "date,speaker,quote,title,path\n"
      for row in rows {
        out += [
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
