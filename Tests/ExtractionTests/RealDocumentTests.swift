import Extraction
import Foundation
import ScanModel
import Testing

/// The real EU Code of Practice draft in ../shared/corpus, read with the shipped EU manifest's recipe.
@Suite(
  "The real EU Code of Practice draft",
  .enabled(
    if: FileManager.default.fileExists(atPath: Paths.euDraft.path),
    "../shared/corpus/eu-gpai-code-of-practice-draft3.html is absent (a user's clone has no ../shared)"))
struct RealDocumentTests {
  static let expectedMeasureCounts: [(commitment: String, measures: Int)] = [
    ("I.1", 3), ("I.2", 6), ("II.1", 5), ("II.2", 2), ("II.3", 2), ("II.4", 14), ("II.5", 3), ("II.6", 3),
    ("II.7", 8), ("II.8", 7), ("II.9", 3), ("II.10", 3), ("II.11", 2), ("II.12", 4), ("II.14", 4),
    ("II.15", 1),
    ("II.16", 1),
  ]

  func extract() throws -> ExtractionResult {
    let folder = try FrameworkFolder(directory: Paths.frameworks.appendingPathComponent("eu-ai-office-2025"))
    let bytes = Array(try Data(contentsOf: Paths.euDraft))
    return try folder.extract(source: (bytes, Paths.euDraft.path))
  }

  @Test func yieldsAll71MeasuresOnce() throws {
    let result = try extract()
    let expected = Self.expectedMeasureCounts.flatMap { entry in
      (1...entry.measures).map { "Measure \(entry.commitment).\($0)" }
    }
    #expect(expected.count == 71)
    #expect(result.statements.compactMap(\.label) == expected)
    #expect(result.isBalanced)
  }

  @Test func eachMeasureSitsUnderItsCommitment() throws {
    for statement in try extract().statements {
      let label = try #require(statement.label)
      let commitment = label.dropFirst("Measure ".count).split(separator: ".").dropLast().joined(
        separator: ".")
      let heading = statement.sectionPath.last ?? ""
      #expect(
        heading.hasPrefix("Commitment \(commitment).") || heading.hasPrefix("Commitment \(commitment):")
          || heading.hasPrefix("Commitment \(commitment) "),
        "\(label) is under \(heading)")
    }
  }

  @Test func measuresCarryTheirFullTextAndNoCommentary() throws {
    for statement in try extract().statements {
      #expect(
        statement.text.count > 60,
        "\(statement.label ?? statement.id) is only \(statement.text.count) characters")
      #expect(!statement.text.contains("Summary of changes"))
      #expect(!statement.text.contains("Potential material for future Recital"))
      #expect(statement.title?.isEmpty == false)
    }
    let longest = try extract().statements.map(\.text.count).max() ?? 0
    #expect(longest > 1500, "measures with lists keep the lists")
  }
}
