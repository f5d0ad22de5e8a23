import Foundation

/// The one libFuzzer entry point of the fuzz binary: BYLINE_FUZZ_TARGET (article, analysis,
/// theme, feed or page) picks the target, so the sources are compiled once for all of them.
enum FuzzTarget {
  static let run: (UnsafePointer<UInt8>, Int) -> CInt = {
    switch ProcessInfo.processInfo.environment["BYLINE_FUZZ_TARGET"] ?? "" {
    case "article": return fuzzArticle
    case "analysis": return fuzzAnalysis
    case "theme": return fuzzTheme
    case "feed": return fuzzFeed
    case "page": return fuzzPage
    default: fatalError("set BYLINE_FUZZ_TARGET to article, analysis, theme, feed or page")
    }
  }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  FuzzTarget.run(bytes, count)
}
