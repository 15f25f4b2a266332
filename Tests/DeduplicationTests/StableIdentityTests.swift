import ScanModel
import Testing

@testable import Deduplication

/// Mitigation ids across runs: kept, merged, split, new, retired, never reused.
@Suite struct StableIdentityTests {
  static let weights = "Secure model weights against theft by insiders and by outside attackers."
  static let incidents =
    "Report serious incidents to the designated government authority without undue delay."
  static let register =
    "Maintain a central register of every AI system the organisation develops, buys or uses."

  static let inputs = [
    DeduplicationInput(id: "a1", text: weights),
    DeduplicationInput(id: "a2", text: weights),
    DeduplicationInput(id: "b1", text: incidents),
    DeduplicationInput(id: "b2", text: incidents),
    DeduplicationInput(id: "c1", text: register),
  ]

  static func decision(_ a: String, _ b: String, _ kind: LinkDecision.Kind, line: Int = 2) -> LinkDecision {
    LinkDecision(
      a: a, b: b, kind: kind, reason: "test", coder: "tester",
      source: SourceLocation(file: "decisions/merges.csv", line: line))
  }

  @Test func firstRunIssuesIdsInOrderOfFirstStatement() throws {
    let result = try Deduplicator().run(inputs: Self.inputs)
    #expect(result.clusterOf == ["a1": "M0001", "a2": "M0001", "b1": "M0002", "b2": "M0002", "c1": "M0003"])
    #expect(result.identityChanges.map(\.kind) == [.new, .new, .new])
    #expect(result.ledger.issued == ["M0001", "M0002", "M0003"])
    #expect(result.ledger.memberships == result.clusterOf)
  }

  @Test func secondRunKeepsEveryId() throws {
    let first = try Deduplicator().run(inputs: Self.inputs)
    let second = try Deduplicator().run(inputs: Self.inputs.reversed(), ledger: first.ledger)
    #expect(second.mitigations == first.mitigations)
    // Nothing changed, so each id's latest change (its birth) is carried forward: one run is a fixed point.
    #expect(second.identityChanges == first.identityChanges)
    #expect(second.identityChanges.map(\.kind) == [.new, .new, .new])
    #expect(second.ledger == first.ledger)
  }

  /// Ids that the previous run had in another order are kept, whatever number they have.
  @Test func clustersKeepTheIdMostMembersHad() throws {
    let ledger = IdentityLedger(
      memberships: ["a1": "M0007", "a2": "M0007", "b1": "M0003", "b2": "M0003", "c1": "M0005"],
      issued: ["M0001", "M0002", "M0003", "M0004", "M0005", "M0006", "M0007"])
    let result = try Deduplicator().run(
      inputs: Self.inputs + [DeduplicationInput(id: "d1", text: "Publish an annual transparency report.")],
      ledger: ledger)
    #expect(
      result.clusterOf == [
        "a1": "M0007", "a2": "M0007", "b1": "M0003", "b2": "M0003", "c1": "M0005", "d1": "M0008",
      ])
    #expect(result.identityChanges.contains(IdentityChange(kind: .new, mitigationID: "M0008", from: [])))
    #expect(result.ledger.issued == (1...8).map { "M000\($0)" })
  }

  @Test func mergeKeepsOneIdAndRetiresTheOther() throws {
    // Run 1: a cannot-link keeps the two weight statements apart.
    let first = try Deduplicator().run(
      inputs: Self.inputs, decisions: [Self.decision("a1", "a2", .cannotLink)])
    #expect(!Clusters(first).together("a1", "a2"))
    let idA1 = try #require(first.clusterOf["a1"])
    let idA2 = try #require(first.clusterOf["a2"])
    // Run 2: the decision is gone, so they merge; one id survives, the other is retired.
    let second = try Deduplicator().run(inputs: Self.inputs, ledger: first.ledger)
    let kept = try #require(second.clusterOf["a1"])
    #expect(second.clusterOf["a2"] == kept)
    let survivor = [idA1, idA2].sorted()[0]
    let retired = [idA1, idA2].sorted()[1]
    #expect(kept == survivor)
    #expect(
      second.identityChanges.contains(
        IdentityChange(kind: .merged, mitigationID: survivor, from: [idA1, idA2].sorted())))
    #expect(
      second.identityChanges.contains(IdentityChange(kind: .retired, mitigationID: retired, from: [retired])))
    #expect(second.ledger.issued.contains(retired))
  }

  @Test func splitKeepsTheIdInTheLargerPartAndGivesTheOtherANewOne() throws {
    let inputs = Self.inputs + [DeduplicationInput(id: "a3", text: Self.weights)]
    let first = try Deduplicator().run(inputs: inputs)
    let original = try #require(first.clusterOf["a1"])
    #expect(Clusters(first).together("a1", "a3"))
    // Run 2: a3 is cannot-linked with a1, so the cluster splits; {a1, a2} is larger and keeps the id.
    let second = try Deduplicator().run(
      inputs: inputs, ledger: first.ledger, decisions: [Self.decision("a1", "a3", .cannotLink)])
    #expect(second.clusterOf["a1"] == original)
    #expect(second.clusterOf["a2"] == original)
    let splitID = try #require(second.clusterOf["a3"])
    #expect(splitID == "M0004")
    #expect(
      second.identityChanges.contains(IdentityChange(kind: .split, mitigationID: splitID, from: [original])))
    #expect(
      second.identityChanges.contains(IdentityChange(kind: .kept, mitigationID: original, from: [original])))
  }

  @Test func retiredIdsAreNeverReused() throws {
    let first = try Deduplicator().run(inputs: Self.inputs)
    let registerID = try #require(first.clusterOf["c1"])
    // Run 2: the register statement is gone: its id is retired.
    let second = try Deduplicator().run(inputs: Array(Self.inputs.prefix(4)), ledger: first.ledger)
    #expect(
      second.identityChanges.contains(
        IdentityChange(kind: .retired, mitigationID: registerID, from: [registerID])))
    #expect(second.ledger.issued.contains(registerID))
    // Run 3: a new statement gets a new number, not the retired one.
    let third = try Deduplicator().run(
      inputs: Array(Self.inputs.prefix(4)) + [
        DeduplicationInput(id: "e1", text: "Run a bug bounty programme.")
      ],
      ledger: second.ledger)
    let newID = try #require(third.clusterOf["e1"])
    #expect(newID != registerID)
    #expect(newID == "M0004")
    // The retirement is history: it stays in every later run with its fate.
    #expect(
      third.identityChanges.filter { $0.kind == .retired }
        == [IdentityChange(kind: .retired, mitigationID: registerID, from: [registerID])])
    #expect(
      third.ledger.retired == [
        RetiredMitigation(
          mitigationID: registerID, fate: .removed, into: [], statements: ["c1"], removedStatements: ["c1"])
      ])
  }

  @Test func twoClustersClaimingOneIdGoToTheLarger() throws {
    // The previous run had all five statements in one mitigation.
    let ledger = IdentityLedger(
      memberships: ["a1": "M0001", "a2": "M0001", "b1": "M0001", "b2": "M0001", "c1": "M0001"],
      issued: ["M0001"])
    let inputs = Self.inputs + [DeduplicationInput(id: "b3", text: Self.incidents)]
    let result = try Deduplicator().run(inputs: inputs, ledger: ledger)
    #expect(result.clusterOf["b1"] == "M0001")
    #expect(result.clusterOf["a1"] == "M0002")
    #expect(result.clusterOf["c1"] == "M0003")
    #expect(result.identityChanges.filter { $0.kind == .split }.map(\.mitigationID) == ["M0002", "M0003"])
  }

  @Test func idsPastFourDigitsKeepCounting() throws {
    let ledger = IdentityLedger(memberships: [:], issued: ["M9999"])
    let result = try Deduplicator().run(
      inputs: [DeduplicationInput(id: "x", text: "Publish a safety case.")], ledger: ledger)
    #expect(result.mitigations.map(\.id) == ["M10000"])
    #expect(result.ledger.issued == ["M9999", "M10000"])
  }

  /// Known fates, worked out by hand: {a1, a2} and {b1, b2} come together under the smaller id; the register
  /// and a fourth mitigation lose their statements, one to two clusters and one to nothing.
  @Test func retiredIdsKeepTheirFateAcrossRuns() throws {
    let ledger = IdentityLedger(
      memberships: [
        "a1": "M0001", "a2": "M0001", "b1": "M0002", "b2": "M0002", "c1": "M0003", "x1": "M0003",
        "g1": "M0004", "g2": "M0004", "g3": "M0004", "z1": "M0005",
      ],
      issued: ["M0001", "M0002", "M0003", "M0004", "M0005"])
    let clusters = [["a1", "a2", "b1", "b2"], ["c1"], ["g1"], ["g2", "g3"]]
    let first = IdentityAssigner.assign(clusters: clusters, ledger: ledger)
    // {a1 a2 b1 b2}: two votes each for M0001 and M0002, M0001 is the smaller id. {g2 g3}: two votes for
    // M0004, more than {g1}'s one. {c1} takes M0003 (its only vote). {g1} gets a new id, M0006.
    #expect(first.ids == ["M0001", "M0003", "M0006", "M0004"])
    #expect(
      first.ledger.retired == [
        RetiredMitigation(
          mitigationID: "M0002", fate: .merged, into: ["M0001"], statements: ["b1", "b2"],
          removedStatements: []),
        RetiredMitigation(
          mitigationID: "M0005", fate: .removed, into: [], statements: ["z1"], removedStatements: ["z1"]),
      ])
    #expect(
      first.changes == [
        IdentityChange(kind: .merged, mitigationID: "M0001", from: ["M0001", "M0002"]),
        IdentityChange(kind: .retired, mitigationID: "M0002", from: ["M0002"]),
        IdentityChange(kind: .kept, mitigationID: "M0003", from: ["M0003"]),
        IdentityChange(kind: .kept, mitigationID: "M0004", from: ["M0004"]),
        IdentityChange(kind: .retired, mitigationID: "M0005", from: ["M0005"]),
        IdentityChange(kind: .split, mitigationID: "M0006", from: ["M0004"]),
      ])
    // One run after the change is the fixed point: the same clusters give the same ids, changes and fates.
    let second = IdentityAssigner.assign(clusters: clusters, ledger: first.ledger)
    #expect(second.ids == first.ids)
    #expect(second.changes == first.changes)
    #expect(second.ledger == first.ledger)
    // Later: {c1} goes too and M0001 splits; M0003 is retired as removed, M0002's fate is unchanged.
    let third = IdentityAssigner.assign(
      clusters: [["a1", "a2"], ["b1", "b2"], ["g1"], ["g2", "g3"]], ledger: second.ledger)
    #expect(third.ids == ["M0001", "M0007", "M0006", "M0004"])
    try #require(third.ledger.retired.map(\.mitigationID) == ["M0002", "M0003", "M0005"])
    #expect(third.ledger.retired[0] == first.ledger.retired[0])
    #expect(third.ledger.retired[1].fate == .removed)
    // M0003 had c1 only in the previous run: x1 had already gone, so it is not listed.
    #expect(third.ledger.retired[1].statements == ["c1"])
  }

  /// A mitigation whose statements went to two others is recorded as split into both.
  @Test func anIdWhoseStatementsScatterIsSplitIntoTheirNewMitigations() throws {
    let ledger = IdentityLedger(
      memberships: [
        "a1": "M0001", "b1": "M0001", "a2": "M0002", "a3": "M0002", "b2": "M0003", "b3": "M0003",
      ],
      issued: ["M0001", "M0002", "M0003"])
    let outcome = IdentityAssigner.assign(
      clusters: [["a1", "a2", "a3"], ["b1", "b2", "b3"]], ledger: ledger)
    #expect(outcome.ids == ["M0002", "M0003"])
    #expect(
      outcome.ledger.retired == [
        RetiredMitigation(
          mitigationID: "M0001", fate: .split, into: ["M0002", "M0003"], statements: ["a1", "b1"],
          removedStatements: [])
      ])
  }
}
