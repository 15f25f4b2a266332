import Foundation
import ScanModel

/// The two review queues built from a snapshot: merges (the pairs nearest the merge boundary) and codes
/// (the statements whose mitigation code is least certain), each ordered by how much a decision is expected
/// to help, which is how unsure the machine is (uncertainty sampling, as active learning does): a pair whose
/// probability of being a duplicate is at the merge threshold first, a statement whose code's score is
/// lowest first. Items already decided in decisions/ are left out.
public struct ReviewQueue: Sendable {
  public var merges: [ReviewItem.PairItem]
  public var codes: [ReviewItem.CodeItem]
  /// The merge threshold the pair order is measured from.
  public var mergeThreshold: Double

  public init(merges: [ReviewItem.PairItem], codes: [ReviewItem.CodeItem], mergeThreshold: Double) {
    self.merges = merges
    self.codes = codes
    self.mergeThreshold = mergeThreshold
  }

  /// - Parameters:
  ///   - decidedPairs: pairs (smaller id first) already in merges.csv.
  ///   - decidedStatements: statements whose mitigation code is already in codes.csv.
  ///   - mergeThreshold: the pair model's merge threshold (or the rules' merge score without a model).
  public init(
    content: SnapshotContent, decidedPairs: Set<[String]>, decidedStatements: Set<String>,
    mergeThreshold: Double
  ) {
    var sides: [String: ReviewItem.Side] = [:]
    for statement in content.statements {
      sides[statement.id] = ReviewItem.Side(
        id: statement.id, framework: statement.framework, sectionPath: statement.sectionPath,
        text: statement.text)
    }
    var merges: [ReviewItem.PairItem] = []
    for edge in content.edges where edge.verdict != .distinct && !edge.reason.contains("decision (") {
      guard !decidedPairs.contains([min(edge.a, edge.b), max(edge.a, edge.b)]),
        let left = sides[edge.a], let right = sides[edge.b]
      else { continue }
      merges.append(
        ReviewItem.PairItem(
          left: left, right: right, probability: edge.components["probability"] ?? edge.score,
          score: edge.score, components: edge.components, verdict: edge.verdict, reason: edge.reason))
    }
    let codes = Self.codeItems(content, sides: sides, decided: decidedStatements)
    self.init(merges: merges, codes: codes, mergeThreshold: mergeThreshold)
    order()
  }

  /// Orders both queues: pairs by distance from the merge threshold, codes by score, ties by ids.
  public mutating func order() {
    let threshold = mergeThreshold
    merges.sort { lhs, rhs in
      let left = abs(lhs.probability - threshold)
      let right = abs(rhs.probability - threshold)
      if left != right { return left < right }
      return (lhs.left.id, lhs.right.id) < (rhs.left.id, rhs.right.id)
    }
    codes.sort { lhs, rhs in
      lhs.score != rhs.score ? lhs.score < rhs.score : lhs.statement.id < rhs.statement.id
    }
  }

  private static func codeItems(
    _ content: SnapshotContent, sides: [String: ReviewItem.Side], decided: Set<String>
  ) -> [ReviewItem.CodeItem] {
    guard let facet = content.taxonomy.first(where: { $0.facet == "mitigation" }) else { return [] }
    var byCode: [String: TaxonomyFacet.Code] = [:]
    for code in facet.codes { byCode[code.code] = code }
    func candidate(_ code: String) -> ReviewItem.Candidate? {
      byCode[code].map { ReviewItem.Candidate(code: $0.code, name: $0.name, definition: $0.definition) }
    }
    let codePattern = /\b([0-9X]\.[0-9X])\b/
    var items: [ReviewItem.CodeItem] = []
    for assignment in content.assignments
    where assignment.facet == "mitigation" && assignment.rank == 1 && assignment.needsReview
      && assignment.method != .human && !decided.contains(assignment.statementID)
    {
      guard let side = sides[assignment.statementID] else { continue }
      var codes = [assignment.code]
      for reason in assignment.reasons {
        for match in reason.text.matches(of: codePattern) {
          let code = String(match.output.1)
          if !codes.contains(code) && byCode[code] != nil { codes.append(code) }
        }
      }
      items.append(
        ReviewItem.CodeItem(
          statement: side, machineCode: assignment.code, score: assignment.score,
          method: assignment.method.rawValue, candidates: codes.prefix(9).compactMap(candidate),
          reasons: assignment.reasons.map(\.text)))
    }
    return items
  }
}
