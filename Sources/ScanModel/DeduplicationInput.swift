/// A statement as the deduplicator sees it: its words, the concepts the normaliser found, its primary code.
public struct DeduplicationInput: Sendable, Hashable, Codable {
  public var id: String
  public var framework: String?
  public var text: String
  /// The statement's short name, when it has one (a bold lead-in, a heading title, a control name).
  public var title: String?
  /// Thesaurus concept ids found in the text, sorted and unique.
  public var concepts: [String]
  public var primaryCode: String?

  public init(
    id: String, framework: String? = nil, text: String, title: String? = nil, concepts: [String] = [],
    primaryCode: String? = nil
  ) {
    self.id = id
    self.framework = framework
    self.text = text
    self.title = title
    self.concepts = concepts
    self.primaryCode = primaryCode
  }
}

/// Mitigation ids as the previous snapshot left them, so that clusters keep their ids across runs and the
/// history of every id is carried forward.
public struct IdentityLedger: Sendable, Hashable, Codable {
  /// Statement id to the mitigation id it belonged to.
  public var memberships: [String: String]
  /// Every mitigation id ever issued, retired ones included, so that none is reused.
  public var issued: [String]
  /// The previous snapshot's identity changes: each id's latest change, carried forward while its
  /// mitigation stays as it was.
  public var changes: [IdentityChange]
  /// Every id retired so far, with what became of it.
  public var retired: [RetiredMitigation]

  public init(
    memberships: [String: String] = [:], issued: [String] = [], changes: [IdentityChange] = [],
    retired: [RetiredMitigation] = []
  ) {
    self.memberships = memberships
    self.issued = issued
    self.changes = changes
    self.retired = retired
  }
}

/// What the deduplication stage returns.
public struct DeduplicationResult: Sendable, Hashable, Codable {
  /// Sorted by id.
  public var mitigations: [Mitigation]
  /// Pairs that merged and pairs in the review band, sorted by (a, b).
  public var edges: [SimilarityEdge]
  /// The human decisions that were applied.
  public var decisionsApplied: [LinkDecision]
  public var identityChanges: [IdentityChange]
  /// The ledger to keep for the next run; its `retired` holds every retired id with its fate, sorted by id.
  public var ledger: IdentityLedger
  /// How many pairs the candidate search proposed, and whether it compared all pairs or used LSH.
  public var candidatePairs: Int
  public var exhaustive: Bool

  public init(
    mitigations: [Mitigation], edges: [SimilarityEdge], decisionsApplied: [LinkDecision],
    identityChanges: [IdentityChange], ledger: IdentityLedger, candidatePairs: Int, exhaustive: Bool
  ) {
    self.mitigations = mitigations
    self.edges = edges
    self.decisionsApplied = decisionsApplied
    self.identityChanges = identityChanges
    self.ledger = ledger
    self.candidatePairs = candidatePairs
    self.exhaustive = exhaustive
  }
}
