/// The measurements of a pair that the learned pair model weighs, in a fixed order (`names`), all in 0...1.
///
/// They are the pair scorer's own parts (`PairScore`) plus what it knows of the two statements' actions and
/// lengths. Booleans are 0 or 1; the concept cosine is 0 when a statement has no concepts, and
/// `bothHaveConcepts` says whether it could be measured. The last three place the pair in its neighbourhood:
/// whether each statement is the other's best match by score (`mutualBest`), one of them is
/// (`oneSidedBest`), and the pair's score as a share of the better of the two statements' best scores.
/// Among pairs that all look alike, a duplicate tends to be the closest match of both its statements, a
/// related practice the second or third closest.
enum PairFeatures {
  static let names = [
    "tfidf", "lexical", "object", "concepts", "bothHaveConcepts", "sameAction", "sameLeadingAction",
    "actionOverlap", "sameObject", "substitution", "conceptsDiffer", "slotConflict", "lengthRatio",
    "objectWhenSameAction", "mutualBest", "oneSidedBest", "shareOfBest",
  ]

  /// The feature vector of a pair from its score and the statements' action masks, leading actions and
  /// word counts.
  static func vector(
    _ pair: PairScore, leading: (Int8, Int8), masks: (UInt64, UInt64), words: (Int32, Int32),
    best: (Double, Double)
  ) -> [Double] {
    func flag(_ value: Bool) -> Double { value ? 1 : 0 }
    let union = (masks.0 | masks.1).nonzeroBitCount
    let actionOverlap = union > 0 ? Double((masks.0 & masks.1).nonzeroBitCount) / Double(union) : 0
    let longer = max(words.0, words.1)
    let lengthRatio = longer > 0 ? Double(min(words.0, words.1)) / Double(longer) : 1
    let bestA = pair.score >= best.0 - 1e-12
    let bestB = pair.score >= best.1 - 1e-12
    let better = max(best.0, best.1)
    return [
      pair.tfidf, pair.lexical, pair.object, pair.concepts ?? 0, flag(!pair.judgedByWords),
      flag(pair.sameAction), flag(leading.0 >= 0 && leading.0 == leading.1), actionOverlap,
      flag(pair.sameObject), flag(pair.substitution), flag(pair.conceptsDiffer), flag(pair.slotConflict >= 0),
      lengthRatio, pair.sameAction ? pair.object : 0, flag(bestA && bestB), flag(bestA != bestB),
      better > 0 ? min(1, pair.score / better) : 1,
    ]
  }
}
