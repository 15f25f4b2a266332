import GRDB
import ScanModel

/// A row of `mitigation_members`: a statement's place in a mitigation.
struct MitigationMemberRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "mitigation_members"

  var mitigationID: String
  var statementID: String
  var similarityToRepresentative: Double
  var joinedBy: String

  enum CodingKeys: String, CodingKey {
    case mitigationID = "mitigation_id"
    case statementID = "statement_id"
    case similarityToRepresentative = "similarity_to_representative"
    case joinedBy = "joined_by"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.mitigationID, mitigationID.databaseValue),
      (.statementID, statementID.databaseValue),
      (.similarityToRepresentative, similarityToRepresentative.databaseValue),
      (.joinedBy, joinedBy.databaseValue),
    ]
  }

  init(_ member: MitigationMember, mitigationID: String) {
    self.mitigationID = mitigationID
    statementID = member.statementID
    similarityToRepresentative = member.similarityToRepresentative
    joinedBy = member.joinedBy
  }

  var model: MitigationMember {
    MitigationMember(
      statementID: statementID, similarityToRepresentative: similarityToRepresentative, joinedBy: joinedBy)
  }
}
