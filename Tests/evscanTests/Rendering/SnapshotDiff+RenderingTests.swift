import ScanModel
import Snapshot
import TestSupport
import Testing

@testable import evscan

/// The plain text `evscan diff` prints, for each kind of change.
@Suite("Snapshot diff, as text")
struct SnapshotDiffRenderingTests {
  static let old = SnapshotFixtures.content

  @Test(
    "each kind of change has its line",
    arguments: [
      (SnapshotFixtures.content, "The two snapshots hold the same mitigations and statements."),
      (SnapshotDiffScenarios.added, "  + M0007  Bug bounty  [2.1]  (1 statements)"),
      (
        SnapshotDiffScenarios.removed,
        "  - A0007_example-2025 (example-2025:loc-0a1b2c)  Publish a safety framework."
      ),
      (SnapshotDiffScenarios.changed, "  ~ M0001  Risk assessments before deployment"),
      (
        SnapshotDiffScenarios.changed,
        "      primary code: \"1.2 Risk Management\" -> \"3.1 Testing & Auditing\""
      ),
      (SnapshotDiffScenarios.merged, "Merged\n  M0001 <- M0001 + M0002"),
      (SnapshotDiffScenarios.split, "Split\n  M0003 -> M0003 + M0007"),
    ])
  func line(new: SnapshotContent, expected: String) {
    #expect(SnapshotDiff(old: Self.old, new: new).rendered().contains(expected))
  }
}
