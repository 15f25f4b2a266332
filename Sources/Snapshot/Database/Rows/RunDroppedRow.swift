import GRDB

/// A row of `run_dropped`: how many units the run dropped for one reason.
struct RunDroppedRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "run_dropped"

  var reason: String
  var units: Int
}
