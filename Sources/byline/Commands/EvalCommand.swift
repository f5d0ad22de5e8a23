import ArgumentParser
import BylineCore
import Foundation

/// `byline eval PATH...`: scores the analysis against gold files and prints a table.
///
/// Reads Byline's own `*.gold.json`, CoNLL entity gold (`NNNN.gold.json` with `entities`) and
/// PolNeAR attribution gold (`*.quotes.json`), each beside its article text, from files or
/// folders (searched recursively). Each shape is scored and printed on its own. A folder of
/// saved web pages with reference extractions is scored as web extraction (``WebEval``).
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score people, places, organisations, quotes and speakers against gold annotations.")

  @Argument(help: "Gold files or folders holding them (*.gold.json, *.quotes.json), or folders of saved web pages (NAME/source.html, expected.html, expected-metadata.json).")
  var paths: [String]

  @Flag(help: "Also print every miss and false find.")
  var showErrors = false

  func validate() throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw ValidationError("\(path): no such file or folder")
    }
  }

  func run() throws {
    let webFolders = WebEval.folders(in: paths)
    for folder in webFolders { WebEval.run(folder: folder, showErrors: showErrors) }
    let files = Gold.files(in: paths.filter { !webFolders.contains($0) })
    if files.isEmpty && !webFolders.isEmpty { return }
    guard !files.isEmpty else {
      throw ValidationError("no gold files (*.gold.json or *.quotes.json) under \(paths.joined(separator: " "))")
    }
    var byShape: [String: EvaluationScores] = [:]
    for file in files {
      let scores = Evaluator.evaluate(goldPath: file)
      let shape = scores.shapes.sorted().first ?? "errors"
      byShape[shape, default: EvaluationScores()].add(scores)
    }
    var first = true
    for shape in byShape.keys.sorted() {
      if !first { print("") }
      first = false
      print(byShape[shape]!.table())
      if showErrors { print(byShape[shape]!.misses.joined(separator: "\n")) }
    }
  }
}
