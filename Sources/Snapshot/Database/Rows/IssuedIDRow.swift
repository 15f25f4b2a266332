import GRDB

/// A row of `issued_ids`: a mitigation id that was ever issued, so that it is never reused.
struct IssuedIDRow: Decodable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "issued_ids"

  var mitigationID: String

  enum CodingKeys: String, CodingKey {
    case mitigationID = "mitigation_id"
  }

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.mitigationID)] = mitigationID
  }
}
