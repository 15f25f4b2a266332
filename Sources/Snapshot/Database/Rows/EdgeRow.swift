import GRDB
import ScanModel

/// A row of `edges`: a scored pair of statements that merged or that a person should look at.
struct EdgeRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
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

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.a, a.databaseValue),
      (.b, b.databaseValue),
      (.score, score.databaseValue),
      (.components, components.databaseValue),
      (.verdict, verdict.databaseValue),
      (.reason, reason.databaseValue),
    ]
  }

  init(_ edge: SimilarityEdge) throws {
    a = edge.a
    b = edge.b
    score = edge.score
    components = SnapshotJSON.columnText(edge.components)
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
