import BylineCore
import Foundation
import Testing

@Suite("Reading positions kept across runs")
struct ReadingPositionStoreTests {
  private func temporaryURL() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("byline-state-\(UUID().uuidString)/positions.json")
  }

  @Test func savesAndReloads() {
    let url = temporaryURL()
    var store = ReadingPositionStore(fileURL: url)
    store.save(wordIndex: 120, wordCount: 700, for: "/tmp/a/../a/story.txt")
    #expect(store.problem == nil)
    let reloaded = ReadingPositionStore(fileURL: url)
    #expect(reloaded.position(for: "/tmp/a/story.txt")?.wordIndex == 120)
    #expect(reloaded.position(for: "/tmp/other.txt") == nil)
  }

  @Test func aURLIsItsOwnKey() {
    #expect(
      ReadingPositionStore.key(for: "https://news.example.org/a/../story.html")
        == "https://news.example.org/a/../story.html")
    #expect(ReadingPositionStore.key(for: "/tmp/a/../story.html") == "/tmp/story.html")
  }

  @Test func aCorruptFileIsReportedAndReplaced() throws {
    let url = temporaryURL()
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("{ not json".utf8).write(to: url)
    var store = ReadingPositionStore(fileURL: url)
    #expect(store.problem?.contains("unreadable") == true)
    store.save(wordIndex: 3, wordCount: 10, for: "/x.txt")
    #expect(ReadingPositionStore(fileURL: url).position(for: "/x.txt")?.wordIndex == 3)
  }

  @Test func anUnwritableFolderIsReportedNotThrown() {
    var store = ReadingPositionStore(fileURL: URL(fileURLWithPath: "/proc/byline-cannot-write/positions.json"))
    store.save(wordIndex: 1, wordCount: 2, for: "/x.txt")
    #expect(store.problem?.hasPrefix("could not save the reading position") == true)
  }
}
