import GRDB
import ScanModel

/// A row of `mitigations`: a canonical mitigation; its members are rows of `mitigation_members`.
struct MitigationRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "mitigations"

  var id: String
  var name: String
  var definition: String
  var representativeStatementID: String
  var primaryCode: String?
  var sources: String
  var frameworkCount: Int
  var memberCount: Int

  enum CodingKeys: String, CodingKey {
    case id, name, definition, sources
    case representativeStatementID = "representative_statement_id"
    case primaryCode = "primary_code"
    case frameworkCount = "framework_count"
    case memberCount = "member_count"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.name, name.databaseValue),
      (.definition, definition.databaseValue),
      (.representativeStatementID, representativeStatementID.databaseValue),
      (.primaryCode, primaryCode.databaseValue),
      (.sources, sources.databaseValue),
      (.frameworkCount, frameworkCount.databaseValue),
      (.memberCount, memberCount.databaseValue),
    ]
  }

  init(_ mitigation: Mitigation) throws {
    id = mitigation.id
    name = mitigation.name
    definition = mitigation.definition
    representativeStatementID = mitigation.representativeStatementID
    primaryCode = mitigation.primaryCode
    sources = SnapshotJSON.columnText(mitigation.sources)
    frameworkCount = Set(mitigation.sources).count
    memberCount = mitigation.members.count
  }

  func model(members: [MitigationMember]) throws -> Mitigation {
    Mitigation(
      id: id, name: name, definition: definition, representativeStatementID: representativeStatementID,
      primaryCode: primaryCode,
      sources: try RowValue.json([String].self, sources, column: "mitigations.sources"), members: members)
  }
}
