import GRDB
import ScanModel

/// The one row of `run`: versions and the flow's counts, one column each, for queries and Datasette facets.
struct RunRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "run"

  var id = 1
  var toolVersion: String
  var taxonomyVersion: String
  var modelSHA256: String?
  var frameworks: Int
  var documents: Int
  var unitsMatched: Int
  /// The total; `run_dropped` holds it by reason.
  var dropped: Int
  var statements: Int
  var coded: Int
  var needingReview: Int
  var statementsMergedAway: Int
  var canonicalMitigations: Int
  var reviewPairs: Int

  enum CodingKeys: String, CodingKey {
    case id, frameworks, documents, dropped, statements, coded
    case toolVersion = "tool_version"
    case taxonomyVersion = "taxonomy_version"
    case modelSHA256 = "model_sha256"
    case unitsMatched = "units_matched"
    case needingReview = "needing_review"
    case statementsMergedAway = "statements_merged_away"
    case canonicalMitigations = "canonical_mitigations"
    case reviewPairs = "review_pairs"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.toolVersion, toolVersion.databaseValue),
      (.taxonomyVersion, taxonomyVersion.databaseValue),
      (.modelSHA256, modelSHA256.databaseValue),
      (.frameworks, frameworks.databaseValue),
      (.documents, documents.databaseValue),
      (.unitsMatched, unitsMatched.databaseValue),
      (.dropped, dropped.databaseValue),
      (.statements, statements.databaseValue),
      (.coded, coded.databaseValue),
      (.needingReview, needingReview.databaseValue),
      (.statementsMergedAway, statementsMergedAway.databaseValue),
      (.canonicalMitigations, canonicalMitigations.databaseValue),
      (.reviewPairs, reviewPairs.databaseValue),
    ]
  }

  init(_ run: RunRecord) {
    toolVersion = run.toolVersion
    taxonomyVersion = run.taxonomyVersion
    modelSHA256 = run.modelSHA256
    frameworks = run.counts.frameworks
    documents = run.counts.documents
    unitsMatched = run.counts.unitsMatched
    dropped = run.counts.droppedTotal
    statements = run.counts.statements
    coded = run.counts.coded
    needingReview = run.counts.needingReview
    statementsMergedAway = run.counts.statementsMergedAway
    canonicalMitigations = run.counts.canonicalMitigations
    reviewPairs = run.counts.reviewPairs
  }

  func model(dropped: [String: Int], inputs: [InputFile]) -> RunRecord {
    RunRecord(
      toolVersion: toolVersion, taxonomyVersion: taxonomyVersion, modelSHA256: modelSHA256, inputs: inputs,
      counts: RunCounts(
        frameworks: frameworks, documents: documents, unitsMatched: unitsMatched, dropped: dropped,
        statements: statements, coded: coded, needingReview: needingReview,
        statementsMergedAway: statementsMergedAway, canonicalMitigations: canonicalMitigations,
        reviewPairs: reviewPairs))
  }
}
