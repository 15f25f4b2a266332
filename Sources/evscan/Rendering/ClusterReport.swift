import Deduplication
import Foundation
import ScanModel

/// Plain text of a deduplication result for people: each mitigation with its members and the scores of the
/// edges that joined them. `evscan dedupe` prints this when `--json` is not given.
enum ClusterReport {
  /// - Parameters:
  ///   - statements: the inputs, to show member texts; members not found are shown by id alone.
  ///   - includeSingletons: list mitigations of one statement too (after a count of them otherwise).
  ///   - textWidth: member texts longer than this are cut with an ellipsis.
  static func render(
    _ result: DeduplicationResult, statements: [DeduplicationInput], includeSingletons: Bool = false,
    textWidth: Int = 100
  ) -> String {
    var text: [String: String] = [:]
    for statement in statements { text[statement.id] = statement.text }
    var edgesByMember: [String: [SimilarityEdge]] = [:]
    for edge in result.edges where edge.verdict == .merge {
      edgesByMember[edge.a, default: []].append(edge)
    }
    let groups = result.mitigations.filter { $0.members.count > 1 }
    let singles = result.mitigations.count - groups.count
    let reviewCount = result.edges.filter { $0.verdict == .review }.count
    let statementCount = result.mitigations.reduce(0) { $0 + $1.members.count }
    var lines: [String] = [
      "\(statementCount) statements, \(result.mitigations.count) mitigations (\(groups.count) with more than "
        + "one statement, \(singles) alone); review pairs: \(reviewCount); pairs compared: "
        + "\(result.candidatePairs) (\(result.exhaustive ? "all pairs" : "MinHash/LSH candidates"))"
    ]
    for mitigation in result.mitigations where includeSingletons || mitigation.members.count > 1 {
      lines.append("")
      lines.append(
        contentsOf: mitigationLines(
          mitigation, texts: text, edgesByMember: edgesByMember, textWidth: textWidth))
    }
    if !includeSingletons && singles > 0 {
      lines.append("")
      lines.append("\(singles) mitigations have one statement each (not listed).")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A mitigation's heading, sources, members and the edges between them.
  private static func mitigationLines(
    _ mitigation: Mitigation, texts text: [String: String], edgesByMember: [String: [SimilarityEdge]],
    textWidth: Int
  ) -> [String] {
    var lines: [String] = []
    var heading = "\(mitigation.id)  \(mitigation.name)"
    if let code = mitigation.primaryCode { heading += "  [\(code)]" }
    lines.append(heading)
    if !mitigation.sources.isEmpty {
      lines.append("  sources: \(mitigation.sources.joined(separator: ", "))")
    }
    for member in mitigation.members {
      let marker = member.joinedBy == "representative" ? "*" : "+"
      let score =
        member.joinedBy == "representative" ? "    " : ScoreFormat.format(member.similarityToRepresentative)
      let body = MitigationNaming.trimmed(text[member.statementID] ?? "", maxLength: textWidth)
      lines.append("  \(marker) \(member.statementID)  \(score)  \(member.joinedBy)  \(body)")
    }
    let memberIDs = Set(mitigation.members.map(\.statementID))
    let joined = mitigation.members.flatMap { edgesByMember[$0.statementID] ?? [] }
      .filter { memberIDs.contains($0.b) }
    if !joined.isEmpty {
      lines.append("  edges:")
      for edge in joined {
        lines.append(
          "    \(edge.a) ~ \(edge.b)  \(ScoreFormat.format(edge.score))  \(components(edge))  \(edge.reason)")
      }
    }
    return lines
  }

  static func components(_ edge: SimilarityEdge) -> String {
    "("
      + edge.components.keys.sorted().map { "\($0) \(ScoreFormat.format(edge.components[$0] ?? 0))" }
      .joined(separator: ", ") + ")"
  }
}
