import GRDB
import ScanModel

/// A row of `code_decisions`: a person's code for a statement that the run applied.
struct CodeDecisionRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "code_decisions"

  var id: Int
  var statementID: String
  var facet: String
  var code: String
  var coder: String
  var rationale: String
  var date: String
  var sourceFile: String
  var sourceLine: Int?
  var sourceColumn: Int?
  var sourceElement: String?

  enum CodingKeys: String, CodingKey {
    case id, facet, code, coder, rationale, date
    case statementID = "statement_id"
    case sourceFile = "source_file"
    case sourceLine = "source_line"
    case sourceColumn = "source_column"
    case sourceElement = "source_element"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.statementID, statementID.databaseValue),
      (.facet, facet.databaseValue),
      (.code, code.databaseValue),
      (.coder, coder.databaseValue),
      (.rationale, rationale.databaseValue),
      (.date, date.databaseValue),
      (.sourceFile, sourceFile.databaseValue),
      (.sourceLine, sourceLine.databaseValue),
      (.sourceColumn, sourceColumn.databaseValue),
      (.sourceElement, sourceElement.databaseValue),
    ]
  }

  init(_ decision: CodeDecision, id: Int) {
    self.id = id
    statementID = decision.statementID
    facet = decision.facet
    code = decision.code
    coder = decision.coder
    rationale = decision.rationale
    date = decision.date
    sourceFile = decision.source.file
    sourceLine = decision.source.line
    sourceColumn = decision.source.column
    sourceElement = decision.source.element
  }

  var model: CodeDecision {
    CodeDecision(
      statementID: statementID, facet: facet, code: code, coder: coder, rationale: rationale, date: date,
      source: SourceLocation(file: sourceFile, line: sourceLine, column: sourceColumn, element: sourceElement)
    )
  }
}
