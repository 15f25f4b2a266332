import GRDB

/// A row of `action_numbers`: every action number ever given, so that a statement that leaves the scan
/// does not free its number for another.
struct ActionNumberRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "action_numbers"

  var statementID: String
  var actionNumber: Int

  enum CodingKeys: String, CodingKey {
    case statementID = "statement_id"
    case actionNumber = "action_number"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.statementID, statementID.databaseValue),
      (.actionNumber, actionNumber.databaseValue),
    ]
  }
}
