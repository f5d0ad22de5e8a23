import Foundation

/// SwiftPM generates `Bundle.module` for BylineCore; the fuzz build compiles the sources with
/// swiftc, so the reference data is found through BYLINE_RESOURCES (set by scripts/fuzz.sh).
extension Bundle {
  static let module: Bundle = {
    let path = ProcessInfo.processInfo.environment["BYLINE_RESOURCES"] ?? "Sources/BylineCore"
    guard let bundle = Bundle(path: path) else { fatalError("no reference data at \(path)") }
    return bundle
  }()
}
