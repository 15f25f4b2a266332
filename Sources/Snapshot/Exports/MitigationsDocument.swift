import Foundation
import ScanModel

/// `mitigations.json`: the canonical mitigations with their members, for people and programs that want
/// the merged view without SQL.
struct MitigationsDocument: Encodable {
  struct Entry: Encodable {
    var id: String
    var name: String
    var definition: String
    var primaryCode: String?
    var primaryCodeName: String?
    var representativeStatementID: String
    var sources: [String]
    var members: [Member]
  }

  struct Member: Encodable {
    var statementID: String
    var actionID: String?
    var framework: String
    var sourceName: String
    var text: String
    var similarityToRepresentative: Double
    var joinedBy: String
    /// Facet id to codes, best first.
    var codes: [String: [String]]
  }

  var toolVersion: String
  var taxonomyVersion: String
  var mitigations: [Entry]

  init(_ index: SnapshotIndex) {
    toolVersion = index.content.run.toolVersion
    taxonomyVersion = index.content.run.taxonomyVersion
    mitigations = index.content.mitigations.map { mitigation in
      Entry(
        id: mitigation.id, name: mitigation.name, definition: mitigation.definition,
        primaryCode: mitigation.primaryCode,
        primaryCodeName: mitigation.primaryCode.flatMap { index.code($0, facet: index.primaryFacet)?.name },
        representativeStatementID: mitigation.representativeStatementID, sources: mitigation.sources,
        members: mitigation.members.map { member in
          let statement = index.statements[member.statementID]
          let framework = statement?.framework ?? ""
          return Member(
            statementID: member.statementID, actionID: index.actionID(of: member.statementID),
            framework: framework, sourceName: index.sourceName(ofFramework: framework),
            text: statement?.text ?? "", similarityToRepresentative: member.similarityToRepresentative,
            joinedBy: member.joinedBy,
            codes: Dictionary(grouping: index.assignments[member.statementID] ?? [], by: \.facet)
              .mapValues { $0.map(\.code) })
        })
    }
  }

  static func render(_ index: SnapshotIndex) throws -> Data {
    try SnapshotJSON.encode(MitigationsDocument(index))
  }
}
