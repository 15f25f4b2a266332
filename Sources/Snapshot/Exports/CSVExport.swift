import Foundation
import ScanModel

/// `mitigations.csv`: one row per source statement, in the MIT public export's shape first, then ours.
enum CSVExport {
  /// The MIT export's columns, exactly, so that the file loads where theirs does.
  static let mitColumns = [
    "Action ID", "Action Name", "Action Definition", "Action Source", "MitigationCode",
  ]

  static func header(_ index: SnapshotIndex) -> [String] {
    mitColumns + ["Mitigation ID", "Section Path", "Locator", "Line", "Confidence", "Needs Review"]
      + index.otherFacets.map(\.name) + ["Framework"]
  }

  static func rows(_ index: SnapshotIndex) -> [[String]] {
    let ordered = index.content.statements.sortedCanonically {
      [.number(index.actionNumber(of: $0.id) ?? Int.max), .text($0.id)]
    }
    return ordered.map { statement in
      let primary = index.primaryAssignment(of: statement.id)
      var row = [
        index.actionID(of: statement.id) ?? "",
        index.actionName(of: statement),
        statement.text,
        index.sourceName(ofFramework: statement.framework),
        primary.map { index.display($0.code, facet: $0.facet) } ?? "",
        index.mitigationOfStatement[statement.id] ?? "",
        statement.sectionPath.joined(separator: StatementRow.sectionSeparator),
        statement.locator,
        String(statement.line),
        primary.map { DecimalText.fixed($0.score) } ?? "",
        index.needsReview(statement.id) ? "yes" : "no",
      ]
      for facet in index.otherFacets {
        row.append(
          index.assignments(of: statement.id, facet: facet.facet)
            .map { index.display($0.code, facet: $0.facet) }
            .joined(separator: "; "))
      }
      row.append(statement.framework)
      return row
    }
  }

  static func render(_ index: SnapshotIndex) throws -> Data {
    try DelimitedText.render([header(index)] + rows(index), delimiter: ",")
  }
}
