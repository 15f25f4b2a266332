import ScanModel

/// What `Deduplicator.deduplicate` returns: a `DeduplicationResult` whose edges are still scores. The
/// mitigations, identity changes and ledger are final; the edges' reasons and components are written only
/// when `result()` or `DeduplicationJSON.write` asks for them, so that writing the result of a run with
/// millions of review pairs never holds millions of strings at once.
public struct DeduplicationOutcome: Sendable {
  public let mitigations: [Mitigation]
  public let decisionsApplied: [LinkDecision]
  public let identityChanges: [IdentityChange]
  public let ledger: IdentityLedger
  public let candidatePairs: Int
  public let exhaustive: Bool
  let edges: ReportedEdges

  /// How many edges `result()` has.
  var edgeCount: Int { edges.count }

  /// The whole result, every edge with its reason.
  public func result() -> DeduplicationResult {
    DeduplicationResult(
      mitigations: mitigations, edges: edges.all(), decisionsApplied: decisionsApplied,
      identityChanges: identityChanges, ledger: ledger, candidatePairs: candidatePairs, exhaustive: exhaustive
    )
  }
}
