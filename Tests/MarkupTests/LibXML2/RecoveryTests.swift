import Markup
import Testing

@Suite("Recovering malformed HTML", .serialized)
struct RecoveryTests {
  @Test func unclosedAndStrayTagsAreRecoveredWithDiagnostics() throws {
    let document = try FixtureLoader.parse("malformed.html")
    let paragraphs = try document.select("//p").map { $0.text() }
    #expect(paragraphs.count == 3)
    #expect(paragraphs.first?.hasPrefix("First paragraph with an unclosed bold tag") == true)
    #expect(paragraphs.contains("Second paragraph with a stray end tag."))
    #expect(paragraphs.last == "Trailing paragraph after stray closers.")
    let items = try document.select("//li").map { $0.text() }
    #expect(items == ["Item one", "Item two"])
    let strayEnd = document.diagnostics.first { $0.message.contains("Unexpected end tag") }
    let diagnostic = try #require(strayEnd, "stray end tags are reported")
    #expect(diagnostic.line == 7)
    #expect(diagnostic.description.hasPrefix("malformed.html:7:"))
  }
}
