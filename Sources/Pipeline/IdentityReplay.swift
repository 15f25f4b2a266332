import Deduplication
import Foundation
import ScanModel
import Snapshot

/// Rebuilds a snapshot's identity history from the snapshots published before it, oldest first: the
/// membership of each one's mitigations, under the ids it was published with, is recorded against the one
/// before, as a scan would have recorded it, and the result replaces the snapshot's identity changes and
/// retired ids. For a snapshot written before the history was kept (schema v3), whose retired ids lost
/// their fates: the older snapshots are in version control (`git show <commit>:output/...`).
public enum IdentityReplay {
  /// `latest` with its identity changes, retired mitigations and issued ids rebuilt from `earlier`.
  public static func replay(_ earlier: [SnapshotContent], onto latest: SnapshotContent) -> SnapshotContent {
    guard let first = earlier.first else { return latest }
    var ledger = first.identityLedger
    for content in earlier.dropFirst() + [latest] {
      let outcome = IdentityAssigner.record(
        clusters: content.mitigations.map { $0.members.map(\.statementID).sorted() },
        ids: content.mitigations.map(\.id), ledger: ledger)
      ledger = outcome.ledger
      ledger.issued = IdentityAssigner.sortedIDs(Set(ledger.issued).union(content.issuedMitigationIDs))
    }
    var rebuilt = latest
    rebuilt.identityChanges = ledger.changes
    rebuilt.retiredMitigations = ledger.retired
    rebuilt.issuedMitigationIDs = ledger.issued
    return rebuilt
  }

  /// Reads the snapshots, replays them onto the one in `output` and writes it back in place, atomically,
  /// holding the output's lock. Returns the rebuilt content.
  @discardableResult
  public static func rewrite(output: URL, from earlier: [URL]) throws -> SnapshotContent {
    let lock = try OutputLock(output: output, wait: false)
    defer { lock.release() }
    let reader = SnapshotReader()
    let rebuilt = replay(try earlier.map { try reader.read(from: $0) }, onto: try reader.read(from: output))
    let publisher = SnapshotPublisher(output: output)
    let folder = try publisher.makeTemporaryFolder()
    do {
      _ = try SnapshotWriter().write(rebuilt, to: folder)
      try publisher.publish(folder)
    } catch {
      publisher.discard(folder)
      throw error
    }
    return rebuilt
  }
}
