import GRDB
import ScanModel

/// A row of `statements`: a statement with its public action id and its provenance.
struct StatementRow: Decodable, FetchableRecord, PersistableRecord {
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

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.id)] = id
    container[Column(CodingKeys.actionNumber)] = actionNumber
    container[Column(CodingKeys.actionID)] = actionID
    container[Column(CodingKeys.framework)] = framework
    container[Column(CodingKeys.label)] = label
    container[Column(CodingKeys.title)] = title
    container[Column(CodingKeys.actionName)] = actionName
    container[Column(CodingKeys.sectionPath)] = sectionPath
    container[Column(CodingKeys.section)] = section
    container[Column(CodingKeys.text)] = text
    container[Column(CodingKeys.locator)] = locator
    container[Column(CodingKeys.line)] = line
    container[Column(CodingKeys.sourceSHA256)] = sourceSHA256
    container[Column(CodingKeys.rule)] = rule
    container[Column(CodingKeys.fields)] = fields
    container[Column(CodingKeys.page)] = page
    container[Column(CodingKeys.pageTop)] = pageTop
    container[Column(CodingKeys.pageLeft)] = pageLeft
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
    sectionPath = try SnapshotJSON.text(statement.sectionPath)
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
