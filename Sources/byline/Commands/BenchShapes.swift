import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The adversarial inputs of `byline bench`: shapes that once made analysis grow faster than
/// the text or eat many times its size. Each is written to a file and run through
/// `byline analyze --format json`, `byline render` and `byline render --search` (the reader
/// searching) in a child process of this binary, so the time and peak memory are those of the
/// whole command, one shape at a time.
///
/// Targets (README, "Limits"): at least 2 MB/s, and a peak at most 10 times the input above
/// the peak of the same command on a one-line article (the reference data, about 50 MB, is
/// loaded whatever the input). The speed counts the same way: the command's time above its
/// time on the one-line article (process start and loading, about 0.05 s), so that a small
/// shape is not judged on start-up. Both times are the least of three runs (the large news
/// runs once).
enum BenchShapes {
  struct Shape {
    var name: String
    var text: String
    /// How the file is named, and so read: `txt` (plain text) or `md` (Markdown).
    var fileExtension = "txt"
  }

  /// The shapes, each of about `megabytes` MB except the fixed ones.
  static func shapes(largeMB: Int) -> [Shape] {
    [
      Shape(name: "news 2 MB (reference)", text: newsText(megabytes: 2)),
      Shape(name: "names then quotes 0.5 MB", text: namesThenQuotes(bytes: 480_000)),
      Shape(name: "names then quotes 3 MB", text: namesThenQuotes(bytes: 3_000_000)),
      Shape(name: "200,000 one-line paras", text: oneLineParagraphs(200_000)),
      Shape(name: "quote flood 2 MB", text: quoteFlood(bytes: 2_000_000)),
      Shape(
        name: "one 2 MB line, no space", text: "Long line\n\n" + String(repeating: "abcdefghij", count: 200_000) + "\n"),
      Shape(name: "news \(largeMB) MB", text: newsText(megabytes: largeMB)),
      // Last, so that the shapes before keep their numbers in scripts/check-analysis-unchanged.sh.
      Shape(name: "quote flood, one paragraph", text: quoteFlood(bytes: 2_000_000, quotesAParagraph: nil)),
      Shape(name: "quotes and cues, no stop", text: quotesWithoutStops(bytes: 2_000_000)),
      // Markdown lines whose marks were once read once a mark (MarkdownBrackets).
      Shape(
        name: "md: 1M quote levels", text: "Levels\n\n" + String(repeating: "> ", count: 1_000_000) + "Deep.\n",
        fileExtension: "md"),
      Shape(name: "md: 400k nested links", text: nestedLinks(400_000), fileExtension: "md"),
      Shape(
        name: "md: 500k unclosed links", text: "Links\n\n" + String(repeating: "[a](", count: 500_000) + "\n",
        fileExtension: "md"),
    ]
  }

  /// A Markdown line of `depth` links, each the text of the one around it: `[[[x](u)](u)](u)`.
  static func nestedLinks(_ depth: Int) -> String {
    "Links\n\n" + String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth) + "\n"
  }

  /// A paragraph of capitalised first and last names, then two quoted paragraphs with no
  /// speaker of their own (the attribution looks back over every name).
  static func namesThenQuotes(bytes: Int) -> String {
    let first = ["Adela", "Bruno", "Celia", "Dmitri", "Edith", "Farid", "Greta", "Hamid", "Ines", "Jonas"]
    let syllables = ["ka", "lo", "mer", "tan", "vis", "dor", "pel", "rin", "sou", "gar", "bek", "ny"]
    var text = "Names\n\n"
    var i = 0
    while text.utf8.count < bytes {
      let a = syllables[i % 12]
      let b = syllables[(i / 12) % 12]
      let c = syllables[(i / 144) % 12]
      text += "\(first[i % 10]) \(a.capitalized)\(b)\(c)\(i / 1728), "
      i += 1
    }
    text += "and others.\n\n\u{201C}We will not accept this,\u{201D} said the spokesman.\n\n"
    text += "\u{201C}Nor will anyone who works here.\u{201D}\n"
    return text
  }

  /// `count` paragraphs of one short line each.
  static func oneLineParagraphs(_ count: Int) -> String {
    var text = "Lines\n\n"
    for i in 0..<count { text += "Line \(i)\n\n" }
    return text
  }

  /// Paragraphs made of short quotes and cues, with straight and curly marks mixed, 20 of
  /// them a paragraph (nil: one paragraph, whose sentence ends all fall inside quotes).
  static func quoteFlood(bytes: Int, quotesAParagraph: Int? = 20) -> String {
    var text = "Quotes\n\n"
    var i = 0
    while text.utf8.count < bytes {
      text += "\"Yes,\" said Ann Lee. \u{201C}No\u{201D} \"maybe\" 12\" \u{201C}open "
      if let quotesAParagraph, i % quotesAParagraph == quotesAParagraph - 1 { text += "\n\n" }
      i += 1
    }
    return text
  }

  /// One paragraph of quotes and cues with no sentence end: every scan for a sentence's or a
  /// clause's bounds would run to the paragraph's end (it took minutes before
  /// `SpeechAttributor.longestSentence`).
  static func quotesWithoutStops(bytes: Int) -> String {
    var text = "Quotes\n\n"
    while text.utf8.count < bytes { text += "\"yes\" said ann and bob and \"no\" " }
    return text + "\n"
  }

  /// News-like text, as the synthetic analysis benchmark writes it.
  /// Cut at a paragraph under the file limit, which `--large-mb 50` would otherwise pass.
  static func newsText(megabytes: Int) -> String {
    var text = Bench().synthesise(megabytes: megabytes)
    let limit = ArticleLoader.maximumBytes - 4096
    if text.utf8.count > limit,
      let cut = text.utf8.index(text.utf8.startIndex, offsetBy: limit, limitedBy: text.utf8.endIndex),
      let end = text[..<cut].range(of: "\n\n", options: .backwards)
    {
      text = String(text[..<end.upperBound])
    }
    return text
  }

  /// One run of a command on a file: seconds and peak resident memory (MB) of the child.
  struct Run {
    var seconds: Double
    var peakMB: Double
    var status: Int32
  }

  /// Runs this binary with `arguments`, output to /dev/null, and measures it.
  static func measure(_ arguments: [String]) -> Run {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      return Run(seconds: 0, peakMB: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Date().timeIntervalSince(start)
    return Run(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
  }

  /// Writes each shape as `shape-N.txt` (or `.md`) and their names in `shapes.txt`.
  static func write(largeMB: Int, into directory: URL) throws {
    var names: [String] = []
    for (k, shape) in shapes(largeMB: largeMB).enumerated() {
      try shape.text.write(
        to: directory.appendingPathComponent("shape-\(k).\(shape.fileExtension)"), atomically: false, encoding: .utf8)
      names.append(shape.name)
    }
    try names.joined(separator: "\n").write(
      to: directory.appendingPathComponent("shapes.txt"), atomically: false, encoding: .utf8)
  }

  /// The targets every shape must meet (issue 14): analysis speed and peak memory over input.
  static let minimumMBPerSecond = 2.0
  static let maximumTimesInput = 10.0

  /// Prints the table: per shape and command, MB/s, its ratio to the same command on 2 MB of
  /// news measured first in the same run, peak memory against the input, and whether the
  /// shape meets the targets. The files are written by a child process and each command runs
  /// in one, so no measure counts this process's memory (Linux carries a parent's peak into a
  /// spawned child's).
  static func run(largeMB: Int, in directory: URL) throws {
    emit("")
    emit(
      "Adversarial shapes: whole commands in a child process (analyze --format json; render at 80x24;")
    emit("search: the same render searching for 'said').")
    emit("'x input' is the peak above the same command on a one-line article, over the input's size;")
    emit("'MB/s' is the input over the time above the same command on a one-line article (start-up);")
    emit("'x news' is the MB/s over the same command's on 2 MB of news (the first row), same run.")
    emit("Targets: at least \(Int(minimumMBPerSecond)) MB/s and at most \(Int(maximumTimesInput))x input.")
    emit("shape                          MB  command     seconds     MB/s  x news  peak RSS MB  x input  meets")
    let tiny = directory.appendingPathComponent("tiny.txt")
    try "Tiny\n\nOne line of text.\n".write(to: tiny, atomically: false, encoding: .utf8)
    let commands: [(name: String, arguments: (String) -> [String])] = [
      ("analyze", { ["analyze", $0, "--format", "json"] }),
      ("render", { ["render", $0, "--width", "80", "--height", "24"] }),
      // The reader searching: the text folded for the query, on top of the reader's layout.
      ("search", { ["render", $0, "--width", "80", "--height", "24", "--search", "said"] }),
    ]
    // The one-line article, three times: its least time is the start-up that the speeds leave out.
    let baseline = commands.map { command in
      let runs = (0..<3).map { _ in measure(command.arguments(tiny.path)) }
      return (seconds: runs.map(\.seconds).min() ?? 0, peakMB: runs.map(\.peakMB).min() ?? 0)
    }
    _ = measure(["bench", "--write-shapes", directory.path, "--large-mb", String(largeMB)])
    let names = try String(contentsOf: directory.appendingPathComponent("shapes.txt"), encoding: .utf8)
      .split(separator: "\n")
    var news: [Double] = []
    for (k, name) in names.enumerated() {
      let markdown = directory.appendingPathComponent("shape-\(k).md")
      let plain = directory.appendingPathComponent("shape-\(k).txt")
      let file = FileManager.default.fileExists(atPath: markdown.path) ? markdown : plain
      let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
      let mb = Double(bytes) / 1_048_576
      for (c, command) in commands.enumerated() {
        // The least time of three runs, as for the one-line article (one for the large news:
        // a shared machine's noise was half a shape's speed from one run to the next), and
        // the greatest peak.
        let runs = (0..<(mb <= 10 ? 3 : 1)).map { _ in measure(command.arguments(file.path)) }
        var run = runs.min { $0.seconds < $1.seconds }!
        run.peakMB = runs.map(\.peakMB).max()!
        run.status = runs.map(\.status).first { $0 != 0 } ?? 0
        let above = max(0, run.peakMB - baseline[c].peakMB)
        let rate = mb / max(run.seconds - baseline[c].seconds, 1e-9)
        if k == 0 { news.append(rate) }
        let fast = rate >= minimumMBPerSecond
        let small = above / mb <= maximumTimesInput
        let verdict =
          run.status != 0
          ? "(exit \(run.status))"
          : fast && small
            ? "yes"
            : "no (" + [fast ? nil : "speed", small ? nil : "memory"].compactMap { $0 }.joined(separator: ", ") + ")"
        emit(
          [
            String(name).padding(toLength: 27, withPad: " ", startingAt: 0),
            String(format: "%6.2f", mb), command.name.padding(toLength: 8, withPad: " ", startingAt: 0),
            String(format: "%10.2f", run.seconds), String(format: "%8.1f", rate),
            String(format: "%7.2f", rate / max(news[c], 1e-9)),
            String(format: "%12.0f", run.peakMB), String(format: "%8.1f", above / mb), verdict,
          ].joined(separator: " "))
      }
    }
  }
}
