import GRDB
import ScanModel

/// A row of `link_decisions`: a person's must-link or cannot-link that the run applied.
struct LinkDecisionRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "link_decisions"

  var id: Int
  var a: String
  var b: String
  var kind: String
  var reason: String
  var coder: String
  var sourceFile: String
  var sourceLine: Int?
  var sourceColumn: Int?
  var sourceElement: String?

  enum CodingKeys: String, CodingKey {
    case id, a, b, kind, reason, coder
    case sourceFile = "source_file"
    case sourceLine = "source_line"
    case sourceColumn = "source_column"
    case sourceElement = "source_element"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.a, a.databaseValue),
      (.b, b.databaseValue),
      (.kind, kind.databaseValue),
      (.reason, reason.databaseValue),
      (.coder, coder.databaseValue),
      (.sourceFile, sourceFile.databaseValue),
      (.sourceLine, sourceLine.databaseValue),
      (.sourceColumn, sourceColumn.databaseValue),
      (.sourceElement, sourceElement.databaseValue),
    ]
  }

  init(_ decision: LinkDecision, id: Int) {
    self.id = id
    a = decision.a
    b = decision.b
    kind = decision.kind.rawValue
    reason = decision.reason
    coder = decision.coder
    sourceFile = decision.source.file
    sourceLine = decision.source.line
    sourceColumn = decision.source.column
    sourceElement = decision.source.element
  }

  func model() throws -> LinkDecision {
    LinkDecision(
      a: a, b: b, kind: try RowValue.enumeration(kind, column: "link_decisions.kind"), reason: reason,
      coder: coder,
      source: SourceLocation(file: sourceFile, line: sourceLine, column: sourceColumn, element: sourceElement)
    )
  }
}
