import GRDB
import ScanModel

/// A row of `facets`: one coding scheme the run used.
struct FacetRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "facets"

  var facet: String
  var position: Int
  var name: String
  var version: String
  var source: String
  var cardinality: String

  enum CodingKeys: String, CodingKey {
    case facet, position, name, version, source, cardinality
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.facet, facet.databaseValue),
      (.position, position.databaseValue),
      (.name, name.databaseValue),
      (.version, version.databaseValue),
      (.source, source.databaseValue),
      (.cardinality, cardinality.databaseValue),
    ]
  }

  init(_ facet: TaxonomyFacet, position: Int) {
    self.facet = facet.facet
    self.position = position
    name = facet.name
    version = facet.version
    source = facet.source
    cardinality = facet.cardinality.rawValue
  }

  func model(codes: [TaxonomyFacet.Code]) throws -> TaxonomyFacet {
    TaxonomyFacet(
      facet: facet, name: name, version: version, source: source,
      cardinality: try RowValue.enumeration(cardinality, column: "facets.cardinality"), codes: codes)
  }
}
