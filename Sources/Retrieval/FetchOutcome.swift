/// What `evscan fetch` did for one framework, for the command to print (as a line, or as JSON).
public struct FetchOutcome: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Hashable, Codable {
    /// The original was downloaded or copied, matches the lock, and is in place for the next scan.
    case verified
    /// The original was already in place and matches the lock; nothing was downloaded.
    case present
    /// Downloaded, but the manifest has no lock: kept aside as `<file>.unverified` for review.
    case unlocked
    /// Downloaded, but its SHA-256 differs from the lock: refused, kept aside as `<file>.unverified`.
    case refused
    /// `--update`: the lock in framework.yaml now records this copy.
    case locked
    /// `--from`: no lock to recognise the file by.
    case skipped
    /// `--from`: no file under the folder has the locked SHA-256.
    case missing
    /// The download failed (network, HTTP status, size, wrong kind of document) or a file could not be written.
    case failed
  }

  public var framework: String
  public var status: Status
  /// One or two sentences for a person: what happened and, when something is left to do, what.
  public var message: String
  /// The file written, relative to where evscan runs, when there is one.
  public var file: String?
  public var sha256: String?

  /// True when the command should end with a failure status.
  public var isFailure: Bool { [.refused, .missing, .failed].contains(status) }
}
