import ScanModel

/// The part of a snapshot that keeps ids stable across scans: which mitigation each statement belonged to,
/// every id issued and retired with its fate, and each statement's action number.
public struct SnapshotIdentities: Sendable, Hashable {
  public var ledger: IdentityLedger
  public var actionNumbers: [String: Int]
}
