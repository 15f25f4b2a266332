import GRDB
import ScanModel

/// A row of `code_assignments`: one code a statement received in one facet, with how and why.
struct CodeAssignmentRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "code_assignments"

  var statementID: String
  var facet: String
  var code: String
  var rank: Int
  var score: Double
  var method: String
  var reasons: String
  var needsReview: Bool

  enum CodingKeys: String, CodingKey {
    case facet, code, rank, score, method, reasons
    case statementID = "statement_id"
    case needsReview = "needs_review"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.statementID, statementID.databaseValue),
      (.facet, facet.databaseValue),
      (.code, code.databaseValue),
      (.rank, rank.databaseValue),
      (.score, score.databaseValue),
      (.method, method.databaseValue),
      (.reasons, reasons.databaseValue),
      (.needsReview, needsReview.databaseValue),
    ]
  }

  init(_ assignment: CodeAssignment) throws {
    statementID = assignment.statementID
    facet = assignment.facet
    code = assignment.code
    rank = assignment.rank
    score = assignment.score
    method = assignment.method.rawValue
    reasons = SnapshotJSON.columnText(assignment.reasons)
    needsReview = assignment.needsReview
  }

  func model() throws -> CodeAssignment {
    CodeAssignment(
      statementID: statementID, facet: facet, code: code, rank: rank, score: score,
      method: try RowValue.enumeration(method, column: "code_assignments.method"),
      reasons: try RowValue.json([CodingReason].self, reasons, column: "code_assignments.reasons"),
      needsReview: needsReview)
  }
}
