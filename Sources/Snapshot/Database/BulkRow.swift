import GRDB

/// A row type of the snapshot's database. It lists its columns with their values, in one place and in a
/// fixed order, so that `Database.insertAll` binds thousands of rows to one prepared statement with no
/// encoder, dictionary or dynamic cast per row: through `Encodable` and GRDB's container, those cost more
/// than SQLite's own work. Reading stays with `Decodable`.
protocol BulkRow: EncodableRecord, TableRecord {
  associatedtype CodingKeys: CodingKey
  /// Every column and its value, always in the same order.
  var databaseColumns: [(CodingKeys, DatabaseValue)] { get }
}

extension BulkRow {
  /// What GRDB's single-row methods (`insert`, `update`) store: the same columns.
  func encode(to container: inout PersistenceContainer) {
    for (column, value) in databaseColumns { container[column.stringValue] = value }
  }
}
