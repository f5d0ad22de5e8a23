import Foundation
import Testing

/// `byline quotes --person` finds as the picker finds, and says when it finds nothing.
@Suite("byline quotes --person", .enabled(if: E2E.binary != nil, "the byline binary is missing"))
struct QuotesPersonEndToEndTests {
  final class Folder {
    let path = NSTemporaryDirectory() + "byline-e2e-quotes-\(UUID().uuidString)"
    init(_ files: [String: String]) throws {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func byline(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
      run(E2E.binary!, ["quotes", path, "--no-cache"] + arguments)
    }
  }

  static let files = [
    "bridge.txt": "Bridge opens\n\n\"We built it in a year,\" John Smith said.\n\nMore on the bridge.\n",
    "school.txt": "School opens\n\n\"The children are ready,\" Jane Smith said.\n\nMore on the school.\n",
    "harbour.txt": "Harbour opens\n\n\"It is a good day,\" Siobhán O'Connor said.\n\nMore on the harbour.\n",
  ]

  @Test func aNameThatFitsSeveralPeopleListsThemAndFails() throws {
    let folder = try Folder(Self.files)
    let result = folder.byline(["--person", "smith"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        byline: 2 people match smith; give more of the name:
          Jane Smith (1 article, 1 quote)
          John Smith (1 article, 1 quote)

        """)
  }

  @Test func oneNameIsFoundAsThePickerFindsIt() throws {
    let folder = try Folder(Self.files)
    let john = folder.byline(["--person", "john smith"])
    #expect(john.status == 0)
    #expect(john.stdout.contains("\"We built it in a year,\""))
    #expect(!john.stdout.contains("children"))
    let oconnor = folder.byline(["--person", "oconnor", "--format", "csv"])
    #expect(oconnor.status == 0)
    #expect(oconnor.stdout.contains("Siobhán O'Connor"))
  }

  @Test func renderSaysOnStandardErrorWhenItsSearchFindsNothing() throws {
    let folder = try Folder(Self.files)
    let file = folder.path + "/bridge.txt"
    let result = run(E2E.binary!, ["render", file, "--width", "60", "--height", "8", "--search", "zzzz"])
    #expect(result.status == 0)
    #expect(result.stderr == "byline: not found: zzzz in \(file)\n")
    #expect(result.stdout.split(separator: "\n").last?.hasPrefix(" page 1/2 · 0% · not found: zzzz") == true)
  }

  @Test func findingNothingIsSaid() throws {
    let folder = try Folder(Self.files)
    let nobody = folder.byline(["--person", "Tokayev"])
    #expect(nobody.status == 1)
    #expect(nobody.stderr == "byline: nobody named Tokayev in \(folder.path)\n")
    let empty = try Folder(["notes.txt": "Notes\n\nNobody said anything at all here.\n"])
    let none = empty.byline([])
    #expect(none.status == 0)
    #expect(none.stdout == "")
    #expect(none.stderr == "byline: no attributed quotes in \(empty.path)\n")
  }
}
