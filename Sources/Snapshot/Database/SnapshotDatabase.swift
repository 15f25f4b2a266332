import Foundation
import GRDB
import GRDBSQLite
import ScanModel

/// Builds the snapshot's SQLite file and reads it back.
///
/// The database is built in memory and its image written to the file in one piece, so no half-built file
/// ever sits at the destination. Its bytes depend only on the schema and the rows, inserted in a fixed
/// order into a fresh database that never deletes: the same content gives the same file.
enum SnapshotDatabase {
  /// Writes the database at `url` and returns the bytes written.
  @discardableResult
  static func write(_ rows: SnapshotRows, to url: URL) throws -> Data {
    var configuration = Configuration()
    // Checking each row's parents as it goes in took a third of the inserts' time. The rows are checked
    // all at once after inserting instead (`PRAGMA foreign_key_check` below), which refuses the same rows.
    configuration.foreignKeysEnabled = false
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA page_size = \(SnapshotSchema.pageSize)")
    }
    let queue = try DatabaseQueue(configuration: configuration)
    try SnapshotSchema.migrator.migrate(queue)
    try queue.write { db in try insert(rows, into: db) }
    let image = try queue.writeWithoutTransaction { db in
      // The validator should have caught every dangling reference; this is the database's own word on it.
      let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      if let first = broken.first {
        let table: String = first["table"] ?? "?"
        let parent: String = first["parent"] ?? "?"
        throw InternalError(
          "refusing to write the database \(url.path): a row of \(table) refers to a missing row of \(parent) "
            + "(\(broken.count) such rows)")
      }
      return try serialized(db)
    }
    try image.write(to: url, options: .withoutOverwriting)
    return image
  }

  /// The in-memory database's pages as they would be written to a file. `VACUUM INTO` gave a file 1% smaller
  /// but rebuilt every table and index a second time, a quarter of the database's writing time.
  private static func serialized(_ db: Database) throws -> Data {
    var size: sqlite3_int64 = 0
    guard let connection = db.sqliteConnection, let bytes = sqlite3_serialize(connection, "main", &size, 0)
    else {
      throw InternalError("SQLite could not serialise the snapshot's database (out of memory?)")
    }
    defer { sqlite3_free(bytes) }
    return Data(bytes: bytes, count: Int(size))
  }

  /// Parents before children, as the foreign keys ask; within a table, in the rows' order, which fixes
  /// their rowids.
  private static func insert(_ rows: SnapshotRows, into db: Database) throws {
    try db.insertAll(rows.facets)
    try db.insertAll(rows.codes)
    try db.insertAll(rows.frameworks)
    try db.insertAll(rows.documents)
    try db.insertAll(rows.statements)
    try db.insertAll(rows.actionNumbers)
    try db.insertAll(rows.droppedUnits)
    try db.insertAll(rows.assignments)
    try db.insertAll(rows.mitigations)
    try db.insertAll(rows.members)
    try db.insertAll(rows.edges)
    try db.insertAll(rows.codeDecisions)
    try db.insertAll(rows.linkDecisions)
    try db.insertAll(rows.identityChanges)
    try db.insertAll(rows.issuedIDs)
    try db.insertAll(rows.retiredMitigations)
    try db.insertAll([rows.run])
    try db.insertAll(rows.runDropped)
    try db.insertAll(rows.runInputs)
    try db.insertAll(rows.warnings)
    try db.insertAll(rows.screening)
  }

  /// Reads every table back into the content the writer was given (in its canonical order).
  static func read(_ db: Database) throws -> SnapshotContent {
    let taxonomy = try readTaxonomy(db)
    let frameworks = try readFrameworks(db)
    let statements = try StatementRow.fetchAll(db, sql: "SELECT * FROM statements ORDER BY id").map {
      try $0.model()
    }
    let actionNumbers = try readActionNumbers(db)
    let dropped = try DroppedUnitRow.fetchAll(db, sql: "SELECT * FROM dropped_units ORDER BY id").map {
      try $0.model()
    }
    let assignments = try CodeAssignmentRow.fetchAll(
      db, sql: "SELECT * FROM code_assignments ORDER BY statement_id, facet, rank, code"
    ).map { try $0.model() }
    let mitigations = try readMitigations(db)
    let edges = try EdgeRow.fetchAll(db, sql: "SELECT * FROM edges ORDER BY a, b").map { try $0.model() }
    let codeDecisions = try CodeDecisionRow.fetchAll(db, sql: "SELECT * FROM code_decisions ORDER BY id").map(
      \.model)
    let linkDecisions = try LinkDecisionRow.fetchAll(db, sql: "SELECT * FROM link_decisions ORDER BY id").map
    {
      try $0.model()
    }
    let identityChanges = try readIdentityChanges(db)
    let issued = try readIssuedIDs(db)
    let warnings = try WarningRow.fetchAll(db, sql: "SELECT * FROM warnings ORDER BY id").map {
      try $0.model()
    }
    let retired = try readRetiredMitigations(db)
    var droppedCounts: [String: Int] = [:]
    for row in try RunDroppedRow.fetchAll(db, sql: "SELECT * FROM run_dropped") {
      droppedCounts[row.reason] = row.units
    }
    let inputs = try RunInputRow.fetchAll(db, sql: "SELECT * FROM run_inputs ORDER BY path").map(\.model)
    let screening = try readScreening(db)
    guard let run = try RunRow.fetchOne(db, sql: "SELECT * FROM run WHERE id = 1") else {
      throw RowValue.Mismatch(column: "run", value: "(no row)")
    }
    return SnapshotContent(
      run: run.model(dropped: droppedCounts, inputs: inputs), taxonomy: taxonomy, frameworks: frameworks,
      statements: statements, actionNumbers: actionNumbers, dropped: dropped, assignments: assignments,
      mitigations: mitigations, edges: edges, codeDecisions: codeDecisions, linkDecisions: linkDecisions,
      identityChanges: identityChanges, issuedMitigationIDs: issued, warnings: warnings,
      retiredMitigations: retired, screening: screening)
  }

  private static func readTaxonomy(_ db: Database) throws -> [TaxonomyFacet] {
    let codeRows = try CodeRow.fetchAll(db, sql: "SELECT * FROM codes ORDER BY facet, position")
    let codesByFacet = Dictionary(grouping: codeRows, by: \.facet)
    return try FacetRow.fetchAll(db, sql: "SELECT * FROM facets ORDER BY position").map { row in
      try row.model(codes: (codesByFacet[row.facet] ?? []).map { try $0.model() })
    }
  }

  /// Each framework's manifest joined with the document that was read for it.
  private static func readFrameworks(_ db: Database) throws -> [FrameworkRecord] {
    let documents = Dictionary(
      try DocumentRow.fetchAll(db, sql: "SELECT * FROM documents").map { ($0.framework, $0) },
      uniquingKeysWith: { first, _ in first })
    return try FrameworkRow.fetchAll(db, sql: "SELECT * FROM frameworks ORDER BY slug").map { row in
      guard let document = documents[row.slug] else {
        throw RowValue.Mismatch(column: "documents.framework", value: row.slug)
      }
      return FrameworkRecord(
        manifest: try row.model(document: try document.document()), documentPath: document.path,
        documentBytes: document.bytes, unitsMatched: document.unitsMatched)
    }
  }

  private static func readMitigations(_ db: Database) throws -> [Mitigation] {
    let members = Dictionary(
      grouping: try MitigationMemberRow.fetchAll(
        db, sql: "SELECT * FROM mitigation_members ORDER BY mitigation_id, statement_id"),
      by: \.mitigationID)
    return try MitigationRow.fetchAll(db, sql: "SELECT * FROM mitigations ORDER BY id").map {
      try $0.model(members: (members[$0.id] ?? []).map(\.model))
    }
  }

  /// A snapshot from before screening has no table; it read every unit as a statement.
  private static func readScreening(_ db: Database) throws -> [ScreeningVerdict] {
    guard try db.tableExists(ScreeningVerdictRow.databaseTableName) else { return [] }
    return try ScreeningVerdictRow.fetchAll(db, sql: "SELECT * FROM screening ORDER BY statement_id").map {
      try $0.model()
    }
  }

  /// Only what the next scan needs to keep ids stable: memberships, issued and retired ids, identity changes
  /// and action numbers. Reading the whole snapshot (statements, codes with their reasons, edges) for them
  /// was the dearest read of a scan.
  static func readIdentities(_ db: Database) throws -> SnapshotIdentities {
    var memberships: [String: String] = [:]
    for row in try MitigationMemberRow.fetchAll(db, sql: "SELECT * FROM mitigation_members") {
      memberships[row.statementID] = row.mitigationID
    }
    let ledger = IdentityLedger(
      memberships: memberships, issued: try readIssuedIDs(db), changes: try readIdentityChanges(db),
      retired: try readRetiredMitigations(db))
    return SnapshotIdentities(ledger: ledger, actionNumbers: try readActionNumbers(db))
  }

  private static func readActionNumbers(_ db: Database) throws -> [String: Int] {
    var actionNumbers: [String: Int] = [:]
    for row in try ActionNumberRow.fetchAll(db, sql: "SELECT * FROM action_numbers") {
      actionNumbers[row.statementID] = row.actionNumber
    }
    return actionNumbers
  }

  private static func readIdentityChanges(_ db: Database) throws -> [IdentityChange] {
    try IdentityChangeRow.fetchAll(db, sql: "SELECT * FROM identity_changes ORDER BY id").map {
      try $0.model()
    }
  }

  private static func readIssuedIDs(_ db: Database) throws -> [String] {
    try IssuedIDRow.fetchAll(db, sql: "SELECT * FROM issued_ids ORDER BY mitigation_id").map(\.mitigationID)
  }

  /// A snapshot written before v3-identity-history has no record of its retired ids' fates.
  private static func readRetiredMitigations(_ db: Database) throws -> [RetiredMitigation] {
    guard try db.tableExists(RetiredMitigationRow.databaseTableName) else { return [] }
    return try RetiredMitigationRow.fetchAll(
      db, sql: "SELECT * FROM retired_mitigations ORDER BY mitigation_id"
    ).map { try $0.model() }
  }
}
