import ArgumentParser
import BylineCore
import BylineLibrary
import BylineUI
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `byline bench-library PATH`: how the library scales. Make test libraries with
/// `scripts/make-library.sh N OUT`.
struct BenchLibrary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-library",
    abstract: "Time the library: first screen (cold and warm cache), analysis, picker, search.",
    discussion: """
      Uses a fresh cache folder (removed at the end) unless --cache is given; the warm run ends \
      by marking every article read, and the first screen is timed once more with the marks. \
      "First screen" is \
      what the terminal waits for before it draws the list: opening the library (the cache's \
      rows or the folder listing, and the first snapshot, built at open), taking the snapshot, \
      the list state (sorting the rows) and the first frame, at 120x40. The background work \
      that follows (checking every file, loading the people, analysing what is new) is timed \
      apart.
      """)

  @Argument(help: "A library folder.")
  var path: String

  @Option(help: "Cache folder to use (default: a new temporary one).")
  var cache: String?

  @Option(help: "Words typed into the picker, one keystroke at a time.")
  var pickerQuery: String = "tony blair"

  @Option(help: "Full-text search query.")
  var search: String = "election labour"

  @Flag(
    help: "Only time listing and scanning the folder, then the first screen on the cache (--cache), a few times each.")
  var firstScreenOnly = false

  func run() throws {
    let cacheDir = cache ?? NSTemporaryDirectory() + "byline-bench-\(getpid())"
    defer { if cache == nil { try? FileManager.default.removeItem(atPath: cacheDir) } }
    if firstScreenOnly {
      for _ in 0..<3 {
        var n = 0
        let t = seconds { n = LibraryScanner.list([path]).files.count }
        let t2 = seconds { n = LibraryScanner.scan([path]).files.count }
        emit("list \(n): \(ms(t)), scan: \(ms(t2))")
      }
      var opened: [Library] = []  // kept open: closing would run their background work
      for _ in 0..<5 {
        let (library, first) = FirstScreen.measure { Library(paths: [path], cacheDirectory: cacheDir) }
        emit("first screen: \(first)")
        opened.append(library)
      }
      return
    }

    var (cold, coldFirst): (Library?, FirstScreen) = FirstScreen.measure {
      Library(paths: [path], cacheDirectory: cacheDir)
    }
    emit("library: \(path): \(coldFirst.rows) rows on the first screen")
    emit("first screen, cold cache: \(coldFirst)")
    let analyse = seconds { cold!.waitUntilFinished() }
    let done = cold!.snapshot()
    emit(
      String(
        format: "analyse all, cold: %.2f s (%d rows, %d failed, %d duplicates folded)", analyse,
        done.entries.count, done.entries.filter { $0.error != nil }.count,
        done.entries.reduce(0) { $0 + $1.count - 1 }))
    cold!.close()
    cold = nil

    let (warm, warmFirst) = FirstScreen.measure { Library(paths: [path], cacheDirectory: cacheDir) }
    emit("first screen, warm cache: \(warmFirst)")
    let background = seconds { warm.waitUntilFinished() }
    emit("background work, warm (check files, load people): \(ms(background))")
    // The picker as the screen opens it: the index the background built, narrowed to everyone.
    var screen = LibraryState(library: warm, width: 120, height: 40)
    let pickerOpen = seconds { screen.apply(.openPicker) }
    guard let people = screen.people else { throw ValidationError("no people index after the background work") }
    emit("picker open (people index of \(people.people.count) people): \(ms(pickerOpen))")
    var worst = 0.0
    var total = 0.0
    var typed = ""
    var last = 0
    for ch in pickerQuery {
      typed.append(ch)
      let t = seconds { last = people.search(typed).count }
      worst = max(worst, t)
      total += t
    }
    emit(
      "picker narrowing per keystroke (\"\(pickerQuery)\"): mean \(ms(total / Double(max(1, pickerQuery.count)))), worst \(ms(worst)), \(last) left"
    )
    var hits: [SearchHit] = []
    let searchTime = seconds { hits = warm.search(search) }
    emit(
      "full-text search \"\(search)\": \(ms(searchTime)), \(hits.count) articles, \(hits.reduce(0) { $0 + $1.matches }) matches"
    )
    emit(String(format: "cache size on disk: %.1f MB", Double(warm.cache?.sizeOnDisk ?? 0) / 1_048_576))
    // Read marks: every article marked read (a mark per file, with its content hash), then
    // the first screen again, the marks read with the rows.
    let files = warm.snapshot().entries.flatMap { entry -> [ArticleReference] in
      guard case .file = entry.reference else { return [] }
      return [entry.reference] + entry.duplicatePaths.map { .file(path: $0) }
    }
    let marking = seconds { warm.setRead(files, read: true) }
    emit("marking \(files.count) articles read: \(ms(marking))")
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    emit(String(format: "peak memory (RSS): %.0f MB", Double(usage.ru_maxrss) / 1024))
    warm.close()
    let (marked, markedFirst) = FirstScreen.measure { Library(paths: [path], cacheDirectory: cacheDir) }
    let unread = marked.snapshot().entries.filter(\.unread).count
    emit("first screen, warm cache, every article read: \(markedFirst); \(unread) unread")
    marked.close()
  }

  /// The time to the first frame, in its three parts.
  struct FirstScreen: CustomStringConvertible {
    var open: Double
    var snapshot: Double
    var state: Double
    var render: Double
    var rows: Int
    var ready: Int

    /// Opens the library, builds the list state and renders its first frame, timing each.
    static func measure(_ open: () -> Library) -> (Library, FirstScreen) {
      var library: Library!
      let openTime = seconds { library = open() }
      let snapshotTime = seconds { _ = library.snapshot() }
      var state: LibraryState!
      let stateTime = seconds { state = LibraryState(library: library, width: 120, height: 40) }
      let renderTime = seconds { _ = LibraryView.render(state) }
      let entries = state.snapshot.entries
      return (
        library,
        FirstScreen(
          open: openTime, snapshot: snapshotTime, state: stateTime, render: renderTime, rows: entries.count,
          ready: entries.filter { $0.listing != nil || $0.error != nil }.count)
      )
    }

    var description: String {
      "\(ms(open + snapshot + state + render)) (library \(ms(open)), snapshot \(ms(snapshot)), list \(ms(state)), frame \(ms(render)); \(ready)/\(rows) rows ready)"
    }
  }
}

private func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
