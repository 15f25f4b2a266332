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
  }

  @Test("a new statement in a new mitigation is added")
  func added() {
    let diff = SnapshotDiff(old: old, new: SnapshotDiffScenarios.added)
    #expect(diff.mitigationsAdded.map(\.id) == ["M0007"])
    #expect(diff.statementsAdded.map(\.id) == ["schuett-2023:4"])
    #expect(diff.statementsAdded.first?.actionID == "A0010_Schuett2023")
    #expect(diff.mitigationsRemoved.isEmpty && diff.mitigationsChanged.isEmpty && diff.merges.isEmpty)
  }

  @Test("a statement and its mitigation that leave are removed")
  func removed() {
    let diff = SnapshotDiff(old: old, new: SnapshotDiffScenarios.removed)
    #expect(diff.mitigationsRemoved.map(\.id) == ["M0005"])
    #expect(diff.statementsRemoved.map(\.id) == ["example-2025:loc-0a1b2c"])
    #expect(diff.mitigationsAdded.isEmpty && diff.statementsAdded.isEmpty)
  }

  @Test("changes of definition, name, primary code and statement text and codes are listed")
  func changed() throws {
    let diff = SnapshotDiff(old: old, new: SnapshotDiffScenarios.changed)
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
  }

  @Test("members of several old mitigations in one new mitigation are a merge")
  func merged() throws {
    let diff = SnapshotDiff(old: old, new: SnapshotDiffScenarios.merged)
    #expect(diff.merges.map(\.into) == ["M0001"])
    #expect(diff.merges.map(\.from) == [["M0001", "M0002"]])
    #expect(diff.splits.isEmpty)
    #expect(diff.mitigationsRemoved.map(\.id) == ["M0002"])
    let change = try #require(diff.mitigationsChanged.first { $0.id == "M0001" })
    #expect(change.membersAdded == ["example-2025:p2", "schuett-2023:2"])
  }

  @Test("members of one old mitigation in several new ones are a split")
  func split() throws {
    let diff = SnapshotDiff(old: old, new: SnapshotDiffScenarios.split)
    #expect(diff.splits.map(\.from) == ["M0003"])
    #expect(diff.splits.map(\.into) == [["M0003", "M0007"]])
    #expect(diff.merges.isEmpty)
    #expect(diff.mitigationsAdded.map(\.id) == ["M0007"])
    #expect(diff.mitigationsChanged.first?.membersRemoved == ["nist-2024:mp-4-1-001"])
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
