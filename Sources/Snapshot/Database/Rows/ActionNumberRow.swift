import GRDB

/// A row of `action_numbers`: every action number ever given, so that a statement that leaves the scan
/// does not free its number for another.
struct ActionNumberRow: Decodable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "action_numbers"

  var statementID: String
  var actionNumber: Int

  enum CodingKeys: String, CodingKey {
    case statementID = "statement_id"
    case actionNumber = "action_number"
  }

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.statementID)] = statementID
    container[Column(CodingKeys.actionNumber)] = actionNumber
  }
}
