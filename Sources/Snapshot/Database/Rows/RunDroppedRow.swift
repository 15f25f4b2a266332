import GRDB

/// A row of `run_dropped`: how many units the run dropped for one reason.
struct RunDroppedRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "run_dropped"

  var reason: String
  var units: Int

  enum CodingKeys: String, CodingKey {
    case reason, units
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.reason, reason.databaseValue),
      (.units, units.databaseValue),
    ]
  }
}
