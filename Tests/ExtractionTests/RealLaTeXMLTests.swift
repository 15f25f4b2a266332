import Extraction
import Foundation
import ScanModel
import Testing

/// Two real arXiv papers in LaTeXML's HTML, read with the latexml preset: list items and paragraphs with
/// their sections; proofs, figures, equations, the bibliography, keywords and acknowledgements left out.
@Suite(
  "The latexml preset on real arXiv pages",
  .enabled(if: Paths.hasFormats, "../shared/corpus/formats is absent (a user's clone has no ../shared)"))
struct RealLaTeXMLTests {
  static func extract(_ name: String) throws -> ExtractionResult {
    try RealFormatDocument.extract("latexml/\(name).html", preset: "latexml", format: .html)
  }

  @Test(arguments: ["split-cycle", "astro-ml"])
  func addFrameworkPicksTheLaTeXMLPreset(name: String) throws {
    #expect(try RealFormatDocument.detect("latexml/\(name).html").preset == "latexml")
  }

  @Test(
    "counts of units, statements and drops",
    arguments: [
      // split-cycle: the paragraphs of its 17 proofs are navigation; astro-ml: paragraphs holding only a displayed equation are
      // empty once equations are left out, and the keywords and acknowledgements are navigation.
      ("split-cycle", 253, 196, [DroppedUnit.Reason.navigation: 52, .tooShort: 4, .duplicateText: 1]),
      ("astro-ml", 51, 39, [.empty: 10, .navigation: 2]),
    ])
  func counts(name: String, units: Int, statements: Int, reasons: [DroppedUnit.Reason: Int]) throws {
    let result = try Self.extract(name)
    #expect(result.isBalanced)
    #expect(result.unitsMatched == units)
    #expect(result.statements.count == statements)
    #expect(RealFormatDocument.reasons(result) == reasons)
  }

  @Test(arguments: ["split-cycle", "astro-ml"])
  func everyStatementSitsInANumberedSectionAndNoneIsBoilerplate(name: String) throws {
    for statement in try Self.extract(name).statements {
      let top = try #require(statement.sectionPath.first, "\(statement.id) has no section")
      #expect(top.first?.isNumber == true || top.hasPrefix("Appendix"), "\(statement.id) under \(top)")
      // Run-in titles of theorems and proofs name one block, not a section.
      #expect(!statement.sectionPath.contains { $0.hasPrefix("Proof") || $0.hasPrefix("Lemma") })
      #expect(!statement.sectionPath.contains("Acknowledgements"))
      #expect(!statement.text.hasPrefix("Key words"))
    }
  }

  @Test func theoremLikeBlocksLabelTheirParagraphs() throws {
    let statements = try Self.extract("split-cycle").statements
    let labels = Set(statements.compactMap(\.label))
    #expect(labels.isSuperset(of: ["Definition 2.1", "Lemma 2.8", "Theorem 6.4", "Proposition A.3"]))
    let lemma = try #require(statements.first { $0.label == "Lemma 2.8" })
    #expect(lemma.sectionPath == ["2 Preliminaries", "2.2 Split Cycle"])
    // The list items of the introduction, as before.
    #expect(statements.contains { $0.id == "t:S1.I2.i1" && $0.text.hasPrefix("Coherent IIA") })
  }
}
