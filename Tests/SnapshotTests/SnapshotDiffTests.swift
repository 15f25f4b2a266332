import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("Snapshot diff")
struct SnapshotDiffTests {
  let old = SnapshotFixtures.content

  @Test("identical snapshots differ in nothing")
  func identical() {
    let diff = SnapshotDiff(old: old, new: old)
    #expect(diff.isEmpty)
    #expect(diff.rendered().contains("The two snapshots hold the same mitigations and statements."))
  }

  @Test("a new statement in a new mitigation is added")
  func added() {
    var new = old
    new.statements.append(
      SnapshotFixtures.statement(
        "schuett-2023:4", title: "Bug bounty", text: "Run a bug bounty programme.", line: 30))
    new.actionNumbers["schuett-2023:4"] = 10
    new.assignments.append(SnapshotFixtures.code("schuett-2023:4", "mitigation", "2.1", score: 0.7))
    new.mitigations.append(
      Mitigation(
        id: "M0007", name: "Bug bounty", definition: "Run a bug bounty programme.",
        representativeStatementID: "schuett-2023:4", primaryCode: "2.1", sources: ["schuett-2023"],
        members: [SnapshotFixtures.member("schuett-2023:4", 1, "representative")]))
    let diff = SnapshotDiff(old: old, new: new)
    #expect(diff.mitigationsAdded.map(\.id) == ["M0007"])
    #expect(diff.statementsAdded.map(\.id) == ["schuett-2023:4"])
    #expect(diff.statementsAdded.first?.actionID == "A0010_Schuett2023")
    #expect(diff.mitigationsRemoved.isEmpty && diff.mitigationsChanged.isEmpty && diff.merges.isEmpty)
    #expect(diff.rendered().contains("  + M0007  Bug bounty  [2.1]  (1 statements)"))
  }

  @Test("a statement and its mitigation that leave are removed")
  func removed() {
    var new = old
    new.statements.removeAll { $0.id == "example-2025:loc-0a1b2c" }
    new.assignments.removeAll { $0.statementID == "example-2025:loc-0a1b2c" }
    new.mitigations.removeAll { $0.id == "M0005" }
    let diff = SnapshotDiff(old: old, new: new)
    #expect(diff.mitigationsRemoved.map(\.id) == ["M0005"])
    #expect(diff.statementsRemoved.map(\.id) == ["example-2025:loc-0a1b2c"])
    #expect(diff.mitigationsAdded.isEmpty && diff.statementsAdded.isEmpty)
    #expect(
      diff.rendered().contains(
        "  - A0007_example-2025 (example-2025:loc-0a1b2c)  Publish a safety framework."))
  }

  @Test("changes of definition, name, primary code and statement text and codes are listed")
  func changed() throws {
    var new = old
    new.mitigations[0].name = "Risk assessments before deployment"
    new.mitigations[0].definition = "Assess risks before deployment."
    new.mitigations[0].primaryCode = "3.1"
    let index = try #require(new.statements.firstIndex { $0.id == "schuett-2023:1" })
    new.statements[index].text = "AGI labs should assess risks before deployment."
    new.assignments.removeAll { $0.statementID == "schuett-2023:1" && $0.facet == "mitigation" }
    new.assignments.append(SnapshotFixtures.code("schuett-2023:1", "mitigation", "3.1", score: 0.7))
    let diff = SnapshotDiff(old: old, new: new)
    let mitigation = try #require(diff.mitigationsChanged.first)
    #expect(diff.mitigationsChanged.count == 1)
    #expect(mitigation.id == "M0001")
    #expect(mitigation.fields.map(\.field) == ["name", "definition", "primary code"])
    #expect(mitigation.fields[2].old == "1.2 Risk Management")
    #expect(mitigation.fields[2].new == "3.1 Testing & Auditing")
    let statement = try #require(diff.statementsChanged.first)
    #expect(diff.statementsChanged.count == 1)
    #expect(statement.fields.map(\.field) == ["text", "primary code"])
    #expect(statement.codesRemoved == ["mitigation 1.2"])
    #expect(statement.codesAdded.isEmpty)
    let text = diff.rendered()
    #expect(text.contains("  ~ M0001  Risk assessments before deployment"))
    #expect(text.contains("      primary code: \"1.2 Risk Management\" -> \"3.1 Testing & Auditing\""))
  }

  @Test("members of several old mitigations in one new mitigation are a merge")
  func merged() throws {
    var new = old
    var combined = new.mitigations[0]
    combined.members += new.mitigations[1].members
    combined.sources = ["example-2025", "schuett-2023"]
    new.mitigations[0] = combined
    new.mitigations.remove(at: 1)
    let diff = SnapshotDiff(old: old, new: new)
    #expect(diff.merges.map(\.into) == ["M0001"])
    #expect(diff.merges.map(\.from) == [["M0001", "M0002"]])
    #expect(diff.splits.isEmpty)
    #expect(diff.mitigationsRemoved.map(\.id) == ["M0002"])
    let change = try #require(diff.mitigationsChanged.first { $0.id == "M0001" })
    #expect(change.membersAdded == ["example-2025:p2", "schuett-2023:2"])
    #expect(diff.rendered().contains("Merged\n  M0001 <- M0001 + M0002"))
  }

  @Test("members of one old mitigation in several new ones are a split")
  func split() throws {
    var new = old
    let red = try #require(new.mitigations.firstIndex { $0.id == "M0003" })
    new.mitigations[red].members.removeAll { $0.statementID == "nist-2024:mp-4-1-001" }
    new.mitigations[red].sources = ["schuett-2023"]
    new.mitigations.append(
      Mitigation(
        id: "M0007", name: "Red-teaming exercises with domain experts",
        definition: "Conduct red-teaming exercises.",
        representativeStatementID: "nist-2024:mp-4-1-001", primaryCode: "3.1", sources: ["nist-2024"],
        members: [SnapshotFixtures.member("nist-2024:mp-4-1-001", 1, "representative")]))
    let diff = SnapshotDiff(old: old, new: new)
    #expect(diff.splits.map(\.from) == ["M0003"])
    #expect(diff.splits.map(\.into) == [["M0003", "M0007"]])
    #expect(diff.merges.isEmpty)
    #expect(diff.mitigationsAdded.map(\.id) == ["M0007"])
    #expect(diff.mitigationsChanged.first?.membersRemoved == ["nist-2024:mp-4-1-001"])
    #expect(diff.rendered().contains("Split\n  M0003 -> M0003 + M0007"))
  }

  @Test("the diff encodes to JSON and back")
  func codable() throws {
    var new = old
    new.mitigations[0].name = "Renamed"
    let diff = SnapshotDiff(old: old, new: new)
    let data = try SnapshotJSON.encode(diff)
    #expect(try JSONDecoder().decode(SnapshotDiff.self, from: data) == diff)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"mitigationsChanged\""))
  }

  @Test("a diff of two snapshot folders read from disk")
  func fromDisk() throws {
    var new = old
    new.mitigations[0].name = "Renamed"
    let temporary = try TemporaryFolder()
    let first = try temporary.folder("old")
    let second = try temporary.folder("new")
    try SnapshotWriter().write(old, to: first)
    try SnapshotWriter().write(new, to: second)
    let diff = SnapshotDiff(
      old: try SnapshotReader().read(from: first), new: try SnapshotReader().read(from: second))
    #expect(diff.mitigationsChanged.map(\.id) == ["M0001"])
    #expect(diff.statementsChanged.isEmpty)
  }
}
