import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the refresh tests: canned responses by path that a
/// test may change between refreshes, `ETag` answered with 304 to a matching `If-None-Match`,
/// and a count of the requests per path (to see that nothing is fetched twice). The test
/// starts it on a free port and stops it; nothing leaves the machine.
final class FeedServer: @unchecked Sendable {
  struct Response {
    var status = 200
    var type = "text/html; charset=utf-8"
    var body: String
    var etag: String?
  }

  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var routes: [String: Response]
  private var counts: [String: Int] = [:]
  private var notModified: [String: Int] = [:]
  private var stopped = false

  init(_ routes: [String: Response]) throws {
    self.routes = routes
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EMFILE) }
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
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

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  /// Replaces (or adds) the response of a path.
  func set(_ path: String, _ response: Response) {
    lock.lock()
    routes[path] = response
    lock.unlock()
  }

  /// Full answers given for a path (a 304 does not count: see ``notModifiedCount(_:)``).
  func count(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counts[path] ?? 0
  }

  func notModifiedCount(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return notModified[path] ?? 0
  }

  func stop() {
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
    let route = routes[path]
    var head: String
    var body = Data()
    if let route, let etag = route.etag, ifNoneMatch == etag {
      notModified[path, default: 0] += 1
      head = "HTTP/1.1 304 Not Modified\r\nETag: \(etag)\r\n"
    } else if let route {
      counts[path, default: 0] += 1
      body = Data(route.body.utf8)
      head = "HTTP/1.1 \(route.status) \(route.status == 200 ? "OK" : "Error")\r\nContent-Type: \(route.type)\r\n"
      if let etag = route.etag { head += "ETag: \(etag)\r\n" }
    } else {
      counts[path, default: 0] += 1
      body = Data("<html><body>Not found</body></html>".utf8)
      head = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
    }
    lock.unlock()
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    let bytes = Array(head.utf8) + [UInt8](body)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if count <= 0 { return }
      sent += count
    }
  }
}
