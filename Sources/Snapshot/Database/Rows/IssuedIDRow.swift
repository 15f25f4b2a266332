import GRDB

/// A row of `issued_ids`: a mitigation id that was ever issued, so that it is never reused.
struct IssuedIDRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "issued_ids"

  var mitigationID: String

  enum CodingKeys: String, CodingKey {
    case mitigationID = "mitigation_id"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.mitigationID, mitigationID.databaseValue)
    ]
  }
}
