import Foundation
import Testing

@testable import CSVInput

/// The decisions files named in one place, read with one rule for a missing file.
@Suite struct DecisionFileTests {
  @Test(arguments: [
    (DecisionFile.codes, "decisions/codes.csv"), (.merges, "decisions/merges.csv"),
    (.screening, "decisions/screening.csv"),
  ])
  func namesTheFileInAFolder(file: DecisionFile, path: String) {
    #expect(file.path(in: "decisions") == path)
    #expect(file.url(in: URL(fileURLWithPath: "/p/decisions")).path == "/p/" + path)
  }

  @Test func missingFileHoldsNoDecisions() throws {
    #expect(try DecisionFile.codes.table(path: "/nonexistent/codes.csv") == nil)
    #expect(try DecisionFile.merges.text(path: "/nonexistent/merges.csv") == nil)
  }

  @Test func missingFileTheUserNamedIsAnError() {
    #expect(throws: (any Error).self) {
      try DecisionFile.merges.requiredText(path: "/nonexistent/merges.csv")
    }
  }

  @Test func presentFileIsReadAsRows() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("codes-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: path) }
    try Data("statement,code\ns1,3.1\n".utf8).write(to: path)
    let table = try #require(try DecisionFile.codes.table(path: path.path, name: "decisions/codes.csv"))
    #expect(table.file == "decisions/codes.csv")
    #expect(table.rows.map(\.fields) == [["s1", "3.1"]])
  }
}
