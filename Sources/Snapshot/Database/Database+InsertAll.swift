import GRDB

extension Database {
  /// Inserts the records of one table through one prepared statement.
  ///
  /// `record.insert(db)` looks up the table's schema, builds the SQL and finds the cached statement again for
  /// every row; for the thousands of rows of a snapshot that bookkeeping cost more than SQLite's own work.
  /// The values are the same: each record encodes itself as `insert` would encode it.
  func insertAll<Record: EncodableRecord & TableRecord>(_ records: some Sequence<Record>) throws {
    var statement: Statement?
    var columns: [String] = []
    for record in records {
      let values = try record.databaseDictionary
      if statement == nil {
        columns = values.keys.sorted()
        let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        statement = try makeStatement(
          sql: "INSERT INTO \(Record.databaseTableName.quotedDatabaseIdentifier) (\(names)) "
            + "VALUES (\(placeholders))")
      }
      try statement?.execute(arguments: StatementArguments(columns.map { values[$0] ?? .null }))
    }
  }
}
