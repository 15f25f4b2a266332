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
