/// A warning recorded during a run: the run goes on, and the warning is kept in the report.
public struct ScanDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case warning
    case error
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(severity: Severity = .warning, location: SourceLocation, message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String {
    "\(location): \(severity.rawValue): \(message)"
  }
}
