import BylineWeb
import Foundation

/// `byline eval` on folders of saved web pages (`NAME/source.html` with the reference
/// extraction `NAME/expected.html` and `NAME/expected-metadata.json`): body text word 4-gram
/// precision, recall and F1 averaged over pages, titles and bylines right, over all pages and
/// over the news pages.
enum WebEval {
  /// The folders of `paths` that hold web pages with reference extractions.
  static func folders(in paths: [String]) -> [String] {
    paths.filter { !ExtractionEvaluation.pages(in: $0).isEmpty }
  }

  static func run(folder: String, showErrors: Bool) {
    let (all, news) = ExtractionEvaluation.evaluate(folder: folder)
    emit("web pages: \(folder)")
    emit("set     pages  body P   body R   body F1  titles right   bylines right")
    for (name, scores) in [("all", all), ("news", news)] where scores.pages > 0 {
      emit(
        String(
          format: "%-6@ %6d  %6.3f   %6.3f   %6.3f   %3d/%-3d %5.3f  %3d/%-3d %5.3f", name as NSString, scores.pages,
          scores.precision, scores.recall, scores.f1, scores.titlesRight, scores.titlesScored, scores.titleAccuracy,
          scores.bylinesRight, scores.bylinesScored, scores.bylineAccuracy))
    }
    if showErrors {
      for page in all.perPage.sorted(by: { $0.f1 < $1.f1 }) where page.f1 < 0.9 || !page.title || page.byline == false {
        emit(
          String(format: "  %-40@ F1 %.3f", page.name as NSString, page.f1)
            + (page.title ? "" : "  title wrong") + (page.byline == false ? "  byline wrong" : ""))
      }
    }
  }
}
