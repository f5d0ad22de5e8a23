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
  /// Size in bytes; -1 when not checked yet (a quick listing, a row from the cache).
  public var size: Int
  /// Modification time, seconds since 1970 (with nanoseconds as the fraction); -1 when not
  /// checked yet.
  public var mtime: Double
  public init(path: String, size: Int, mtime: Double) {
    self.path = path
    self.size = size
    self.mtime = mtime
  }

  /// A file listed without `stat`: its size and time are not known yet.
  public static func unchecked(_ path: String) -> ScannedFile {
    ScannedFile(path: path, size: -1, mtime: -1)
  }

  /// Whether size and time come from the file system.
  public var isChecked: Bool { size >= 0 }
}

/// Finds article files under paths, recursively: files with an extension of a registered
/// format (``ArticleFormats``: `.txt`, `.md`, `.markdown`, and `.html`/`.htm` once BylineWeb
/// is installed) inside folders, any file named directly. Symbolic links are followed, but a folder already seen
/// (by device and inode) is never entered twice, so link loops end. Inside folders, hidden
/// files and folders (names starting with ".") are skipped, and so are the well-known files
/// that are not articles: README, LICENSE, LICENCE, COPYING and CHANGELOG, in any case, with
/// any extension (`README.TXT`, `licence.md`). Paths are made absolute. Files named as feeds
/// (``feedExtensions``: `.rss`, `.atom`, `.rdf`, `.xml`) are listed apart, as candidates the
/// library reads as feeds (an `.xml` file only when its first bytes are a feed's).
///
/// ``scan(_:)`` reads every file's size and time (`stat`); ``list(_:)`` only reads the
/// folders, which is several times faster on a large library, and leaves files unchecked.
public enum LibraryScanner {
  /// The extensions of article files in a folder: those of the registered formats.
  public static var extensions: Set<String> { ArticleFormats.extensions }

  /// The extensions of the feed files a folder may hold (lower case, no dot).
  public static let feedExtensions: Set<String> = ["rss", "atom", "rdf", "xml"]
  static let feedExtensionBytes = feedExtensions.map { Array($0.utf8) }

  /// Names (before the first dot, case ignored) of files that are not articles.
  public static let nonArticleNames: Set<String> = ["readme", "license", "licence", "copying", "changelog"]

  public struct Result: Sendable {
    /// Files, in a stable order: each argument in turn; under a folder, by path (byte order,
    /// the order of the cache's index).
    public var files: [ScannedFile]
    /// Paths given that do not exist or cannot be listed, with why.
    public var failures: [(path: String, error: ArticleLoadError)]
    /// Files inside the folders named as feeds (``feedExtensions``), by path.
    public var feedFiles: [String] = []
  }

  /// Finds the files and reads their size and time.
  public static func scan(_ paths: [String]) -> Result { walk(paths, statFiles: true) }

  /// Finds the files without reading their size and time (``ScannedFile/isChecked`` is false
  /// except for files named directly).
  public static func list(_ paths: [String]) -> Result { walk(paths, statFiles: false) }

  /// Whether a file met inside a folder is taken as an article: not hidden, not a README,
  /// LICENSE, LICENCE, COPYING or CHANGELOG, with an article extension.
  public static func isArticleName(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { isArticleName(bytes: $0) }
  }

  /// Whether `path`, found under the folder `root`, is one a scan of `root` lists: every
  /// folder between them visible, the name an article's (a feed file's with `feed`), for rows
  /// read back from the cache.
  public static func isListed(_ path: String, under root: String, feed: Bool = false) -> Bool {
    let prefix = root.hasSuffix("/") ? root : root + "/"
    guard path.hasPrefix(prefix) else { return false }
    var relative = String(path.utf8.dropFirst(prefix.utf8.count))!
    return relative.withUTF8 { isListed(relative: $0, feed: feed) }
  }

  /// ``isListed(_:under:feed:)`` on the bytes of the path below the root, without making strings.
  static func isListed(relative: UnsafeBufferPointer<UInt8>, feed: Bool = false) -> Bool {
    var start = 0
    for i in 0..<relative.count where relative[i] == slash {
      if i == start || relative[start] == dot { return false }
      start = i + 1
    }
    guard start < relative.count else { return false }
    let name = UnsafeBufferPointer(rebasing: relative[start...])
    return feed ? isFeedName(bytes: name) : isArticleName(bytes: name)
  }

  /// Whether a file met inside a folder may be a feed: not hidden, not a README and the like,
  /// named `.rss`, `.atom`, `.rdf` or `.xml`.
  public static func isFeedName(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { isFeedName(bytes: $0) }
  }

  static func isFeedName(bytes name: UnsafeBufferPointer<UInt8>) -> Bool {
    isListedName(bytes: name, extensions: feedExtensionBytes)
  }

  static let dot = UInt8(ascii: ".")
  static let slash = UInt8(ascii: "/")
  static var extensionBytes: [[UInt8]] { ArticleFormats.extensionsUTF8 }
  static let nonArticleNameBytes = nonArticleNames.map { Array($0.utf8) }

  static func isArticleName(bytes name: UnsafeBufferPointer<UInt8>) -> Bool {
    isListedName(bytes: name, extensions: extensionBytes)
  }

  /// Not hidden, not a README and the like, with one of `extensions`.
  static func isListedName(bytes name: UnsafeBufferPointer<UInt8>, extensions: [[UInt8]]) -> Bool {
    guard let first = name.first, first != dot, let lastDot = name.lastIndex(of: dot) else { return false }
    let ext = UnsafeBufferPointer(rebasing: name[(lastDot + 1)...])
    guard extensions.contains(where: { equalsIgnoringASCIICase(ext, $0) }) else { return false }
    let stem = UnsafeBufferPointer(rebasing: name[..<name.firstIndex(of: dot)!])
    return !nonArticleNameBytes.contains { equalsIgnoringASCIICase(stem, $0) }
  }

  /// Whether `bytes` spell `word` (lowercase ASCII letters) in any case.
  static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
    guard bytes.count == word.count else { return false }
    for i in 0..<word.count where bytes[i] | 0x20 != word[i] { return false }
    return true
  }

  static func walk(_ paths: [String], statFiles: Bool) -> Result {
    var files: [ScannedFile] = []
    var failures: [(String, ArticleLoadError)] = []
    var feeds: [String] = []
    var seenFolders = Set<FileID>()
    var seenFiles = Set<String>()
    for raw in paths {
      let path = absolute(raw)
      guard let info = statInfo(path) else {
        failures.append((path, .notFound(path: path)))
        continue
      }
      if info.isDirectory {
        var found: [ScannedFile] = []
        walk(
          path, info: info, statFiles: statFiles, into: &found, failures: &failures, feeds: &feeds,
          seen: &seenFolders)
        // A file named twice (directly and through its folder) is listed once.
        if paths.count == 1 {
          files += found
        } else {
          files += found.lazy.filter { seenFiles.insert($0.path).inserted }
        }
      } else if seenFiles.insert(path).inserted {
        files.append(ScannedFile(path: path, size: info.size, mtime: info.mtime))
      }
    }
    if paths.count > 1 { feeds = feeds.filter { seenFiles.insert($0).inserted } }
    return Result(files: files, failures: failures, feedFiles: feeds)
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

  /// The kind of a folder entry as `readdir` tells it, without a `stat` when it can.
  enum EntryKind { case folder, file, other, unknown }

  /// The visible entries of a folder with their kinds, or nil when it cannot be listed.
  static func entries(of folder: String) -> (names: [String], kinds: [EntryKind])? {
    guard let dir = opendir(folder) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    var kinds: [EntryKind] = []
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    while let entry = readdir(dir) {
      let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
      if name.pointee == CChar(UInt8(ascii: ".")) { continue }
      let kind: EntryKind
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR): kind = .folder
      case Int32(DT_REG): kind = .file
      case Int32(DT_LNK), Int32(DT_UNKNOWN): kind = .unknown
      default: kind = .other
      }
      names.append(String(cString: name))
      kinds.append(kind)
    }
    return (names, kinds)
  }

  /// Walks a folder depth first, its entries in byte order with a folder's name taken with
  /// its "/", so that the files come out in byte order of their paths.
  static func walk(
    _ folder: String, info: Info, statFiles: Bool, into files: inout [ScannedFile],
    failures: inout [(String, ArticleLoadError)], feeds: inout [String], seen: inout Set<FileID>
  ) {
    guard seen.insert(info.id).inserted else { return }
    guard let entries = entries(of: folder) else {
      failures.append((folder, .unreadable(path: folder, reason: "cannot list the folder")))
      return
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    // Sort keys: a file's name, a folder's name with its "/" (no file name holds a "/").
    var keys: [String] = []
    var folders: [String: Info] = [:]
    var linkedFiles: [String: Info] = [:]
    var feedNames: [String] = []
    keys.reserveCapacity(entries.names.count)
    // An entry with an article's name that cannot be read as one is a failure (a row that says
    // why), never dropped without a word.
    func skip(_ name: String, _ reason: String) {
      failures.append((base + name, .unreadable(path: base + name, reason: reason)))
    }
    for (name, kind) in zip(entries.names, entries.kinds) {
      switch kind {
      case .other:
        if isArticleName(name) { skip(name, "not a regular file but a fifo, socket or device") }
      case .file:
        if isArticleName(name) {
          keys.append(name)
        } else if isFeedName(name) {
          feedNames.append(name)
        }
      case .folder, .unknown:
        // A folder, a link or an entry of unknown kind: stat tells (nil: a dangling link).
        guard let child = statInfo(base + name) else {
          let error = errno
          if isArticleName(name) {
            skip(
              name,
              error == ELOOP
                ? "a loop of symbolic links"
                : error == ENOENT ? "a symbolic link to nothing" : ErrorWords.posixWords(error))
          }
          continue
        }
        if child.isDirectory {
          folders[name + "/"] = child
          keys.append(name + "/")
        } else if child.isRegular, isArticleName(name) {
          linkedFiles[name] = child
          keys.append(name)
        } else if child.isRegular, isFeedName(name) {
          feedNames.append(name)
        } else if isArticleName(name) {
          skip(name, "a link to a fifo, socket or device, not to a file")
        }
      }
    }
    // String order is the byte order of UTF-8 for names in the usual (NFC) form.
    keys.sort()
    feedNames.sort()
    feeds += feedNames.map { base + $0 }
    files.reserveCapacity(files.count + keys.count)
    for key in keys {
      if key.utf8.last == slash, let info = folders[key] {
        walk(
          base + key.dropLast(), info: info, statFiles: statFiles, into: &files, failures: &failures, feeds: &feeds,
          seen: &seen)
        continue
      }
      let path = base + key
      if !statFiles {
        files.append(.unchecked(path))
      } else if let info = linkedFiles[key] ?? statInfo(path), info.isRegular {
        files.append(ScannedFile(path: path, size: info.size, mtime: info.mtime))
      }
    }
  }

  static func absolute(_ path: String) -> String {
    var joined = path
    if !path.hasPrefix("/") {
      let cwd = FileManager.default.currentDirectoryPath
      joined = cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }
    while joined.count > 1 && joined.hasSuffix("/") { joined.removeLast() }
    return path.hasPrefix("/") ? joined : URL(fileURLWithPath: joined).standardizedFileURL.path
  }
}
