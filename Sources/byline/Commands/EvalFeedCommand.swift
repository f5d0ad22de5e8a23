import BylineWeb
import Foundation

/// `byline eval` on feedparser's test suite (`wellformed/KIND/*.xml`, `illformed/KIND/*.xml`,
/// each with an `Expect:` comment): the share of the expectations that apply passed, by
/// category, and the categories where none applies.
enum FeedEval {
  static func folders(in paths: [String]) -> [String] {
    paths.filter(FeedEvaluation.isTestSuite)
  }

  static func run(folder: String, showErrors: Bool) {
    let categories = FeedEvaluation.evaluate(folder: folder)
    emit("feeds: \(folder)")
    emit("category                      files  apply  passed  share")
    var files = 0
    var applicable = 0
    var passed = 0
    let unparsed = categories.reduce(0) { $0 + $1.unparsed }
    let judged = categories.reduce(0) { $0 + $1.judged }
    for category in categories {
      files += category.files
      applicable += category.applicable
      passed += category.passed
      let share = category.applicable == 0 ? "    -" : String(format: "%5.1f%%", category.share * 100)
      emit(
        category.name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + String(format: "%7d %6d %7d  ", category.files, category.applicable, category.passed) + share)
      if showErrors, !category.failures.isEmpty {
        emit("  failed: " + category.failures.joined(separator: " "))
      }
      if showErrors, !category.unparsedFiles.isEmpty {
        emit("  expectation not read: " + category.unparsedFiles.joined(separator: " "))
      }
    }
    let total = applicable == 0 ? 1 : Double(passed) / Double(applicable)
    emit(
      "all".padding(toLength: 28, withPad: " ", startingAt: 0)
        + String(format: "%7d %6d %7d  %5.1f%%", files, applicable, passed, total * 100))
    emit("\(judged) files judged not to apply; \(unparsed) expectations this evaluator cannot read")
    emit("\nnot applicable (a reader does not show them):")
    for (what, reason) in FeedEvaluation.notApplicable {
      emit("  \(what): \(reason)")
    }
    emit("judged not to apply:")
    for (files, reason) in FeedEvaluation.judgedNotApplicable {
      emit("  *\(files): \(reason)")
    }
  }
}
