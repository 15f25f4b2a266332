import GRDB
import ScanModel

/// A row of `mitigation_members`: a statement's place in a mitigation.
struct MitigationMemberRow: Decodable, FetchableRecord, PersistableRecord {
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

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.mitigationID)] = mitigationID
    container[Column(CodingKeys.statementID)] = statementID
    container[Column(CodingKeys.similarityToRepresentative)] = similarityToRepresentative
    container[Column(CodingKeys.joinedBy)] = joinedBy
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
