import BylineCore
import Foundation
import Testing

@Suite("Loading files, and refusing bad ones with a clear reason")
struct ArticleLoaderTests {
  private func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("byline-test-\(UUID().uuidString).txt").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func missingFile() {
    #expect(throws: ArticleLoadError.notFound(path: "/no/such/file.txt")) {
      try ArticleLoader.load(path: "/no/such/file.txt")
    }
  }

  @Test func folderInsteadOfFile() {
    let folder = FileManager.default.temporaryDirectory.path
    #expect(throws: ArticleLoadError.isDirectory(path: folder)) { try ArticleLoader.load(path: folder) }
  }

  @Test func emptyAndBlankFiles() throws {
    for bytes in [[], Array(" \n\t\n".utf8)] {
      let path = try temporaryFile(bytes)
      #expect(throws: ArticleLoadError.empty(path: path)) { try ArticleLoader.load(path: path) }
    }
  }

  /// Found by the article fuzz target: markup alone left the parser no line, and its header
  /// scan formed the range `1..<0` and trapped.
  @Test func markdownOfMarkupOnlyIsEmpty() throws {
    for markup in ["---\n", "#\n", "[a]: b\n", "```\n```\n"] {
      #expect(throws: ArticleLoadError.empty(path: "x.md")) {
        try ArticleLoader.load(data: Data(markup.utf8), name: "x.md")
      }
    }
    #expect(ArticleParser.parse("", source: "-").blocks.isEmpty)
    let blank = ArticleParser.parse(" \n\u{200B}\n", source: "-")
    #expect(blank.blocks.isEmpty)
    #expect(ArticleAnalysis(article: blank).quotes.isEmpty)
  }

  @Test func binaryFile() throws {
    let path = try temporaryFile([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
    #expect(throws: ArticleLoadError.binary(path: path)) { try ArticleLoader.load(path: path) }
  }

  @Test func invalidUTF8NamesTheByte() throws {
    let path = try temporaryFile(Array("Title\n\nCaf".utf8) + [0xE9] + Array(" au lait.\n".utf8))
    #expect(throws: ArticleLoadError.invalidUTF8(path: path, byteOffset: 10)) {
      try ArticleLoader.load(path: path)
    }
    let overlong = try temporaryFile([0x41, 0xC0, 0x80])
    #expect(throws: ArticleLoadError.invalidUTF8(path: overlong, byteOffset: 1)) {
      try ArticleLoader.load(path: overlong)
    }
  }

  @Test func tooLargeData() {
    let data = Data(count: ArticleLoader.maximumBytes + 1)
    #expect(throws: ArticleLoadError.tooLarge(path: "big", bytes: data.count, limit: ArticleLoader.maximumBytes)) {
      try ArticleLoader.decode(data, path: "big")
    }
  }

  @Test func unreadableFile() throws {
    guard getuid() != 0 else { return }  // root reads everything
    let path = try temporaryFile(Array("Title\n\nText.\n".utf8))
    chmod(path, 0)
    #expect(throws: ArticleLoadError.unreadable(path: path, reason: "permission denied")) {
      try ArticleLoader.load(path: path)
    }
  }

  /// A fifo waits for a writer and a device may never end: both are refused, not read.
  @Test func fifosAndDevicesAreRefusedNotRead() throws {
    let name = "byline-fifo-\(UUID().uuidString).txt"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try #require(mkfifo(path, 0o644) == 0)
    defer { unlink(path) }
    for file in [path, "/dev/zero"] {
      let reason = "not a regular file but a fifo, socket or device"
      #expect(throws: ArticleLoadError.unreadable(path: file, reason: reason)) { try ArticleLoader.load(path: file) }
    }
  }

  @Test func messagesNameTheFileAndTheProblem() {
    #expect(
      ArticleLoadError.invalidUTF8(path: "a.txt", byteOffset: 7).description
        == "a.txt: is not valid UTF-8 (bad byte at offset 7)")
    #expect(ArticleLoadError.empty(path: "b.txt").description == "b.txt: is empty")
  }
}
