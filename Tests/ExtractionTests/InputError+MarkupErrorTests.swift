import Extraction
import Markup
import ScanModel
import Testing

/// A Markup error becomes an input error at the document, with the error's message.
@Suite("Markup errors as input errors")
struct InputErrorMarkupErrorTests {
  @Test func anErrorAtTheDocumentKeepsItsMessage() {
    let error = InputError(MarkupError.empty(file: "doc.html"), file: "doc.html")
    #expect(error.description == "doc.html: error: \(MarkupError.empty(file: "doc.html").message)")
  }

  @Test func anXPathErrorIsReportedAtTheRecipeElement() {
    let markup = MarkupError.xpathFailed(expression: "//x:p", message: "Undefined namespace prefix")
    let error = InputError(markup, file: "doc.html", element: "recipe.units")
    #expect(
      error.description
        == "doc.html [recipe.units]: error: the XPath expression \"//x:p\" failed: Undefined namespace prefix"
    )
  }

  @Test func anErrorAtALineKeepsItsWholeDescription() {
    let diagnostic = MarkupDiagnostic(
      severity: .error, file: "doc.xml", line: 4, column: 11, message: "mismatch")
    let markup = MarkupError.unparseable(file: "doc.xml", diagnostics: [diagnostic])
    #expect(
      InputError(markup, file: "doc.xml").description == "doc.xml: error: doc.xml:4:11: error: mismatch")
  }
}
