import Extraction
import Foundation
import ScanModel
import Testing

/// Two real papers as GROBID writes them in TEI, read with the tei preset: the body's paragraphs and
/// items under their heads; the header, references, notes and figures left out.
@Suite(
  "The tei preset on real GROBID output",
  .enabled(if: Paths.hasFormats, "../shared/corpus/formats is absent (a user's clone has no ../shared)"))
struct RealTEITests {
  static let agents = "tei/agents-of-chaos-2602.20021.tei.xml"
  static let wagner = "tei/wagner-2022-ai-literature-reviews.tei.xml"

  static func extract(_ path: String) throws -> ExtractionResult {
    try RealFormatDocument.extract(path, preset: "tei", format: .xml)
  }

  @Test(arguments: [agents, wagner])
  func addFrameworkPicksTheTEIPreset(path: String) throws {
    let detected = try RealFormatDocument.detect(path)
    #expect(detected.preset == "tei")
    #expect(detected.format == .xml)
  }

  @Test(
    "counts of units, statements and drops",
    arguments: [
      (agents, 237, 232, [DroppedUnit.Reason.tooShort: 5]),
      // One paragraph of wagner is a footnote (a running journal line GROBID kept as a note).
      (wagner, 63, 62, [.navigation: 1]),
    ])
  func counts(path: String, units: Int, statements: Int, reasons: [DroppedUnit.Reason: Int]) throws {
    let result = try Self.extract(path)
    #expect(result.isBalanced)
    #expect(result.unitsMatched == units)
    #expect(result.statements.count == statements)
    #expect(RealFormatDocument.reasons(result) == reasons)
  }

  @Test func sectionPathsFollowTheHeads() throws {
    let agents = try Self.extract(Self.agents).statements
    #expect(agents.first?.sectionPath == ["Introduction"])
    #expect(agents.contains { $0.sectionPath == ["Discussion", "What LLM-Backed Agents Are Lacking"] })
    #expect(agents.allSatisfy { !$0.sectionPath.isEmpty })
    let wagner = try Self.extract(Self.wagner).statements
    let sections = wagner.reduce(into: [String]()) { found, statement in
      if let top = statement.sectionPath.first, found.last != top { found.append(top) }
    }
    #expect(
      sections == [
        "Introduction", "Artificial intelligence-based support for the literature review process",
        "A research agenda", "Level I: Supporting infrastructure", "Level II: Methods and tools",
        "Level III: Research practice", "Concluding remarks",
      ])
  }

  @Test(arguments: [agents, wagner])
  func noReferencesFundingOrAcknowledgements(path: String) throws {
    for statement in try Self.extract(path).statements {
      #expect(!statement.sectionPath.contains { ["Acknowledgments", "Funding", "ORCID iD"].contains($0) })
    }
  }
}
