import Foundation

/// Why an article could not be loaded. Each message names the file and says what to do.
public enum ArticleLoadError: Error, Equatable, CustomStringConvertible {
  /// No file at the path.
  case notFound(path: String)
  /// The path is a folder, not a file.
  case isDirectory(path: String)
  /// The file exists but cannot be read (permissions, I/O error).
  case unreadable(path: String, reason: String)
  /// The file has no bytes, or only white space.
  case empty(path: String)
  /// The file holds binary data (NUL bytes or mostly control bytes).
  case binary(path: String)
  /// The file is not valid UTF-8; `byteOffset` is where the first bad sequence starts.
  case invalidUTF8(path: String, byteOffset: Int)
  /// The file is larger than Byline reads.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// Something other than a file could not be read (a feed that answered 404, a page that
  /// could not be fetched); `reason` is short, for a row of the library (`404 Not Found`).
  case unavailable(source: String, reason: String)

  public var path: String {
    switch self {
    case .notFound(let p), .isDirectory(let p), .unreadable(let p, _), .empty(let p),
      .binary(let p), .invalidUTF8(let p, _), .tooLarge(let p, _, _), .unavailable(let p, _):
      return p
    }
  }

  /// The problem alone, without the path: for a row in a list of files.
  public var reason: String {
    switch self {
    case .notFound: return "no such file"
    case .isDirectory: return "is a folder, not an article file"
    case .unreadable(_, let reason): return "cannot be read (\(reason))"
    case .empty: return "is empty"
    case .binary: return "is a binary file, not text"
    case .invalidUTF8(_, let offset): return "is not valid UTF-8 (bad byte at offset \(offset))"
    case .tooLarge(_, let bytes, let limit):
      return "is too large (\(bytes / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)"
    case .unavailable(_, let reason): return reason
    }
  }

  public var description: String { "\(path): \(reason)" }
}

/// Reads article files with the checks that keep bad input from reaching the parser.
public enum ArticleLoader {
  /// The largest file Byline reads, in bytes.
  public static let maximumBytes = 50 * 1_048_576

  /// Reads and parses an article file in the format ``ArticleFormats`` gives it (by its
  /// extension, else by a sniff of its first bytes).
  public static func load(path: String) throws(ArticleLoadError) -> Article {
    try parse(data: try readData(path: path), source: path)
  }

  /// Parses article bytes read from elsewhere (standard input, a URL); `name` is used in
  /// errors and to pick the format.
  public static func load(data: Data, name: String) throws(ArticleLoadError) -> Article {
    try parse(data: data, source: name)
  }

  /// Parses bytes as the format their name or first bytes say, after the checks every
  /// format shares (size).
  public static func parse(data: Data, source: String) throws(ArticleLoadError) -> Article {
    if data.count > maximumBytes {
      throw .tooLarge(path: source, bytes: data.count, limit: maximumBytes)
    }
    return try ArticleFormats.format(forName: source, head: data).parse(data, source)
  }

  /// Reads a file's bytes, with the checks that come before any format (exists, a file,
  /// readable, not too large). A fifo or a device is refused, not read: it could block or
  /// never end (FileManager called `/dev/zero` and a fifo "permission denied").
  public static func readData(path: String) throws(ArticleLoadError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    if isDirectory.boolValue { throw .isDirectory(path: path) }
    switch BoundedRead.read(path: path, limit: maximumBytes) {
    case .success(let data):
      return data
    case .failure(.overLimit):
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
      throw .tooLarge(path: path, bytes: size ?? maximumBytes + 1, limit: maximumBytes)
    case .failure(.notRegularFile):
      throw .unreadable(path: path, reason: "not a regular file but a fifo, socket or device")
    case .failure(.failed(let reason)):
      throw .unreadable(path: path, reason: reason)
    }
  }

  /// Reads a file as validated UTF-8 text.
  public static func readText(path: String) throws(ArticleLoadError) -> String {
    try decode(try readData(path: path), path: path)
  }

  /// Validates bytes as UTF-8 article text.
  public static func decode(_ data: Data, path: String) throws(ArticleLoadError) -> String {
    if data.count > maximumBytes {
      throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes)
    }
    if looksBinary(data) { throw .binary(path: path) }
    if let bad = firstInvalidUTF8Offset(data) { throw .invalidUTF8(path: path, byteOffset: bad) }
    let text = String(decoding: data, as: UTF8.self)
    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || Sanitizer.isRemoved($0) }) {
      throw .empty(path: path)
    }
    return text
  }

  /// A NUL byte, or more than 10% control bytes, in the first 8 KiB means binary.
  public static func looksBinary(_ data: Data) -> Bool {
    let head = data.prefix(8192)
    var controls = 0
    for byte in head {
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        && byte != 0x1B
      {
        controls += 1
      }
    }
    return head.count > 32 && controls * 10 > head.count
  }

  /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
  public static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
      let bytes = raw.bindMemory(to: UInt8.self)
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0x80 {
          i += 1
          continue
        }
        let length: Int
        var minimum: UInt32
        var value: UInt32
        switch b {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(b & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(b & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(b & 0x07)
        default: return i
        }
        guard i + length <= n else { return i }
        for k in 1..<length {
          let c = bytes[i + k]
          guard c & 0xC0 == 0x80 else { return i }
          value = value << 6 | UInt32(c & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
          return i
        }
        i += length
      }
      return nil
    }
  }
}
