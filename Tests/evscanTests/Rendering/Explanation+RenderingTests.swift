import ScanModel
import Snapshot
import TestSupport
import Testing

@testable import evscan

/// The plain text `evscan explain` prints.
@Suite("Explain, as text")
struct ExplanationRenderingTests {
  let content = SnapshotFixtures.content

  @Test("the terminal rendering quotes the text and shows provenance, codes and edges")
  func rendering() throws {
    let text = try Explanation(id: "M0003", in: content).rendered(width: 100)
    #expect(text.hasPrefix("Mitigation M0003: Red teaming\n"))
    #expect(text.contains("  primary code 3.1 Testing & Auditing"))
    #expect(text.contains("Statement A0005_NIST2024 (nist-2024:mp-4-1-001)"))
    #expect(text.contains("\"Conduct red-teaming exercises, \"with domain experts\", to find dangerous"))
    // A statement read from a PDF names its page, and its line is in the layout rebuilt from the PDF.
    #expect(text.contains("  page         page 18 (41, 472 pt from the top left)"))
    #expect(
      text.contains("  location     line 52 of the layout rebuilt from the PDF, /html/body/div[2]/p[52]"))
    #expect(text.contains("  risks        CBRN, Dangerous capabilities"))
    #expect(text.contains("How the members were joined"))
    #expect(
      text.contains("score 0.82 merge (concepts 0.90, lexical 0.70, tfidf 0.80): same action (red-team)"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 || !$0.contains(" ") })
  }

  @Test("a retired mitigation says what became of it and of its statements")
  func retired() throws {
    let text = try Explanation(id: "m0006", in: content).rendered(width: 100)
    #expect(text.hasPrefix("Mitigation M0006 is retired: merged into M0004; 1 of its statements removed.\n"))
    #expect(text.contains("now in M0004"))
    #expect(text.contains("no longer scanned"))
    #expect(text.contains("merged M0004 from M0004, M0006"))
  }
}
