import Foundation

/// How far a download may go before it is given up: the limits that keep `evscan fetch` from hanging on a
/// stalled server, following a redirect loop, or filling the disk with something that is not a document.
public struct DownloadLimits: Sendable, Hashable {
  /// Redirects followed before the download is refused (publishers' landing pages use one or two).
  public var redirects: Int
  /// Bytes accepted; more is refused without being kept. Matches the extractor's document limit.
  public var bytes: Int
  /// Seconds without a byte arriving before the download is given up.
  public var idleTimeout: TimeInterval
  /// Seconds the whole download may take.
  public var totalTimeout: TimeInterval

  public init(
    redirects: Int = 5, bytes: Int = 64 << 20, idleTimeout: TimeInterval = 30,
    totalTimeout: TimeInterval = 600
  ) {
    self.redirects = redirects
    self.bytes = bytes
    self.idleTimeout = idleTimeout
    self.totalTimeout = totalTimeout
  }
}
