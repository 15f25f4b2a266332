import ScanModel
import Snapshot

/// The lookups the pages need, computed once over the snapshot so that each page costs time in proportion to
/// what it shows (a site of 100,000 mitigations must not scan every edge for every page).
struct SiteModel {
  let index: SnapshotIndex
  /// Mitigations sorted by id.
  let mitigations: [Mitigation]
  let frameworks: [FrameworkRecord]
  /// Framework slug to its mitigations (those with a member from it), sorted by id.
  let mitigationsOfFramework: [String: [String]]
  /// Framework slug to primary code (`""` for none) to its mitigations, sorted by id.
  let mitigationsOfFrameworkAndCode: [String: [String: [String]]]
  /// Framework slug to its statements in document order (page, then line, then id).
  let statementsOfFramework: [String: [Statement]]
  let droppedOfFramework: [String: [DroppedUnit]]
  /// Mitigation id to the edges with at least one end among its members.
  let edgesOfMitigation: [String: [SimilarityEdge]]
  let linkDecisionsOfMitigation: [String: [LinkDecision]]
  /// Facet id to code to the mitigation ids any member of which has the code, sorted.
  let mitigationsOfFacetValue: [String: [String: [String]]]
  /// Mitigation id to facet id to the codes its members have, in the facet's order.
  let facetValuesOfMitigation: [String: [String: [String]]]
  /// Mitigation id to the identity changes that name it, as the new id or as one it came from.
  let identityChanges: [String: [IdentityChange]]
  /// Ids issued once and no longer in use, with the identity changes that mention them.
  let retired: [(id: String, changes: [IdentityChange])]

  init(_ content: SnapshotContent) {
    let index = SnapshotIndex(content)
    self.index = index
    mitigations = content.mitigations.sorted { $0.id.bytePrecedes($1.id) }
    frameworks = content.frameworks.sorted { $0.manifest.slug.bytePrecedes($1.manifest.slug) }

    let byFramework = Self.mitigationsByFramework(mitigations, index: index)
    mitigationsOfFramework = byFramework.ofFramework
    mitigationsOfFrameworkAndCode = byFramework.ofFrameworkAndCode
    let byFacetValue = Self.facetValues(of: mitigations, index: index)
    facetValuesOfMitigation = byFacetValue.ofMitigation
    mitigationsOfFacetValue = byFacetValue.mitigationsOfValue

    statementsOfFramework = Self.statementsInDocumentOrder(content.statements)
    droppedOfFramework = Dictionary(grouping: content.dropped, by: \.framework)
    edgesOfMitigation = Self.grouped(content.edges, byMitigationOf: { [$0.a, $0.b] }, index: index)
    linkDecisionsOfMitigation = Self.grouped(
      content.linkDecisions, byMitigationOf: { [$0.a, $0.b] }, index: index)

    let current = Set(content.mitigations.map(\.id))
    var changesByID: [String: [IdentityChange]] = [:]
    for change in content.identityChanges {
      for id in Set([change.mitigationID] + change.from) { changesByID[id, default: []].append(change) }
    }
    identityChanges = changesByID
    retired = content.issuedMitigationIDs.filter { !current.contains($0) }.sorted { $0.bytePrecedes($1) }
      .map { (id: $0, changes: changesByID[$0] ?? []) }
  }

  /// Each framework's mitigations (those with a member from it), and the same split by primary code.
  private static func mitigationsByFramework(
    _ mitigations: [Mitigation], index: SnapshotIndex
  ) -> (ofFramework: [String: [String]], ofFrameworkAndCode: [String: [String: [String]]]) {
    var ofFramework: [String: [String]] = [:]
    var ofFrameworkAndCode: [String: [String: [String]]] = [:]
    for mitigation in mitigations {
      var slugs: [String] = []
      for member in mitigation.members {
        if let statement = index.statements[member.statementID], !slugs.contains(statement.framework) {
          slugs.append(statement.framework)
        }
      }
      for slug in slugs {
        ofFramework[slug, default: []].append(mitigation.id)
        ofFrameworkAndCode[slug, default: [:]][mitigation.primaryCode ?? "", default: []].append(
          mitigation.id)
      }
    }
    return (ofFramework, ofFrameworkAndCode)
  }

  /// Each mitigation's codes per facet, in the facet's order, and each facet value's mitigations.
  private static func facetValues(
    of mitigations: [Mitigation], index: SnapshotIndex
  ) -> (ofMitigation: [String: [String: [String]]], mitigationsOfValue: [String: [String: [String]]]) {
    var facetValues: [String: [String: [String]]] = [:]
    var ofFacetValue: [String: [String: [String]]] = [:]
    let facetOrder = Dictionary(
      index.content.taxonomy.map { facet in
        (facet.facet, Dictionary(facet.codes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: min))
      }, uniquingKeysWith: { first, _ in first })
    for mitigation in mitigations {
      var codes: [String: Set<String>] = [:]
      for member in mitigation.members {
        for assignment in index.assignments[member.statementID] ?? [] {
          codes[assignment.facet, default: []].insert(assignment.code)
        }
      }
      var sortedCodes: [String: [String]] = [:]
      for (facet, set) in codes {
        let order = facetOrder[facet] ?? [:]
        let list = set.sorted { left, right in
          let (l, r) = (order[left] ?? Int.max, order[right] ?? Int.max)
          return l != r ? l < r : left.bytePrecedes(right)
        }
        sortedCodes[facet] = list
        for code in list { ofFacetValue[facet, default: [:]][code, default: []].append(mitigation.id) }
      }
      facetValues[mitigation.id] = sortedCodes
    }
    return (facetValues, ofFacetValue)
  }

  /// Each framework's statements in document order: page, then line, then id.
  private static func statementsInDocumentOrder(_ statements: [Statement]) -> [String: [Statement]] {
    Dictionary(grouping: statements, by: \.framework).mapValues { list in
      list.sorted { left, right in
        let (l, r) = (left.page?.number ?? 0, right.page?.number ?? 0)
        if l != r { return l < r }
        if left.line != right.line { return left.line < right.line }
        return left.id.bytePrecedes(right.id)
      }
    }
  }

  /// Each mitigation's share of `items` (edges, link decisions): those with an end among its members.
  private static func grouped<Item>(
    _ items: [Item], byMitigationOf ends: (Item) -> [String], index: SnapshotIndex
  ) -> [String: [Item]] {
    var result: [String: [Item]] = [:]
    for item in items {
      let owners = Set(ends(item).compactMap { index.mitigationOfStatement[$0] })
      for owner in owners.sorted(by: { $0.bytePrecedes($1) }) { result[owner, default: []].append(item) }
    }
    return result
  }

  var content: SnapshotContent { index.content }
  var primaryFacet: String { index.primaryFacet }

  /// The mitigation taxonomy's codes without a parent: its categories, in the taxonomy's order.
  var categories: [TaxonomyFacet.Code] {
    index.facets[primaryFacet]?.codes.filter { $0.parent == nil } ?? []
  }

  func category(of mitigation: Mitigation) -> String? {
    mitigation.primaryCode.map { index.rootCode(of: $0, facet: primaryFacet) }
  }

  func frameworkName(_ slug: String) -> String {
    index.frameworks[slug]?.manifest.citation.title ?? slug
  }

  /// The statements of a mitigation that need review in some facet.
  func flaggedMembers(of mitigation: Mitigation) -> [String] {
    mitigation.members.map(\.statementID).filter { index.needsReview($0) }
  }
}
