import ScanModel

/// The measurements of one pair and the verdict they give. Kept small and free of strings, because the
/// candidate search scores millions of these; `PairScorer.explain` writes the words for the few kept.
struct PairScore: Sendable, Hashable {
  /// The weighted mean of the parts, 0...1.
  var score: Double
  /// Cosine of the TF-IDF vectors over stems.
  var tfidf: Double
  /// IDF-weighted cosine of the concept sets (voice concepts left out), or nil when neither statement has
  /// concepts.
  var concepts: Double?
  /// The shorter statement's share of stems found in the other (containment of unique stems).
  var lexical: Double
  /// IDF-weighted Jaccard of the objects (multisets of stems less the leading action words; `ObjectTally`).
  var object: Double
  /// The statements lead with the same kind of action (see `PairScorer.sameAction`).
  var sameAction: Bool
  /// The objects agree: the words overlap enough, or the concepts vouch for a smaller overlap.
  var sameObject: Bool
  /// Each statement has object words the other lacks: the same template with a different object. Judged by
  /// the words alone when a statement has no concepts; with concepts on both sides, only in a template pair
  /// whose concepts differ both ways too (see `PairScorer.score`).
  var substitution: Bool
  /// One of the two has no concepts, so the object was judged by its words alone.
  var judgedByWords: Bool
  /// Each statement has a concept (voice concepts aside) the other lacks.
  var conceptsDiffer: Bool
  /// The first slot (index into `ConceptSlots.names`) in which the two name different values, or -1.
  var slotConflict: Int8
  /// The pair passes every gate a merge needs besides the score.
  var compatible: Bool
  /// The learned pair model's probability that the two state the same practice, when a model scored them.
  var probability: Double? = nil
  var verdict: SimilarityEdge.Verdict

  /// Nothing says the two are different practices: the same kind of action, no slot swapped, and no object
  /// swapped where the words alone had to judge. What the cluster check asks of every two members (see
  /// `ClusterRefiner`).
  var conflictFree: Bool { sameAction && slotConflict < 0 && !(substitution && judgedByWords) }

  var components: [String: Double] {
    var parts = ["tfidf": tfidf, "lexical": lexical, "object": object]
    if let concepts { parts["concepts"] = concepts }
    if let probability { parts["probability"] = probability }
    return parts
  }
}
