import Foundation
import Testing

@testable import BylineLibrary

@Suite("Library scanner: which files are articles, in what order")
struct LibraryScannerTests {
  @Test func scanSkipsReadmeLicenceAndTheirKinInAnyCaseWithAnyExtension() {
    let folder = TempFolder()
    for name in [
      "README.TXT", "readme.md", "ReadMe.markdown", "LICENSE.txt", "licence.md", "COPYING.txt",
      "ChangeLog.md", "sub/README.txt", "a.txt", "readme-first.txt", "changelog-story.md", "sub/b.md",
    ] {
      folder.write(name, brown)
    }
    let names = LibraryScanner.scan([folder.path]).files.map { String($0.path.dropFirst(folder.path.count + 1)) }
    #expect(names == ["a.txt", "changelog-story.md", "readme-first.txt", "sub/b.md"])
    // Named directly, a README is read: the rule is for what a folder holds.
    #expect(LibraryScanner.scan([folder.path + "/README.TXT"]).files.count == 1)
    #expect(LibraryScanner.list([folder.path]).files.map(\.path) == LibraryScanner.scan([folder.path]).files.map(\.path))
  }

  @Test func rowsReadBackFromTheCacheFollowTheScannersRules() {
    #expect(LibraryScanner.isListed("/lib/a/b.txt", under: "/lib"))
    #expect(!LibraryScanner.isListed("/lib/.drafts/b.txt", under: "/lib"))
    #expect(!LibraryScanner.isListed("/lib/a/README.md", under: "/lib"))
    #expect(!LibraryScanner.isListed("/lib/a/notes.pdf", under: "/lib"))
    #expect(!LibraryScanner.isListed("/library/a.txt", under: "/lib"))
  }

  @Test func filesInAFolderComeInTheByteOrderOfTheirPaths() {
    let folder = TempFolder()
    for name in ["b.txt", "a/z.txt", "a-b.txt", "A.txt", "a.txt"] { folder.write(name, brown) }
    let names = LibraryScanner.list([folder.path]).files.map { String($0.path.dropFirst(folder.path.count + 1)) }
    #expect(names == ["A.txt", "a-b.txt", "a.txt", "a/z.txt", "b.txt"])
  }
}
