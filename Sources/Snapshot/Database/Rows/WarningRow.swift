import GRDB
import ScanModel

/// A row of `warnings`: something the run noticed and went on past, in the order it was met.
struct WarningRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "warnings"

  var id: Int
  var severity: String
  var sourceFile: String
  var sourceLine: Int?
  var sourceColumn: Int?
  var sourceElement: String?
  var message: String

  enum CodingKeys: String, CodingKey {
    case id, severity, message
    case sourceFile = "source_file"
    case sourceLine = "source_line"
    case sourceColumn = "source_column"
    case sourceElement = "source_element"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.severity, severity.databaseValue),
      (.sourceFile, sourceFile.databaseValue),
      (.sourceLine, sourceLine.databaseValue),
      (.sourceColumn, sourceColumn.databaseValue),
      (.sourceElement, sourceElement.databaseValue),
      (.message, message.databaseValue),
    ]
  }

  init(_ warning: ScanDiagnostic, id: Int) {
    self.id = id
    severity = warning.severity.rawValue
    sourceFile = warning.location.file
    sourceLine = warning.location.line
    sourceColumn = warning.location.column
    sourceElement = warning.location.element
    message = warning.message
  }

  func model() throws -> ScanDiagnostic {
    ScanDiagnostic(
      severity: try RowValue.enumeration(severity, column: "warnings.severity"),
      location: SourceLocation(
        file: sourceFile, line: sourceLine, column: sourceColumn, element: sourceElement),
      message: message)
  }
}
