import GRDB
import ScanModel

/// A row of `retired_mitigations`: what became of a mitigation id that no longer names a mitigation.
struct RetiredMitigationRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "retired_mitigations"

  var mitigationID: String
  var fate: String
  var intoIDs: String
  var statementIDs: String
  var removedStatementIDs: String

  enum CodingKeys: String, CodingKey {
    case fate
    case mitigationID = "mitigation_id"
    case intoIDs = "into_ids"
    case statementIDs = "statement_ids"
    case removedStatementIDs = "removed_statement_ids"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.mitigationID, mitigationID.databaseValue),
      (.fate, fate.databaseValue),
      (.intoIDs, intoIDs.databaseValue),
      (.statementIDs, statementIDs.databaseValue),
      (.removedStatementIDs, removedStatementIDs.databaseValue),
    ]
  }

  init(_ record: RetiredMitigation) throws {
    mitigationID = record.mitigationID
    fate = record.fate.rawValue
    intoIDs = SnapshotJSON.columnText(record.into)
    statementIDs = SnapshotJSON.columnText(record.statements)
    removedStatementIDs = SnapshotJSON.columnText(record.removedStatements)
  }

  func model() throws -> RetiredMitigation {
    RetiredMitigation(
      mitigationID: mitigationID,
      fate: try RowValue.enumeration(fate, column: "retired_mitigations.fate"),
      into: try RowValue.json([String].self, intoIDs, column: "retired_mitigations.into_ids"),
      statements: try RowValue.json([String].self, statementIDs, column: "retired_mitigations.statement_ids"),
      removedStatements: try RowValue.json(
        [String].self, removedStatementIDs, column: "retired_mitigations.removed_statement_ids"))
  }
}
