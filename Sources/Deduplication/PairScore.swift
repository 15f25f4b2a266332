import ScanModel

/// The measurements of one pair and the verdict they give. Kept small and free of strings, because the
/// candidate search scores millions of these; `PairScorer.explain` writes the words for the few kept.
struct PairScore: Sendable, Hashable {
  /// The weighted mean of the parts, 0...1.
  var score: Double
  /// Cosine of the TF-IDF vectors over stems.
  var tfidf: Double
  /// Jaccard of the concept sets, or nil when neither statement has concepts.
  var concepts: Double?
  /// The shorter statement's share of stems found in the other (containment of unique stems).
  var lexical: Double
  /// IDF-weighted Jaccard of the objects (multisets of stems less the leading action words; `ObjectTally`).
  var object: Double
  /// Both statements lead with the same kind of action (or neither has an action word).
  var sameAction: Bool
  /// Each statement has object words the other lacks, beyond the substitution tolerance: the same
  /// template with a different object.
  var substitution: Bool
  /// Each statement has concepts the other lacks.
  var conceptConflict: Bool
  /// The pair passes every gate a merge needs besides the score.
  var compatible: Bool
  var verdict: SimilarityEdge.Verdict

  var components: [String: Double] {
    var parts = ["tfidf": tfidf, "lexical": lexical, "object": object]
    if let concepts { parts["concepts"] = concepts }
    return parts
  }
}
