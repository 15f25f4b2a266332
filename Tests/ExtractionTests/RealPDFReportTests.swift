import Extraction
import Foundation
import ScanModel
import Testing

/// Two real reports set as PDFs, converted by poppler and read with the pdf-report preset.
///
/// The counts depend on the layout rebuild (Sources/PDFLayout) as much as on the preset, so they are
/// asserted within a few percent: an improvement of the rebuild should not need this file edited, a
/// preset that loses or floods statements still fails.
@Suite(
  "The pdf-report preset on real PDF reports",
  .enabled(if: Paths.hasFormats, "../shared/corpus/formats is absent (a user's clone has no ../shared)"),
  .enabled(if: Paths.hasPoppler, "pdftohtml is not installed (poppler-utils; scripts/setup installs it)"))
struct RealPDFReportTests {
  static let nist = "pdf/nist-ai-100-1.pdf"
  static let australia = "pdf/au-safe-responsible-ai-interim-response-2024.pdf"

  static func extract(_ path: String) throws -> ExtractionResult {
    try RealFormatDocument.extract(path, preset: "pdf-report", format: .pdf)
  }

  @Test(arguments: [nist, australia])
  func addFrameworkDetectsAPDFAndPicksThePDFReportPreset(path: String) throws {
    let detected = try RealFormatDocument.detect(path)
    #expect(detected.format == .pdf)
    #expect(detected.preset == "pdf-report")
    #expect(detected.title?.isEmpty == false)
  }

  @Test("counts of statements", arguments: [(nist, 284), (australia, 210)])
  func counts(path: String, statements: Int) throws {
    let result = try Self.extract(path)
    #expect(result.isBalanced)
    #expect(abs(result.statements.count - statements) <= statements / 20, "\(result.statements.count)")
    #expect(result.statements.allSatisfy { $0.page != nil })
  }

  @Test(arguments: [nist, australia])
  func contentsCopyrightCaptionsAndFootnotesAreNotStatements(path: String) throws {
    let boilerplate = ["Contents", "Table of Contents", "List of Figures", "List of Tables"]
    for statement in try Self.extract(path).statements {
      #expect(!statement.sectionPath.contains { boilerplate.contains($0) || $0.hasPrefix("©") })
      #expect(!statement.text.hasPrefix("Fig. "))
      #expect(!statement.text.contains("accessed"), "a footnote: \(statement.text.prefix(40))")
      #expect(!statement.text.hasPrefix("Page "))
    }
  }

  /// The AI RMF Core's tables are borderless: a category in bold in the first column, its numbered
  /// subcategories beside it, each led by its bold label, rows set without space between them and running
  /// over page breaks. Each of the 72 subcategories is one statement, with its category as `row` and
  /// its function's section ("5.1 Govern") in its path.
  @Test func everySubcategoryOfTheCoreTablesIsOneStatementBesideItsCategory() throws {
    let result = try Self.extract(Self.nist)
    let subcategories = result.statements.filter { $0.fields["row"] != nil }.compactMap {
      statement -> (String, String, String)? in
      guard let match = statement.text.firstMatch(of: #/^(GOVERN|MAP|MEASURE|MANAGE) (\d+)\.\d+:/#) else {
        return nil
      }
      return (String(match.output.1), String(match.output.2), statement.fields["row"] ?? "")
    }
    #expect(subcategories.count == 72)
    #expect(Set(result.statements.filter { $0.fields["row"] != nil }.map { $0.text.prefix(14) }).count >= 72)
    for (function, category, row) in subcategories {
      #expect(
        row.hasPrefix("\(function) \(category):"), "\(function) \(category).x is beside \(row.prefix(20))")
    }
    let functions = [
      "GOVERN": "5.1 Govern", "MAP": "5.2 Map", "MEASURE": "5.3 Measure", "MANAGE": "5.4 Manage",
    ]
    for statement in result.statements where statement.fields["row"] != nil {
      guard let function = statement.text.split(separator: " ").first.map(String.init),
        let section = functions[function]
      else { continue }
      #expect(
        statement.sectionPath.last == section,
        "\(statement.text.prefix(12)) is under \(statement.sectionPath)")
    }
  }

  @Test func theNISTFrameworksSectionsAndListsComeThrough() throws {
    let statements = try Self.extract(Self.nist).statements
    let sections = Set(statements.compactMap { $0.sectionPath.dropFirst().first })
    #expect(
      sections.isSuperset(of: [
        "Executive Summary", "Part 1: Foundational Information", "Part 2: Core and Profiles",
        "Appendix A: Descriptions of AI Actor Tasks from Figures 2 and 3",
      ]))
    // The GOVERN function's bullet list.
    #expect(statements.contains { $0.text.hasPrefix("incorporates processes to assess potential impacts") })
  }

  @Test func theAustralianResponsesActionsSitUnderTheirHeadings() throws {
    let actions = try Self.extract(Self.australia).statements.filter { $0.sectionPath.last == "Actions" }
    #expect(actions.count == 7)
    #expect(actions.allSatisfy { $0.text.hasPrefix("The Australian Government will") })
    #expect(actions.first?.sectionPath.suffix(2) == ["Temporary expert advisory group", "Actions"])
  }
}
