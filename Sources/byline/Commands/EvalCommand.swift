import ArgumentParser
import BylineCore
import Foundation

/// `byline eval PATH...`: scores the analysis against gold files and prints a table.
///
/// Reads Byline's own `*.gold.json`, CoNLL entity gold (`NNNN.gold.json` with `entities`) and
/// PolNeAR attribution gold (`*.quotes.json`), each beside its article text, from files or
/// folders (searched recursively). Each shape is scored and printed on its own.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score people, places, organisations, quotes and speakers against gold annotations.")

  @Argument(help: "Gold files or folders holding them (*.gold.json, *.quotes.json).")
  var paths: [String]

  @Flag(help: "Also print every miss and false find.")
  var showErrors = false

  func validate() throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw ValidationError("\(path): no such file or folder")
    }
  }

  func run() throws {
    let files = Gold.files(in: paths)
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
      if !first { emit("") }
      first = false
      emit(byShape[shape]!.table())
      if showErrors { emit(byShape[shape]!.misses.joined(separator: "\n")) }
    }
  }
}
