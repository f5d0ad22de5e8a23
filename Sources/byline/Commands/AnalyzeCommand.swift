import ArgumentParser
import BylineCore
import Foundation

/// `byline analyze`: what Byline finds in articles, as JSON or text.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print an article's metadata, read time, entities and quotes.",
    discussion:
      "JSON offsets count Unicode scalars in the file as read, end exclusive; the schema is in docs/analyze-json.md. With several files, JSON output is an array."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, text
  }

  @Argument(help: "Article files (- for standard input).")
  var files: [String]

  @Option(help: "Output format: json or text.")
  var format: Format = .text

  @OptionGroup var analysisOptions: AnalysisOptions

  func run() throws {
    if format == .json { return try runJSON() }
    var reports: [AnalysisReport] = []
    var failed = false
    for file in files {
      do {
        let article = try loadArticleOrExit(file)
        reports.append(AnalysisReport(ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)))
      } catch {
        failed = true
      }
    }
    if !reports.isEmpty { emit(reports.map(TextReport.render).joined(separator: "\n\n")) }
    if failed { throw ExitCode(1) }
  }

  /// JSON written as each article is analysed, in chunks: one object for one file, an array
  /// for several (nothing when none could be read). The report of a large article is never
  /// held whole in memory.
  func runJSON() throws {
    fflush(nil)  // anything printed before goes first
    var writer = JSONWriter(sink: writeStandardOutput)
    var written = 0
    var failed = false
    for file in files {
      do {
        let article = try loadArticleOrExit(file)
        let analysis = ArticleAnalysis(article: article, wordsPerMinute: analysisOptions.wpm)
        if files.count > 1 { writer.raw(written == 0 ? "[\n" : ",\n") }
        AnalysisReport.writeJSON(of: analysis, to: &writer)
        written += 1
      } catch {
        failed = true
      }
    }
    if files.count > 1, written > 0 { writer.raw("\n]") }
    if written > 0 { writer.raw("\n") }
    writer.finish()
    if failed { throw ExitCode.badInput }
  }
}

/// The human-readable form of an analysis.
enum TextReport {
  /// Every field is one line: newlines and controls in it are made visible.
  static func render(_ report: AnalysisReport) -> String {
    let one = TerminalSafe.line
    var lines: [String] = []
    let meta = report.metadata
    lines.append(one(report.source))
    if let title = meta.title { lines.append("  title:       \(one(title))") }
    if let standfirst = meta.standfirst { lines.append("  standfirst:  \(one(standfirst))") }
    if let author = meta.author { lines.append("  author:      \(one(author))") }
    if let date = meta.date { lines.append("  date:        \(one(date))") }
    if let dateline = meta.dateline { lines.append("  dateline:    \(one(dateline))") }
    for caption in meta.captions {
      lines.append("  caption:     \(one(caption.text))" + (caption.credit.map { " [\(one($0))]" } ?? ""))
    }
    if !meta.furniture.isEmpty { lines.append("  furniture:   \(meta.furniture.map(one).joined(separator: ", "))") }
    lines.append("  paragraphs:  \(meta.bodyParagraphs)")
    let time = report.readTime
    lines.append("  words:       \(time.words)")
    var readTime = "  read time:   \(time.estimatedMinutes) min at \(Int(time.wordsPerMinute)) wpm"
    if let stated = time.statedMinutes { readTime += " (article says \(stated) min)" }
    lines.append(readTime)
    if !report.entities.isEmpty {
      lines.append("  entities:")
      for entity in report.entities {
        var line = "    \(entity.kind.rawValue): \(one(entity.name))"
        if let role = entity.role { line += " (\(one(role)))" }
        line += ", \(entity.mentions.count) mention\(entity.mentions.count == 1 ? "" : "s")"
        lines.append(line)
      }
    }
    lines.append("  quotes:      \(report.quotes.count)")
    for (k, quote) in report.quotes.enumerated() {
      let who = quote.speaker.map { " — \(one($0))" + (quote.cue.map { " (\(one($0)))" } ?? "") } ?? ""
      lines.append("    \(k + 1). [\(quote.kind)] “\(one(quote.text.replacingOccurrences(of: "\n", with: " ")))”\(who)")
    }
    return lines.joined(separator: "\n")
  }
}
