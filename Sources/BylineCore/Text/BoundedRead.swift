import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file or a stream against a size limit, never more than the limit plus one chunk,
/// so an endless standard input or a huge theme file is refused instead of filling memory.
public enum BoundedRead {
  /// Why nothing was read.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// More bytes than the limit.
    case overLimit(limit: Int)
    /// Not a regular file (a folder, a fifo, a device): reading it could block or never end.
    case notRegularFile
    /// The operating system's reason, in words.
    case failed(String)

    public var description: String {
      switch self {
      case .overLimit(let limit): return "is over the \(BoundedRead.size(limit)) limit"
      case .notRegularFile: return "is not a regular file"
      case .failed(let reason): return "cannot be read (\(reason))"
      }
    }
  }

  /// Reads `handle` to its end, or fails as soon as more than `limit` bytes have come.
  public static func read(_ handle: FileHandle, limit: Int) -> Result<Data, Failure> {
    var data = Data()
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count))
      } catch {
        return .failure(.failed(ErrorWords.describe(error)))
      }
      guard let chunk, !chunk.isEmpty else { return .success(data) }
      data.append(chunk)
      if data.count > limit { return .failure(.overLimit(limit: limit)) }
    }
  }

  /// Reads the file at `path` when it is a regular file of at most `limit` bytes. A fifo is
  /// refused without waiting for a writer (the file is opened non-blocking).
  public static func read(path: String, limit: Int) -> Result<Data, Failure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failure(.failed(ErrorWords.posixWords(errno))) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.failed(ErrorWords.posixWords(errno))) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
    if Int(info.st_size) > limit { return .failure(.overLimit(limit: limit)) }
    return read(handle, limit: limit)
  }

  /// `50 MB`, `1 MB`, `64 KB`: a limit as the messages say it.
  public static func size(_ bytes: Int) -> String {
    if bytes >= 1_048_576 && bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
    if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
    return "\(bytes) bytes"
  }
}
