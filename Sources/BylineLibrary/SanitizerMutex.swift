#if BYLINE_TSAN
  import Foundation

  /// Under ThreadSanitizer only (`scripts/sanitize thread` builds with `-DBYLINE_TSAN`): a
  /// stand-in for Synchronization's `Mutex` with the same `withLock`, over `NSLock`.
  ///
  /// ThreadSanitizer cannot see the happens-before of `Mutex` when it is contended on Linux
  /// (its slow path runs in the uninstrumented Synchronization library), and reports a race on
  /// the value inside it: eight threads adding one to a `Mutex<Int>` 20,000 times each end
  /// with exactly 160,000 and a "Swift access race" report; the same with `NSLock` gives none
  /// (docs/concurrency.md). `NSLock` is a pthread mutex, which ThreadSanitizer intercepts, so
  /// in this build a report is a real race. Every other build uses `Mutex` itself.
  final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
      lock.lock()
      defer { lock.unlock() }
      return try body(&value)
    }
  }
#endif
