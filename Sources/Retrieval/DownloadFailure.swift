import Foundation

/// Why a download did not give a whole document. The fetcher turns each into a message that names the
/// framework and the URL; this type keeps the facts apart from the wording.
public enum DownloadFailure: Error, Sendable, Hashable {
  /// Nothing arrived for `seconds` (idle), or the whole download took longer than allowed.
  case timedOut(seconds: TimeInterval)
  /// More than `limit` redirects; `last` is where the chain had got to.
  case tooManyRedirects(limit: Int, last: String)
  /// The body is over `limit` bytes (announced by Content-Length, or counted as it arrived).
  case tooLarge(limit: Int, announced: Int?)
  /// The server answered with a status other than 2xx.
  case httpStatus(code: Int, url: String)
  /// The connection ended before the announced length arrived.
  case interrupted(received: Int, expected: Int?, detail: String)
  /// The URL is not an http(s) URL.
  case unsupportedURL(String)
  /// Anything else the transport reported (no route, refused connection, DNS, TLS).
  case transport(String)
  /// The temporary file could not be written.
  case storage(String)
}
