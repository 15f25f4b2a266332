import CSVInput
import Foundation
import ScanModel
import Screening

/// Reads decisions/screening.csv: people's include/exclude decisions on units, which win over the screening
/// model and the recipe. Columns: `unit` (the statement id extraction gives it), `decision` (`include` or
/// `exclude`), `coder`, `reason`, `date` (YYYY-MM-DD). Read the way decisions/codes.csv is: a missing file
/// means no decisions, a row naming an unknown unit is an error.
public struct ScreeningDecisionReader {
  public init() {}

  public func read(path: String, name: String? = nil, knownUnits: Set<String>) throws -> [ScreeningDecision] {
    guard let table = try DecisionFile.screening.table(path: path, name: name) else { return [] }
    let unit = try table.requiredColumn("unit", "statement")
    let decision = try table.requiredColumn("decision")
    let coder = try table.requiredColumn("coder")
    let reason = try table.requiredColumn("reason")
    let date = try table.requiredColumn("date")
    var decisions: [ScreeningDecision] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      let location = SourceLocation(file: table.file, line: row.line)
      let id = row[unit]
      guard knownUnits.contains(id) else {
        throw InputError(
          location,
          "no extracted unit has the id `\(id)`; `evscan extract` lists the ids (they changed if the document "
            + "did)")
      }
      guard let verdict = ScreeningVerdict.Decision(rawValue: row[decision]) else {
        throw InputError(location, "the decision `\(row[decision])` is neither `include` nor `exclude`")
      }
      guard !row[coder].isEmpty, !row[reason].isEmpty else {
        throw InputError(location, "a decision needs a coder and a reason, so that others can audit it")
      }
      guard CodeDecisionReader.isDate(row[date]) else {
        throw InputError(location, "the date `\(row[date])` is not YYYY-MM-DD")
      }
      if let first = seen[id] {
        throw InputError(location, "unit `\(id)` has a decision on line \(first) already; keep one")
      }
      seen[id] = row.line
      decisions.append(
        ScreeningDecision(
          statementID: id, decision: verdict, coder: row[coder], reason: row[reason], date: row[date],
          source: location))
    }
    return decisions
  }
}
