import CSVInput
import Foundation
import Testing

@Suite("Decision log")
struct DecisionLogTests {
  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

  @Test func appendsWholeQuotedLinesAfterAHeader() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("merges.csv")
    let log = DecisionLog(path: file.path, header: ["a", "b", "reason"])
    #expect(try log.prepare() == nil)
    try log.append(["s1", "s2", "same, \"really\""])
    #expect(try text(file) == "a,b,reason\ns1,s2,\"same, \"\"really\"\"\"\n")
    let table = try CSVTable.read(path: file.path)
    #expect(table.rows.map(\.fields) == [["s1", "s2", "same, \"really\""]])
  }

  struct Torn: CustomTestStringConvertible, Sendable {
    var name: String
    var content: String
    var repaired: String
    var warns: Bool
    var testDescription: String { name }
  }

  static let torn: [Torn] = [
    Torn(name: "too few fields", content: "a,b,c\n1,2,3\n4,5", repaired: "a,b,c\n1,2,3\n", warns: true),
    Torn(name: "open quote", content: "a,b,c\n1,2,3\n4,5,\"six", repaired: "a,b,c\n1,2,3\n", warns: true),
    Torn(
      name: "whole but no line break", content: "a,b,c\n1,2,3\n4,5,6", repaired: "a,b,c\n1,2,3\n4,5,6\n",
      warns: false),
    Torn(name: "intact", content: "a,b,c\n1,2,3\n", repaired: "a,b,c\n1,2,3\n", warns: false),
  ]

  @Test(arguments: torn) func aTornLastLineIsCutOffWithAWarning(_ case: Torn) throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("codes.csv")
    try Data(`case`.content.utf8).write(to: file)
    let warning = try DecisionLog.repairTornTail(path: file.path, name: "decisions/codes.csv")
    #expect((warning != nil) == `case`.warns)
    if let warning { #expect(warning.hasPrefix("decisions/codes.csv:3: the last line was torn")) }
    #expect(try text(file) == `case`.repaired)
  }

  @Test func undoRemovesOnlyItsOwnLastLine() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("codes.csv")
    let log = DecisionLog(path: file.path, header: ["x", "y"])
    try log.prepare()
    try log.append(["1", "2"])
    try log.append(["3", "4"])
    #expect(try log.removeLast(["1", "2"]) == false)
    #expect(try log.removeLast(["3", "4"]))
    #expect(try text(file) == "x,y\n1,2\n")
  }

  /// decisions/merges.csv from before `evscan review` has no `date` column: it gets one, empty on the old
  /// lines, and new lines follow the file's own column order.
  @Test func aMissingColumnIsAddedAndTheFileOrderKept() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("merges.csv")
    try Data("b,a,reason\ns2,s1,\"old, one\"\n".utf8).write(to: file)
    let log = DecisionLog(path: file.path, header: ["a", "b", "reason", "date"])
    #expect(try log.prepare() == nil)
    try log.append(["s3", "s4", "new", "2026-12-07"])
    #expect(try text(file) == "b,a,reason,date\ns2,s1,\"old, one\",\ns4,s3,new,2026-12-07\n")
    #expect(try log.removeLast(["s3", "s4", "new", "2026-12-07"]))
    #expect(try text(file) == "b,a,reason,date\ns2,s1,\"old, one\",\n")
  }
}
