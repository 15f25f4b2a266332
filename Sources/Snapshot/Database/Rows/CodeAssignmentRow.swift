import GRDB
import ScanModel

/// A row of `code_assignments`: one code a statement received in one facet, with how and why.
struct CodeAssignmentRow: Decodable, FetchableRecord, PersistableRecord {
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

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.statementID)] = statementID
    container[Column(CodingKeys.facet)] = facet
    container[Column(CodingKeys.code)] = code
    container[Column(CodingKeys.rank)] = rank
    container[Column(CodingKeys.score)] = score
    container[Column(CodingKeys.method)] = method
    container[Column(CodingKeys.reasons)] = reasons
    container[Column(CodingKeys.needsReview)] = needsReview
  }

  init(_ assignment: CodeAssignment) throws {
    statementID = assignment.statementID
    facet = assignment.facet
    code = assignment.code
    rank = assignment.rank
    score = assignment.score
    method = assignment.method.rawValue
    reasons = try SnapshotJSON.text(assignment.reasons)
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
