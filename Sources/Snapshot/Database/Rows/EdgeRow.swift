import GRDB
import ScanModel

/// A row of `edges`: a scored pair of statements that merged or that a person should look at.
struct EdgeRow: Decodable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "edges"

  var a: String
  var b: String
  var score: Double
  var components: String
  var verdict: String
  var reason: String

  enum CodingKeys: String, CodingKey {
    case a, b, score, components, verdict, reason
  }

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.a)] = a
    container[Column(CodingKeys.b)] = b
    container[Column(CodingKeys.score)] = score
    container[Column(CodingKeys.components)] = components
    container[Column(CodingKeys.verdict)] = verdict
    container[Column(CodingKeys.reason)] = reason
  }

  init(_ edge: SimilarityEdge) throws {
    a = edge.a
    b = edge.b
    score = edge.score
    components = try SnapshotJSON.text(edge.components)
    verdict = edge.verdict.rawValue
    reason = edge.reason
  }

  func model() throws -> SimilarityEdge {
    SimilarityEdge(
      a: a, b: b, score: score,
      components: try RowValue.json([String: Double].self, components, column: "edges.components"),
      verdict: try RowValue.enumeration(verdict, column: "edges.verdict"), reason: reason)
  }
}
