import BylineCore
import Foundation
import Testing

@Suite("Errors in words")
struct ErrorWordsTests {
  @Test func foundationErrorsBecomeTheirCause() throws {
    let folder = NSTemporaryDirectory() + "byline-errorwords-\(UUID().uuidString.prefix(8))"
    // Writing into a folder that does not exist: Foundation says NSCocoaErrorDomain 4 or 512.
    do {
      try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/none/x"))
      Issue.record("the write should fail")
    } catch {
      #expect(ErrorWords.describe(error) == "no such file")
    }
    do {
      _ = try Data(contentsOf: URL(fileURLWithPath: folder + "/missing"))
      Issue.record("the read should fail")
    } catch {
      #expect(ErrorWords.describe(error) == "no such file")
    }
    #expect(
      ErrorWords.describe(NSError(domain: NSCocoaErrorDomain, code: 512))
        == "the file could not be written (is its folder missing or read-only?)")
    #expect(ErrorWords.describe(NSError(domain: NSCocoaErrorDomain, code: 640)) == "no space left on the device")
    let wrapped = NSError(
      domain: NSCocoaErrorDomain, code: 512,
      userInfo: [
        NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))
      ])
    #expect(ErrorWords.describe(wrapped) == "permission denied")
  }

  @Test func boundedReadsRefuseWhatIsOverTheLimit() throws {
    let path = NSTemporaryDirectory() + "byline-bounded-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: 2049)))
    #expect(BoundedRead.read(path: path, limit: 2048) == .failure(.overLimit(limit: 2048)))
    #expect(BoundedRead.read(path: path, limit: 4096).map(\.count) == .success(2049))
    #expect(BoundedRead.Failure.overLimit(limit: 2048).description == "is over the 2 KB limit")
    let handle = try #require(FileHandle(forReadingAtPath: path))
    #expect(BoundedRead.read(handle, limit: 100) == .failure(.overLimit(limit: 100)))
    #expect(BoundedRead.read(path: NSTemporaryDirectory(), limit: 10) == .failure(.notRegularFile))
    #expect(BoundedRead.read(path: path + "-none", limit: 10) == .failure(.failed("no such file or directory")))
  }
}
