import GRDB
import ScanModel

/// A row of `statements`: a statement with its public action id and its provenance.
struct StatementRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "statements"

  var id: String
  var actionNumber: Int
  var actionID: String
  var framework: String
  var label: String?
  var title: String?
  var actionName: String
  var sectionPath: String
  var section: String
  var text: String
  var locator: String
  var line: Int
  var sourceSHA256: String
  var rule: String
  var fields: String
  var page: Int?
  var pageTop: Int?
  var pageLeft: Int?

  enum CodingKeys: String, CodingKey {
    case id, framework, label, title, section, text, locator, line, rule, fields
    case actionNumber = "action_number"
    case actionID = "action_id"
    case actionName = "action_name"
    case sectionPath = "section_path"
    case sourceSHA256 = "source_sha256"
    case page
    case pageTop = "page_top"
    case pageLeft = "page_left"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.actionNumber, actionNumber.databaseValue),
      (.actionID, actionID.databaseValue),
      (.framework, framework.databaseValue),
      (.label, label.databaseValue),
      (.title, title.databaseValue),
      (.actionName, actionName.databaseValue),
      (.sectionPath, sectionPath.databaseValue),
      (.section, section.databaseValue),
      (.text, text.databaseValue),
      (.locator, locator.databaseValue),
      (.line, line.databaseValue),
      (.sourceSHA256, sourceSHA256.databaseValue),
      (.rule, rule.databaseValue),
      (.fields, fields.databaseValue),
      (.page, page.databaseValue),
      (.pageTop, pageTop.databaseValue),
      (.pageLeft, pageLeft.databaseValue),
    ]
  }

  /// The separator of the readable `section` column; the JSON `section_path` is the exact value.
  static let sectionSeparator = " > "

  init(_ statement: ScanModel.Statement, actionNumber: Int, actionID: String, actionName: String) throws {
    id = statement.id
    self.actionNumber = actionNumber
    self.actionID = actionID
    framework = statement.framework
    label = statement.label
    title = statement.title
    self.actionName = actionName
    sectionPath = SnapshotJSON.columnText(statement.sectionPath)
    section = statement.sectionPath.joined(separator: Self.sectionSeparator)
    text = statement.text
    locator = statement.locator
    line = statement.line
    sourceSHA256 = statement.sourceSHA256
    rule = statement.rule
    fields = try SnapshotJSON.text(statement.fields)
    page = statement.page?.number
    pageTop = statement.page?.top
    pageLeft = statement.page?.left
  }

  func model() throws -> ScanModel.Statement {
    ScanModel.Statement(
      id: id, framework: framework, label: label, title: title,
      sectionPath: try RowValue.json([String].self, sectionPath, column: "statements.section_path"),
      text: text, locator: locator, line: line, sourceSHA256: sourceSHA256, rule: rule,
      fields: try RowValue.json([String: String].self, fields, column: "statements.fields"),
      page: page.map { PagePosition(number: $0, top: pageTop ?? 0, left: pageLeft ?? 0) })
  }
}
