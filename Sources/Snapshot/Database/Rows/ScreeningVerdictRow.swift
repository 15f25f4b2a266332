import GRDB
import ScanModel

/// A row of `screening`: screening's verdict on one extracted unit, kept or excluded, with the model's
/// probability, who decided and the reasons, and the unit's text so that an excluded unit can be read.
struct ScreeningVerdictRow: Decodable, FetchableRecord, PersistableRecord, BulkRow {
  static let databaseTableName = "screening"

  var statementID: String
  var framework: String
  var decision: String
  var probability: Double
  var threshold: Double
  var decidedBy: String
  var reasons: String
  var label: String?
  var locator: String
  var line: Int
  var text: String
  var keptSentences: String

  enum CodingKeys: String, CodingKey {
    case framework, decision, probability, threshold, reasons, label, locator, line, text
    case statementID = "statement_id"
    case decidedBy = "decided_by"
    case keptSentences = "kept_sentences"
  }

  var databaseColumns: [(CodingKeys, DatabaseValue)] {
    [
      (.statementID, statementID.databaseValue),
      (.framework, framework.databaseValue),
      (.decision, decision.databaseValue),
      (.probability, probability.databaseValue),
      (.threshold, threshold.databaseValue),
      (.decidedBy, decidedBy.databaseValue),
      (.reasons, reasons.databaseValue),
      (.label, label.databaseValue),
      (.locator, locator.databaseValue),
      (.line, line.databaseValue),
      (.text, text.databaseValue),
      (.keptSentences, keptSentences.databaseValue),
    ]
  }

  init(_ verdict: ScreeningVerdict) throws {
    statementID = verdict.statementID
    framework = verdict.framework
    decision = verdict.decision.rawValue
    probability = verdict.probability
    threshold = verdict.threshold
    decidedBy = verdict.decidedBy.rawValue
    reasons = SnapshotJSON.columnText(verdict.reasons)
    label = verdict.label
    locator = verdict.locator
    line = verdict.line
    text = verdict.text
    keptSentences = SnapshotJSON.columnText(verdict.keptSentences)
  }

  func model() throws -> ScreeningVerdict {
    ScreeningVerdict(
      statementID: statementID, framework: framework,
      decision: try RowValue.enumeration(decision, column: "screening.decision"), probability: probability,
      threshold: threshold, decidedBy: try RowValue.enumeration(decidedBy, column: "screening.decided_by"),
      reasons: try RowValue.json([String].self, reasons, column: "screening.reasons"), label: label,
      locator: locator, line: line, text: text,
      keptSentences: try RowValue.json([String].self, keptSentences, column: "screening.kept_sentences"))
  }
}
