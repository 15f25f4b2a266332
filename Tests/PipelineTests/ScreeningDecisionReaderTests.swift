import Foundation
import Pipeline
import ScanModel
import Testing

/// decisions/screening.csv, written into a temporary folder for each case.
@Suite("decisions/screening.csv")
struct ScreeningDecisionReaderTests {
  let known: Set<String> = ["f:a", "f:b"]
  static let header = "unit,decision,coder,reason,date\n"

  func read(_ rows: String) throws -> [ScreeningVerdictDecisionSummary] {
    let folder = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("screening.csv").path
    try (Self.header + rows).write(toFile: path, atomically: true, encoding: .utf8)
    return try ScreeningDecisionReader().read(path: path, name: "decisions/screening.csv", knownUnits: known)
      .map {
        ScreeningVerdictDecisionSummary(
          unit: $0.statementID, decision: $0.decision.rawValue, line: $0.source.line)
      }
  }

  struct ScreeningVerdictDecisionSummary: Equatable {
    var unit: String
    var decision: String
    var line: Int?
  }

  @Test func decisionsAreReadWithTheirLine() throws {
    let decisions = try read(
      "f:a,include,ab,a duty after all,2026-01-02\nf:b,exclude,ab,a heading,2026-01-02\n")
    #expect(
      decisions == [
        .init(unit: "f:a", decision: "include", line: 2), .init(unit: "f:b", decision: "exclude", line: 3),
      ])
  }

  @Test func aMissingFileMeansNoDecisions() throws {
    #expect(try ScreeningDecisionReader().read(path: "/nonexistent/screening.csv", knownUnits: known).isEmpty)
  }

  @Test(
    "bad rows name the file, the line and what is wrong",
    arguments: [
      ("f:z,include,ab,why,2026-01-02\n", "no extracted unit has the id `f:z`"),
      ("f:a,keep,ab,why,2026-01-02\n", "neither `include` nor `exclude`"),
      ("f:a,include,,why,2026-01-02\n", "needs a coder and a reason"),
      ("f:a,include,ab,why,2026-13-02\n", "is not YYYY-MM-DD"),
      ("f:a,include,ab,why,2026-01-02\nf:a,exclude,ab,why,2026-01-02\n", "has a decision on line 2 already"),
    ])
  func badRows(rows: String, words: String) throws {
    do {
      _ = try read(rows)
      Issue.record("no error for \(rows)")
    } catch let error as InputError {
      #expect(error.description.contains("decisions/screening.csv:"))
      #expect(error.description.contains(words), "\(error.description)")
    }
  }
}
