import Extraction
import Foundation
import ScanModel
import Testing

/// The GDPR as EUR-Lex publishes the Official Journal in HTML, read with the eur-lex preset.
@Suite(
  "The eur-lex preset on the real GDPR page",
  .enabled(if: Paths.hasFormats, "../shared/corpus/formats is absent (a user's clone has no ../shared)"))
struct RealEURLexTests {
  static let path = "eurlex/gdpr-2016-679.html"
  static func extract() throws -> ExtractionResult {
    try RealFormatDocument.extract(path, preset: "eur-lex", format: .html, framework: "gdpr")
  }

  @Test func addFrameworkPicksTheEURLexPreset() throws {
    let detected = try RealFormatDocument.detect(Self.path)
    #expect(detected.preset == "eur-lex")
    #expect(detected.format == .html)
  }

  @Test func everyParagraphAndPointOfTheArticlesIsAccountedFor() throws {
    let result = try Self.extract()
    #expect(result.isBalanced)
    #expect(result.unitsMatched == 786)
    #expect(result.statements.count == 690)
    // Article 4's definitions (its lead-in and 26 definitions with their points), and the paragraphs that
    // introduce points, whose text starts each point's.
    #expect(RealFormatDocument.reasons(result) == [.definition: 34, .leadIn: 62])
    #expect(Set(result.statements.map(\.id)).count == 690)
  }

  @Test func recitalsNotesAndSignaturesAreNotStatements() throws {
    let statements = try Self.extract().statements
    #expect(statements.allSatisfy { $0.sectionPath.contains { $0.hasPrefix("Article ") } })
    let articles = Set(statements.compactMap { $0.sectionPath.first { $0.hasPrefix("Article ") } })
    #expect(articles.count == 98, "the 99 articles less Article 4, the definitions")
    #expect(!articles.contains("Article 4"))
    #expect(statements.allSatisfy { !$0.text.contains("Done at Brussels") })
  }

  @Test(
    "labels cite the provision and section paths follow the act",
    arguments: [
      ("Article 1(1)", ["CHAPTER I", "Article 1", "1."], "Subject-matter and objectives"),
      ("Article 24(1)", ["CHAPTER IV", "Section 1", "Article 24", "1."], "Responsibility of the controller"),
      ("Article 6(1)(a)", ["CHAPTER II", "Article 6", "1.", "(a)"], "Lawfulness of processing"),
      ("Article 29", ["CHAPTER IV", "Section 1", "Article 29"], nil),
      // (i) after (h) is the ninth point, not a roman numeral.
      ("Article 9(2)(i)", ["CHAPTER II", "Article 9", "2.", "(i)"], nil),
      ("Article 57(1)(v)", ["CHAPTER VI", "Section 2", "Article 57", "1.", "(v)"], nil),
      ("Article 99(2)", ["CHAPTER XI", "Article 99", "2."], "Entry into force and application"),
    ] as [(String, [String], String?)])
  func provision(label: String, path: [String], title: String?) throws {
    let statement = try #require(try Self.extract().statements.first { $0.label == label }, "no \(label)")
    #expect(statement.sectionPath == path)
    #expect(statement.id == "gdpr:" + StatementSlug.of(label))
    if let title { #expect(statement.title == title) }
  }

  @Test func aPointReadsWithItsLeadInAndASubparagraphStaysWithItsParagraph() throws {
    let statements = try Self.extract().statements
    let point = try #require(statements.first { $0.label == "Article 6(1)(f)" })
    #expect(point.text.hasPrefix("Processing shall be lawful only if"))
    // The subparagraph after the points of Article 6(1) belongs to paragraph 1, not to point (f).
    let subparagraph = try #require(statements.first { $0.text.hasPrefix("Point (f) of the first") })
    #expect(subparagraph.sectionPath == ["CHAPTER II", "Article 6", "1."])
    #expect(subparagraph.label == nil)
  }

  @Test func indentsUnderADashAreStatementsWithTheirLeadIn() throws {
    let dashes = try Self.extract().statements.filter {
      $0.sectionPath == ["CHAPTER VI", "Section 1", "Article 53", "1.", "—"]
    }
    #expect(dashes.count == 4)
    #expect(dashes.allSatisfy { $0.text.hasPrefix("Member States shall provide") })
  }
}
