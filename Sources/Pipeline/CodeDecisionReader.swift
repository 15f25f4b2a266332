import CSVInput
import Foundation
import ScanModel

/// Reads decisions/codes.csv: people's codes for statements, which win over the machine's.
/// Columns: `statement`, `facet`, `code`, `coder`, `rationale`, `date` (YYYY-MM-DD), and optionally
/// `reconciles`: on a row that settles two coders' disagreement, their names joined by `+`. Such rows are
/// the decision for their statement and facet; the coders' own rows stay in the file, for `evscan
/// agreement`, and no longer apply.
public struct CodeDecisionReader {
  public init() {}

  /// - Parameters:
  ///   - knownStatements: the ids of this run's statements; a decision naming another is an error.
  ///   - name: how errors and each decision's location name the file (the path by default); the scan passes
  ///     a path relative to the project, so that the snapshot does not depend on where it was checked out.
  public func read(path: String, name: String? = nil, knownStatements: Set<String>) throws -> [CodeDecision] {
    guard let table = try DecisionFile.codes.table(path: path, name: name) else { return [] }
    let statement = try table.requiredColumn("statement", "statement id")
    let facet = try table.requiredColumn("facet")
    let code = try table.requiredColumn("code")
    let coder = try table.requiredColumn("coder")
    let rationale = try table.requiredColumn("rationale")
    let date = try table.requiredColumn("date")
    let reconciles = table.column(DecisionReconciliation.column)
    var decisions: [(decision: CodeDecision, item: String, reconciles: Bool)] = []
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
      // Two coders giving the same code is agreement, which `evscan agreement` counts; one coder giving it
      // twice is a copied line.
      let settles = reconciles.map { row[$0] } ?? ""
      let key = [id, row[facet], row[code], row[coder], settles].joined(separator: "\u{1F}")
      if let first = seen[key] {
        throw InputError(location, "the same decision is on line \(first) already")
      }
      seen[key] = row.line
      let decision = CodeDecision(
        statementID: id, facet: row[facet], code: row[code], coder: row[coder], rationale: row[rationale],
        date: row[date], source: location)
      decisions.append((decision, "\(id)\u{1F}\(row[facet])", !settles.isEmpty))
    }
    return DecisionReconciliation.applying(decisions)
  }

  /// Statements and facets on which coders decided differently and no row reconciles them, one sentence
  /// each, naming the lines, for the scan to warn about: it would otherwise apply the first mitigation
  /// code of two without a word.
  public static func disagreements(in decisions: [CodeDecision]) -> [String] {
    var byItem: [String: [CodeDecision]] = [:]
    for decision in decisions {
      byItem["\(decision.statementID)\u{1F}\(decision.facet)", default: []].append(decision)
    }
    var sentences: [String] = []
    for (_, rows) in byItem.sorted(by: { $0.key < $1.key }) {
      var codes: [String: Set<String>] = [:]
      for row in rows { codes[row.coder, default: []].insert(row.code) }
      guard Set(codes.values).count > 1, let first = rows.first else { continue }
      let views = codes.sorted { $0.key < $1.key }.map {
        "\($0.key) says \($0.value.sorted().joined(separator: "+"))"
      }
      let lines = rows.map { "\($0.source)" }.joined(separator: ", ")
      sentences.append(
        "coders disagree on the \(first.facet) code of \(first.statementID) (\(views.joined(separator: ", ")); "
          + "\(lines)); until a row naming them in `reconciles` settles it, every line applies as before (the "
          + "first for the mitigation code); `evscan agreement` lists the disagreements")
    }
    return sentences
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }
}
