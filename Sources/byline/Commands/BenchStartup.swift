import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The start-up part of `byline bench`: how long `byline render` and `byline analyze` of a
/// short article take as child processes, against a trivial process start (`/bin/true`) and
/// `byline --help` timed in the same run, and `byline render` with the lexicon parsed from its
/// text files (`BYLINE_LEXICON=text`), as every command started before `lexicon.bin`. The
/// ratio to `--help` is what reading and analysing the article adds to starting at all.
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
    let render = ["render", path, "--width", "80", "--height", "24"]
    let commands: [(name: String, executable: String, arguments: [String], environment: [String: String])] = [
      ("/bin/true (baseline)", "/bin/true", [], [:]),
      ("byline --help", executable, ["--help"], [:]),
      ("byline render (2 KB)", executable, render, [:]),
      ("byline analyze (2 KB)", executable, ["analyze", path], [:]),
      ("byline render --panel", executable, render + ["--panel"], [:]),
      // The lexicon parsed from its text files, as before lexicon.bin.
      ("render, text lexicon", executable, render, ["BYLINE_LEXICON": "text"]),
    ]
    print("Start-up (median of \(runs) runs, wall clock; ratios to /bin/true and to byline --help in this run)")
    print("Swift runtime: \(Self.runtimeLinkage)")
    print("command                      ms   /bin/true  --help")
    var baseline = 0.0
    var help = 0.0
    for (n, command) in commands.enumerated() {
      let seconds = try medianRun(command.executable, command.arguments, command.environment, runs: runs)
      if n == 0 { baseline = seconds }
      if n == 1 { help = seconds }
      let name = command.name.padding(toLength: 24, withPad: " ", startingAt: 0)
      let toHelp = n == 0 ? "      -" : String(format: "%6.1fx", seconds / max(help, 1e-9))
      let ratios = String(format: "%9.1fx ", seconds / max(baseline, 1e-9)) + toHelp
      print("\(name) \(String(format: "%7.1f", seconds * 1000)) \(ratios)")
    }
    if let rates = LexiconBenchmark.measure(text: Self.shortArticle + Self.shortArticle.uppercased(), passes: 200) {
      print("Lexicon lookups (\(rates.lookups) in each pass; lexicon \(rates.origin)):")
      print(
        String(
          format: "  mapped tables %.1f M/s, Swift Dictionary/Set %.1f M/s, ratio %.2fx",
          rates.mappedMillionsPerSecond, rates.dictionaryMillionsPerSecond,
          rates.mappedMillionsPerSecond / max(rates.dictionaryMillionsPerSecond, 1e-9)))
    }
    print("")
  }

  /// The median wall time of running the command, output discarded; throws if it fails.
  /// posix_spawn and waitpid, not Foundation's Process, whose exit polling is coarser than
  /// the times measured here.
  func medianRun(
    _ executable: String, _ arguments: [String], _ environment: [String: String], runs: Int
  ) throws -> Double {
    var times: [Double] = []
    for run in 0...max(runs, 1) {
      let start = DispatchTime.now().uptimeNanoseconds
      let status = try Self.spawnAndWait(executable, arguments, environment)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      guard status == 0 else {
        throw BenchStartupError(command: ([executable] + arguments).joined(separator: " "), status: status)
      }
      if run > 0 { times.append(seconds) }  // the first run warms the page cache
    }
    return times.sorted()[times.count / 2]
  }

  /// Runs the program with its output sent to /dev/null; returns its exit status (128 + the
  /// signal's number if a signal ended it).
  static func spawnAndWait(_ executable: String, _ arguments: [String], _ environment: [String: String]) throws
    -> Int32
  {
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
      let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
      defer { for arg in argv { free(arg) } }
      var variables = ProcessInfo.processInfo.environment
      variables.merge(environment) { $1 }
      let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer { for entry in envp { free(entry) } }
      var pid: pid_t = 0
      let error = posix_spawn(&pid, executable, &actions, nil, argv, envp)
      guard error == 0 else {
        throw BenchStartupError(command: executable, status: -1, reason: String(cString: strerror(error)))
      }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    #else
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    #endif
  }

  /// How this binary holds the Swift runtime: linked in (`swift build -c release
  /// --static-swift-stdlib`, the faster start) or loaded from shared libraries.
  static var runtimeLinkage: String {
    let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
    if maps.contains("libswiftCore.so") { return "shared libraries (build with --static-swift-stdlib to start faster)" }
    return maps.isEmpty ? "unknown" : "linked in (--static-swift-stdlib)"
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
  /// Why it could not be started, if it was not.
  var reason: String?
  var description: String {
    if let reason { return "start-up benchmark: cannot run \(command): \(reason)" }
    return "start-up benchmark: `\(command)` exited with status \(status)"
  }
}
