/// A warning or error reported while parsing or querying, with the place it refers to.
public struct MarkupDiagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case warning
    case error
    case fatal
  }

  public var severity: Severity
  public var file: String
  /// 1-based; 0 when libxml2 did not know the line.
  public var line: Int
  public var column: Int
  public var message: String
  /// libxml2's error code (its `xmlParserErrors` value), 0 for diagnostics of our own.
  public var code: Int

  public init(severity: Severity, file: String, line: Int, column: Int = 0, message: String, code: Int = 0) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.code = code
  }

  /// libxml2 2.9 knows only HTML 4 tags and reports every HTML5 element (section, nav, main ...) as
  /// invalid; that is noise for us, not damage.
  public var isUnknownHTMLTag: Bool {
    code == 801
  }

  /// Where the diagnostic points.
  public var location: MarkupLocation {
    MarkupLocation(file: file, line: line, column: column)
  }

  /// `file:line:column: severity: message`, the shape compilers use, so editors can jump to it.
  public var description: String {
    "\(location): \(severity.word): \(message)"
  }
}

extension MarkupDiagnostic.Severity {
  /// The word a message shows: a fatal error is an error to the reader.
  var word: String {
    self == .warning ? "warning" : "error"
  }
}
