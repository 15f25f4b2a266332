import ScanModel

/// The whole chain behind a mitigation, an action or a statement, for `evscan explain ID`: where each
/// statement was read (document, section, locator, line, the quoted text, the rule), how it got each
/// code (method, score, reasons), which mitigation it joined and the edges that joined it, and the human
/// decisions that were applied.
public struct Explanation: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case mitigation
    case action
    case statement
    /// A mitigation id that no longer names a mitigation.
    case retired
  }

  /// A statement of a retired mitigation, and where it is now.
  public struct FormerMember: Sendable, Hashable, Codable {
    public var statementID: String
    public var actionID: String?
    /// The mitigation it belongs to in this snapshot; nil when it is no longer scanned.
    public var mitigationID: String?
  }

  public struct FrameworkFacts: Sendable, Hashable, Codable {
    public var slug: String
    public var sourceName: String
    public var title: String
    public var year: Int
    public var publisher: String
    public var url: String
    /// `stand-in` or `retrieved`.
    public var documentOrigin: String
  }

  public struct DocumentFacts: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
  }

  public struct CodeFacts: Sendable, Hashable, Codable {
    public var code: String
    public var name: String?
    public var rank: Int
    public var score: Double
    public var method: CodeAssignment.Method
    public var needsReview: Bool
    public var reasons: [CodingReason]
  }

  public struct FacetCodes: Sendable, Hashable, Codable {
    public var facet: String
    public var name: String
    public var codes: [CodeFacts]
  }

  public struct StatementTrail: Sendable, Hashable, Codable {
    public var statementID: String
    public var actionID: String?
    public var actionName: String
    public var framework: FrameworkFacts?
    public var document: DocumentFacts
    public var sectionPath: [String]
    public var locator: String
    public var line: Int
    /// The PDF page and position, for a statement read from a PDF.
    public var page: PagePosition?
    public var label: String?
    public var title: String?
    public var text: String
    public var rule: String
    public var fields: [String: String]
    public var facets: [FacetCodes]
    public var codeDecisions: [CodeDecision]
  }

  public struct MemberFacts: Sendable, Hashable, Codable {
    public var statementID: String
    public var actionID: String?
    public var framework: String
    public var similarityToRepresentative: Double
    public var joinedBy: String
    public var text: String
  }

  public struct Cluster: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var definition: String
    public var primaryCode: String?
    public var primaryCodeName: String?
    public var representativeStatementID: String
    public var sources: [String]
    public var members: [MemberFacts]
  }

  /// The id as the user gave it.
  public var query: String
  public var kind: Kind
  /// The mitigation the statements belong to.
  public var mitigation: Cluster?
  /// Every member for a mitigation; the one statement for an action or statement id.
  public var statements: [StatementTrail]
  /// Scored pairs inside the mitigation: the edges that joined its members.
  public var edges: [SimilarityEdge]
  /// Scored pairs from the statements to statements outside the mitigation (close, but not merged).
  public var nearbyEdges: [SimilarityEdge]
  public var linkDecisions: [LinkDecision]
  public var identityChanges: [IdentityChange]
  /// For a retired id: what became of it, and where each of its statements is now.
  public var retired: RetiredMitigation?
  public var formerMembers: [FormerMember]

  /// Builds the explanation of `id` from a snapshot.
  ///
  /// - Parameter snapshot: where the content was read from, for the error message.
  /// - Throws: `InputError` naming the kinds of id accepted when no mitigation, action or statement has it.
  public init(id: String, in content: SnapshotContent, snapshot: String = "snapshot") throws {
    let index = SnapshotIndex(content)
    let query = id.trimmed
    let retiredID = query.uppercased()
    if index.mitigations[query] == nil,
      let record = content.retiredMitigations.first(where: { $0.mitigationID == retiredID })
    {
      self.query = query
      kind = .retired
      mitigation = nil
      statements = []
      edges = []
      nearbyEdges = []
      linkDecisions = []
      identityChanges = content.identityChanges.filter {
        $0.from.contains(retiredID) && $0.mitigationID != retiredID
      }
      retired = record
      formerMembers = record.statements.map { statementID in
        FormerMember(
          statementID: statementID, actionID: index.actionID(of: statementID),
          mitigationID: index.mitigationOfStatement[statementID])
      }
      return
    }
    retired = nil
    formerMembers = []
    let (kind, mitigationID, statementIDs) = try Self.resolve(query, index: index, snapshot: snapshot)
    self.query = query
    self.kind = kind
    let cluster = mitigationID.flatMap { index.mitigations[$0] }
    mitigation = cluster.map { Self.cluster($0, index: index) }
    statements = statementIDs.compactMap { index.statements[$0] }.map { Self.trail($0, index: index) }

    let members = Set(cluster?.members.map(\.statementID) ?? statementIDs)
    let focus = Set(statementIDs)
    edges = content.edges.filter { members.contains($0.a) && members.contains($0.b) }
    nearbyEdges = content.edges.filter { edge in
      (focus.contains(edge.a) && !members.contains(edge.b))
        || (focus.contains(edge.b) && !members.contains(edge.a))
    }
    linkDecisions = content.linkDecisions.filter { members.contains($0.a) || members.contains($0.b) }
    identityChanges = content.identityChanges.filter { change in
      guard let mitigationID else { return false }
      return change.mitigationID == mitigationID || change.from.contains(mitigationID)
    }
  }

  private static func resolve(
    _ query: String, index: SnapshotIndex, snapshot: String
  ) throws -> (Kind, String?, [String]) {
    let content = index.content
    if let mitigation = index.mitigations[query]
      ?? content.mitigations.first(where: { $0.id.lowercased() == query.lowercased() })
    {
      return (.mitigation, mitigation.id, mitigation.members.map(\.statementID))
    }
    if index.statements[query] != nil {
      return (.statement, index.mitigationOfStatement[query], [query])
    }
    let byAction = content.statements.first { index.actionID(of: $0.id)?.lowercased() == query.lowercased() }
    if let statement = byAction ?? statementByNumber(query, index: index) {
      return (.action, index.mitigationOfStatement[statement.id], [statement.id])
    }
    if content.issuedMitigationIDs.contains(query.uppercased()) {
      let id = query.uppercased()
      let fates = content.identityChanges.filter { $0.from.contains(id) && $0.mitigationID != id }
        .map { "\($0.kind.rawValue) into \($0.mitigationID)" }
      let fate = fates.isEmpty ? "" : " (\(fates.joined(separator: ", ")))"
      throw InputError(
        file: snapshot,
        "mitigation \(id) no longer exists: it was retired\(fate) and its id is kept so that it is never "
          + "reused; explain one of its former statements by its action id, or look it up in an older snapshot"
      )
    }
    let mitigationExample = content.mitigations.first?.id ?? "M0001"
    let actionExample = content.statements.first.flatMap { index.actionID(of: $0.id) } ?? "A0001_Schuett2023"
    let statementExample = content.statements.first?.id ?? "schuett-2023:1"
    throw InputError(
      file: snapshot,
      "no mitigation, action or statement in this snapshot has the id \"\(query)\"; give a mitigation id "
        + "(such as \(mitigationExample)), an action id (such as \(actionExample)) or a statement id "
        + "(such as \(statementExample))")
  }

  /// `A0012` or `A12`: an action number without its source key, when exactly one statement has it.
  private static func statementByNumber(_ query: String, index: SnapshotIndex) -> Statement? {
    guard query.first == "A" || query.first == "a", let number = Int(query.dropFirst()) else { return nil }
    let matches = index.content.actionNumbers.filter { $0.value == number }.map(\.key)
    guard matches.count == 1, let id = matches.first else { return nil }
    return index.statements[id]
  }

  private static func cluster(_ mitigation: Mitigation, index: SnapshotIndex) -> Cluster {
    Cluster(
      id: mitigation.id, name: mitigation.name, definition: mitigation.definition,
      primaryCode: mitigation.primaryCode,
      primaryCodeName: mitigation.primaryCode.flatMap { index.code($0, facet: index.primaryFacet)?.name },
      representativeStatementID: mitigation.representativeStatementID, sources: mitigation.sources,
      members: mitigation.members.map { member in
        let statement = index.statements[member.statementID]
        return MemberFacts(
          statementID: member.statementID, actionID: index.actionID(of: member.statementID),
          framework: statement?.framework ?? "",
          similarityToRepresentative: member.similarityToRepresentative,
          joinedBy: member.joinedBy, text: statement?.text ?? "")
      })
  }

  private static func trail(_ statement: Statement, index: SnapshotIndex) -> StatementTrail {
    let record = index.frameworks[statement.framework]
    let framework = record.map { record in
      FrameworkFacts(
        slug: record.manifest.slug, sourceName: record.manifest.sourceName,
        title: record.manifest.citation.title,
        year: record.manifest.citation.year, publisher: record.manifest.citation.publisher,
        url: record.manifest.citation.url, documentOrigin: record.manifest.document.origin.rawValue)
    }
    let assignments = index.assignments[statement.id] ?? []
    var facetOrder = index.content.taxonomy.map(\.facet)
    facetOrder += Set(assignments.map(\.facet)).subtracting(facetOrder).sorted { $0.bytePrecedes($1) }
    let facets = facetOrder.compactMap { facet -> FacetCodes? in
      let codes = assignments.filter { $0.facet == facet }
      guard !codes.isEmpty else { return nil }
      return FacetCodes(
        facet: facet, name: index.facets[facet]?.name ?? facet,
        codes: codes.map { assignment in
          CodeFacts(
            code: assignment.code, name: index.code(assignment.code, facet: facet)?.name,
            rank: assignment.rank,
            score: assignment.score, method: assignment.method, needsReview: assignment.needsReview,
            reasons: assignment.reasons)
        })
    }
    return StatementTrail(
      statementID: statement.id, actionID: index.actionID(of: statement.id),
      actionName: ActionNaming.actionName(of: statement), framework: framework,
      document: DocumentFacts(path: record?.documentPath ?? "", sha256: statement.sourceSHA256),
      sectionPath: statement.sectionPath, locator: statement.locator, line: statement.line,
      page: statement.page, label: statement.label,
      title: statement.title, text: statement.text, rule: statement.rule, fields: statement.fields,
      facets: facets, codeDecisions: index.codeDecisions[statement.id] ?? [])
  }
}
