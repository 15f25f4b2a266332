import ScanModel

/// What `evscan scan --json` prints: where the snapshot is, the flow's counts, and what went wrong.
public struct ScanOutcome: Sendable, Codable, Hashable {
  public struct Failure: Sendable, Codable, Hashable {
    public var framework: String
    public var reason: String
  }

  public var output: String
  public var counts: RunCounts
  public var frameworksExtracted: Int
  public var frameworksFromCache: Int
  public var failures: [Failure]
  public var warnings: Int
  /// File name to SHA-256 of the snapshot's files.
  public var files: [String: String]
  /// True when nothing changed since the snapshot in the output folder, which was left as it was.
  public var current = false
}
