import Foundation
import GRDB
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

/// The database as a user meets it in the sqlite3 shell or Datasette: tables, plain columns, views.
@Suite("Snapshot database schema")
struct SnapshotDatabaseTests {
  static func database() throws -> (TemporaryFolder, DatabaseQueue) {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(
      path: folder.appendingPathComponent(SnapshotFile.database.fileName).path, configuration: configuration)
    return (temporary, queue)
  }

  @Test("holds every table and view the documentation lists")
  func tables() throws {
    let (_, queue) = try Self.database()
    try queue.read { (db: Database) throws in
      let tables = try String.fetchAll(
        db,
        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      #expect(
        tables == [
          "action_numbers", "code_assignments", "code_decisions", "codes", "documents", "dropped_units",
          "edges",
          "facets", "frameworks", "grdb_migrations", "identity_changes", "issued_ids", "link_decisions",
          "mitigation_members", "mitigations", "retired_mitigations", "run", "run_dropped", "run_inputs",
          "screening", "statements", "warnings",
        ])
      let views = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
      #expect(
        views == [
          "mitigations_coded", "retired_ids", "review_pairs", "review_queue", "screening_queue",
          "statements_coded",
        ])
      #expect(
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == [
          "v1", "v2", "v3-identity-history", "v4-screening",
        ])
    }
  }

  @Test("statements carry their action id, readable section and primary code through the view")
  func statementsView() throws {
    let (_, queue) = try Self.database()
    try queue.read { (db: Database) throws in
      let row = try #require(
        try Row.fetchOne(db, sql: "SELECT * FROM statements_coded WHERE action_id = 'A0005_NIST2024'"))
      #expect(row["statement_id"] == "nist-2024:mp-4-1-001")
      #expect(row["section"] == "MAP > MAP 4.1")
      #expect(row["primary_code"] == "3.1")
      #expect(row["primary_code_name"] == "Testing & Auditing")
      #expect(row["mitigation_id"] == "M0003")
      #expect(row["needs_review"] == 0)
      let statement = try #require(
        try Row.fetchOne(db, sql: "SELECT * FROM statements WHERE id = 'nist-2024:mp-4-1-001'"))
      #expect(statement["section_path"] == #"["MAP","MAP 4.1"]"#)
      #expect(statement["fields"] == #"{"risks":"CBRN, Dangerous capabilities"}"#)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM statements_coded") == 8)
    }
  }

  @Test("the run row holds the counts as columns")
  func runRow() throws {
    let (_, queue) = try Self.database()
    try queue.read { (db: Database) throws in
      let run = try #require(try Row.fetchOne(db, sql: "SELECT * FROM run"))
      #expect(run["units_matched"] == 10)
      #expect(run["dropped"] == 2)
      #expect(run["statements"] == 8)
      #expect(run["canonical_mitigations"] == 5)
      #expect(run["tool_version"] == "0.1.0")
      let dropped = try Row.fetchAll(db, sql: "SELECT reason, units FROM run_dropped ORDER BY reason")
      #expect(dropped.map { $0["reason"] as String } == ["navigation", "too-short"])
    }
  }

  @Test("review views list what waits for a person")
  func reviewViews() throws {
    let (_, queue) = try Self.database()
    try queue.read { (db: Database) throws in
      let pairs = try Row.fetchAll(db, sql: "SELECT * FROM review_pairs")
      #expect(pairs.count == 1)
      #expect(pairs.first?["a_mitigation_id"] == "M0002")
      #expect(pairs.first?["b_mitigation_id"] == "M0001")
      let queue = try String.fetchAll(db, sql: "SELECT statement_id FROM review_queue ORDER BY statement_id")
      #expect(queue == ["example-2025:p2", "schuett-2023:1"])
      #expect(try String.fetchAll(db, sql: "SELECT mitigation_id FROM retired_ids") == ["M0006"])
      let json = try String.fetchOne(
        db, sql: "SELECT json_extract(components, '$.tfidf') FROM edges WHERE verdict = 'review'")
      #expect(json == "0.61")
    }
  }

  @Test("foreign keys hold: members point at statements, codes at the taxonomy")
  func foreignKeys() throws {
    let (_, queue) = try Self.database()
    try queue.read { (db: Database) throws in
      let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(code_assignments)")
      #expect(Set(keys.map { $0["table"] as String }) == ["statements", "codes"])
      let orphanMembers = try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM mitigation_members m LEFT JOIN statements s ON s.id = m.statement_id WHERE s.id IS NULL"
      )
      #expect(orphanMembers == 0)
    }
  }
}
