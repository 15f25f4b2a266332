import ScanModel

/// The normaliser's answer for one statement: the concepts it found and every facet's codes.
public struct StatementCoding: Sendable, Hashable, Codable {
  public var statementID: String
  public var concepts: [ConceptMatch]
  /// Mitigation first, then the other facets in taxonomy order; within a facet by rank.
  public var assignments: [CodeAssignment]

  public init(statementID: String, concepts: [ConceptMatch], assignments: [CodeAssignment]) {
    self.statementID = statementID
    self.concepts = concepts
    self.assignments = assignments
  }

  public var primary: CodeAssignment? {
    assignments.first { $0.facet == "mitigation" && $0.rank == 1 }
  }

  public var conceptIDs: [String] {
    Array(Set(concepts.map(\.conceptID))).sorted()
  }
}
