import GRDB
import ScanModel

/// A row of `identity_changes`: what happened to a mitigation id since the previous snapshot.
struct IdentityChangeRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "identity_changes"

  var id: Int
  var kind: String
  var mitigationID: String
  var fromIDs: String

  enum CodingKeys: String, CodingKey {
    case id, kind
    case mitigationID = "mitigation_id"
    case fromIDs = "from_ids"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.kind, kind.databaseValue),
      (.mitigationID, mitigationID.databaseValue),
      (.fromIDs, fromIDs.databaseValue),
    ]
  }

  init(_ change: IdentityChange, id: Int) throws {
    self.id = id
    kind = change.kind.rawValue
    mitigationID = change.mitigationID
    fromIDs = SnapshotJSON.columnText(change.from)
  }

  func model() throws -> IdentityChange {
    IdentityChange(
      kind: try RowValue.enumeration(kind, column: "identity_changes.kind"), mitigationID: mitigationID,
      from: try RowValue.json([String].self, fromIDs, column: "identity_changes.from_ids"))
  }
}
