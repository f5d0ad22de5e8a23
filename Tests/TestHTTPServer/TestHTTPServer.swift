import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the tests that fetch pages and feeds: canned
/// responses by path that a test may change between requests, `ETag` answered with 304 to a
/// matching `If-None-Match`, an optional delay (to make a client time out) or a body sent a
/// byte at a time (a server that trickles), and a count of the
/// requests per path (to see that nothing is fetched twice). A thread per connection,
/// `Connection: close`. The test starts it on a free port and stops it; nothing leaves the
/// machine.
public final class TestHTTPServer: @unchecked Sendable {
  public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    /// Answered with 304 Not Modified to a request that sends it back in `If-None-Match`.
    public var etag: String?
    /// Seconds to wait before answering.
    public var delay: Double
    /// Seconds between the body's bytes (0: the body at once).
    public var byteInterval: Double

    public init(
      status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
      body: Data = Data(), etag: String? = nil, delay: Double = 0, byteInterval: Double = 0
    ) {
      self.status = status
      self.headers = headers
      self.body = body
      self.etag = etag
      self.delay = delay
      self.byteInterval = byteInterval
    }

    /// A text body of one content type.
    public init(
      status: Int = 200, type: String = "text/html; charset=utf-8", body: String, etag: String? = nil,
      delay: Double = 0, byteInterval: Double = 0
    ) {
      self.init(
        status: status, headers: [("Content-Type", type)], body: Data(body.utf8), etag: etag, delay: delay,
        byteInterval: byteInterval)
    }
  }

  public let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var routes: [String: Response]
  private var counts: [String: Int] = [:]
  private var notModified: [String: Int] = [:]
  private var stopped = false

  public init(routes: [String: Response]) throws {
    self.routes = routes
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EMFILE) }
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 16) == 0 else {
      close(listener)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    self.listener = listener
    Thread { [self] in acceptLoop() }.start()
  }

  /// The URL of a path on this server.
  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  /// Replaces (or adds) the response of a path.
  public func set(_ path: String, _ response: Response) {
    lock.lock()
    routes[path] = response
    lock.unlock()
  }

  /// Full answers given for a path (a 304 does not count: see ``notModifiedCount(_:)``).
  public func count(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counts[path] ?? 0
  }

  /// 304 answers given for a path.
  public func notModifiedCount(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return notModified[path] ?? 0
  }

  /// Closes the listening socket; connections in flight finish on their own threads.
  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    guard !stopped else { return }
    stopped = true
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  deinit { stop() }

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        lock.lock()
        let done = stopped
        lock.unlock()
        if done { return }
        continue
      }
      Thread { [self] in serve(connection) }.start()
    }
  }

  private func serve(_ connection: Int32) {
    defer { close(connection) }
    var request = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while request.count < 65536 {
      let count = recv(connection, &buffer, buffer.count, 0)
      if count <= 0 { return }
      request += buffer[0..<count]
      if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
    }
    let lines = String(decoding: request, as: UTF8.self).components(separatedBy: "\r\n")
    let parts = (lines.first ?? "").split(separator: " ")
    let path = parts.count > 1 ? String(parts[1]) : "/"
    var ifNoneMatch: String?
    for line in lines.dropFirst() where line.lowercased().hasPrefix("if-none-match:") {
      ifNoneMatch = line.dropFirst("if-none-match:".count).trimmingCharacters(in: .whitespaces)
    }
    lock.lock()
    let response =
      routes[path] ?? Response(status: 404, type: "text/html", body: "<html><body>Not found</body></html>")
    let unchanged = response.etag != nil && ifNoneMatch == response.etag
    if unchanged { notModified[path, default: 0] += 1 } else { counts[path, default: 0] += 1 }
    lock.unlock()
    if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
    var head: String
    var body = Data()
    if unchanged, let etag = response.etag {
      head = "HTTP/1.1 304 Not Modified\r\nETag: \(etag)\r\n"
    } else {
      body = response.body
      head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
      for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
      if let etag = response.etag { head += "ETag: \(etag)\r\n" }
    }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    guard response.byteInterval > 0 else {
      _ = sendAll(connection, Array(head.utf8) + [UInt8](body))
      return
    }
    guard sendAll(connection, Array(head.utf8)) else { return }
    for byte in body where !isStopped {
      Thread.sleep(forTimeInterval: response.byteInterval)
      guard sendAll(connection, [byte]) else { return }
    }
  }

  private var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  /// Sends every byte; false when the client has gone.
  private func sendAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if count <= 0 { return false }
      sent += count
    }
    return true
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 404: "Not Found"
    default: "Status"
    }
  }
}
