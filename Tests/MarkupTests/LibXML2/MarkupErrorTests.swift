import Markup
import Testing

/// The parts of an error stay apart and make up its description.
@Suite("Markup errors")
struct MarkupErrorTests {
  @Test func aDocumentErrorIsItsFileAndItsMessage() {
    let error = MarkupError.empty(file: "a.html")
    #expect(error.location == MarkupLocation(file: "a.html"))
    #expect(error.description == "a.html: error: \(error.message)")
  }

  @Test func anUnparseableDocumentIsReportedAtItsFirstError() {
    let diagnostics = [
      MarkupDiagnostic(severity: .warning, file: "a.xml", line: 2, message: "w"),
      MarkupDiagnostic(severity: .fatal, file: "a.xml", line: 4, column: 11, message: "tag mismatch"),
    ]
    let error = MarkupError.unparseable(file: "a.xml", diagnostics: diagnostics)
    #expect(error.location == MarkupLocation(file: "a.xml", line: 4, column: 11))
    #expect(error.message == "tag mismatch (and 1 more diagnostics)")
    #expect(error.description == "a.xml:4:11: error: tag mismatch (and 1 more diagnostics)")
  }

  @Test func anXPathErrorHasNoLocation() {
    let error = MarkupError.xpathFailed(expression: "//x:p", message: "Undefined namespace prefix")
    #expect(error.location == nil)
    #expect(error.description == "error: the XPath expression \"//x:p\" failed: Undefined namespace prefix")
  }
}
