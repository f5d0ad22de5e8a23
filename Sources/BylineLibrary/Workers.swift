import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Work spread over plain threads, one per core. Not `DispatchQueue.concurrentPerform`: next
/// to GRDB it corrupted the heap here.
enum Workers {
  /// Lowers the calling thread's priority (nice 10, on Linux) for background work: with every
  /// core busy analysing, the thread that reads keys and draws still gets the processor first.
  static func yieldToForeground() {
    #if canImport(Glibc)
      // On Linux the nice value is a thread's own: 0 names the calling thread.
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    #endif
  }

  /// Runs `body` for 0..<count on one thread per core, and waits.
  static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 0 else { return }
    let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    let next = Counter()
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      let thread = Thread {
        yieldToForeground()
        while true {
          let k = next.take()
          if k >= count { break }
          body(k)
        }
        group.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
  }

  /// `body` of 0..<count on every core, the results in order.
  static func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T?] {
    let results = Results<T>(count: count)
    run(count: count) { k in results.set(k, body(k)) }
    return results.values
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int { lock.withLock { defer { value += 1 }; return value } }
  }

  final class Results<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) { lock.withLock { values[k] = value } }
  }
}
