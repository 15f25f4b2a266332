import Foundation
import GRDB
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("Snapshot reader")
struct SnapshotReaderTests {
  @Test("write then read gives the same content", arguments: SnapshotFixtures.allNames)
  func roundTrip(fixture: String) throws {
    let content = try SnapshotFixtures.named(fixture)
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(content, to: folder)
    let read = try SnapshotReader().read(from: folder)
    #expect(read == content.canonicalized())
    #expect(read.canonicalized() == read)
  }

  @Test("the canonical form of the built-in fixture keeps every value and orders by key")
  func canonicalForm() {
    let canonical = SnapshotFixtures.content.canonicalized()
    #expect(canonical.assignments.count == SnapshotFixtures.content.assignments.count)
    #expect(canonical.assignments.prefix(3).map(\.facet) == ["actor", "lifecycle", "mitigation"])
    #expect(canonical.taxonomy == SnapshotFixtures.content.taxonomy)
    #expect(canonical.warnings == SnapshotFixtures.content.warnings)
  }

  @Test("a snapshot read back keeps action numbers of statements that left the scan")
  func retiredActionNumbers() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let read = try SnapshotReader().read(from: folder)
    #expect(read.actionNumbers["schuett-2023:retired-unit"] == 9)
    #expect(read.identityLedger.memberships["nist-2024:gv-1-1-001"] == "M0004")
    #expect(read.identityLedger.issued.last == "M0006")
  }

  @Test("the ids read alone are the ids of the whole snapshot", arguments: SnapshotFixtures.allNames)
  func identitiesAlone(fixture: String) throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(try SnapshotFixtures.named(fixture), to: folder)
    let whole = try SnapshotReader().read(from: folder)
    let identities = try SnapshotReader().readIdentities(from: folder)
    #expect(identities.ledger == whole.identityLedger)
    #expect(identities.actionNumbers == whole.actionNumbers)
  }

  @Test("the shipped snapshot's ids, retired ones with their fates, read alone as in the whole")
  func shippedIdentitiesAlone() throws {
    let output = PackagePaths.root.appendingPathComponent("output")
    let whole = try SnapshotReader().read(from: output)
    let identities = try SnapshotReader().readIdentities(from: output)
    #expect(!identities.ledger.retired.isEmpty && !identities.ledger.changes.isEmpty)
    #expect(identities.ledger.memberships.count == whole.statements.count)
    #expect(identities.ledger == whole.identityLedger)
    #expect(identities.actionNumbers == whole.actionNumbers)
  }

  @Test("a folder without a snapshot database is not a snapshot")
  func notASnapshot() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("empty")
    #expect(!SnapshotReader.containsSnapshot(at: folder))
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == folder.path)
    #expect(error.message.contains("is not an evscan snapshot"))
    #expect(error.message.contains("evscan scan"))
  }

  @Test("a folder that does not exist is named")
  func missingFolder() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.url.appendingPathComponent("nope")
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == folder.path)
  }

  @Test("a file that is not a database says so")
  func notADatabase() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("garbage")
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    try Data(String(repeating: "this is not SQLite at all. ", count: 200).utf8).write(to: database)
    #expect(SnapshotReader.containsSnapshot(at: folder))
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == database.path)
    #expect(error.message.contains("file is not a database"))
    #expect(error.message.contains("evscan scan"))
  }

  @Test("a damaged database is reported as damaged")
  func damagedDatabase() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("damaged")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    var bytes = try Data(contentsOf: database)
    // Overwrite the second page onward (table b-trees) while keeping the header valid.
    for offset in 4096..<min(bytes.count, 4096 * 6) { bytes[offset] = 0xA5 }
    try bytes.write(to: database)
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == database.path)
    #expect(error.message.contains("damaged"))
  }

  @Test("a truncated database is reported as damaged")
  func truncatedDatabase() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("truncated")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let bytes = try Data(contentsOf: database)
    try bytes.prefix(bytes.count / 2).write(to: database)
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == database.path)
    #expect(error.message.contains("damaged") || error.message.contains("not a SQLite database"))
  }

  @Test("another program's SQLite database is not a snapshot")
  func foreignDatabase() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("foreign")
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let queue = try DatabaseQueue(path: database.path)
    try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
    try queue.close()
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.message.contains("not an evscan snapshot"))
  }

  /// A snapshot written before statements kept their PDF page (schema v1) is what the next scan reads for
  /// its ids: it must still be read, its statements without a page.
  @Test("a snapshot of the first schema is read, its statements without a page")
  func olderSchema() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("older")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let queue = try DatabaseQueue(path: database.path)
    try queue.write { db in
      try db.execute(
        sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3-identity-history', 'v4-screening')")
      try db.execute(sql: "DROP TABLE retired_mitigations")
      try db.execute(sql: "DROP VIEW screening_queue")
      try db.execute(sql: "DROP TABLE screening")
      for column in ["page", "page_top", "page_left"] {
        try db.execute(sql: "ALTER TABLE statements DROP COLUMN \(column)")
      }
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    try queue.close()
    let content = try SnapshotReader().read(from: folder)
    #expect(content.statements.count == SnapshotFixtures.content.statements.count)
    #expect(content.statements.allSatisfy { $0.page == nil })
    // Written before the fates of retired ids were kept and before screening: none to read, the issued ids
    // all there.
    #expect(content.retiredMitigations.isEmpty)
    #expect(content.issuedMitigationIDs == SnapshotFixtures.content.issuedMitigationIDs)
    #expect(content.screening.isEmpty)
  }

  @Test("a schema from a newer evscan is refused with a request to upgrade")
  func newerSchema() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("newer")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let queue = try DatabaseQueue(path: database.path)
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(SnapshotSchema.version + 1)')")
      try db.execute(sql: "ALTER TABLE statements ADD COLUMN language TEXT")
      try db.execute(sql: "PRAGMA user_version = \(SnapshotSchema.version + 1)")
    }
    try queue.close()
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.location.file == database.path)
    #expect(error.message.contains("newer evscan"))
    #expect(error.message.contains("upgrade evscan"))
  }

  @Test("a table edited by hand so that a value no longer decodes is reported as damaged")
  func editedByHand() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("edited")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let database = folder.appendingPathComponent(SnapshotFile.database.fileName)
    let queue = try DatabaseQueue(path: database.path)
    try queue.write { db in
      try db.execute(
        sql: "UPDATE code_assignments SET method = 'guesswork' WHERE statement_id = 'schuett-2023:1'")
    }
    try queue.close()
    let error = try #require(throws: InputError.self) { try SnapshotReader().read(from: folder) }
    #expect(error.message.contains("damaged or was edited by hand"))
    #expect(error.message.contains("code_assignments.method"))
    #expect(error.message.contains("guesswork"))
  }

  @Test("the database file itself is accepted in place of its folder")
  func databasePath() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let read = try SnapshotReader().read(from: folder.appendingPathComponent(SnapshotFile.database.fileName))
    #expect(read.mitigations.count == 5)
  }
}
