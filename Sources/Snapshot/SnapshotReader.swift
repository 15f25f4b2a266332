import Foundation
import GRDB
import ScanModel

/// Reads a snapshot folder back into the content it was written from, for `explain`, `diff`, the
/// staleness check and the next run's stable ids. The database is the source of truth; the other files
/// are renderings of it.
///
/// Before trusting a file the reader checks that it is a SQLite database, that it is ours
/// (`application_id`), that it is whole (`PRAGMA integrity_check`), and that no newer evscan wrote it.
public struct SnapshotReader: Sendable {
  public init() {}

  /// True when `folder` holds a snapshot database (which may still turn out to be damaged).
  public static func containsSnapshot(at folder: URL) -> Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent(SnapshotFile.database.fileName).path)
  }

  /// - Parameter folder: the snapshot folder; its `mitigations.sqlite` is accepted too.
  public func read(from folder: URL) throws -> SnapshotContent {
    try reading(folder, SnapshotDatabase.read)
  }

  /// The ids a snapshot has issued and what became of them, with the same checks as `read(from:)`: what
  /// the next scan needs to keep mitigation and action ids stable.
  public func readIdentities(from folder: URL) throws -> SnapshotIdentities {
    try reading(folder, SnapshotDatabase.readIdentities)
  }

  /// Opens the snapshot database read-only, checks that it is a whole evscan snapshot this evscan can read,
  /// and runs `body` on it, turning every failure into an error that says what to do.
  private func reading<Value>(_ folder: URL, _ body: (Database) throws -> Value) throws -> Value {
    if folder.lastPathComponent == SnapshotFile.database.fileName {
      return try reading(folder.deletingLastPathComponent(), body)
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw InputError(
        file: folder.path,
        "there is no snapshot folder here; give the folder `evscan scan` wrote (output/ by default)")
    }
    let url = folder.appendingPathComponent(SnapshotFile.database.fileName)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw InputError(
        file: folder.path,
        "is not an evscan snapshot: it has no \(SnapshotFile.database.fileName); give the folder "
          + "`evscan scan` wrote (output/ by default), or run `evscan scan` to make one")
    }
    let path = url.path
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      return try queue.read { db in
        try Self.checkIdentity(db, path: path)
        try Self.checkIntegrity(db, path: path)
        try Self.checkVersion(db, path: path)
        do {
          return try body(db)
        } catch let mismatch as RowValue.Mismatch {
          throw InputError(file: path, "\(Self.damaged): \(mismatch)")
        }
      }
    } catch let error as InputError {
      throw error
    } catch let error as DatabaseError {
      throw Self.inputError(error, path: path)
    } catch {
      // Row decoding errors and the like: the tables are not what this schema version wrote.
      throw InputError(file: path, "\(Self.damaged): \(error); \(Self.regenerate)")
    }
  }

  static let damaged = "the snapshot database is damaged or was edited by hand"
  static let regenerate = "regenerate it with `evscan scan`, or restore it from version control"

  private static func checkIdentity(_ db: Database, path: String) throws {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    guard applicationID == SnapshotSchema.applicationID else {
      throw InputError(
        file: path,
        "is a SQLite database but not an evscan snapshot (its application_id is \(applicationID)); "
          + "give the folder `evscan scan` wrote")
    }
  }

  private static func checkIntegrity(_ db: Database, path: String) throws {
    let results = try String.fetchAll(db, sql: "PRAGMA integrity_check")
    guard results == ["ok"] else {
      let detail = results.prefix(3).joined(separator: "; ")
      throw InputError(file: path, "\(damaged): the integrity check failed (\(detail)); \(regenerate)")
    }
  }

  private static func checkVersion(_ db: Database, path: String) throws {
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let migrator = SnapshotSchema.migrator
    let superseded = try migrator.hasBeenSuperseded(db)
    if version > SnapshotSchema.version || superseded {
      throw InputError(
        file: path,
        "was written by a newer evscan (schema version \(version); this evscan reads up to version "
          + "\(SnapshotSchema.version)); upgrade evscan to read it")
    }
    let applied = try migrator.appliedIdentifiers(db)
    // An older snapshot holds the first migrations only; its rows read with the later columns empty.
    let known = SnapshotSchema.migrationIdentifiers
    let isPrefix = (0...known.count).contains { Set(known.prefix($0)) == applied }
    guard isPrefix, !applied.isEmpty else {
      throw InputError(
        file: path,
        "has an incomplete schema (migrations \(applied.sorted().joined(separator: ", ")) of "
          + "\(SnapshotSchema.migrationIdentifiers.joined(separator: ", "))); \(regenerate)")
    }
  }

  private static func inputError(_ error: DatabaseError, path: String) -> InputError {
    switch error.resultCode {
    case .SQLITE_NOTADB:
      return InputError(file: path, "is not a SQLite database (file is not a database); \(regenerate)")
    case .SQLITE_CORRUPT:
      return InputError(
        file: path, "\(damaged) (\(error.message ?? "database disk image is malformed")); \(regenerate)")
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return InputError(file: path, "cannot open the snapshot database; check that it is readable")
    case .SQLITE_ERROR:
      return InputError(file: path, "\(damaged): \(error.message ?? "\(error)"); \(regenerate)")
    default:
      return InputError(file: path, "cannot read the snapshot database: \(error.message ?? "\(error)")")
    }
  }
}
