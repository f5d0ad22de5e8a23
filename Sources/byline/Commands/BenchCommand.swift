import ArgumentParser
import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `byline bench`: analysis throughput (MB/s, words/s) and peak memory on one thread, on real
/// text (the PolNeAR articles joined) and on synthetic text of growing size, against a plain
/// word-count pass over the same bytes measured in the same run; then the start-up time of a
/// short article's commands against a trivial process start.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure analysis throughput and peak memory on real and synthetic text.")

  @Option(help: "Folder of real articles (*.txt) to join.")
  var corpus: String = "../shared/corpora/polnear-train"

  @Option(help: "Runs of each command in the start-up timing (0 skips it).")
  var startupRuns: Int = 10

  @Option(help: "Size of the largest synthetic file, in MB.")
  var syntheticMB: Int = 100

  @Option(help: "Folder of saved web pages (NAME/source.html) for the extraction benchmark.")
  var pages: String = "../shared/corpora/readability-pages"

  @Flag(help: "Only the web page extraction benchmark.")
  var webOnly = false

  @Option(help: "Size of the news text among the adversarial shapes, in MB (at most 50, the file limit).")
  var largeMB: Int = 50

  @Flag(help: "Only the adversarial shapes (each command in a child process: MB/s and peak memory).")
  var shapesOnly = false

  @Flag(help: "Only the start-up timing (`render` and `analyze` of a short article against `/bin/true`).")
  var startupOnly = false

  /// Writes the shapes into a folder and ends: run in a child process, so that the process
  /// measuring stays small (a child's peak memory counts its parent's at the spawn).
  @Option(help: .hidden)
  var writeShapes: String?

  func validate() throws {
    guard (1...50).contains(largeMB) else { throw ValidationError("--large-mb must be between 1 and 50.") }
  }

  func run() throws {
    if let writeShapes { return try BenchShapes.write(largeMB: largeMB, into: URL(fileURLWithPath: writeShapes)) }
    if webOnly { return WebBench.run(folder: pages) }
    if startupOnly { return try measureStartup(runs: max(startupRuns, 1)) }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("byline-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // The shapes first: the web pages and the analysis table grow this process, and Linux
    // counts a parent's peak into its spawned child's (the shapes' memory read 0x after them).
    try BenchShapes.run(largeMB: largeMB, in: directory)
    if shapesOnly { return }
    emit("")
    WebBench.run(folder: pages)
    emit("")
    try analysisTable(in: directory)
  }

  /// The analysis table: real news, then synthetic text of growing size, in this process.
  func analysisTable(in directory: URL) throws {
    emit("Byline analysis benchmark (one thread)")
    emit("Analysis = ArticleAnalysis (quotes, entities, speakers, reported speech, read time) over")
    emit("parsed articles; parsing is timed apart (last column). Baseline = a whitespace word count.")
    emit(
      "input                      MB    seconds     MB/s      words/s   baseline MB/s  ratio  peak RSS MB  parse MB/s")
    if FileManager.default.fileExists(atPath: corpus) {
      let real = try joinedCorpus(corpus)
      measure(name: "real: \(URL(fileURLWithPath: corpus).lastPathComponent)", text: real)
    } else {
      emit("(no corpus at \(corpus): real-text run skipped)")
    }
    var size = max(1, syntheticMB / 8)
    while size <= syntheticMB {
      let file = directory.appendingPathComponent("synthetic-\(size)MB.txt")
      try synthesise(megabytes: size).write(to: file, atomically: false, encoding: .utf8)
      let text = try String(contentsOf: file, encoding: .utf8)
      measure(name: "synthetic \(size) MB", text: text)
      size *= 2
      if size > syntheticMB && size / 2 < syntheticMB { size = syntheticMB }
    }
    // Start-up of a short article's commands, in child processes (BenchStartup.swift).
    if startupRuns > 0 { try measureStartup(runs: startupRuns) }
  }

  /// Analyses the text as articles (split at blank-line-separated article boundaries of about
  /// 6 KB, as a library would hold them) and times it.
  func measure(name: String, text: String) {
    let bytes = text.utf8.count
    let articles = split(text)
    // Baseline: count whitespace-separated words over the same bytes.
    let baselineStart = Date()
    var baselineWords = 0
    for article in articles {
      var inWord = false
      for b in article.utf8 {
        let space = b == 32 || b == 10 || b == 9 || b == 13
        if !space && !inWord { baselineWords += 1 }
        inWord = !space
      }
    }
    let baselineSeconds = Date().timeIntervalSince(baselineStart)
    _ = ArticleAnalysis(article: ArticleParser.parse("Warm up\n\nLoads the lexicon once.", source: "-"))
    let parseStart = Date()
    let parsedArticles = articles.map { ArticleParser.parse($0, source: name) }
    let parseSeconds = Date().timeIntervalSince(parseStart)
    let start = Date()
    var words = 0
    var quotes = 0
    for parsed in parsedArticles {
      let analysis = ArticleAnalysis(article: parsed)
      words += analysis.readingTime.wordCount
      quotes += analysis.quotes.count
    }
    let seconds = Date().timeIntervalSince(start)
    let mb = Double(bytes) / 1_048_576
    let line = [
      name.padding(toLength: 24, withPad: " ", startingAt: 0),
      String(format: "%6.1f", mb), String(format: "%10.2f", seconds),
      String(format: "%8.1f", mb / seconds), String(format: "%12.0f", Double(words) / seconds),
      String(format: "%14.1f", mb / max(baselineSeconds, 1e-9)),
      String(format: "%6.1fx", seconds / max(baselineSeconds, 1e-9)),
      String(format: "%11.0f", peakRSSMegabytes()),
      String(format: "%14.1f", mb / max(parseSeconds, 1e-9)),
    ].joined(separator: " ")
    emit(line)
    _ = baselineWords + quotes
  }

  func split(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    for paragraph in text.components(separatedBy: "\n\n") {
      current += paragraph + "\n\n"
      if current.utf8.count > 6_000 {
        result.append(current)
        current = ""
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  func joinedCorpus(_ folder: String) throws -> String {
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    var text = ""
    for file in files {
      text += try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
      text += "\n\n"
    }
    return text
  }

  /// News-like text: names, places, quotes with cues, reported speech.
  func synthesise(megabytes: Int) -> String {
    let names = ["Anna Kovacs", "Peter Lindqvist", "Maria Santos", "David Okafor", "Li Wei", "Sarah Mitchell"]
    let places = ["London", "Nairobi", "Lisbon", "Almaty", "Toronto", "Berlin"]
    let orgs = ["the Ministry of Finance", "the Labour Party", "Acme Corp", "the Central Bank"]
    var text = ""
    text.reserveCapacity(megabytes * 1_048_576 + 4096)
    var i = 0
    while text.utf8.count < megabytes * 1_048_576 {
      let n = names[i % names.count]
      let p = places[(i / 3) % places.count]
      let o = orgs[(i / 7) % orgs.count]
      let surname = n.split(separator: " ").last!
      text += "Officials in \(p) met on Monday as \(o) weighed new rules, \(n), a senior analyst, said.\n\n"
      text +=
        "\u{201C}We expect the figures to improve by the end of the year,\u{201D} \(surname) told reporters in \(p).\n\n"
      text +=
        "\(surname) said the plan would cost more than expected, and \(o) pledged that \u{201C}every claim will be examined\u{201D}.\n\n"
      i += 1
    }
    return text
  }

  func peakRSSMegabytes() -> Double {
    #if canImport(Glibc)
      var usage = rusage()
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024
    #else
      return 0
    #endif
  }
}
