import ScanModel
import Utilities

/// The merge and review-band pairs a run reports, kept as scores until they are read or written.
///
/// A million statements give millions of these; with a reason string and a components dictionary each they
/// took gigabytes and most of the run's time. So a pair stays a `PairScore` plus what decided its verdict,
/// and `edge(_:)` writes the words when the edge is asked for: all at once for `DeduplicationResult`, a few
/// thousand at a time, on all cores, when `DeduplicationJSON` streams a result.
struct ReportedEdges: Sendable {
  /// What the edge's verdict and reason come from.
  enum Source: UInt8, Sendable {
    /// The scores alone (a merge, or a review-band pair).
    case scores
    /// A merge by its scores that the cluster check kept apart; reported for review.
    case keptApart
    /// A person's must-link or cannot-link decision.
    case decision
  }

  /// Every pair the run kept, sorted by (i, j), which is the order of (a, b) since the statements are sorted
  /// by id. The reported ones are `kept[positions[0]]`, `kept[positions[1]]` and so on: indices rather than
  /// a copy, which at a million statements would be hundreds of megabytes more.
  let kept: [Deduplicator.KeptPair]
  let positions: [UInt32]
  let sources: [Source]
  let statements: [DeduplicationInput]
  let scorer: PairScorer
  let decisions: DecisionSet

  var count: Int { positions.count }

  func pair(_ position: Int) -> Deduplicator.KeptPair {
    kept[Int(positions[position])]
  }

  func verdict(_ position: Int) -> SimilarityEdge.Verdict {
    switch sources[position] {
    case .scores: pair(position).score.verdict
    case .keptApart: .review
    case .decision: decision(position)?.kind == .mustLink ? .merge : .distinct
    }
  }

  func reason(_ position: Int) -> String {
    var text: [UInt8] = []
    reason(position, into: &text)
    return String(decoding: text, as: UTF8.self)
  }

  /// The reasons of the edges in `range`, in order, each handed to `body` as UTF-8. The second statements
  /// are read a batch at a time (`PairScorer.forEachOperands`): reading them one by one was most of the
  /// cost of explaining millions of pairs.
  /// The id of each edge's second statement comes along, read for the whole range first for the same reason.
  func forEachReason(in range: Range<Int>, _ body: (Int, String, UnsafeBufferPointer<UInt8>) -> Void) {
    let secondIDs = range.map { statements[pair($0).j].id }
    var text: [UInt8] = []
    scorer.forEachOperands(range.count) {
      pair(range.lowerBound + $0).j
    } _: { offset, operands in
      let position = range.lowerBound + offset
      text.removeAll(keepingCapacity: true)
      reason(position, operands, into: &text)
      text.withUnsafeBufferPointer { body(position, secondIDs[offset], $0) }
    }
  }

  private func reason(_ position: Int, into text: inout [UInt8]) {
    scorer.withOperands(pair(position).j) { reason(position, $0, into: &text) }
  }

  private func reason(_ position: Int, _ operands: PairScorer.Operands, into text: inout [UInt8]) {
    let pair = pair(position)
    switch sources[position] {
    case .scores:
      scorer.explain(pair.i, pair.j, pair.score, operands, into: &text)
    case .keptApart:
      text.appendLiteral("scores as a merge (")
      scorer.explain(pair.i, pair.j, pair.score, operands, into: &text)
      text.appendLiteral(") but the cluster check kept them apart: one conflicts with the other's cluster")
    case .decision:
      guard let decision = decision(position) else { return }
      text.append(
        contentsOf:
          "\(decision.kind.rawValue) decision (\(decision.source), \(decision.coder)): \(decision.reason)"
          .utf8)
    }
  }

  func edge(_ position: Int) -> SimilarityEdge {
    let pair = pair(position)
    var components = [
      "tfidf": pair.score.tfidf.rounded(toPlaces: 6), "lexical": pair.score.lexical.rounded(toPlaces: 6),
      "object": pair.score.object.rounded(toPlaces: 6),
    ]
    if let concepts = pair.score.concepts { components["concepts"] = concepts.rounded(toPlaces: 6) }
    if let probability = pair.score.probability {
      components["probability"] = probability.rounded(toPlaces: 6)
    }
    return SimilarityEdge(
      a: statements[pair.i].id, b: statements[pair.j].id, score: pair.score.score.rounded(toPlaces: 6),
      components: components, verdict: verdict(position), reason: reason(position))
  }

  /// Every edge, in order.
  func all() -> [SimilarityEdge] {
    let pieces = Parallel.ranges(count, pieces: Parallel.pieceCount(for: count, minimumPieceSize: 2048))
    return Parallel.map(pieces.count) { pieces[$0].map(edge) }.flatMap { $0 }
  }

  private func decision(_ position: Int) -> LinkDecision? {
    decisions.byPair[DecisionSet.key(pair(position).i, pair(position).j)]
  }
}
