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
  static let optionalColumns = ["date", DecisionReconciliation.column]

  /// Reads the file at `path` a user named (`evscan dedupe --decisions`); a missing file is an error (pass no
  /// decisions instead). `name` (the path by default) is how errors and each decision's location name the
  /// file.
  public static func load(path: String, name: String? = nil) throws -> [LinkDecision] {
    try parse(DecisionFile.merges.requiredText(path: path, name: name), file: name ?? path)
  }

  /// Reads a decisions folder's merges file at `path`; a missing file holds no decisions yet, as with the
  /// other decisions files (`DecisionFile`).
  public static func read(path: String, name: String? = nil) throws -> [LinkDecision] {
    guard let text = try DecisionFile.merges.text(path: path, name: name) else { return [] }
    return try parse(text, file: name ?? path)
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
    let position = try columnPositions(table.header, file: file)
    var decisions: [(decision: LinkDecision, item: String, reconciles: Bool)] = []
    for record in table.rows {
      let decision = try decision(in: record, position: position, columnCount: table.header.count, file: file)
      let reconciles = position[DecisionReconciliation.column].map { !record[$0].isEmpty } ?? false
      decisions.append((decision, "\(decision.a)\u{1F}\(decision.b)", reconciles))
    }
    return DecisionReconciliation.applying(decisions)
  }

  /// Each column's position, by its lower-cased name; an unknown, repeated or missing column is an error.
  private static func columnPositions(_ header: [String], file: String) throws -> [String: Int] {
    var position: [String: Int] = [:]
    for (index, name) in header.map({ $0.lowercased() }).enumerated() {
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
    return position
  }

  /// The decision a record states, its fields checked.
  private static func decision(
    in record: CSVTable.Row, position: [String: Int], columnCount: Int, file: String
  ) throws -> LinkDecision {
    guard record.fields.count == columnCount else {
      throw InputError(
        file: file, line: record.line,
        "\(record.fields.count) fields where the header has \(columnCount); quote fields that contain commas"
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
    return LinkDecision(
      a: min(a, b), b: max(a, b), kind: kind, reason: value("reason"), coder: value("coder"),
      source: SourceLocation(file: file, line: record.line))
  }
}
