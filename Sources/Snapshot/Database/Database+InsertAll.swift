import GRDB
import GRDBSQLite

extension Database {
  /// Inserts the rows of one table through one prepared statement, binding each row's values in the order
  /// its type lists its columns. `record.insert(db)` would look up the table's schema, build the SQL and
  /// find the cached statement again for every row.
  ///
  /// Each value is bound with GRDB's own binding and the statement stepped with SQLite's: through
  /// `Statement.execute(arguments:)`, the arguments are converted, checked and bound through closures for
  /// every row, which cost as much as SQLite's inserting. The caller holds the transaction.
  func insertAll<Row: BulkRow>(_ rows: [Row]) throws {
    guard let first = rows.first else { return }
    let values = first.databaseColumns
    let names = values.map(\.0.stringValue.quotedDatabaseIdentifier).joined(separator: ", ")
    let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
    let statement = try makeStatement(
      sql: "INSERT INTO \(Row.databaseTableName.quotedDatabaseIdentifier) (\(names)) VALUES (\(placeholders))"
    )
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    for row in rows {
      sqlite3_reset(handle)
      for (position, (column, value)) in row.databaseColumns.enumerated() {
        let code = value.bind(to: handle, at: CInt(position + 1))
        guard code == SQLITE_OK else {
          throw failure(code, statement, "binding \(Row.databaseTableName).\(column.stringValue)")
        }
      }
      let code = sqlite3_step(handle)
      guard code == SQLITE_DONE else { throw failure(code, statement, nil) }
    }
  }

  private func failure(_ code: CInt, _ statement: Statement, _ doing: String?) -> DatabaseError {
    let message = sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(code)"
    return DatabaseError(
      resultCode: ResultCode(rawValue: code), message: doing.map { "\($0): \(message)" } ?? message,
      sql: statement.sql)
  }
}
