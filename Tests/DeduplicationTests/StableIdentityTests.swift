import Deduplication
import ScanModel
import Testing

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
    #expect(second.identityChanges.allSatisfy { $0.kind == .kept })
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
    #expect(!third.identityChanges.contains { $0.kind == .retired })
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
}
