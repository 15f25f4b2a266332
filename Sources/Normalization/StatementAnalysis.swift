import ScanModel
import TextAnalysis

/// A statement's words and concepts, computed once and shared by the classifier, the facet coder and
/// the reasons. The words are kept as the classifier's stem ids, not strings: coding compares numbers.
public struct StatementAnalysis: Sendable {
  public var concepts: [ConceptMatch]
  /// The title's content words as `FeatureSpace` stem ids, -1 for stems the model has no feature for.
  var titleStems: [Int32]
  /// The text's content words, likewise, in order (word pairs are neighbours here).
  var textStems: [Int32]
  /// Per concept found, the features `@concept` and `#code` it adds, as feature indices.
  var conceptFeatures: [Int32]
  /// The content words of the statement's context (section path, fields) as stem ids, likewise.
  var contextStems: [Int32]

  init(
    concepts: [ConceptMatch], titleStems: [Int32], textStems: [Int32], conceptFeatures: [Int32],
    contextStems: [Int32] = []
  ) {
    self.concepts = concepts
    self.titleStems = titleStems
    self.textStems = textStems
    self.conceptFeatures = conceptFeatures
    self.contextStems = contextStems
  }

  /// The distinct concept ids, sorted: what the deduplicator compares.
  public var conceptIDs: [String] {
    Array(Set(concepts.map(\.conceptID))).sorted()
  }
}
