import CSVInput
import Foundation
import ScanModel

/// Reads decisions/codes.csv: people's codes for statements, which win over the machine's.
/// Columns: `statement`, `facet`, `code`, `coder`, `rationale`, `date` (YYYY-MM-DD).
public struct CodeDecisionReader {
  public init() {}

  /// - Parameters:
  ///   - knownStatements: the ids of this run's statements; a decision naming another is an error.
  ///   - name: how errors and each decision's location name the file (the path by default); the scan passes
  ///     a path relative to the project, so that the snapshot does not depend on where it was checked out.
  public func read(path: String, name: String? = nil, knownStatements: Set<String>) throws -> [CodeDecision] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let table = try CSVTable.read(path: path, name: name)
    let statement = try table.requiredColumn("statement", "statement id")
    let facet = try table.requiredColumn("facet")
    let code = try table.requiredColumn("code")
    let coder = try table.requiredColumn("coder")
    let rationale = try table.requiredColumn("rationale")
    let date = try table.requiredColumn("date")
    var decisions: [CodeDecision] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      let location = SourceLocation(file: table.file, line: row.line)
      let id = row[statement]
      guard knownStatements.contains(id) else {
        throw InputError(
          location,
          "no statement has the id `\(id)`; `evscan extract` lists the ids (they changed if the document did)"
        )
      }
      guard !row[coder].isEmpty, !row[rationale].isEmpty else {
        throw InputError(location, "a decision needs a coder and a rationale, so that others can audit it")
      }
      guard Self.isDate(row[date]) else {
        throw InputError(location, "the date `\(row[date])` is not YYYY-MM-DD")
      }
      let key = "\(id)\u{1F}\(row[facet])\u{1F}\(row[code])"
      if let first = seen[key] {
        throw InputError(location, "the same decision is on line \(first) already")
      }
      seen[key] = row.line
      decisions.append(
        CodeDecision(
          statementID: id, facet: row[facet], code: row[code], coder: row[coder], rationale: row[rationale],
          date: row[date], source: location))
    }
    return decisions
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }
}
