import Foundation
import Pipeline
import ScanModel
import Testing

@Suite("decisions/codes.csv")
struct CodeDecisionReaderTests {
  let known: Set<String> = ["s1", "s2"]

  @Test func validDecisionsAreReadWithTheirPlace() throws {
    let path = PipelineSupport.fixtures.appendingPathComponent("decisions/valid.csv").path
    let decisions = try CodeDecisionReader().read(path: path, knownStatements: known)
    #expect(decisions.map(\.code) == ["4.2", "A4"])
    #expect(decisions[0].rationale == "It is about publishing results, not running tests")
    #expect(decisions[1].source.line == 3)
  }

  /// Two coders' codes for one statement: the scan is told they disagree (it used to apply the first line
  /// without a word) until a row naming both in `reconciles` settles it and alone applies.
  @Test func coderDisagreementsAreNamedUntilAReconcilingRowSettlesThem() throws {
    let folder = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("codes.csv").path
    let header = "statement,facet,code,coder,rationale,date,reconciles\n"
    let rows =
      "s1,mitigation,2.1,ann,testing,2026-12-01,\n"
      + "s1,mitigation,3.1,bob,disclosure,2026-12-02,\n"
      + "s2,actor,A1,ann,developer,2026-12-01,\n"
      + "s2,actor,A1,bob,developer,2026-12-02,\n"
    try (header + rows).write(toFile: path, atomically: true, encoding: .utf8)
    let disputed = try CodeDecisionReader().read(path: path, knownStatements: known)
    #expect(disputed.count == 4)
    let warnings = CodeDecisionReader.disagreements(in: disputed)
    #expect(warnings.count == 1)
    #expect(
      warnings.first?.contains("s1") == true && warnings.first?.contains("ann says 2.1, bob says 3.1") == true
    )
    #expect(warnings.first?.contains("\(path):2, \(path):3") == true)

    let settled = rows + "s1,mitigation,3.1,ann,agreed it is disclosure,2026-12-03,ann+bob\n"
    try (header + settled).write(toFile: path, atomically: true, encoding: .utf8)
    let decisions = try CodeDecisionReader().read(path: path, knownStatements: known)
    #expect(decisions.map(\.source.line) == [4, 5, 6])
    #expect(decisions.first { $0.statementID == "s1" }?.code == "3.1")
    #expect(CodeDecisionReader.disagreements(in: decisions).isEmpty)
  }

  @Test func aMissingFileMeansNoDecisions() throws {
    #expect(try CodeDecisionReader().read(path: "/nonexistent/codes.csv", knownStatements: known).isEmpty)
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var words: String
    var testDescription: String { file }
  }

  /// The table of bad files; one that cannot be read fails `theExpectationTableIsRead` instead of leaving
  /// the parameterised test with nothing to run.
  static let loadedBad = Result { () throws -> [Bad] in
    let table = try String(
      contentsOf: PipelineSupport.fixtures.appendingPathComponent("decisions/expectations.tsv"),
      encoding: .utf8)
    return try table.split(separator: "\n").map { row in
      let fields = row.split(separator: "\t").map(String.init)
      guard fields.count == 3, let line = Int(fields[1]) else { throw ExpectationLineError(row: String(row)) }
      return Bad(file: fields[0], line: line, words: fields[2])
    }
  }
  static var bad: [Bad] {
    guard case .success(let bad) = loadedBad else { return [] }
    return bad
  }

  struct ExpectationLineError: Error { var row: String }

  @Test func theExpectationTableIsRead() throws {
    #expect(try Self.loadedBad.get().count == 5)
  }

  @Test("bad decisions name the file and line", arguments: bad)
  func badDecisionsAreRefused(_ bad: Bad) throws {
    let path = PipelineSupport.fixtures.appendingPathComponent("decisions/\(bad.file)").path
    do {
      _ = try CodeDecisionReader().read(path: path, knownStatements: known)
      Issue.record("\(bad.file) was accepted")
    } catch let error as InputError {
      #expect(error.location.file == path)
      #expect(error.location.line == bad.line, "\(error)")
      #expect(error.message.contains(bad.words), "\(error)")
    }
  }
}
