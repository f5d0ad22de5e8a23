import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Byline's worker threads: the one way it starts a thread (``start(name:lowPriority:_:)``), and
/// work spread over one thread per core (``run(count:_:)``).
///
/// Plain threads rather than `DispatchQueue.concurrentPerform`: their stack size does not
/// depend on the platform (see ``stackSize``), and each lowers its own priority
/// (``yieldToForeground()``), which must not be done to libdispatch's shared pool threads. An earlier note blamed
/// concurrentPerform "next to GRDB" for heap corruption; docs/concurrency.md says what the
/// sanitizers found about it.
public enum Workers {
  /// The stack of every worker thread: 8 MB, what the main thread has on Linux by default. An
  /// article is analysed on the main thread for `byline FILE` and on workers in the library,
  /// and must not overflow in one where it works in the other. Left to the default, a
  /// thread's stack follows the `ulimit -s` of whatever started Byline (8 MB here, measured
  /// for `Thread` and libdispatch's threads alike) on Linux, and is 512 KB for secondary
  /// threads on Darwin: set, it is the same everywhere.
  public static let stackSize = 8 << 20

  /// Starts `body` on a new thread with an 8 MB stack (``stackSize``), named for `top` and
  /// debuggers, at a lower priority unless `lowPriority` is false. Returns at once.
  public static func start(name: String, lowPriority: Bool = true, _ body: @escaping @Sendable () -> Void) {
    let thread = Thread {
      if lowPriority { yieldToForeground() }
      body()
    }
    thread.name = name
    thread.stackSize = stackSize
    thread.start()
  }

  /// Lowers the calling thread's priority (nice 10, on Linux) for background work: with every
  /// core busy analysing, the thread that reads keys and draws still gets the processor first.
  public static func yieldToForeground() {
    #if canImport(Glibc)
      // On Linux the nice value is a thread's own: 0 names the calling thread.
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    #endif
  }

  /// Runs `body` for 0..<count on one thread per core (or `width` threads: network work, which
  /// waits more than it computes), and waits.
  public static func run(count: Int, width: Int? = nil, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 0 else { return }
    let workers = min(count, max(1, width ?? ProcessInfo.processInfo.activeProcessorCount))
    let next = Mutex(0)
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      start(name: "byline-worker") {
        while true {
          let k = next.withLock { n in
            defer { n += 1 }; return n
          }
          if k >= count { break }
          body(k)
        }
        group.leave()
      }
    }
    group.wait()
  }

  /// `body` of 0..<count on every core, the results in order.
  public static func map<T: Sendable>(_ count: Int, width: Int? = nil, _ body: @escaping @Sendable (Int) -> T) -> [T?] {
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    run(count: count, width: width) { k in
      let value = body(k)
      results.withLock { $0[k] = value }
    }
    return results.withLock { $0 }
  }
}
