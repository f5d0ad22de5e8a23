import ArgumentParser
import BylineCore
import BylineUI
import Foundation

/// `byline bench-reader`: how fast the reader answers a key and reflows on resize, on a
/// large article, next to `fold -s` on the same text measured in the same run.
struct BenchReader: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-reader",
    abstract: "Time reader keypresses and resizes on a large article, against fold -s.")

  @Option(help: "An article file to use (default: the sample articles joined to --megabytes).")
  var file: String?

  @Option(help: "Size of the joined article when no file is given, in MB.")
  var megabytes: Double = 1

  @Option(help: "Repetitions of each measurement (the median is printed).")
  var repeats: Int = 15

  func run() throws {
    let text = try file.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? joinedSamples()
    let bytes = text.utf8.count
    let analysisStart = Date()
    let analysis = ArticleAnalysis(article: ArticleParser.parse(text, source: file ?? "bench"))
    let analysisSeconds = Date().timeIntervalSince(analysisStart)
    emit(
      "Byline reader benchmark: \(String(format: "%.2f", Double(bytes) / 1_048_576)) MB, "
        + "\(analysis.readingTime.wordCount) words, \(analysis.quotes.count) quotes, \(analysis.entities.count) entities"
    )
    emit(String(format: "parse + analysis, once:            %8.1f ms", analysisSeconds * 1000))

    let fold = foldMilliseconds(text)
    var state = ReaderState(analysis: analysis, width: 100, height: 30)
    state.apply(.nextPage)
    var results: [(String, Double)] = []
    func time(_ name: String, setup: (inout ReaderState) -> Void = { _ in }, action: (inout ReaderState) -> Void) {
      var samples: [Double] = []
      for _ in 0..<repeats {
        var s = state
        setup(&s)
        let start = DispatchTime.now().uptimeNanoseconds
        action(&s)
        _ = ReaderView.render(s)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      results.append((name, samples.sorted()[samples.count / 2]))
    }
    time("page turn") { $0.apply(.nextPage) }
    time("quote jump") { $0.apply(.nextQuote) }
    time(
      "search step (n)",
      setup: { s in
        s.apply(.startSearch)
        for c in "the" { s.apply(.type(c)) }
        s.apply(.choose)
      },
      action: { $0.apply(.nextMatchOrQuote) })
    time("panel toggle, nothing prepared") { $0.apply(.togglePanel) }
    time("panel toggle after idle preparation", setup: { s in s.prepareLayouts() }, action: { $0.apply(.togglePanel) })
    if let person = analysis.entities.firstIndex(where: { $0.kind == .person }) {
      time("filter to a person") { $0.apply(.filterByName(analysis.entities[person].name)) }
    }
    time("resize 100x30 -> 80x24 (reflow)") { $0.apply(.resize(width: 80, height: 24)) }
    time("resize, height only") { $0.apply(.resize(width: 100, height: 24)) }

    emit(String(format: "fold -s -w 76, same text:          %8.2f ms  (baseline)", fold))
    emit("")
    emit("action                               median ms   × fold -s")
    for (name, ms) in results {
      emit(
        name.padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: "%10.3f   %8.4f", ms, fold > 0 ? ms / fold : 0))
    }
  }

  /// The sample articles' bodies joined until the text reaches the requested size.
  private func joinedSamples() throws -> String {
    let folder = FileManager.default.currentDirectoryPath + "/sample-articles"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else { throw ValidationError("no sample articles in \(folder); pass --file") }
    let bodies = try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    var text = "A very long article for the benchmark\n\n"
    let target = Int(megabytes * 1_048_576)
    var k = 0
    while text.utf8.count < target {
      text += bodies[k % bodies.count].split(separator: "\n\n").dropFirst().joined(separator: "\n\n") + "\n\n"
      k += 1
    }
    return text
  }

  /// The time `fold -s -w 76` takes on the same text, in milliseconds (median of 5).
  private func foldMilliseconds(_ text: String) -> Double {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("byline-bench-\(getpid()).txt").path
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var samples: [Double] = []
    for _ in 0..<5 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/fold")
      process.arguments = ["-s", "-w", "76", path]
      process.standardOutput = FileHandle.nullDevice
      let start = DispatchTime.now().uptimeNanoseconds
      guard (try? process.run()) != nil else { return 0 }
      process.waitUntilExit()
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return samples.sorted()[2]
  }
}
