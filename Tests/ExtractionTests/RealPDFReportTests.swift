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

  /// NIST AI 100-1's bold face is named by weight ("NimbusRomNo9L-Medi"), which gives its subsections
  /// ("5.1 Govern") as headings and its category tables a header row; the tables' borderless rows are
  /// still not rebuilt as rows (each line of a cell stands apart), which this count includes.
  @Test("counts of statements", arguments: [(nist, 333), (australia, 210)])
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
