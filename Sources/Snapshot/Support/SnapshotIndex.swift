import ScanModel

/// Lookups over one snapshot's content, built once and shared by the exports, `explain` and `diff`.
package struct SnapshotIndex {
  package let content: SnapshotContent
  /// The id of the mitigation taxonomy: the first facet with one primary code per statement.
  package let primaryFacet: String
  package let facets: [String: TaxonomyFacet]
  package let codes: [String: [String: TaxonomyFacet.Code]]
  package let statements: [String: Statement]
  package let frameworks: [String: FrameworkRecord]
  /// Sorted by (facet, rank, code), the order people read codes in.
  package let assignments: [String: [CodeAssignment]]
  package let mitigationOfStatement: [String: String]
  package let mitigations: [String: Mitigation]
  package let codeDecisions: [String: [CodeDecision]]
  /// Each statement's action name, worked out once: the SSSOM file names a statement on every one of its
  /// codes' rows.
  private let actionNames: [String: String]

  package init(_ content: SnapshotContent) {
    self.content = content
    primaryFacet =
      content.taxonomy.first { $0.cardinality == .primary }?.facet ?? content.taxonomy.first?.facet
      ?? "mitigation"
    facets = Dictionary(content.taxonomy.map { ($0.facet, $0) }, uniquingKeysWith: { first, _ in first })
    codes = facets.mapValues { facet in
      Dictionary(facet.codes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
    statements = Dictionary(content.statements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    frameworks = Dictionary(
      content.frameworks.map { ($0.manifest.slug, $0) }, uniquingKeysWith: { first, _ in first })
    assignments = Dictionary(grouping: content.assignments, by: \.statementID).mapValues { list in
      list.sortedCanonically { [.text($0.facet), .number($0.rank), .text($0.code)] }
    }
    var membership: [String: String] = [:]
    for mitigation in content.mitigations {
      for member in mitigation.members where membership[member.statementID] == nil {
        membership[member.statementID] = mitigation.id
      }
    }
    mitigationOfStatement = membership
    mitigations = Dictionary(content.mitigations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    codeDecisions = Dictionary(grouping: content.codeDecisions, by: \.statementID)
    actionNames = statements.mapValues(ActionNaming.actionName(of:))
  }

  /// The facets other than the mitigation taxonomy, in the taxonomy's order.
  package var otherFacets: [TaxonomyFacet] {
    content.taxonomy.filter { $0.facet != primaryFacet }
  }

  package func sourceName(ofFramework slug: String) -> String {
    frameworks[slug]?.manifest.sourceName ?? slug
  }

  package func actionNumber(of statementID: String) -> Int? {
    content.actionNumbers[statementID]
  }

  package func actionID(of statementID: String) -> String? {
    guard let number = content.actionNumbers[statementID], let statement = statements[statementID] else {
      return nil
    }
    return ActionNaming.actionID(number: number, sourceName: sourceName(ofFramework: statement.framework))
  }

  /// The statement's name in the exports (`ActionNaming.actionName(of:)`).
  package func actionName(of statement: Statement) -> String {
    actionNames[statement.id] ?? ActionNaming.actionName(of: statement)
  }

  package func assignments(of statementID: String, facet: String) -> [CodeAssignment] {
    (assignments[statementID] ?? []).filter { $0.facet == facet }
  }

  /// The statement's mitigation code of rank 1 (or its best-ranked one).
  package func primaryAssignment(of statementID: String) -> CodeAssignment? {
    assignments(of: statementID, facet: primaryFacet).first
  }

  package func code(_ code: String, facet: String) -> TaxonomyFacet.Code? {
    codes[facet]?[code]
  }

  /// "3.1 Testing & Auditing", or the bare code when the taxonomy does not know it.
  package func display(_ code: String, facet: String) -> String {
    self.code(code, facet: facet)?.display ?? code
  }

  /// The top of a code's parent chain: `1` for `1.2`, `X.X` for `X.X`.
  package func rootCode(of code: String, facet: String) -> String {
    var current = code
    var seen: Set<String> = [current]
    while let parent = self.code(current, facet: facet)?.parent, !seen.contains(parent) {
      seen.insert(parent)
      current = parent
    }
    return current
  }

  package func needsReview(_ statementID: String) -> Bool {
    (assignments[statementID] ?? []).contains { $0.needsReview }
  }
}
