import GRDB

extension Database {
  /// Inserts the rows of one table through one prepared statement, binding each row's values in the order
  /// its type lists its columns. `record.insert(db)` would look up the table's schema, build the SQL and
  /// find the cached statement again for every row.
  func insertAll<Row: BulkRow>(_ rows: [Row]) throws {
    guard let first = rows.first else { return }
    let columns = first.databaseColumns.map { $0.0.stringValue }
    let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
    let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let statement = try makeStatement(
      sql: "INSERT INTO \(Row.databaseTableName.quotedDatabaseIdentifier) (\(names)) VALUES (\(placeholders))"
    )
    for row in rows {
      // GRDB's initializer for a sequence of `DatabaseValue` instantiates a key path on every call, which
      // cost more than binding the values; the one for optional existentials maps them with a closure.
      let values = row.databaseColumns.map { $0.1 as (any DatabaseValueConvertible)? }
      try statement.execute(arguments: StatementArguments(values))
    }
  }
}
