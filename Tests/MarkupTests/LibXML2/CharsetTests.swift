import Markup
import Testing

@Suite("Charsets", .serialized)
struct CharsetTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var fixture: String
    var expectedText: String
    var expectedEncoding: String?
    var expectsWarning: Bool
    var testDescription: String { fixture }
  }

  static let cases: [Case] = [
    Case(
      fixture: "utf8.html", expectedText: "Café — été deux, cooperation, zerowidth.",
      expectedEncoding: "utf-8", expectsWarning: false),
    Case(
      fixture: "latin1-meta.html", expectedText: "Café crème, naïve résumé.",
      expectedEncoding: "iso-8859-1", expectsWarning: false),
    Case(
      fixture: "utf16-bom.html", expectedText: "Sixteen-bit café text.", expectedEncoding: nil,
      expectsWarning: false),
    Case(
      fixture: "invalid-utf8.html", expectedText: "Valid start", expectedEncoding: nil, expectsWarning: true),
  ]

  @Test("the charset comes from the document", arguments: cases)
  func charsetFromDocument(_ testCase: Case) throws {
    let document = try FixtureLoader.parse(testCase.fixture)
    let paragraph = try #require(try document.select("//p[@id='p']").first)
    let text = paragraph.text()
    #expect(text.hasPrefix(testCase.expectedText))
    if let encoding = testCase.expectedEncoding {
      #expect(document.encoding?.lowercased() == encoding)
    }
    if testCase.expectsWarning {
      #expect(!document.diagnostics.isEmpty, "bad bytes must be reported, not passed over")
      #expect(document.diagnostics.allSatisfy { $0.file == testCase.fixture && $0.line > 0 })
    }
  }

  @Test("a caller-named charset overrides the document")
  func callerEncoding() throws {
    let bytes = try FixtureLoader.bytes("latin1-meta.html")
    let document = try Document.parse(
      bytes, options: ParseOptions(format: .html, sourceName: "latin1", encoding: "windows-1252"))
    let paragraph = try #require(try document.select("//p").first)
    #expect(paragraph.text() == "Café crème, naïve résumé.")
  }
}
