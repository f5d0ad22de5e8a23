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
  /// The server answered but the whole page did not arrive in time (it sends too slowly).
  case tooSlow(url: String, seconds: Double)
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
      .tooSlow(let u, _), .tls(let u, _), .tooManyRedirects(let u), .httpStatus(let u, _), .notAnArticle(let u, _),
      .tooLarge(let u, _),
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
    case .timedOut(_, let seconds): return "no answer within \(Self.seconds(seconds)) s"
    case .tooSlow(_, let seconds):
      return "the page did not arrive within \(Self.seconds(seconds)) s (the server sends too slowly)"
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

  /// `20` for 20 seconds, `0.5` for half a second.
  private static func seconds(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
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
  /// The HTTP status: 2xx, or 304 when a conditional request found nothing new (no data).
  public var status: Int = 200
  /// The validators to send next time (`ETag`, `Last-Modified`), when the server gave them.
  public var etag: String?
  public var lastModified: String?

  public init(
    data: Data, url: URL, mediaType: String, charset: String? = nil, status: Int = 200, etag: String? = nil,
    lastModified: String? = nil
  ) {
    self.data = data
    self.url = url
    self.mediaType = mediaType
    self.charset = charset
    self.status = status
    self.etag = etag
    self.lastModified = lastModified
  }

  /// True for the answer to a conditional request when the resource did not change.
  public var notModified: Bool { status == 304 }
}

/// What a conditional request sends: the validators of the copy already held.
public struct FetchValidators: Sendable, Equatable {
  public var etag: String?
  public var lastModified: String?
  public init(etag: String? = nil, lastModified: String? = nil) {
    self.etag = etag
    self.lastModified = lastModified
  }
}

/// Fetches web pages over HTTP(S) with Foundation's URLSession: one request at a time, a
/// time-out (for an answer and between bytes) and three for the whole page, a size limit (the transfer is cancelled when the page grows past it), at most
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
  public static let readableTypes: Set<String> = Set([
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
  ]).union(feedTypes)

  /// The media types of feeds (RSS, RDF, Atom, and the generic XML types servers send them as).
  public static let feedTypes: Set<String> = [
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml",
  ]

  /// A status as a row shows it: `404 Not Found`.
  public static func statusLine(_ status: Int) -> String {
    "\(status) \(HTTPURLResponse.localizedString(forStatusCode: status).capitalized)"
  }

  /// Whether an argument names a web page rather than a file.
  public static func isURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// Fetches `address` (an `http:` or `https:` URL) as a page or text.
  public func fetch(_ address: String) throws(FetchError) -> FetchedPage {
    try fetch(address, accepting: PageFetcher.readableTypes, validators: nil)
  }

  /// Fetches `address`, accepting the media types `accepting` (others are
  /// ``FetchError/notAnArticle(url:contentType:)``). With `validators`, the request is
  /// conditional (`If-None-Match`, `If-Modified-Since`) and an unchanged resource comes back as
  /// a page with status 304 and no data.
  public func fetch(
    _ address: String, accepting: Set<String>, validators: FetchValidators?
  ) throws(FetchError) -> FetchedPage {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
    else {
      throw .invalidURL(address)
    }
    guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url: address, scheme: scheme) }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.setValue(
      "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,application/xml;q=0.8,*/*;q=0.1",
      forHTTPHeaderField: "Accept")
    request.setValue("Byline/0.1 (terminal news reader)", forHTTPHeaderField: "User-Agent")
    if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
    if let modified = validators?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
    let transfer = Transfer(limit: maximumBytes, maximumRedirects: maximumRedirects)
    let configuration = URLSessionConfiguration.ephemeral
    // The whole page within three time-outs: a server that answers and then trickles a byte
    // at a time never lets the idle time-out fire. Foundation on Linux does not end a transfer
    // at `timeoutIntervalForResource` in every case, so the wait here bounds it too.
    let wholePage = timeout * 3
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = wholePage
    let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
    let started = DispatchTime.now()
    session.dataTask(with: request).resume()
    let finished = transfer.done.wait(timeout: started + wholePage)
    session.invalidateAndCancel()
    guard finished == .success else { throw .tooSlow(url: address, seconds: wholePage) }
    do {
      return try transfer.result(address: address, host: host, timeout: timeout, accepting: accepting)
    } catch .timedOut
      where Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 > timeout * 2.5
    {
      // Past two and a half time-outs it was the whole page's limit, not an idle server.
      throw .tooSlow(url: address, seconds: wholePage)
    }
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

  func result(
    address: String, host: String, timeout: TimeInterval, accepting: Set<String>
  ) throws(FetchError) -> FetchedPage {
    lock.lock()
    defer { lock.unlock() }
    if overLimit { throw .tooLarge(url: address, limit: limit) }
    if tooManyRedirects { throw .tooManyRedirects(url: address) }
    if let error {
      let code = (error as? URLError)?.code ?? URLError.Code(rawValue: (error as NSError).code)
      switch code {
      case .cannotFindHost, .dnsLookupFailed: throw .hostNotFound(url: address, host: host)
      case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet:
        throw .refused(url: address, host: host)
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
    if response.statusCode == 304 {
      return FetchedPage(
        data: Data(), url: response.url ?? URL(string: address)!, mediaType: "", status: 304,
        etag: response.value(forHTTPHeaderField: "ETag"),
        lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
    }
    guard (200..<300).contains(response.statusCode) else {
      throw .httpStatus(url: address, status: response.statusCode)
    }
    let contentType = response.value(forHTTPHeaderField: "Content-Type") ?? "text/html"
    let mediaType =
      contentType.split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      } ?? "text/html"
    guard accepting.contains(mediaType) else {
      throw .notAnArticle(url: address, contentType: mediaType)
    }
    return FetchedPage(
      data: data, url: response.url ?? URL(string: address)!, mediaType: mediaType,
      charset: Charset.charset(fromContentType: contentType), status: response.statusCode,
      etag: response.value(forHTTPHeaderField: "ETag"),
      lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
  }
}
