/// What a scan reports as it goes, for a progress display; the pipeline never prints.
public protocol ScanProgress: Sendable {
  func stage(_ name: String)
  func framework(_ slug: String, statements: Int, dropped: Int, cached: Bool)
  func frameworkFailed(_ slug: String, reason: String)
  func note(_ text: String)
}

/// Reports nothing.
public struct SilentProgress: ScanProgress {
  public init() {}
  public func stage(_ name: String) {}
  public func framework(_ slug: String, statements: Int, dropped: Int, cached: Bool) {}
  public func frameworkFailed(_ slug: String, reason: String) {}
  public func note(_ text: String) {}
}
