import GRDB
import ScanModel

/// A row of `screening`: screening's verdict on one extracted unit, kept or excluded, with the model's
/// probability, who decided and the reasons, and the unit's text so that an excluded unit can be read.
struct ScreeningVerdictRow: Decodable, FetchableRecord, PersistableRecord {
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

  /// Written by hand rather than through `Encodable`: the snapshot inserts these rows by the thousand, and
  /// the generic encoder was most of the database's writing time.
  func encode(to container: inout PersistenceContainer) {
    container[Column(CodingKeys.statementID)] = statementID
    container[Column(CodingKeys.framework)] = framework
    container[Column(CodingKeys.decision)] = decision
    container[Column(CodingKeys.probability)] = probability
    container[Column(CodingKeys.threshold)] = threshold
    container[Column(CodingKeys.decidedBy)] = decidedBy
    container[Column(CodingKeys.reasons)] = reasons
    container[Column(CodingKeys.label)] = label
    container[Column(CodingKeys.locator)] = locator
    container[Column(CodingKeys.line)] = line
    container[Column(CodingKeys.text)] = text
    container[Column(CodingKeys.keptSentences)] = keptSentences
  }

  init(_ verdict: ScreeningVerdict) throws {
    statementID = verdict.statementID
    framework = verdict.framework
    decision = verdict.decision.rawValue
    probability = verdict.probability
    threshold = verdict.threshold
    decidedBy = verdict.decidedBy.rawValue
    reasons = try SnapshotJSON.text(verdict.reasons)
    label = verdict.label
    locator = verdict.locator
    line = verdict.line
    text = verdict.text
    keptSentences = try SnapshotJSON.text(verdict.keptSentences)
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
