import BylineLibrary
import Foundation

/// A full-text search of the library on a thread of its own: Enter in the list's search line
/// starts one, and the list takes its matches at a later refresh, so the screen never waits
/// for it (half a second or more in a library of 100,000 articles).
final class FullTextSearch: @unchecked Sendable {
  let text: String
  private let lock = NSLock()
  private var result: [String: Int]?

  init(_ text: String, in library: Library) {
    self.text = text
    let thread = Thread { [self] in
      var matches: [String: Int] = [:]
      for hit in library.search(text) {
        if let hash = hit.entry.hash { matches[hash] = hit.matches }
      }
      lock.withLock { result = matches }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Matches per content hash, once the search is done.
  var matches: [String: Int]? { lock.withLock { result } }
}
