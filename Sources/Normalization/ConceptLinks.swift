import ScanModel

/// The codes each thesaurus concept points to, by concept index and facet position: coding asks this for
/// every concept of every statement in every facet, so it is laid out once as arrays.
struct ConceptLinks: Sendable {
  /// The facets in coding order: mitigation first, then the taxonomy's other facets.
  let facets: [String]
  /// `codes[concept][facet]`.
  private let codes: [[[String]]]
  /// The concept's weight as written, or nil.
  let weights: [Double?]

  init(concepts: [ThesaurusConcept], facets: [String]) {
    self.facets = facets
    codes = concepts.map { concept in facets.map { concept.codes?[$0] ?? [] } }
    weights = concepts.map(\.weight)
  }

  func codes(of concept: Int, facet: Int) -> [String] {
    codes[concept][facet]
  }
}
