import Foundation
import Markup
import Testing

@testable import PDFLayout

/// The reading order rebuilt from positioned text, on geometry written for each case.
@Suite("PDF layout rebuild")
struct LayoutRebuildTests {
  typealias Run = PositionedTextFixture.Run

  func rebuild(_ fixture: PositionedTextFixture) throws -> Document {
    let layout = try PDFLayoutDocument.rebuild(positionedText: fixture.bytes, file: "test.pdf")
    return try Document.parse(layout.xml, options: ParseOptions(format: .xml, sourceName: "layout"))
  }

  func texts(_ document: Document, _ query: String) throws -> [String] {
    try document.select(query).map { $0.text() }
  }

  /// A table whose header is bold, whose label sits beside the middle of a two-line action, and whose
  /// last row runs on over a page break and a running page number.
  static func actionTable() -> PositionedTextFixture {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(top: 100, left: 60, width: 60, text: "Action ID", bold: true),
      Run(top: 100, left: 146, width: 110, text: "Suggested Action", bold: true),
      Run(top: 100, left: 657, width: 60, text: "GAI Risks", bold: true),
      Run(top: 150, left: 62, width: 70, text: "GV-1.1-001 "),
      Run(top: 140, left: 141, width: 400, text: "Align development with applicable laws and "),
      Run(top: 160, left: 141, width: 300, text: "regulations, including privacy law."),
      Run(top: 140, left: 651, width: 100, text: "Data Privacy"),
      Run(top: 230, left: 62, width: 70, text: "GV-1.1-002 "),
      Run(top: 220, left: 141, width: 400, text: "Establish policies to evaluate the eﬀects of "),
      Run(top: 240, left: 141, width: 400, text: "models on the dis-"),
      Run(top: 220, left: 651, width: 100, text: "Information "),
      Run(top: 1101, left: 451, width: 15, text: "14"),
    ])
    fixture.page([
      Run(top: 100, left: 141, width: 300, text: "semination of content, before release."),
      Run(top: 100, left: 651, width: 100, text: "Integrity"),
      Run(top: 160, left: 56, width: 260, text: "AI Actor Tasks: Governance", bold: true),
      Run(
        top: 300, left: 108, width: 500, text: "Dissemination is the word that tells the rebuild to join it."),
      Run(top: 1101, left: 451, width: 15, text: "15"),
    ])
    fixture.page([
      Run(top: 100, left: 108, width: 300, text: "A third page."),
      Run(top: 1101, left: 451, width: 15, text: "16"),
    ])
    return fixture
  }

  @Test func tableRowsKeepTheirCellsAcrossLinesAndPages() throws {
    let document = try rebuild(Self.actionTable())
    #expect(try texts(document, "//table/tr/th") == ["Action ID", "Suggested Action", "GAI Risks"])
    #expect(try texts(document, "//table/tr/td[1]") == ["GV-1.1-001", "GV-1.1-002"])
    #expect(
      try texts(document, "//table/tr/td[2]") == [
        "Align development with applicable laws and regulations, including privacy law.",
        "Establish policies to evaluate the effects of models on the dissemination of content, before release.",
      ])
    #expect(try texts(document, "//table/tr/td[3]") == ["Data Privacy", "Information Integrity"])
    #expect(try document.select("//table").count == 1)
    #expect(try document.select("//table/tr[td]")[1].attribute("page") == "1")
  }

  @Test func theLineAfterTheTableIsAParagraphAndPageNumbersAreGone() throws {
    let document = try rebuild(Self.actionTable())
    let paragraphs = try texts(document, "//p")
    #expect(paragraphs.first == "AI Actor Tasks: Governance")
    #expect(!paragraphs.contains { $0.contains("14") || $0 == "15" })
    #expect(try document.select("//table/following-sibling::*[1][self::p]").count == 1)
  }

  @Test func aParagraphRunsOnOverAPageBreakOnlyWhenItsSentenceDoes() throws {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(
        top: 900, left: 108, width: 600, text: "Developers should test their models before every release and"),
      Run(top: 1101, left: 451, width: 15, text: "1"),
    ])
    fixture.page([
      Run(top: 100, left: 108, width: 600, text: "after every change to the weights."),
      Run(top: 140, left: 108, width: 600, text: "Another paragraph starts here."),
      Run(top: 1101, left: 451, width: 15, text: "2"),
    ])
    fixture.page([Run(top: 1101, left: 451, width: 15, text: "3")])
    let paragraphs = try texts(try rebuild(fixture), "//p")
    #expect(
      paragraphs == [
        "Developers should test their models before every release and after every change to the weights.",
        "Another paragraph starts here.",
      ])
  }

  @Test func headingsComeFromSizeAndBulletsMakeLists() throws {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(top: 100, left: 108, width: 300, text: "Recommendations", font: 1, height: 30),
      Run(top: 160, left: 108, width: 600, text: "The lab commits to the following practices."),
      Run(top: 200, left: 120, width: 8, text: "•"),
      Run(top: 200, left: 140, width: 500, text: "Red-team every model before release; keep"),
      Run(top: 220, left: 140, width: 300, text: "the results for audit."),
      Run(top: 240, left: 120, width: 8, text: "•"),
      Run(top: 240, left: 140, width: 500, text: "Report incidents within 72 hours."),
      Run(top: 300, left: 108, width: 600, text: "A closing remark in plain prose follows the list."),
    ])
    let document = try rebuild(fixture)
    #expect(try texts(document, "//h1") == ["Recommendations"])
    #expect(
      try texts(document, "//ul/li") == [
        "Red-team every model before release; keep the results for audit.",
        "Report incidents within 72 hours.",
      ])
    #expect(try texts(document, "//p").count == 2)
  }

  @Test func footnotesStandApartAndMarkersAreKeptOutOfTheText() throws {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(top: 100, left: 108, width: 500, text: "Providers should publish model cards."),
      Run(top: 98, left: 608, width: 8, text: "3", font: 2, height: 12),
      Run(top: 1000, left: 108, width: 8, text: "3", font: 2, height: 12),
      Run(top: 1001, left: 118, width: 500, text: " See the model card literature."),
    ])
    let document = try rebuild(fixture)
    #expect(try texts(document, "//p") == ["Providers should publish model cards.3"])
    #expect(try texts(document, "//p/sup") == ["3"])
    #expect(try texts(document, "//aside/note") == ["See the model card literature."])
    #expect(try document.select("//aside/note").first?.attribute("n") == "3")
  }

  /// A borderless table: bold categories in the first column beside numbered subcategories, each led
  /// by a bold label, lines evenly spaced, the second row running over a page break.
  @Test func rowsLedByLabelsAreToldApartByTheLabels() throws {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(top: 100, left: 178, width: 80, text: "Categories", bold: true),
      Run(top: 100, left: 311, width: 100, text: "Subcategories", bold: true),
      Run(top: 130, left: 144, width: 60, text: "PLAN 1:", bold: true),
      Run(top: 130, left: 311, width: 60, text: "PLAN 1.1:", bold: true),
      Run(top: 130, left: 375, width: 300, text: "Risks are listed and"),
      Run(top: 152, left: 144, width: 120, text: "Policies are in"),
      Run(top: 152, left: 311, width: 300, text: "kept up to date."),
      Run(top: 174, left: 144, width: 120, text: "place."),
      Run(top: 174, left: 311, width: 60, text: "PLAN 1.2:", bold: true),
      Run(top: 174, left: 375, width: 300, text: "Owners are named."),
      Run(top: 196, left: 144, width: 60, text: "PLAN 2:", bold: true),
      Run(top: 196, left: 311, width: 60, text: "PLAN 2.1:", bold: true),
      Run(top: 196, left: 375, width: 300, text: "Tests run before"),
      Run(top: 218, left: 144, width: 120, text: "Testing is"),
      Run(top: 218, left: 311, width: 300, text: "each release."),
      Run(top: 1101, left: 451, width: 15, text: "4"),
    ])
    fixture.page([
      Run(top: 100, left: 144, width: 120, text: "routine."),
      Run(top: 100, left: 311, width: 60, text: "PLAN 2.2:", bold: true),
      Run(top: 100, left: 375, width: 300, text: "Results are kept."),
      Run(top: 1101, left: 451, width: 15, text: "5"),
    ])
    fixture.page([Run(top: 1101, left: 451, width: 15, text: "6")])
    let document = try rebuild(fixture)
    #expect(
      try texts(document, "//table/tr/td[1]/p") == [
        "PLAN 1: Policies are in place.", "PLAN 2: Testing is routine.",
      ])
    #expect(
      try texts(document, "//table/tr/td[2]/p") == [
        "PLAN 1.1: Risks are listed and kept up to date.", "PLAN 1.2: Owners are named.",
        "PLAN 2.1: Tests run before each release.", "PLAN 2.2: Results are kept.",
      ])
    #expect(try document.select("//table/tr[td]").count == 2)
  }

  /// The action table keeps one paragraph per cell: its labels are not bold, its rows have gaps.
  @Test func aTableWithGapsBetweenRowsKeepsCellsWhole() throws {
    #expect(try rebuild(Self.actionTable()).select("//td/p").isEmpty)
  }

  @Test func aLineEndHyphenStaysUnlessTheDocumentWritesTheWordWhole() throws {
    var fixture = PositionedTextFixture()
    fixture.page([
      Run(top: 100, left: 108, width: 600, text: "Work with third-"),
      Run(top: 120, left: 108, width: 600, text: "party providers on the dis-"),
      Run(top: 140, left: 108, width: 600, text: "semination of results; dissemination matters."),
    ])
    #expect(
      try texts(try rebuild(fixture), "//p") == [
        "Work with third-party providers on the dissemination of results; dissemination matters."
      ])
  }
}
