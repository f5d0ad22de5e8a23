import BylineCore
import BylineWeb
import Foundation

/// The web part of `byline bench`: pages per second for extracting articles from saved pages
/// (charset, libxml2 parse, metadata, main text, blocks, the Article), next to merely parsing
/// the same pages with libxml2 into Byline's tree, measured in the same run on one thread.
enum WebBench {
  static func run(folder: String) {
    let names = ExtractionEvaluation.pages(in: folder)
    guard !names.isEmpty else {
      emit("(no saved pages at \(folder): web extraction benchmark skipped)")
      return
    }
    let pages = names.compactMap { FileManager.default.contents(atPath: "\(folder)/\($0)/source.html") }
    let bytes = pages.reduce(0) { $0 + $1.count }
    emit("Byline web extraction benchmark (one thread): \(pages.count) pages, \(bytes / 1024) KB")
    // Warm up (page faults, lazy tables), then the best of three rounds of each.
    for page in pages.prefix(5) { _ = HTMLArticleReader.parseOnly(page) }
    let parse = best(of: 3) { for page in pages { _ = HTMLArticleReader.parseOnly(page) } }
    var times: [Double] = []
    let extract = best(of: 3) {
      times = []
      for (k, page) in pages.enumerated() {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? HTMLArticleReader.read(page, source: names[k] + ".html")
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
    }
    let sorted = times.sorted()
    let typical = zip(pages, times).filter { (100_000...300_000).contains($0.0.count) }.map(\.1).sorted()
    emit("step                          seconds   pages/s     MB/s")
    for (label, seconds) in [("parse only (libxml2 + tree)", parse), ("extract article", extract)] {
      emit(
        String(
          format: "%-28@ %8.3f  %8.1f  %7.1f", label as NSString, seconds, Double(pages.count) / seconds,
          Double(bytes) / 1_048_576 / seconds))
    }
    emit(String(format: "extraction / parse: %.2f× the time", extract / parse))
    emit(
      String(
        format: "per page: median %.1f ms, 90th percentile %.1f ms, slowest %.1f ms", sorted[sorted.count / 2],
        sorted[sorted.count * 9 / 10], sorted.last!))
    if !typical.isEmpty {
      emit(
        String(
          format: "pages of 100-300 KB (%d): median %.1f ms, slowest %.1f ms", typical.count,
          typical[typical.count / 2],
          typical.last!))
    }
  }

  private static func best(of rounds: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }
}
