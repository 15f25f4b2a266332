import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("mitigations.csv")
struct CSVExportTests {
  static func csv(_ content: SnapshotContent) throws -> (text: String, rows: [[String]]) {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(content, to: folder)
    let text = try String(
      contentsOf: folder.appendingPathComponent(SnapshotFile.csv.fileName), encoding: .utf8)
    return (text, try RFC4180.parse(text))
  }

  @Test("the header starts with the MIT export's five columns, exactly", arguments: SnapshotFixtures.allNames)
  func header(fixture: String) throws {
    let (text, rows) = try Self.csv(try SnapshotFixtures.named(fixture))
    #expect(text.hasPrefix("Action ID,Action Name,Action Definition,Action Source,MitigationCode,"))
    let header = try #require(rows.first)
    #expect(
      Array(header.prefix(5)) == [
        "Action ID", "Action Name", "Action Definition", "Action Source", "MitigationCode",
      ])
    #expect(header.last == "Framework")
    #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
    #expect(text.hasSuffix("\n"))
  }

  @Test("our columns follow: mitigation, section, locator, line, confidence, review, one per other facet")
  func ourColumns() throws {
    let (_, rows) = try Self.csv(SnapshotFixtures.content)
    #expect(
      rows[0] == [
        "Action ID", "Action Name", "Action Definition", "Action Source", "MitigationCode", "Mitigation ID",
        "Section Path", "Locator", "Line", "Confidence", "Needs Review", "AI system lifecycle stage (OECD)",
        "Responsible actor", "Framework",
      ])
  }

  @Test("one row per statement, sorted by action number, with MIT-style ids and codes")
  func rows() throws {
    let (_, rows) = try Self.csv(SnapshotFixtures.content)
    let body = Array(rows.dropFirst())
    #expect(body.count == 8)
    #expect(
      body.map(\.[0]) == [
        "A0001_Schuett2023", "A0002_Schuett2023", "A0003_Schuett2023", "A0004_NIST2024", "A0005_NIST2024",
        "A0006_UK Government2023", "A0007_example-2025", "A0008_example-2025",
      ])
    let first = body[0]
    #expect(first[1] == "Pre-deployment risk assessments")
    #expect(first[3] == "Schuett2023")
    #expect(first[4] == "1.2 Risk Management")
    #expect(first[5] == "M0001")
    #expect(first[6] == "2 Measures")
    #expect(first[8] == "20")
    #expect(first[9] == "0.55")
    #expect(first[10] == "yes")
    #expect(first[11] == "L1 Plan and Design")
    #expect(first[13] == "schuett-2023")
    // Without a title the label names the action; without either, the first clause of the text.
    #expect(body[2][1] == "3")
    #expect(body[6][1] == "Publish a safety framework")
    #expect(body[7][12] == "A1 Developer; A2 Deployer")
  }

  @Test("commas, quotes and line breaks survive the RFC 4180 quoting")
  func quoting() throws {
    let (text, rows) = try Self.csv(SnapshotFixtures.content)
    let red = try #require(rows.first { $0[0] == "A0005_NIST2024" })
    #expect(
      red[2] == "Conduct red-teaming exercises, \"with domain experts\", to find dangerous capabilities.")
    #expect(
      text.contains(
        #""Conduct red-teaming exercises, ""with domain experts"", to find dangerous capabilities.""#))
    let board = try #require(rows.first { $0[0] == "A0004_NIST2024" })
    #expect(board[2] == "Establish a board-level risk committee\nwith a mandate over frontier AI risks.")
  }

  @Test("tabs, unicode and empty titles in the tricky fixture")
  func tricky() throws {
    let (_, rows) = try Self.csv(try SnapshotFixtures.loadJSON("tricky-text.json"))
    let body = Array(rows.dropFirst())
    #expect(body.map(\.[0]) == ["A0007_quirks-2025", "A12345_quirks-2025"])
    #expect(body[0][1] == "Ünïcödé statement")
    #expect(body[0][4] == "X.X Not otherwise categorized")
    #expect(body[1][1] == "Developers should, where \"feasible\", red-team models")
    #expect(body[1][2].contains("\n"))
    #expect(body[1][6] == "Part I, \"General\" > Tabs\tand | pipes")
    #expect(body[1][4] == "1.1 Board | committee")
    #expect(body[1][11] == "7.1 AI pursuing its own goals")
  }
}
