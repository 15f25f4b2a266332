import ScanModel

/// The thesaurus alone as a coder: each leaf mitigation code gets the weights of the distinct concepts
/// found that point to it. Codes statements when there is no model, and is the second member of the
/// classifier's ensemble (its shares are mixed into the SVM's probabilities).
struct ThesaurusVote: Sendable {
  private let links: ConceptLinks

  init(concepts: [ThesaurusConcept]) {
    links = ConceptLinks(concepts: concepts, facets: ["mitigation"])
  }

  /// Each leaf code's share of the evidence (summing to 1), in code order; empty when no concept points
  /// to a leaf code. `total` is the evidence before sharing out.
  func shares(concepts: [Int]) -> (shares: [(code: String, share: Double)], total: Double) {
    var evidence: [String: Double] = [:]
    for concept in concepts {
      for code in links.codes(of: concept, facet: 0) where code.contains(".") {
        evidence[code, default: 0] += links.weights[concept] ?? 1
      }
    }
    // Summed in code order: a dictionary's order changes from run to run, and so would the last bits.
    let byCode = evidence.sorted { $0.key < $1.key }
    let total = byCode.reduce(0) { $0 + $1.value }
    guard total > 0 else { return ([], 0) }
    return (byCode.map { ($0.key, $0.value / total) }, total)
  }
}
