import ScanModel

/// Later snapshots of `SnapshotFixtures.content`, one change each, for the diff's tests and the tests of its
/// terminal rendering.
public enum SnapshotDiffScenarios {
  static var old: SnapshotContent { SnapshotFixtures.content }

  /// A new statement in a new mitigation (M0007).
  public static var added: SnapshotContent {
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
    return new
  }

  /// A statement and its mitigation (M0005) that leave.
  public static var removed: SnapshotContent {
    var new = old
    new.statements.removeAll { $0.id == "example-2025:loc-0a1b2c" }
    new.assignments.removeAll { $0.statementID == "example-2025:loc-0a1b2c" }
    new.mitigations.removeAll { $0.id == "M0005" }
    return new
  }

  /// M0001's name, definition and primary code change, and so do a member's text and code.
  public static var changed: SnapshotContent {
    var new = old
    new.mitigations[0].name = "Risk assessments before deployment"
    new.mitigations[0].definition = "Assess risks before deployment."
    new.mitigations[0].primaryCode = "3.1"
    let index = new.statements.firstIndex { $0.id == "schuett-2023:1" }!
    new.statements[index].text = "AGI labs should assess risks before deployment."
    new.assignments.removeAll { $0.statementID == "schuett-2023:1" && $0.facet == "mitigation" }
    new.assignments.append(SnapshotFixtures.code("schuett-2023:1", "mitigation", "3.1", score: 0.7))
    return new
  }

  /// The members of M0001 and M0002 in one mitigation, M0001.
  public static var merged: SnapshotContent {
    var new = old
    var combined = new.mitigations[0]
    combined.members += new.mitigations[1].members
    combined.sources = ["example-2025", "schuett-2023"]
    new.mitigations[0] = combined
    new.mitigations.remove(at: 1)
    return new
  }

  /// M0003 split in two: one of its members leaves for a new M0007.
  public static var split: SnapshotContent {
    var new = old
    let red = new.mitigations.firstIndex { $0.id == "M0003" }!
    new.mitigations[red].members.removeAll { $0.statementID == "nist-2024:mp-4-1-001" }
    new.mitigations[red].sources = ["schuett-2023"]
    new.mitigations.append(
      Mitigation(
        id: "M0007", name: "Red-teaming exercises with domain experts",
        definition: "Conduct red-teaming exercises.",
        representativeStatementID: "nist-2024:mp-4-1-001", primaryCode: "3.1", sources: ["nist-2024"],
        members: [SnapshotFixtures.member("nist-2024:mp-4-1-001", 1, "representative")]))
    return new
  }
}
