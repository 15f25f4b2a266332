import Foundation
import ScanModel
import TextAnalysis
import Utilities

/// The deduplication stage: statements in, canonical mitigations with stable ids out.
///
/// A pure function of its arguments: the same statements (in any order), ledger and decisions give the same
/// result, byte for byte once encoded. Steps: analyse the texts; propose candidate pairs (every pair up to
/// `candidates.exactLimit` statements, MinHash/LSH above); score them (`PairScorer`); join merge pairs and
/// must-links with union-find; split components that chain (`ClusterRefiner`); name the clusters; give them
/// stable ids (`IdentityAssigner`).
public struct Deduplicator: Sendable {
  public let configuration: DeduplicationConfiguration
  /// The learned pair model that gives the verdicts; without one, the configuration's thresholds and gates.
  public let pairModel: PairModel?

  public init(configuration: DeduplicationConfiguration = .default, pairModel: PairModel? = nil) {
    self.configuration = configuration
    self.pairModel = pairModel
  }

  /// Where errors about the statements themselves point, since they do not come from a file here.
  static let inputName = "statements"

  public func run(
    inputs: [DeduplicationInput], ledger: IdentityLedger = IdentityLedger(), decisions: [LinkDecision] = []
  ) throws -> DeduplicationResult {
    try deduplicate(inputs: inputs, ledger: ledger, decisions: decisions).result()
  }

  /// `run`, with the edges left as scores until they are asked for: `DeduplicationJSON.write` streams them,
  /// which a caller with a very large input (millions of review pairs) should prefer.
  public func deduplicate(
    inputs: [DeduplicationInput], ledger: IdentityLedger = IdentityLedger(), decisions: [LinkDecision] = []
  ) throws -> DeduplicationOutcome {
    try configuration.validate()
    let statements = inputs.sorted { $0.id < $1.id }
    let decisionSet = try DecisionSet(
      decisions: decisions, index: try Self.positions(of: statements), count: statements.count)
    let analysed = withoutSharedLeadIns(statements)
    let scored = try scorePairs(analysed, decisions: decisionSet)
    let clusters = cluster(
      scored.kept, count: statements.count, scorer: scored.scorer, decisions: decisionSet)

    var clusterOf = [Int](repeating: 0, count: statements.count)
    for (number, cluster) in clusters.enumerated() {
      for member in cluster.members { clusterOf[member] = number }
    }
    let identity = IdentityAssigner.assign(
      clusters: clusters.map { $0.members.map { statements[$0].id } }, ledger: ledger)
    let mitigations = buildMitigations(
      clusters, ids: identity.ids, statements: statements, analysed: analysed, scorer: scored.scorer,
      decisions: decisionSet)
    let edges = reportedEdges(
      scored.kept, clusterOf: clusterOf, statements: statements, scorer: scored.scorer, decisions: decisionSet
    )

    return DeduplicationOutcome(
      mitigations: mitigations, decisionsApplied: decisionSet.applied, identityChanges: identity.changes,
      ledger: identity.ledger, candidatePairs: scored.candidateCount, exhaustive: scored.exhaustive,
      edges: edges)
  }

  /// Each statement's position by id; an empty id or one used twice is an error.
  private static func positions(of statements: [DeduplicationInput]) throws -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(statements.count)
    for (position, statement) in statements.enumerated() {
      guard !statement.id.isEmpty else {
        throw InputError(
          file: Self.inputName, element: "statement \(position + 1)", "a statement has an empty id")
      }
      guard index[statement.id] == nil else {
        throw InputError(
          file: Self.inputName, element: statement.id, "the id `\(statement.id)` is used by two statements")
      }
      index[statement.id] = position
    }
    return index
  }

  /// The pairs worth keeping, the scorer that judged them and how many candidates were scored.
  private struct ScoredPairs {
    var kept: [KeptPair]
    var candidateCount: Int
    var exhaustive: Bool
    var scorer: PairScorer
  }

  /// Scores every pair (up to `candidates.exactLimit` statements) or the LSH candidates, lets the model
  /// judge them when there is one, and adds the decision pairs.
  private func scorePairs(_ statements: [DeduplicationInput], decisions: DecisionSet) throws -> ScoredPairs {
    // With a model, every pair at or above the score floor is kept from the first pass, so that each
    // statement's best score (a feature of the model) is known before the model judges any pair.
    let ruleScorer = try makeScorer(statements, model: nil)
    let keepAboveFloor = pairModel != nil
    let exhaustive = statements.count <= configuration.candidates.exactLimit
    var (kept, candidateCount) =
      exhaustive
      ? scoreAllPairs(ruleScorer, keepAboveFloor: keepAboveFloor)
      : scoreCandidates(
        LSHCandidateSearch(configuration: configuration.candidates).pairs(in: ruleScorer.corpus), ruleScorer,
        keepAboveFloor: keepAboveFloor)
    var scorer = ruleScorer
    if let pairModel {
      let best = PairScorer.bestScores(
        count: statements.count, kept.lazy.map { ($0.i, $0.j, $0.score.score) })
      scorer = ruleScorer.with(model: pairModel, best: best)
      let modelScorer = scorer
      kept = kept.compactMap { pair in
        var judged = pair
        judged.score = modelScorer.applyModel(pair.i, pair.j, pair.score)
        return judged.score.verdict == .distinct ? nil : judged
      }
    }
    addDecisionPairs(decisions, scorer: scorer, to: &kept)
    return ScoredPairs(kept: kept, candidateCount: candidateCount, exhaustive: exhaustive, scorer: scorer)
  }

  /// The clusters, in order of their first member: the components of merge pairs and must-links (cannot-linked
  /// pairs never join directly), split where they chain (`ClusterRefiner`), and the statements left alone.
  private func cluster(
    _ kept: [KeptPair], count: Int, scorer: PairScorer, decisions: DecisionSet
  ) -> [ClusterRefiner.Cluster] {
    let graph = LinkGraph(count: count) { body in
      for pair in kept where pair.score.verdict == .merge && !decisions.isCannotLinked(pair.i, pair.j) {
        body(pair.i, pair.j)
      }
      for (i, j) in decisions.mustLinks { body(i, j) }
    }
    let refiner = ClusterRefiner(
      scorer: scorer, decisions: decisions, neighbours: { graph.neighbours($0) })
    let groups = graph.groups
    var clusters = Parallel.map(groups.count) { refiner.refine(groups[$0]) }.flatMap { $0 }
    clusters.append(
      contentsOf: graph.singletons.map { ClusterRefiner.Cluster(members: [$0], representative: $0) })
    clusters.sort { $0.members[0] < $1.members[0] }
    return clusters
  }

  /// The statements as their pairs are scored and their mitigations named: without the lead-ins list items
  /// of one framework share (`SharedLeadIns`).
  func withoutSharedLeadIns(_ statements: [DeduplicationInput]) -> [DeduplicationInput] {
    SharedLeadIns(analyzer: TextAnalyzer()).trimmed(statements)
  }

  /// The scorer of `statements` (sorted by id, as `withoutSharedLeadIns` gives them): the corpus analysed
  /// with the configuration's lexicon, voice and slots.
  func makeScorer(_ statements: [DeduplicationInput], model: PairModel?) throws -> PairScorer {
    let lexicon = try ActionLexicon(actions: configuration.actions)
    let voice = try VoiceWords(words: configuration.voice.words, lexicon: lexicon)
    let slots = try ConceptSlots(slots: configuration.slots, voiceConcepts: configuration.voice.concepts)
    let corpus = AnalysedCorpus(
      inputs: statements, lexicon: lexicon, voice: voice, voiceConcepts: Set(configuration.voice.concepts),
      slots: slots)
    return PairScorer(
      corpus: corpus, configuration: configuration, actionNames: lexicon.classes, slots: slots, model: model)
  }

  // MARK: - Candidates

  /// A scored pair worth keeping. The indices are stored in 32 bits (the candidate search already limits
  /// statements to that), because there are tens of millions of these at a million statements.
  struct KeptPair: Sendable {
    private let first: UInt32
    private let second: UInt32
    var score: PairScore

    init(i: Int, j: Int, score: PairScore) {
      first = UInt32(i)
      second = UInt32(j)
      self.score = score
    }

    var i: Int { Int(first) }
    var j: Int { Int(second) }
  }

  /// Every pair, keeping those not distinct (or, with `keepAboveFloor`, those at or above the score floor).
  private func scoreAllPairs(_ scorer: PairScorer, keepAboveFloor: Bool) -> ([KeptPair], Int) {
    let count = scorer.corpus.count
    let pieces = max(1, min(64, count / 32))
    // Rows are dealt out in turn so that the long early rows and short late rows even out.
    let found = Parallel.map(pieces) { piece -> [KeptPair] in
      var kept: [KeptPair] = []
      var row = piece
      while row < count {
        for column in (row + 1)..<max(row + 1, count) {
          let pair = scorer.score(row, column)
          if pair.verdict != .distinct || keepAboveFloor && pair.score >= scorer.floor {
            kept.append(KeptPair(i: row, j: column, score: pair))
          }
        }
        row += pieces
      }
      return kept
    }
    let kept = found.flatMap { $0 }.sorted { ($0.i, $0.j) < ($1.i, $1.j) }
    return (kept, count * (count - 1) / 2)
  }

  private func scoreCandidates(_ candidates: [UInt64], _ scorer: PairScorer, keepAboveFloor: Bool) -> (
    [KeptPair], Int
  ) {
    let ranges = Parallel.ranges(
      candidates.count, pieces: Parallel.pieceCount(for: candidates.count, minimumPieceSize: 4096))
    let found = Parallel.map(ranges.count) { piece -> [KeptPair] in
      var kept: [KeptPair] = []
      let range = ranges[piece]
      scorer.scoreMany(range.count) { offset in
        let key = candidates[range.lowerBound + offset]
        return (Int(key >> 32), Int(key & 0xFFFF_FFFF))
      } _: { _, i, j, pair in
        if pair.verdict != .distinct || keepAboveFloor && pair.score >= scorer.floor {
          kept.append(KeptPair(i: i, j: j, score: pair))
        }
      }
      return kept
    }
    return (found.flatMap { $0 }, candidates.count)
  }

  /// Decision pairs are scored and kept whether or not the candidate search proposed them.
  private func addDecisionPairs(_ decisions: DecisionSet, scorer: PairScorer, to kept: inout [KeptPair]) {
    guard !decisions.byPair.isEmpty else { return }
    let present = Set(kept.map { DecisionSet.key($0.i, $0.j) })
    for key in decisions.byPair.keys.sorted() where !present.contains(key) {
      let i = Int(key >> 32)
      let j = Int(key & 0xFFFF_FFFF)
      kept.append(KeptPair(i: i, j: j, score: scorer.score(i, j)))
    }
    kept.sort { ($0.i, $0.j) < ($1.i, $1.j) }
  }

  // MARK: - Output

  /// The mitigations of `clusters`, each named from its representative's `analysed` text (what a list item
  /// asks for, without the lead-in it shares) and defined by its whole text.
  private func buildMitigations(
    _ clusters: [ClusterRefiner.Cluster], ids: [String], statements: [DeduplicationInput],
    analysed: [DeduplicationInput], scorer: PairScorer, decisions: DecisionSet
  ) -> [Mitigation] {
    let maxLength = configuration.naming.maxNameLength
    let built = Parallel.map(Parallel.pieceCount(for: clusters.count)) { piece -> [Mitigation] in
      let range = Parallel.ranges(clusters.count, pieces: Parallel.pieceCount(for: clusters.count))[piece]
      return range.map { number in
        let cluster = clusters[number]
        let representative = cluster.representative
        var atomSizes: [Int: Int] = [:]
        if !decisions.mustLinks.isEmpty {
          for member in cluster.members { atomSizes[decisions.atom[member], default: 0] += 1 }
        }
        var members: [MitigationMember] = []
        var scored: [(input: DeduplicationInput, similarity: Double)] = []
        for member in cluster.members {
          if member == representative {
            members.append(
              MitigationMember(
                statementID: statements[member].id, similarityToRepresentative: 1, joinedBy: "representative")
            )
            scored.append((statements[member], 1))
            continue
          }
          let pair = scorer.score(representative, member)
          let mustLinked = (atomSizes[decisions.atom[member]] ?? 0) > 1 && pair.verdict != .merge
          members.append(
            MitigationMember(
              statementID: statements[member].id, similarityToRepresentative: pair.score.rounded(toPlaces: 6),
              joinedBy: mustLinked ? "must-link" : "merge"))
          scored.append((statements[member], pair.score))
        }
        let memberInputs = cluster.members.map { statements[$0] }
        let frameworks = memberInputs.compactMap(\.framework).filter { !$0.isEmpty }
        let sources = frameworks.count <= 1 ? frameworks : Set(frameworks).sorted()
        return Mitigation(
          id: ids[number],
          name: MitigationNaming.name(
            representative: analysed[representative], members: scored, maxLength: maxLength),
          definition: statements[representative].text,
          representativeStatementID: statements[representative].id,
          primaryCode: MitigationNaming.primaryCode(
            members: memberInputs, representative: statements[representative]),
          sources: sources, members: members)
      }
    }
    return built.flatMap { $0 }.map { (key: IdentityAssigner.sortKey($0.id), mitigation: $0) }
      .sorted { ($0.key.number, $0.key.text) < ($1.key.number, $1.key.text) }.map(\.mitigation)
  }

  /// The merge pairs, the review pairs worth reading and the decision pairs, with what decides each verdict.
  private func reportedEdges(
    _ kept: [KeptPair], clusterOf: [Int], statements: [DeduplicationInput], scorer: PairScorer,
    decisions: DecisionSet
  ) -> ReportedEdges {
    precondition(kept.count <= Int(UInt32.max), "more scored pairs than 32-bit positions can index")
    let keepReview = reviewEdgesToKeep(kept, statementCount: statements.count)
    let pieces = Parallel.ranges(
      kept.count, pieces: Parallel.pieceCount(for: kept.count, minimumPieceSize: 4096))
    let found = Parallel.map(pieces.count) {
      piece -> (positions: [UInt32], sources: [ReportedEdges.Source]) in
      var positions: [UInt32] = []
      var sources: [ReportedEdges.Source] = []
      for position in pieces[piece] {
        let pair = kept[position]
        let source: ReportedEdges.Source
        if !decisions.byPair.isEmpty && decisions.byPair[DecisionSet.key(pair.i, pair.j)] != nil {
          source = .decision
        } else if pair.score.verdict == .merge && clusterOf[pair.i] != clusterOf[pair.j] {
          source = .keptApart
        } else if pair.score.verdict == .review && keepReview[position] || pair.score.verdict == .merge {
          source = .scores
        } else {
          continue
        }
        positions.append(UInt32(position))
        sources.append(source)
      }
      return (positions, sources)
    }
    return ReportedEdges(
      kept: kept, positions: found.flatMap(\.positions), sources: found.flatMap(\.sources),
      statements: statements, scorer: scorer, decisions: decisions)
  }

  /// Marks the review pairs to report: those among the `maxReviewEdgesPerStatement` best of at least one of
  /// their statements (highest score first, then earlier pair).
  private func reviewEdgesToKeep(_ kept: [KeptPair], statementCount: Int) -> [Bool] {
    let limit = configuration.candidates.maxReviewEdgesPerStatement
    var keep = [Bool](repeating: limit == 0, count: kept.count)
    guard limit > 0 else { return keep }
    // Each statement's review pairs, grouped by a counting sort on the statement rather than by one sort of
    // them all: at a million statements there are millions, and most statements have no more than `limit`,
    // so they need no sorting at all. Within a statement the positions come in ascending order.
    var starts = [Int](repeating: 0, count: statementCount + 1)
    for pair in kept where pair.score.verdict == .review {
      starts[pair.i + 1] += 1
      starts[pair.j + 1] += 1
    }
    for statement in 0..<statementCount { starts[statement + 1] += starts[statement] }
    var ends = [UInt32](repeating: 0, count: starts[statementCount])
    var fill = starts
    for (position, pair) in kept.enumerated() where pair.score.verdict == .review {
      ends[fill[pair.i]] = UInt32(position)
      fill[pair.i] += 1
      ends[fill[pair.j]] = UInt32(position)
      fill[pair.j] += 1
    }
    let pieces = Parallel.ranges(
      statementCount, pieces: Parallel.pieceCount(for: statementCount, minimumPieceSize: 4096))
    ends.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let all = buffer
      _ = Parallel.map(pieces.count) { piece -> Int in
        for statement in pieces[piece] where starts[statement + 1] - starts[statement] > limit {
          var list = UnsafeMutableBufferPointer(rebasing: all[starts[statement]..<starts[statement + 1]])
          list.sort { lhs, rhs in
            let scoreL = kept[Int(lhs)].score.score
            let scoreR = kept[Int(rhs)].score.score
            return scoreL != scoreR ? scoreL > scoreR : lhs < rhs
          }
        }
        return 0
      }
    }
    for statement in 0..<statementCount {
      for end in ends[starts[statement]..<min(starts[statement + 1], starts[statement] + limit)] {
        keep[Int(end)] = true
      }
    }
    return keep
  }

}
