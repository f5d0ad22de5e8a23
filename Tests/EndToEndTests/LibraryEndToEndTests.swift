import Foundation
import Testing

/// The library in tmux: broken files, a corrupt cache, two processes, people and quotes.
@Suite("Library in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct LibraryEndToEndTests {
  /// A library folder: two sample articles and broken files of every kind.
  private func makeLibrary() throws -> String {
    let folder = NSTemporaryDirectory() + "byline-e2e-library-\(UUID().uuidString)"
    let fm = FileManager.default
    try fm.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    for name in ["01-harbour-strike.txt", "03-quotes-every-shape.txt"] {
      try fm.copyItem(atPath: E2E.sample(name), toPath: folder + "/" + name)
    }
    try fm.copyItem(atPath: E2E.sample("01-harbour-strike.txt"), toPath: folder + "/sub/copy-of-strike.txt")
    try Data().write(to: URL(fileURLWithPath: folder + "/empty.txt"))
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/binary.txt"))
    try Data(Array("Caf".utf8) + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin1.txt"))
    try fm.createSymbolicLink(atPath: folder + "/sub/loop", withDestinationPath: folder)
    return folder
  }

  @Test func brokenFilesAreRowsWithTheirReasonAndDuplicatesShowOnce() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    let session = try TmuxSession(arguments: [folder], width: 120, height: 30, environment: ["XDG_CACHE_HOME": cache])
    let screen = session.waitFor("Dockworkers walk out")
    #expect(screen.contains("Vinyl boom"))
    #expect(screen.contains("is empty"))
    #expect(screen.contains("is a binary file, not text"))
    #expect(screen.contains("is not valid UTF-8"))
    #expect(screen.components(separatedBy: "Dockworkers walk out").count == 2, "byte-identical copies show once")
    session.send("Q")
    #expect(session.exitStatus() == 0)
  }

  @Test func aCacheMadeCorruptBetweenRunsIsReportedAndRebuilt() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    do {
      let first = try TmuxSession(arguments: [folder], environment: ["XDG_CACHE_HOME": cache])
      first.waitFor("Dockworkers walk out")
      first.waitFor { !$0.contains("analysing") }
      first.send("Q")
      #expect(first.exitStatus() == 0)
    }
    let database = cache + "/byline/library.sqlite"
    #expect(FileManager.default.fileExists(atPath: database))
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: database))
    let second = try TmuxSession(arguments: [folder], width: 140, height: 30, environment: ["XDG_CACHE_HOME": cache])
    let screen = second.waitFor("Dockworkers walk out")
    #expect(screen.contains("Vinyl boom"))
    #expect(second.waitFor("corrupt").contains("corrupt"))
    second.send("Q")
    #expect(second.exitStatus() == 0)
  }

  @Test func aCacheDamagedMidFileBetweenRunsIsReportedOnceMovedAsideAndRebuilt() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    // Enough distinct articles that the cache has pages well past its header and schema.
    let strike = try String(contentsOfFile: E2E.sample("01-harbour-strike.txt"), encoding: .utf8)
    try FileManager.default.createDirectory(atPath: folder + "/copies", withIntermediateDirectories: true)
    for n in 0..<60 {
      try (strike + "\n\n(Copy \(n).)\n").write(toFile: folder + "/copies/\(n).txt", atomically: true, encoding: .utf8)
    }
    func runToTheEnd(_ check: (String) -> Void = { _ in }) throws {
      let session = try TmuxSession(arguments: [folder], width: 140, height: 30, environment: ["XDG_CACHE_HOME": cache])
      session.waitFor("Dockworkers walk out")
      let settled = session.waitFor(timeout: 90) {
        !$0.contains("analysing") && !$0.contains("checking") && !$0.contains("reading people")
      }
      check(settled)
      session.send("Q")
      #expect(session.exitStatus() == 0)
    }
    try runToTheEnd()
    let database = cache + "/byline/library.sqlite"
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    let handle = try #require(FileHandle(forUpdatingAtPath: database))
    let size = try handle.seekToEnd()
    #expect(size > 100_000)
    try handle.seek(toOffset: size / 2 / 4096 * 4096)
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 3 * 4096))
    try handle.close()

    let second = try TmuxSession(arguments: [folder], width: 140, height: 30, environment: ["XDG_CACHE_HOME": cache])
    second.waitFor("Dockworkers walk out")
    #expect(second.waitFor("the cache was corrupt; rebuilt it (old copy: ").contains(cache))
    second.waitFor(timeout: 90) { !$0.contains("analysing") }
    second.send("Q")
    #expect(second.exitStatus() == 0)
    #expect(FileManager.default.fileExists(atPath: database + ".corrupt"))
    // The third run finds a sound cache: nothing to report.
    try runToTheEnd { screen in
      #expect(!screen.contains("corrupt"))
      #expect(screen.contains("Vinyl boom"))
    }
  }

  @Test func slashSearchesTheBodiesWithoutACacheAsWithOne() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    func searchLine(_ arguments: [String]) throws -> String? {
      let session = try TmuxSession(
        arguments: arguments, width: 200, height: 30, environment: ["XDG_CACHE_HOME": cache])
      session.waitFor("Dockworkers walk out")
      session.waitFor(timeout: 60) { screen in
        ["analysing", "checking", "reading people", "indexing"].allSatisfy { !screen.contains($0) }
      }
      session.send("/")
      session.send("-l", "crane operators")
      session.send("Enter")
      let screen = session.waitFor(timeout: 20) { $0.contains("] ") && !$0.contains("searching the text") }
      session.send("Q")
      #expect(session.exitStatus() == 0)
      return screen.split(separator: "\n").first { $0.contains("Dockworkers walk out") }.map(String.init)
    }
    // Words of the body only ("Crane operators and lashers already worked in crews..."),
    // not of the title.
    let withoutCache = try #require(try searchLine(["library", "--no-cache", folder]))
    #expect(withoutCache.contains("(×2) ["))
    let withCache = try searchLine([folder])
    #expect(withCache == withoutCache)
  }

  @Test func twoProcessesOpenTheSameLibraryAtOnce() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    let one = try TmuxSession(arguments: [folder], environment: ["XDG_CACHE_HOME": cache])
    let two = try TmuxSession(arguments: [folder], environment: ["XDG_CACHE_HOME": cache])
    #expect(one.waitFor("Dockworkers walk out").contains("Vinyl boom"))
    #expect(two.waitFor("Dockworkers walk out").contains("Vinyl boom"))
    one.send("Enter")
    #expect(one.waitFor("page 1/").contains("page 1/"))
    one.send("Q")
    two.send("Q")
    #expect(one.exitStatus() == 0)
    #expect(two.exitStatus() == 0)
  }

  @Test func peoplePickerAndTheirQuotes() throws {
    let folder = try makeLibrary()
    let cache = folder + "-cache"
    defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: cache) }
    let session = try TmuxSession(arguments: [folder], width: 120, height: 30, environment: ["XDG_CACHE_HOME": cache])
    session.waitFor("Dockworkers walk out")
    session.waitFor { !$0.contains("analysing") }
    session.send("p")
    session.waitFor("People")
    session.send("-l", "keane")
    #expect(session.waitFor("Moira Keane").contains("Moira Keane"))
    session.send("Tab")
    let quotes = session.waitFor("Nobody here wanted")
    #expect(quotes.contains("Nobody here wanted"))
    session.send("Enter")
    let reader = session.waitFor(" page ")
    #expect(reader.contains("Nobody here wanted"), "the article opens at the quote")
    session.send("Q")
    #expect(session.exitStatus() == 0)
  }
}
