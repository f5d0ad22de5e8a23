import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file found by a scan: where it is, how big, when last changed.
public struct ScannedFile: Sendable, Equatable, Hashable {
  public var path: String
  public var size: Int
  /// Modification time, seconds since 1970 (with nanoseconds as the fraction).
  public var mtime: Double
  public init(path: String, size: Int, mtime: Double) {
    self.path = path
    self.size = size
    self.mtime = mtime
  }
}

/// Finds article files under paths, recursively: `.txt`, `.md` and `.markdown` files inside
/// folders, any file named directly. Symbolic links are followed, but a folder already seen
/// (by device and inode) is never entered twice, so link loops end. Hidden files and folders
/// (names starting with ".") inside folders are skipped. Paths are made absolute.
public enum LibraryScanner {
  /// The extensions of article files in a folder.
  public static let extensions: Set<String> = ["txt", "md", "markdown"]

  public struct Result: Sendable {
    /// Files, in a stable order: each argument in turn, a folder's entries sorted by name.
    public var files: [ScannedFile]
    /// Paths given that do not exist or cannot be listed, with why.
    public var failures: [(path: String, error: ArticleLoadError)]
  }

  public static func scan(_ paths: [String]) -> Result {
    var files: [ScannedFile] = []
    var failures: [(String, ArticleLoadError)] = []
    var seenFolders = Set<FileID>()
    var seenFiles = Set<String>()
    for raw in paths {
      let path = absolute(raw)
      guard let info = statInfo(path) else {
        failures.append((path, .notFound(path: path)))
        continue
      }
      if info.isDirectory {
        walk(path, info: info, into: &files, failures: &failures, seen: &seenFolders)
      } else if seenFiles.insert(path).inserted {
        files.append(ScannedFile(path: path, size: info.size, mtime: info.mtime))
      }
    }
    // A file named twice (directly and through its folder) is listed once.
    var unique = Set<String>()
    files = files.filter { unique.insert($0.path).inserted }
    return Result(files: files, failures: failures)
  }

  struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  struct Info {
    var isDirectory: Bool
    var isRegular: Bool
    var size: Int
    var mtime: Double
    var id: FileID
  }

  static func statInfo(_ path: String) -> Info? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    let mode = st.st_mode & S_IFMT
    #if canImport(Glibc)
      let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    #else
      let mtime = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
    #endif
    return Info(
      isDirectory: mode == S_IFDIR, isRegular: mode == S_IFREG, size: Int(st.st_size),
      mtime: mtime, id: FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
  }

  static func walk(
    _ folder: String, info: Info, into files: inout [ScannedFile],
    failures: inout [(String, ArticleLoadError)], seen: inout Set<FileID>
  ) {
    guard seen.insert(info.id).inserted else { return }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      failures.append((folder, .unreadable(path: folder, reason: "cannot list the folder")))
      return
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      guard let child = statInfo(path) else { continue }  // a dangling link
      if child.isDirectory {
        walk(path, info: child, into: &files, failures: &failures, seen: &seen)
      } else if child.isRegular, hasArticleExtension(name) {
        files.append(ScannedFile(path: path, size: child.size, mtime: child.mtime))
      }
    }
  }

  static func hasArticleExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: ".") else { return false }
    return extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = FileManager.default.currentDirectoryPath
    var joined = cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    while joined.count > 1 && joined.hasSuffix("/") { joined.removeLast() }
    return URL(fileURLWithPath: joined).standardizedFileURL.path
  }
}
