import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads one URL into a file, within `DownloadLimits`. The only code in evscan that opens a network
/// connection; everything else reads files. The body is streamed into `destination` as it arrives, so a
/// large document never sits in memory, and every way a download can go wrong ends as a `DownloadFailure`.
public struct HTTPDownloader: Sendable {
  public var limits: DownloadLimits

  public init(limits: DownloadLimits = DownloadLimits()) {
    self.limits = limits
  }

  /// What a finished download was.
  public struct Download: Sendable, Hashable {
    /// Where the last redirect led; the URL asked for when there was none.
    public var finalURL: String
    public var redirects: Int
    public var bytes: Int
    public var contentType: String?
  }

  /// Downloads `url` into `destination` (created or truncated). On a failure the file may hold part of the
  /// body: the caller writes to a temporary file and removes it (see `StagedFile`).
  public func download(_ url: URL, to destination: URL) throws(DownloadFailure) -> Download {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
      throw .unsupportedURL(url.absoluteString)
    }
    guard FileManager.default.createFile(atPath: destination.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: destination.path)
    else {
      throw .storage("cannot create \(destination.path)")
    }
    defer { try? handle.close() }
    let state = DownloadState(url: url, limits: limits, handle: handle)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = limits.idleTimeout
    configuration.timeoutIntervalForResource = limits.totalTimeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpAdditionalHeaders = ["User-Agent": "evscan-fetch"]
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = 1
    let session = URLSession(configuration: configuration, delegate: state, delegateQueue: queue)
    defer { session.invalidateAndCancel() }
    var request = URLRequest(url: url)
    request.timeoutInterval = limits.idleTimeout
    let task = session.dataTask(with: request)
    task.resume()
    // The session's own timeouts should end the task; the extra wait only guards against a transport that
    // never reports back, so that fetch cannot hang for ever.
    if state.finished.wait(timeout: .now() + limits.totalTimeout + 10) == .timedOut {
      task.cancel()
      throw .timedOut(seconds: limits.totalTimeout)
    }
    return try state.outcome()
  }
}

/// The delegate's view of one download: counts, the first failure, and the file being written. URLSession
/// calls it on its own serial queue; the lock covers the moment the caller reads the outcome.
private final class DownloadState: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let url: URL
  let limits: DownloadLimits
  let handle: FileHandle
  let finished = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var failure: DownloadFailure?
  private var received = 0
  private var expected: Int?
  private var redirects = 0
  private var finalURL: String
  private var contentType: String?

  init(url: URL, limits: DownloadLimits, handle: FileHandle) {
    self.url = url
    self.limits = limits
    self.handle = handle
    finalURL = url.absoluteString
  }

  private func fail(_ reason: DownloadFailure) {
    if failure == nil { failure = reason }
  }

  func outcome() throws(DownloadFailure) -> HTTPDownloader.Download {
    lock.lock()
    defer { lock.unlock() }
    if let failure { throw failure }
    return HTTPDownloader.Download(
      finalURL: finalURL, redirects: redirects, bytes: received, contentType: contentType)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    lock.lock()
    redirects += 1
    let target = request.url?.absoluteString ?? finalURL
    let allowed = redirects <= limits.redirects
    if allowed {
      finalURL = target
    } else {
      fail(.tooManyRedirects(limit: limits.redirects, last: target))
    }
    lock.unlock()
    if allowed {
      completionHandler(request)
    } else {
      completionHandler(nil)
      task.cancel()
    }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    var disposition = URLSession.ResponseDisposition.allow
    if let http = response as? HTTPURLResponse {
      contentType = http.value(forHTTPHeaderField: "Content-Type")
      if !(200..<300).contains(http.statusCode) {
        fail(.httpStatus(code: http.statusCode, url: response.url?.absoluteString ?? finalURL))
        disposition = .cancel
      }
    }
    if response.expectedContentLength >= 0 {
      expected = Int(response.expectedContentLength)
      if let announced = expected, announced > limits.bytes {
        fail(.tooLarge(limit: limits.bytes, announced: announced))
        disposition = .cancel
      }
    }
    lock.unlock()
    completionHandler(disposition)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    defer { lock.unlock() }
    guard failure == nil else { return }
    received += data.count
    guard received <= limits.bytes else {
      fail(.tooLarge(limit: limits.bytes, announced: expected))
      dataTask.cancel()
      return
    }
    do {
      try handle.write(contentsOf: data)
    } catch {
      fail(.storage("\(error.localizedDescription)"))
      dataTask.cancel()
    }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    lock.lock()
    if let error {
      fail(Self.classify(error, received: received, expected: expected, limits: limits))
    } else if let expected, received < expected {
      fail(.interrupted(received: received, expected: expected, detail: "the connection closed early"))
    }
    lock.unlock()
    finished.signal()
  }

  static func classify(_ error: any Error, received: Int, expected: Int?, limits: DownloadLimits)
    -> DownloadFailure
  {
    let nsError = error as NSError
    guard nsError.domain == NSURLErrorDomain else { return .transport(nsError.localizedDescription) }
    switch URLError.Code(rawValue: nsError.code) {
    case .timedOut:
      return .timedOut(seconds: limits.idleTimeout)
    case .networkConnectionLost, .cannotParseResponse, .badServerResponse:
      return .interrupted(received: received, expected: expected, detail: nsError.localizedDescription)
    case .httpTooManyRedirects:
      let last = (nsError.userInfo[NSURLErrorFailingURLErrorKey] as? URL)?.absoluteString ?? ""
      return .tooManyRedirects(limit: limits.redirects, last: last)
    default:
      if received > 0 {
        return .interrupted(received: received, expected: expected, detail: nsError.localizedDescription)
      }
      return .transport(nsError.localizedDescription)
    }
  }
}
