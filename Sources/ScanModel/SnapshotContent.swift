/// Everything a snapshot holds, as values: what the pipeline hands the snapshot writer, and what the
/// reader gives back for `explain`, `diff` and the next run's stable ids.
public struct SnapshotContent: Sendable, Hashable, Codable {
  public var run: RunRecord
  /// The coding schemes the run used (mitigation taxonomy first), so that a snapshot explains its own codes.
  public var taxonomy: [TaxonomyFacet]
  /// Sorted by slug.
  public var frameworks: [FrameworkRecord]
  /// Sorted by id.
  public var statements: [Statement]
  /// Statement id to its action number, assigned once and kept across runs (`A0001_Schuett2023`).
  public var actionNumbers: [String: Int]
  public var dropped: [DroppedUnit]
  /// Sorted by (statement, facet, rank).
  public var assignments: [CodeAssignment]
  public var mitigations: [Mitigation]
  public var edges: [SimilarityEdge]
  public var codeDecisions: [CodeDecision]
  public var linkDecisions: [LinkDecision]
  public var identityChanges: [IdentityChange]
  /// Every mitigation id ever issued, sorted.
  public var issuedMitigationIDs: [String]
  public var warnings: [ScanDiagnostic]
  /// Every retired mitigation id with what became of it, carried from snapshot to snapshot; sorted by id.
  public var retiredMitigations: [RetiredMitigation]
  /// Screening's verdict on every unit the recipes gave, sorted by statement id.
  public var screening: [ScreeningVerdict]

  public init(
    run: RunRecord, taxonomy: [TaxonomyFacet], frameworks: [FrameworkRecord], statements: [Statement],
    actionNumbers: [String: Int], dropped: [DroppedUnit], assignments: [CodeAssignment],
    mitigations: [Mitigation],
    edges: [SimilarityEdge], codeDecisions: [CodeDecision], linkDecisions: [LinkDecision],
    identityChanges: [IdentityChange], issuedMitigationIDs: [String], warnings: [ScanDiagnostic],
    retiredMitigations: [RetiredMitigation] = [], screening: [ScreeningVerdict] = []
  ) {
    self.run = run
    self.taxonomy = taxonomy
    self.frameworks = frameworks
    self.statements = statements
    self.actionNumbers = actionNumbers
    self.dropped = dropped
    self.assignments = assignments
    self.mitigations = mitigations
    self.edges = edges
    self.codeDecisions = codeDecisions
    self.linkDecisions = linkDecisions
    self.identityChanges = identityChanges
    self.issuedMitigationIDs = issuedMitigationIDs
    self.warnings = warnings
    self.retiredMitigations = retiredMitigations
    self.screening = screening
  }

  enum CodingKeys: String, CodingKey {
    case run, taxonomy, frameworks, statements, actionNumbers, dropped, assignments, mitigations, edges
    case codeDecisions, linkDecisions, identityChanges, issuedMitigationIDs, warnings, retiredMitigations
    case screening
  }

  /// Content encoded before the fates of retired ids were kept, or before screening, has no
  /// `retiredMitigations` or `screening`: none then.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      run: try container.decode(RunRecord.self, forKey: .run),
      taxonomy: try container.decode([TaxonomyFacet].self, forKey: .taxonomy),
      frameworks: try container.decode([FrameworkRecord].self, forKey: .frameworks),
      statements: try container.decode([Statement].self, forKey: .statements),
      actionNumbers: try container.decode([String: Int].self, forKey: .actionNumbers),
      dropped: try container.decode([DroppedUnit].self, forKey: .dropped),
      assignments: try container.decode([CodeAssignment].self, forKey: .assignments),
      mitigations: try container.decode([Mitigation].self, forKey: .mitigations),
      edges: try container.decode([SimilarityEdge].self, forKey: .edges),
      codeDecisions: try container.decode([CodeDecision].self, forKey: .codeDecisions),
      linkDecisions: try container.decode([LinkDecision].self, forKey: .linkDecisions),
      identityChanges: try container.decode([IdentityChange].self, forKey: .identityChanges),
      issuedMitigationIDs: try container.decode([String].self, forKey: .issuedMitigationIDs),
      warnings: try container.decode([ScanDiagnostic].self, forKey: .warnings),
      retiredMitigations: try container.decodeIfPresent([RetiredMitigation].self, forKey: .retiredMitigations)
        ?? [],
      screening: try container.decodeIfPresent([ScreeningVerdict].self, forKey: .screening) ?? [])
  }
}

/// A framework as the run read it: its manifest and its document.
public struct FrameworkRecord: Sendable, Hashable, Codable {
  /// The manifest as the run read it: `document` and `recipe` are the ones used, so for a framework whose
  /// original was in its folder they describe the original (origin `retrieved`), not the stand-in.
  public var manifest: FrameworkManifest
  /// The document's path relative to the frameworks folder, e.g. `schuett-2023/document.html`.
  public var documentPath: String
  public var documentBytes: Int
  public var unitsMatched: Int

  public init(manifest: FrameworkManifest, documentPath: String, documentBytes: Int, unitsMatched: Int) {
    self.manifest = manifest
    self.documentPath = documentPath
    self.documentBytes = documentBytes
    self.unitsMatched = unitsMatched
  }
}

/// The run: versions, inputs and counts.
public struct RunRecord: Sendable, Hashable, Codable {
  public var toolVersion: String
  public var taxonomyVersion: String
  /// The classifier model's SHA-256, when a model coded the statements.
  public var modelSHA256: String?
  /// Every input file with its SHA-256, sorted by path.
  public var inputs: [InputFile]
  public var counts: RunCounts

  public init(
    toolVersion: String, taxonomyVersion: String, modelSHA256: String?, inputs: [InputFile], counts: RunCounts
  ) {
    self.toolVersion = toolVersion
    self.taxonomyVersion = taxonomyVersion
    self.modelSHA256 = modelSHA256
    self.inputs = inputs
    self.counts = counts
  }
}

public struct InputFile: Sendable, Hashable, Codable {
  /// Relative to the working directory of the run, e.g. `frameworks/nist-2024/document.html`.
  public var path: String
  public var sha256: String
  /// `document`, `manifest`, `taxonomy`, `model`, `decisions`, `configuration`.
  public var role: String

  public init(path: String, sha256: String, role: String) {
    self.path = path
    self.sha256 = sha256
    self.role = role
  }
}

/// The flow of the scan, PRISMA style. The counts add up:
/// `unitsMatched == statements + dropped total`, `statements == coded`,
/// `canonicalMitigations == statements - statementsMergedAway`.
public struct RunCounts: Sendable, Hashable, Codable {
  public var frameworks: Int
  public var documents: Int
  public var unitsMatched: Int
  /// Reason (`DroppedUnit.Reason` raw value) to count.
  public var dropped: [String: Int]
  public var statements: Int
  public var coded: Int
  public var needingReview: Int
  /// Statements that joined another statement's mitigation (members beyond the first of each mitigation).
  public var statementsMergedAway: Int
  public var canonicalMitigations: Int
  public var reviewPairs: Int

  public init(
    frameworks: Int, documents: Int, unitsMatched: Int, dropped: [String: Int], statements: Int, coded: Int,
    needingReview: Int, statementsMergedAway: Int, canonicalMitigations: Int, reviewPairs: Int
  ) {
    self.frameworks = frameworks
    self.documents = documents
    self.unitsMatched = unitsMatched
    self.dropped = dropped
    self.statements = statements
    self.coded = coded
    self.needingReview = needingReview
    self.statementsMergedAway = statementsMergedAway
    self.canonicalMitigations = canonicalMitigations
    self.reviewPairs = reviewPairs
  }

  public var droppedTotal: Int { dropped.values.reduce(0, +) }

  /// True when the flow's numbers add up.
  public var isConsistent: Bool {
    unitsMatched == statements + droppedTotal && coded == statements
      && canonicalMitigations == statements - statementsMergedAway
  }
}
