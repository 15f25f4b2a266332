import GRDB
import ScanModel

/// A row of `dropped_units`: a unit a recipe selected that did not become a statement, and why.
struct DroppedUnitRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "dropped_units"

  var id: Int
  var framework: String
  var reason: String
  var detail: String
  var excerpt: String
  var locator: String
  var line: Int
  var rule: String

  enum CodingKeys: String, CodingKey {
    case id, framework, reason, detail, excerpt, locator, line, rule
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.id, id.databaseValue),
      (.framework, framework.databaseValue),
      (.reason, reason.databaseValue),
      (.detail, detail.databaseValue),
      (.excerpt, excerpt.databaseValue),
      (.locator, locator.databaseValue),
      (.line, line.databaseValue),
      (.rule, rule.databaseValue),
    ]
  }

  init(_ unit: DroppedUnit, id: Int) {
    self.id = id
    framework = unit.framework
    reason = unit.reason.rawValue
    detail = unit.detail
    excerpt = unit.excerpt
    locator = unit.locator
    line = unit.line
    rule = unit.rule
  }

  func model() throws -> DroppedUnit {
    DroppedUnit(
      framework: framework, reason: try RowValue.enumeration(reason, column: "dropped_units.reason"),
      detail: detail, excerpt: excerpt, locator: locator, line: line, rule: rule)
  }
}
