import Foundation

/// The start-up part of `byline bench`: how long `byline render` and `byline analyze` of a
/// short article take as child processes, against a trivial process start (`/bin/true`) and
/// `byline --help` timed in the same run. The lexicon is what a command used to spend its
/// start-up on; the ratio shows what analysing costs over starting at all.
extension Bench {
  /// Runs each command `runs` times (after one warm-up) and prints the median wall time.
  func measureStartup(runs: Int) throws {
    guard let executable = Self.ownExecutable() else {
      print("(cannot find the byline executable: start-up run skipped)")
      return
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("byline-bench-startup-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let article = directory.appendingPathComponent("short-article.txt")
    try Self.shortArticle.write(to: article, atomically: false, encoding: .utf8)
    let path = article.path
    let commands: [(name: String, executable: String, arguments: [String])] = [
      ("/bin/true (baseline)", "/bin/true", []),
      ("byline --help", executable, ["--help"]),
      ("byline render (2 KB)", executable, ["render", path, "--width", "80", "--height", "24"]),
      ("byline analyze (2 KB)", executable, ["analyze", path]),
      ("byline render --entities", executable, ["render", path, "--width", "80", "--height", "24", "--entities"]),
    ]
    print("Start-up (median of \(runs) runs, wall clock; ratio to /bin/true in this run)")
    print("command                      ms   ratio")
    var baseline = 0.0
    for (n, command) in commands.enumerated() {
      let seconds = try medianRun(command.executable, command.arguments, runs: runs)
      if n == 0 { baseline = seconds }
      let name = command.name.padding(toLength: 24, withPad: " ", startingAt: 0)
      print("\(name) \(String(format: "%7.1f", seconds * 1000)) \(String(format: "%6.1fx", seconds / max(baseline, 1e-9)))")
    }
    print("")
  }

  /// The median wall time of running the command, output discarded; throws if it fails.
  func medianRun(_ executable: String, _ arguments: [String], runs: Int) throws -> Double {
    var times: [Double] = []
    for run in 0...max(runs, 1) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      let start = Date()
      try process.run()
      process.waitUntilExit()
      let seconds = Date().timeIntervalSince(start)
      guard process.terminationStatus == 0 else {
        throw BenchStartupError(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus)
      }
      if run > 0 { times.append(seconds) }  // the first run warms the page cache
    }
    return times.sorted()[times.count / 2]
  }

  /// This process's executable (`/proc/self/exe` on Linux).
  static func ownExecutable() -> String? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return Bundle.main.executablePath
  }

  /// A 2 KB news article with names, places and quotes.
  static let shortArticle = """
    Harbour workers walk out over pay

    By Anna Kovacs

    Dock workers in Lisbon stopped work on Monday after talks with the port authority broke down, \
    union leaders said.

    \u{201C}We have waited two years for an offer that matches the cost of living,\u{201D} said Maria \
    Santos, who leads the dockers' union. \u{201C}Nobody wants a strike, but nobody listened.\u{201D}

    The port authority said in a statement that its offer of 4 per cent was fair and that it \
    remained open to talks. Its chairman, Peter Lindqvist, told reporters in Lisbon that ships \
    would be diverted to Porto and Sines while the strike lasts.

    Santos said the union would meet again on Thursday. \u{201C}If they come back with a real offer, \
    we will look at it,\u{201D} she said.

    Shipping firms warned that a long stoppage would hurt exporters across Portugal and Spain. \
    David Okafor, an analyst at a Toronto bank, said the dispute was \u{201C}a warning for every port \
    in Europe\u{201D}.

    """
}

/// A child process of the start-up benchmark failed.
struct BenchStartupError: Error, CustomStringConvertible {
  var command: String
  var status: Int32
  var description: String { "start-up benchmark: `\(command)` exited with status \(status)" }
}
