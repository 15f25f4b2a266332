import Extraction
import Testing

/// `evscan add-framework` chooses the preset from the document's bytes: each known format by its marker,
/// anything else `generic`; the title and year from the document's metadata.
@Suite struct FormatDetectionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var preset: String
    var fileName: String
    var document: String
    var xml: Bool
    var testDescription: String { preset }
  }

  static let cases: [Case] = [
    Case(
      preset: "tei", fileName: "paper.xml",
      document: """
        <?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>\
        <title>A TEI Paper</title></titleStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>
        """, xml: true),
    Case(
      preset: "eur-lex", fileName: "act.html",
      document:
        "<html><head><title>An Act</title></head><body><p class=\"oj-doc-ti\">REGULATION</p></body></html>",
      xml: false),
    Case(
      preset: "latexml", fileName: "paper.html",
      document:
        "<html><head><title>A Paper</title></head><body><div class=\"ltx_page_main\"><article class=\"ltx_document\"><p>x</p></article></div></body></html>",
      xml: false),
    Case(
      preset: "eu-code-of-practice", fileName: "code.html",
      document:
        "<html><head><title>A Code</title></head><body><section data-section=\"1\"><p>x</p></section></body></html>",
      xml: false),
    Case(
      preset: "govuk", fileName: "guidance.html",
      document:
        "<html><head><title>Guidance</title></head><body><div class=\"govspeak\"><p>x</p></div></body></html>",
      xml: false),
    Case(
      preset: "leginfo", fileName: "bill.html",
      document:
        "<html><head><title>A Bill</title></head><body><div id=\"bill_all\"><p>x</p></div></body></html>",
      xml: false),
    Case(
      preset: "nist-actions", fileName: "profile.html",
      document:
        "<html><head><title>A Profile</title></head><body><table><tr><td>GV-1.1-001</td><td>x</td></tr></table></body></html>",
      xml: false),
    Case(
      preset: "generic", fileName: "policy.html",
      document:
        "<html><head><title>A Policy</title></head><body><main><ul><li>x</li></ul></main></body></html>",
      xml: false),
  ]

  @Test func everyPresetHasACase() {
    #expect(Self.cases.count == 8)
    #expect(Set(Self.cases.map(\.preset)).count == Self.cases.count)
  }

  @Test(arguments: cases)
  func thePresetIsDetected(_ example: Case) throws {
    let detected = try FormatDetection.detect(Array(example.document.utf8), fileName: example.fileName)
    #expect(detected.preset == example.preset)
    #expect(detected.format == (example.xml ? .xml : .html))
    #expect(detected.title?.isEmpty == false)
  }

  @Test func theTitleAndYearComeFromTheCitationMetadata() throws {
    let page = """
      <html><head><title>Site name</title><meta name="citation_title" content="The Real Title">\
      <meta name="citation_publication_date" content="2024/05/17"></head><body><p>x</p></body></html>
      """
    let detected = try FormatDetection.detect(Array(page.utf8), fileName: "page.html")
    #expect(detected.title == "The Real Title")
    #expect(detected.year == 2024)
    #expect(detected.preset == "generic")
  }
}
