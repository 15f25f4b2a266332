import ScanModel
import Testing

@testable import Deduplication

/// `Deduplicator.deduplicate` keeps the edges as scores until they are written; what it writes must be what
/// `run` gives.
@Suite struct OutcomeTests {
  /// Decision edges, kept-apart merges, review pairs and merges, streamed in small pieces.
  @Test func streamedOutcomeIsTheResultsDocument() throws {
    var inputs = ReportTests.inputs
    inputs.append(
      DeduplicationInput(
        id: "q\"1", framework: "x/y", text: "Tab\there, quote \" and back\\slash\nnew line é \u{1}"))
    let decisions = [
      LinkDecision(
        a: "nist-1", b: "w-1", kind: .cannotLink, reason: "not the same", coder: "ab",
        source: SourceLocation(file: "decisions/merges.csv", line: 2)),
      LinkDecision(
        a: "uk-1", b: "w-2", kind: .mustLink, reason: "the same", coder: "cd",
        source: SourceLocation(file: "decisions/merges.csv", line: 3)),
    ]
    let outcome = try Deduplicator().deduplicate(inputs: inputs, decisions: decisions)
    let result = outcome.result()
    #expect(result == (try Deduplicator().run(inputs: inputs, decisions: decisions)))
    #expect(outcome.edgeCount == result.edges.count)
    #expect(result.edges.contains { $0.reason.hasPrefix("must-link decision") })
    #expect(result.edges.contains { $0.reason.hasPrefix("cannot-link decision") })
    var streamed: [UInt8] = []
    DeduplicationJSON.write(outcome, chunkSize: 64) { streamed.append(contentsOf: $0) }
    #expect(String(decoding: streamed, as: UTF8.self) == DeduplicationJSON.encode(result))
  }

  /// Many edges of every kind found by LSH, with scores of all sizes, written on all cores.
  @Test(arguments: [1, 2] as [UInt64])
  func generatedOutcomeIsTheResultsDocument(seed: UInt64) throws {
    let generated = GeneratedStatements(seed: seed, practices: 300, background: 300)
    let outcome = try Deduplicator(configuration: .lshOnly).deduplicate(inputs: generated.inputs)
    let result = outcome.result()
    #expect(result.edges.count > 300)
    #expect(result.edges.contains { $0.verdict == .review } && result.edges.contains { $0.verdict == .merge })
    #expect(DeduplicationJSON.encode(outcome) == DeduplicationJSON.encode(result))
  }

  /// With a cap, a review pair is reported when it is among the best `cap` review pairs of either of its
  /// statements (highest score first, then the earlier pair).
  @Test(arguments: [1, 2, 3])
  func reviewCapKeepsEachStatementsBestPairs(cap: Int) throws {
    let generated = GeneratedStatements(seed: 5, practices: 200, background: 200)
    var configuration = DeduplicationConfiguration.lshOnly
    configuration.candidates.maxReviewEdgesPerStatement = 0
    let all = try Deduplicator(configuration: configuration).run(inputs: generated.inputs)
    configuration.candidates.maxReviewEdgesPerStatement = cap
    let capped = try Deduplicator(configuration: configuration).run(inputs: generated.inputs)

    let review = all.edges.filter { $0.verdict == .review }
    var byStatement: [String: [SimilarityEdge]] = [:]
    for edge in review {
      byStatement[edge.a, default: []].append(edge)
      byStatement[edge.b, default: []].append(edge)
    }
    var expected = Set<String>()
    for edges in byStatement.values {
      let best = edges.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
      for edge in best.prefix(cap) { expected.insert(edge.a + " " + edge.b) }
    }
    let kept = Set(capped.edges.filter { $0.verdict == .review }.map { $0.a + " " + $0.b })
    #expect(review.count > kept.count, "the cap leaves some pairs out")
    #expect(kept == expected)
    #expect(capped.edges.filter { $0.verdict != .review } == all.edges.filter { $0.verdict != .review })
    #expect(capped.mitigations == all.mitigations)
  }
}
