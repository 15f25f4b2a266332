import GRDB
import ScanModel

/// A row of `codes`: one code of a facet, with the name and definition the run coded against.
struct CodeRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "codes"

  var facet: String
  var code: String
  var position: Int
  var name: String
  var display: String
  var definition: String
  var parent: String?
  var includes: String?
  var excludes: String?

  enum CodingKeys: String, CodingKey {
    case facet, code, position, name, display, definition, parent, includes, excludes
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.facet, facet.databaseValue),
      (.code, code.databaseValue),
      (.position, position.databaseValue),
      (.name, name.databaseValue),
      (.display, display.databaseValue),
      (.definition, definition.databaseValue),
      (.parent, parent.databaseValue),
      (.includes, includes.databaseValue),
      (.excludes, excludes.databaseValue),
    ]
  }

  init(_ code: TaxonomyFacet.Code, facet: String, position: Int) throws {
    self.facet = facet
    self.code = code.code
    self.position = position
    name = code.name
    display = code.display
    definition = code.definition
    parent = code.parent
    includes = try code.includes.map { try SnapshotJSON.text($0) }
    excludes = try code.excludes.map { try SnapshotJSON.text($0) }
  }

  func model() throws -> TaxonomyFacet.Code {
    TaxonomyFacet.Code(
      code: code, name: name, definition: definition, parent: parent,
      includes: try includes.map { try RowValue.json([String].self, $0, column: "codes.includes") },
      excludes: try excludes.map { try RowValue.json([String].self, $0, column: "codes.excludes") })
  }
}
