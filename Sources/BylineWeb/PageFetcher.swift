import BylineCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why a page could not be fetched. Each message is one line naming the URL.
public enum FetchError: Error, Equatable, CustomStringConvertible {
  case invalidURL(String)
  case unsupportedScheme(url: String, scheme: String)
  case hostNotFound(url: String, host: String)
  case refused(url: String, host: String)
  case timedOut(url: String, seconds: Double)
  case tls(url: String, reason: String)
  case tooManyRedirects(url: String)
  case httpStatus(url: String, status: Int)
  case notAnArticle(url: String, contentType: String)
  case tooLarge(url: String, limit: Int)
  case failed(url: String, reason: String)

  public var url: String {
    switch self {
    case .invalidURL(let u): return u
    case .unsupportedScheme(let u, _), .hostNotFound(let u, _), .refused(let u, _), .timedOut(let u, _),
      .tls(let u, _), .tooManyRedirects(let u), .httpStatus(let u, _), .notAnArticle(let u, _), .tooLarge(let u, _),
      .failed(let u, _):
      return u
    }
  }

  /// The problem alone.
  public var reason: String {
    switch self {
    case .invalidURL: return "is not a valid URL"
    case .unsupportedScheme(_, let scheme): return "uses \(scheme):, but only http: and https: pages can be read"
    case .hostNotFound(_, let host): return "host \(host) not found (check the address and the network)"
    case .refused(_, let host): return "\(host) refused the connection (is the server running?)"
    case .timedOut(_, let seconds):
      return "no answer within \(seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)) s"
    case .tls(_, let reason): return "secure connection failed (\(reason))"
    case .tooManyRedirects: return "too many redirects"
    case .httpStatus(_, let status):
      return "the server answered \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))"
    case .notAnArticle(_, let type): return "is \(type), not a web page or text"
    case .tooLarge(_, let limit):
      return "is larger than the \(limit >= 1_048_576 ? "\(limit / 1_048_576) MB" : "\(limit / 1024) KB") limit"
    case .failed(_, let reason): return reason
    }
  }

  /// One line, sanitised (a URL or a system message never reaches the terminal raw).
  public var description: String {
    "\(Sanitizer.clean(url)): \(Sanitizer.clean(reason))".replacingOccurrences(of: "\n", with: " ")
  }
}

/// A page as fetched: its bytes, the URL it came from after redirects, and its type.
public struct FetchedPage: Sendable {
  public var data: Data
  public var url: URL
  /// The media type, lower case, without parameters (`text/html`).
  public var mediaType: String
  /// The charset the `Content-Type` header named, if any.
  public var charset: String?
}

/// Fetches web pages over HTTP(S) with Foundation's URLSession: one request at a time, a
/// time-out, a size limit (the transfer is cancelled when the page grows past it), at most
/// ten redirects, and a ``FetchError`` with a one-line reason for every failure.
public struct PageFetcher: Sendable {
  /// Seconds to wait for the server (connecting and between bytes) and for the whole page.
  public var timeout: TimeInterval
  /// The largest page read, in bytes.
  public var maximumBytes: Int
  /// Redirects followed before giving up.
  public var maximumRedirects: Int

  public init(timeout: TimeInterval = 20, maximumBytes: Int = 20 * 1_048_576, maximumRedirects: Int = 10) {
    self.timeout = timeout
    self.maximumBytes = maximumBytes
    self.maximumRedirects = maximumRedirects
  }

  /// The media types read as articles.
  public static let readableTypes: Set<String> = [
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
  ]

  /// Whether an argument names a web page rather than a file.
  public static func isURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// Fetches `address` (an `http:` or `https:` URL).
  public func fetch(_ address: String) throws(FetchError) -> FetchedPage {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
    else {
      throw .invalidURL(address)
    }
    guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url: address, scheme: scheme) }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.setValue("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1", forHTTPHeaderField: "Accept")
    request.setValue("Byline/0.1 (terminal news reader)", forHTTPHeaderField: "User-Agent")
    let transfer = Transfer(limit: maximumBytes, maximumRedirects: maximumRedirects)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout * 3
    let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
    session.dataTask(with: request).resume()
    let finished = transfer.done.wait(timeout: .now() + timeout * 3 + 5)
    session.invalidateAndCancel()
    guard finished == .success else { throw .timedOut(url: address, seconds: timeout) }
    return try transfer.result(address: address, host: host, timeout: timeout)
  }
}

/// One transfer's state, filled in by URLSession's delegate calls on its queue.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let limit: Int
  let maximumRedirects: Int
  let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var data = Data()
  private var response: HTTPURLResponse?
  private var error: Error?
  private var redirects = 0
  private var overLimit = false
  private var tooManyRedirects = false

  init(limit: Int, maximumRedirects: Int) {
    self.limit = limit
    self.maximumRedirects = maximumRedirects
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    self.response = response as? HTTPURLResponse
    let tooBig = response.expectedContentLength > Int64(limit)
    if tooBig { overLimit = true }
    lock.unlock()
    completionHandler(tooBig ? .cancel : .allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    self.data.append(data)
    let tooBig = self.data.count > limit
    if tooBig {
      overLimit = true
      self.data = Data()
    }
    lock.unlock()
    if tooBig { dataTask.cancel() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    lock.lock()
    redirects += 1
    let allowed = redirects <= maximumRedirects
    let scheme = request.url?.scheme?.lowercased()
    if !allowed { tooManyRedirects = true }
    lock.unlock()
    completionHandler(allowed && (scheme == "http" || scheme == "https") ? request : nil)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.lock()
    self.error = error
    if let final = task.response as? HTTPURLResponse { response = final }
    lock.unlock()
    done.signal()
  }

  func result(address: String, host: String, timeout: TimeInterval) throws(FetchError) -> FetchedPage {
    lock.lock()
    defer { lock.unlock() }
    if overLimit { throw .tooLarge(url: address, limit: limit) }
    if tooManyRedirects { throw .tooManyRedirects(url: address) }
    if let error {
      let code = (error as? URLError)?.code ?? URLError.Code(rawValue: (error as NSError).code)
      switch code {
      case .cannotFindHost, .dnsLookupFailed: throw .hostNotFound(url: address, host: host)
      case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet: throw .refused(url: address, host: host)
      case .timedOut: throw .timedOut(url: address, seconds: timeout)
      case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
        .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
        .clientCertificateRequired:
        throw .tls(url: address, reason: error.localizedDescription)
      case .httpTooManyRedirects: throw .tooManyRedirects(url: address)
      default: throw .failed(url: address, reason: error.localizedDescription)
      }
    }
    guard let response else { throw .failed(url: address, reason: "no response from the server") }
    guard (200..<300).contains(response.statusCode) else {
      throw .httpStatus(url: address, status: response.statusCode)
    }
    let contentType = response.value(forHTTPHeaderField: "Content-Type") ?? "text/html"
    let mediaType = contentType.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    } ?? "text/html"
    guard PageFetcher.readableTypes.contains(mediaType) else {
      throw .notAnArticle(url: address, contentType: mediaType)
    }
    return FetchedPage(
      data: data, url: response.url ?? URL(string: address)!, mediaType: mediaType,
      charset: Charset.charset(fromContentType: contentType))
  }
}
