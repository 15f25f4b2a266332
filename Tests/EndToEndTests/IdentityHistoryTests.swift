import Foundation
import ScanModel
import Snapshot
import Testing

/// Mitigation ids that people cite: what became of retired ids is kept from snapshot to snapshot, shown by
/// `evscan explain`, and one scan after a change is already the snapshot to commit.
@Suite("Identity history", .serialized)
struct IdentityHistoryTests {
  /// The fates of the ids retired between the first two committed snapshots (commits 69f8ee7 and 78f813f
  /// of output/), worked out from their `mitigation_members` tables by a separate Python script, not by
  /// evscan: for each id of the first that the second no longer has, the second's ids of its statements.
  static func expectedRetirements() throws -> [RetiredMitigation] {
    let url = Evscan.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/retired-ids.tsv")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
    return try lines.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, let fate = RetiredMitigation.Fate(rawValue: fields[1]) else {
        throw FixtureError(file: url.path, line: String(line))
      }
      let statements = fields[3].split(separator: " ").map(String.init)
      return RetiredMitigation(
        mitigationID: fields[0], fate: fate, into: fields[2].split(separator: " ").map(String.init),
        statements: statements, removedStatements: [])
    }
  }

  struct FixtureError: Error, CustomStringConvertible {
    var file: String
    var line: String
    var description: String { "\(file): a line that is not `id<TAB>fate<TAB>into<TAB>statements`: \(line)" }
  }

  /// History is never rewritten: every id retired in the committed history is still retired, with the fate
  /// the independent reckoning gives, and every issued id is either live or has a recorded fate.
  @Test func theShippedSnapshotKeepsTheFateOfEveryRetiredId() throws {
    let expected = try Self.expectedRetirements()
    #expect(expected.count == 128, "the fixture should list the 128 ids retired in the committed history")
    let content = try SnapshotReader().read(from: Evscan.packageRoot.appendingPathComponent("output"))
    let recorded = Dictionary(uniqueKeysWithValues: content.retiredMitigations.map { ($0.mitigationID, $0) })
    for record in expected {
      #expect(recorded[record.mitigationID] == record, "retired id \(record.mitigationID)")
    }
    let live = Set(content.mitigations.map(\.id))
    for id in content.issuedMitigationIDs {
      #expect(live.contains(id) != (recorded[id] != nil), "\(id) must be either live or retired with a fate")
    }
    let retiredChanges = content.identityChanges.filter { $0.kind == .retired }.map(\.mitigationID)
    #expect(Set(retiredChanges) == Set(recorded.keys))
  }

  @Test func explainSaysWhatBecameOfARetiredIdOfTheShippedSnapshot() throws {
    let expected = try #require(try Self.expectedRetirements().first)
    let result = try Evscan.run(["explain", expected.mitigationID])
    #expect(result.status == 0, "\(result.errors)")
    #expect(
      result.output.hasPrefix(
        "Mitigation \(expected.mitigationID) is retired: merged into \(expected.into.joined(separator: ", "))"
      ))
    for statement in expected.statements {
      #expect(result.output.contains(statement))
    }
    let json = try Evscan.run(["explain", expected.mitigationID, "--json"])
    #expect(json.status == 0, "\(json.errors)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["kind"] as? String == "retired")
  }

  /// A human must-link merges two mitigations: one scan records the merge and the retired id's fate, the
  /// next scan changes nothing, and when the decision is withdrawn the retired id stays retired (never
  /// reused) with its fate, while the statement that leaves gets a new id.
  @Test func oneScanAfterAChangeIsTheFixedPointAndHistoryLasts() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    for part in ["frameworks", "taxonomy", "models", "config", "decisions", "output"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
    let committed = try SnapshotReader().read(from: project.appendingPathComponent("output"))
    let decided = Set(committed.linkDecisions.flatMap { [$0.a, $0.b] })
    let singles = committed.mitigations.filter {
      $0.members.count == 1 && !decided.contains($0.members[0].statementID)
    }
    let first = try #require(singles.first)
    let second = try #require(singles.first { !$0.sources.contains(first.sources[0]) })
    let merges = project.appendingPathComponent("decisions/merges.csv")
    let original = try String(contentsOf: merges, encoding: .utf8)
    try
      (original + "\(first.members[0].statementID),\(second.members[0].statementID),must-link,test,tester\n")
      .write(to: merges, atomically: true, encoding: .utf8)

    let scan = ["scan", "--quiet", "--stand-in", "--cache", folder.appendingPathComponent("cache").path]
    let merged = try Evscan.run(scan, in: project)
    #expect(merged.status == 0, "\(merged.errors)")
    let output = project.appendingPathComponent("output")
    let afterMerge = try SnapshotReader().read(from: output)
    // One vote each: the smaller id is kept, the other retired into it.
    #expect(afterMerge.mitigations.first { $0.id == first.id }?.members.count == 2)
    #expect(
      afterMerge.retiredMitigations.first { $0.mitigationID == second.id }
        == RetiredMitigation(
          mitigationID: second.id, fate: .merged, into: [first.id],
          statements: [second.members[0].statementID],
          removedStatements: []))
    #expect(
      afterMerge.identityChanges.contains(
        IdentityChange(kind: .merged, mitigationID: first.id, from: [first.id, second.id])))
    // The rest of the history is carried forward untouched.
    #expect(Set(committed.retiredMitigations).isSubset(of: Set(afterMerge.retiredMitigations)))
    let explained = try Evscan.run(["explain", second.id, "--snapshot", output.path], in: project)
    #expect(explained.status == 0, "\(explained.errors)")
    #expect(explained.output.hasPrefix("Mitigation \(second.id) is retired: merged into \(first.id)."))

    let settled = try Evscan.files(in: output)
    #expect(try Evscan.run(scan, in: project).status == 0)
    #expect(try Evscan.files(in: output) == settled, "a second scan of unchanged inputs changed the snapshot")

    try original.write(to: merges, atomically: true, encoding: .utf8)
    #expect(try Evscan.run(scan, in: project).status == 0)
    let afterSplit = try SnapshotReader().read(from: output)
    let newID = try #require(
      afterSplit.mitigations.first { $0.members.map(\.statementID) == second.members.map(\.statementID) }?.id)
    #expect(newID != second.id && !committed.issuedMitigationIDs.contains(newID))
    #expect(afterSplit.retiredMitigations.first { $0.mitigationID == second.id }?.into == [first.id])
    #expect(
      afterSplit.identityChanges.contains(IdentityChange(kind: .split, mitigationID: newID, from: [first.id]))
    )
  }
}
