import Foundation
import GRDB
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

/// Each row type names its columns by hand for the bulk inserts; a column left out would be stored as NULL.
@Suite("Snapshot rows")
struct SnapshotRowsTests {
  @Test("every row type lists exactly its table's columns, each once")
  func columnsMatchTheSchema() throws {
    var content = SnapshotFixtures.content.canonicalized()
    // The fixture predates screening; one verdict gives the screening table a row.
    let statement = try #require(content.statements.first)
    content.screening = [
      ScreeningVerdict(
        statementID: statement.id, framework: statement.framework, decision: .include, probability: 0.9,
        threshold: 0.5, decidedBy: .model, reasons: ["cue: obligation-modal"], label: statement.label,
        locator: statement.locator, line: statement.line, text: statement.text)
    ]
    let rows = try SnapshotRows(content, index: SnapshotIndex(content))
    let queue = try DatabaseQueue()
    try SnapshotSchema.migrator.migrate(queue)
    var checked: [String] = []
    try queue.read { db in
      func check<Row: BulkRow>(_ rows: [Row]) throws {
        guard let first = rows.first else { return }
        let listed = first.databaseColumns.map { $0.0.stringValue }
        let table = Row.databaseTableName
        #expect(listed.count == Set(listed).count, "\(table) lists a column twice")
        #expect(Set(listed) == Set(try db.columns(in: table).map(\.name)), "\(table)")
        checked.append(table)
      }
      try check(rows.facets)
      try check(rows.codes)
      try check(rows.frameworks)
      try check(rows.documents)
      try check(rows.statements)
      try check(rows.actionNumbers)
      try check(rows.droppedUnits)
      try check(rows.assignments)
      try check(rows.mitigations)
      try check(rows.members)
      try check(rows.edges)
      try check(rows.codeDecisions)
      try check(rows.linkDecisions)
      try check(rows.identityChanges)
      try check(rows.issuedIDs)
      try check(rows.retiredMitigations)
      try check([rows.run])
      try check(rows.runDropped)
      try check(rows.runInputs)
      try check(rows.warnings)
      try check(rows.screening)
    }
    // Every table has rows here, so no row type goes unchecked.
    #expect(checked.count == 21, "unchecked: the fixture has no rows for some tables; checked \(checked)")
  }

  @Test("a row that refers to a missing row is refused by the database's own check, and no file is written")
  func danglingReferenceIsRefused() throws {
    let content = SnapshotFixtures.content.canonicalized()
    var rows = try SnapshotRows(content, index: SnapshotIndex(content))
    // The validator catches this before the rows are built; this is the check behind it.
    rows.members[0].statementID = "nowhere:1"
    let temporary = try TemporaryFolder()
    let url = try temporary.folder("out").appendingPathComponent("mitigations.sqlite")
    #expect {
      try SnapshotDatabase.write(rows, to: url)
    } throws: { error in
      "\(error)".contains("a row of mitigation_members refers to a missing row of statements")
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
  }
}
