import CSVInput
import Foundation
import ScanModel

/// Reads decisions/merges.csv: people's must-link and cannot-link decisions about pairs of statements.
///
/// The header is required and names the columns `a`, `b`, `decision`, `reason` and `coder`, in any order,
/// and may have a `date` column (YYYY-MM-DD, which `evscan review` writes; empty on older lines) and a
/// `reconciles` column: on a row that settles two coders' disagreement about a pair, their names joined by
/// `+`. Such rows are the decision for their pair; the coders' own rows stay in the file, for `evscan
/// agreement`, and no longer apply.
/// `decision` is `must-link` or `cannot-link`; every field is required, because the reason and the coder are
/// what an audit reads. Whether the ids exist is checked when the decisions are applied, against the
/// statements of that run.
public enum MergeDecisionsReader {
  public static let columns = ["a", "b", "decision", "reason", "coder"]
  /// Columns a file may have besides `columns`.
  public static let optionalColumns = ["date", DecisionReconciliation.column]

  /// Reads the file at `path`; a missing file is an error (pass no decisions instead). `name` (the path by
  /// default) is how errors and each decision's location name the file.
  public static func load(path: String, name: String? = nil) throws -> [LinkDecision] {
    let file = name ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: file, "cannot read the merge decisions; check the path")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: file, "the merge decisions are not UTF-8 text; save the file as UTF-8 CSV")
    }
    return try parse(text, file: file)
  }

  /// Parses merge decisions; `file` names the source in errors and in each decision's location. The CSV
  /// itself is read by the project's `CSVTable` (CSV.swift underneath), which reports the line each record
  /// starts on; this reader checks the columns and the values.
  public static func parse(_ text: String, file: String) throws -> [LinkDecision] {
    guard text.contains(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else {
      throw InputError(
        file: file, line: 1, "the file is empty; it needs the header `\(columns.joined(separator: ","))`")
    }
    let table = try CSVTable.parse(text, file: file)
    let names = table.header.map { $0.lowercased() }
    var position: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard columns.contains(name) || optionalColumns.contains(name) else {
        throw InputError(
          file: file, line: 1,
          "unknown column `\(name)`; the columns are "
            + (columns + optionalColumns).map { "`\($0)`" }.joined(separator: ", "))
      }
      guard position[name] == nil else {
        throw InputError(file: file, line: 1, "the column `\(name)` appears twice")
      }
      position[name] = index
    }
    let missing = columns.filter { position[$0] == nil }
    guard missing.isEmpty else {
      throw InputError(
        file: file, line: 1,
        "the header lacks \(missing.map { "`\($0)`" }.joined(separator: ", ")); it needs "
          + columns.joined(separator: ","))
    }

    var decisions: [(decision: LinkDecision, item: String, reconciles: Bool)] = []
    for record in table.rows {
      guard record.fields.count == names.count else {
        throw InputError(
          file: file, line: record.line,
          "\(record.fields.count) fields where the header has \(names.count); quote fields that contain commas"
        )
      }
      func value(_ column: String) -> String {
        record[position[column] ?? 0]
      }
      for column in columns where value(column).isEmpty {
        throw InputError(file: file, line: record.line, "the `\(column)` field is empty")
      }
      if let datePosition = position["date"], !record[datePosition].isEmpty,
        record[datePosition].wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) == nil
      {
        throw InputError(
          file: file, line: record.line, "the date `\(record[datePosition])` is not YYYY-MM-DD")
      }
      let a = value("a")
      let b = value("b")
      guard a != b else {
        throw InputError(file: file, line: record.line, "`\(a)` is linked with itself")
      }
      guard let kind = LinkDecision.Kind(rawValue: value("decision").lowercased()) else {
        throw InputError(
          file: file, line: record.line,
          "unknown decision `\(value("decision"))`; write `must-link` or `cannot-link`")
      }
      let decision = LinkDecision(
        a: min(a, b), b: max(a, b), kind: kind, reason: value("reason"), coder: value("coder"),
        source: SourceLocation(file: file, line: record.line))
      let reconciles = position[DecisionReconciliation.column].map { !record[$0].isEmpty } ?? false
      decisions.append((decision, "\(decision.a)\u{1F}\(decision.b)", reconciles))
    }
    return DecisionReconciliation.applying(decisions)
  }
}
