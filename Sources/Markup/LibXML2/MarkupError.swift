/// Why a document or query was refused. Each case names the file and says what to do.
///
/// Its parts are kept apart, as a compiler keeps a diagnostic's: `location` (the document, with the line
/// of libxml2's first error when it could not build one; none for an XPath expression, which belongs to
/// no document), `severity` and `message`. `description` puts them together here and nowhere else, so a
/// caller that reports the error under a location of its own takes `message` instead of editing text.
public enum MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty(file: String)
  case tooLarge(file: String, size: Int, limit: Int)
  case binary(file: String, kind: String)
  case unparseable(file: String, diagnostics: [MarkupDiagnostic])
  case invalidXPath(expression: String, message: String)
  case xpathFailed(expression: String, message: String)

  /// Where the error is: nil for an XPath expression.
  public var location: MarkupLocation? {
    switch self {
    case .empty(let file), .tooLarge(let file, _, _), .binary(let file, _):
      return MarkupLocation(file: file)
    case .unparseable(let file, let diagnostics):
      return Self.reported(in: diagnostics)?.location ?? MarkupLocation(file: file)
    case .invalidXPath, .xpathFailed:
      return nil
    }
  }

  /// An error, unless libxml2 gave up on a document having said no more than warnings.
  public var severity: MarkupDiagnostic.Severity {
    guard case .unparseable(_, let diagnostics) = self, let reported = Self.reported(in: diagnostics) else {
      return .error
    }
    return reported.severity
  }

  /// What is wrong and what to do, without the location.
  public var message: String {
    switch self {
    case .empty:
      return "the document is empty; check that the file was downloaded completely"
    case .tooLarge(_, let size, let limit):
      return "the document is \(size) bytes, over the limit of \(limit) bytes; "
        + "raise the limit only if you trust the document"
    case .binary(_, let kind):
      return "this looks like \(kind), not HTML or XML text; "
        + "convert it to HTML or XML first (for a PDF, for example with GROBID to TEI XML)"
    case .unparseable(_, let diagnostics):
      let detail = Self.reported(in: diagnostics)?.message ?? "libxml2 could not build a document"
      return detail + (diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more diagnostics)" : "")
    case .invalidXPath(let expression, let message):
      return "the XPath expression \"\(expression)\" does not compile: \(message)"
    case .xpathFailed(let expression, let message):
      return "the XPath expression \"\(expression)\" failed: \(message)"
    }
  }

  /// `file:line:column: error: message`, or `error: message` for an XPath expression.
  public var description: String {
    (location.map { "\($0): " } ?? "") + "\(severity.word): \(message)"
  }

  /// The diagnostic that speaks for a document libxml2 could not build: its first error, else its first word.
  private static func reported(in diagnostics: [MarkupDiagnostic]) -> MarkupDiagnostic? {
    diagnostics.first { $0.severity != .warning } ?? diagnostics.first
  }
}
