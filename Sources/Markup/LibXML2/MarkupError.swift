/// Why a document or query was refused. Each case names the file and says what to do.
public enum MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty(file: String)
  case tooLarge(file: String, size: Int, limit: Int)
  case binary(file: String, kind: String)
  case unparseable(file: String, diagnostics: [MarkupDiagnostic])
  case invalidXPath(expression: String, message: String)
  case xpathFailed(expression: String, message: String)

  public var description: String {
    switch self {
    case .empty(let file):
      return "\(file): error: the document is empty; check that the file was downloaded completely"
    case .tooLarge(let file, let size, let limit):
      return
        "\(file): error: the document is \(size) bytes, over the limit of \(limit) bytes; "
        + "raise the limit only if you trust the document"
    case .binary(let file, let kind):
      return
        "\(file): error: this looks like \(kind), not HTML or XML text; "
        + "convert it to HTML or XML first (for a PDF, for example with GROBID to TEI XML)"
    case .unparseable(let file, let diagnostics):
      let first = diagnostics.first { $0.severity != .warning } ?? diagnostics.first
      let detail = first.map { $0.description } ?? "\(file): error: libxml2 could not build a document"
      return detail + (diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more diagnostics)" : "")
    case .invalidXPath(let expression, let message):
      return "error: the XPath expression \"\(expression)\" does not compile: \(message)"
    case .xpathFailed(let expression, let message):
      return "error: the XPath expression \"\(expression)\" failed: \(message)"
    }
  }
}
