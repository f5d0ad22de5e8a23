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
    #expect(
      LibraryScanner.list([folder.path]).files.map(\.path) == LibraryScanner.scan([folder.path]).files.map(\.path))
  }

  @Test func webPagesAreArticlesOfALibrary() throws {
    let folder = TempFolder()
    let page = """
      <html><head><title>Dockers strike at Port Ellery as pay talks collapse</title></head><body><article>
      <p>Dock workers at Port Ellery walked out at dawn on Tuesday, after talks over pay broke down.</p>
      </article></body></html>
      """
    for name in ["page.html", "old.HTM", "story.txt", "picture.png", "README.html"] { folder.write(name, page) }
    _ = Library(paths: [], useCache: false)  // installs the web formats
    let names = LibraryScanner.scan([folder.path]).files.map { String($0.path.dropFirst(folder.path.count + 1)) }
    #expect(names == ["old.HTM", "page.html", "story.txt"])
    let outcome = try Library.analyse(ScannedFile(path: folder.path + "/page.html", size: page.utf8.count, mtime: 0)) {
      _ in false
    }.get()
    #expect(outcome.summary?.title == "Dockers strike at Port Ellery as pay talks collapse")
    #expect(outcome.body.hasPrefix("Dock workers at Port Ellery walked out"))
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

  /// Every entry with an article's name that is not read says why: a fifo, a dangling link, a
  /// loop of links. A folder is a folder whatever its name ("x.txt/"), and is entered.
  @Test func entriesThatCannotBeReadAreFailuresThatSayWhy() {
    let folder = TempFolder()
    folder.write("a.txt", brown)
    folder.write("x.txt/inside.txt", brown)
    #expect(mkfifo(folder.path + "/fifo.txt", 0o600) == 0)
    #expect(symlink(folder.path + "/gone.txt", folder.path + "/dangling.txt") == 0)
    #expect(symlink(folder.path + "/loop.md", folder.path + "/loop.md") == 0)
    #expect(symlink(folder.path + "/fifo.txt", folder.path + "/to-fifo.txt") == 0)
    mkfifo(folder.path + "/not-an-article.fifo", 0o600)
    for result in [LibraryScanner.scan([folder.path]), LibraryScanner.list([folder.path])] {
      #expect(result.files.map { String($0.path.dropFirst(folder.path.count + 1)) } == ["a.txt", "x.txt/inside.txt"])
      let failures = result.failures.map { String($0.path.dropFirst(folder.path.count + 1)) + ": " + $0.error.reason }
      #expect(
        failures.sorted() == [
          "dangling.txt: cannot be read (a symbolic link to nothing)",
          "fifo.txt: cannot be read (not a regular file but a fifo, socket or device)",
          "loop.md: cannot be read (a loop of symbolic links)",
          "to-fifo.txt: cannot be read (a link to a fifo, socket or device, not to a file)",
        ])
    }
  }
}
