import ContentHash
import Foundation
import ScanModel

/// Fits and cross-validates the learned pair model (`PairModel`) on labelled pairs.
///
/// Each set of labelled pairs is measured against its own statements, analysed as one corpus (its IDF is
/// that corpus's), exactly as the deduplicator measures the pairs of its input, with no score floor so that
/// every pair gets all its measurements.
public struct PairModelTrainer: Sendable {
  public let configuration: DeduplicationConfiguration
  public var penalty: Double

  public init(configuration: DeduplicationConfiguration = .default, penalty: Double = 1) {
    self.configuration = configuration
    self.penalty = penalty
  }

  /// Labelled pairs with their feature vectors.
  public struct Examples: Sendable {
    public var pairs: [LabelledPair] = []
    public var rows: [[Double]] = []
    var scores: [PairScore] = []

    public init() {}

    public var labels: [Bool] { pairs.map(\.duplicate) }

    /// Whether one of `vetoes` holds for each pair.
    public func vetoed(_ vetoes: [String]) -> [Bool] {
      scores.map { score in vetoes.contains { PairModel.holds($0, score) } }
    }

    /// For each veto, how many duplicates and others it holds for.
    public func vetoEvidence() -> [String: PairModel.VetoCount] {
      var evidence: [String: PairModel.VetoCount] = [:]
      for veto in PairModel.vetoNames {
        let held = zip(scores, pairs).filter { PairModel.holds(veto, $0.0) }
        evidence[veto] = PairModel.VetoCount(
          duplicates: held.filter { $0.1.duplicate }.count, others: held.filter { !$0.1.duplicate }.count)
      }
      return evidence
    }

    public mutating func append(contentsOf other: Examples) {
      pairs += other.pairs
      rows += other.rows
      scores += other.scores
    }
  }

  /// Measures `pairs` among `statements` (`statementsFile` names them in errors). A pair naming a statement
  /// that is not there is an error naming the pair's file and line.
  public func examples(_ pairs: [LabelledPair], statements: [DeduplicationInput], statementsFile: String)
    throws -> Examples
  {
    let sorted = statements.sorted { $0.id < $1.id }
    var index: [String: Int] = [:]
    for (position, statement) in sorted.enumerated() {
      guard index[statement.id] == nil else {
        throw InputError(
          file: statementsFile, element: statement.id, "the id `\(statement.id)` is used twice")
      }
      index[statement.id] = position
    }
    let deduplicator = Deduplicator(configuration: configuration)
    var scorer = try deduplicator.makeScorer(deduplicator.withoutSharedLeadIns(sorted), model: nil)
    // Each statement's best score over all pairs at or above the floor, as the deduplicator finds it.
    var scored: [(Int, Int, Double)] = []
    for i in 0..<sorted.count {
      for j in (i + 1)..<max(i + 1, sorted.count) {
        let score = scorer.score(i, j).score
        if score >= scorer.floor { scored.append((i, j, score)) }
      }
    }
    let best = PairScorer.bestScores(count: sorted.count, scored)
    scorer.floor = -1
    scorer = scorer.withBest(best)
    var examples = Examples()
    for pair in pairs {
      guard let first = index[pair.a], let second = index[pair.b] else {
        let missing = index[pair.a] == nil ? pair.a : pair.b
        throw InputError(
          file: pair.file, line: pair.line,
          "names `\(missing)`, which \(statementsFile) does not have; give the statements the pairs come from"
        )
      }
      let (i, j) = (min(first, second), max(first, second))
      let score = scorer.score(i, j)
      examples.pairs.append(pair)
      examples.rows.append(scorer.features(i, j, score))
      examples.scores.append(score)
    }
    return examples
  }

  /// Fits the model on all `examples`, with thresholds `merge` and `review`.
  public func fit(
    _ examples: Examples, merge: Double, review: Double, vetoes: [String], training: [PairModel.TrainingFile],
    crossValidation: PairEvaluation?
  ) -> PairModel {
    let regression = LogisticRegression.fit(rows: examples.rows, labels: examples.labels, penalty: penalty)
    return PairModel(
      features: PairFeatures.names, regression: regression, penalty: penalty, mergeThreshold: merge,
      reviewThreshold: review, vetoes: vetoes, vetoEvidence: examples.vetoEvidence(), training: training,
      crossValidation: crossValidation)
  }

  /// Out-of-fold probabilities: the pairs are dealt into `folds` folds (duplicates and the others each
  /// shuffled with `seed` and dealt in turn, so every fold has its share of both); each fold's pairs are
  /// scored by a model fitted on the other folds.
  ///
  /// With `groupedByStatement`, pairs that share a statement, directly or through a chain of pairs, stay in
  /// one fold (`groupedFolds`), so that no statement is both trained on and scored.
  public func outOfFold(
    _ examples: Examples, folds: Int, seed: UInt64, groupedByStatement: Bool = false
  ) -> [Double] {
    let fold =
      groupedByStatement
      ? Self.groupedFolds(pairs: examples.pairs, count: folds, seed: seed)
      : Self.folds(labels: examples.labels, count: folds, seed: seed)
    var probabilities = [Double](repeating: 0, count: examples.pairs.count)
    for held in 0..<folds {
      let train = examples.rows.indices.filter { fold[$0] != held }
      guard !train.isEmpty else { continue }
      let model = LogisticRegression.fit(
        rows: train.map { examples.rows[$0] }, labels: train.map { examples.pairs[$0].duplicate },
        penalty: penalty)
      for index in examples.rows.indices where fold[index] == held {
        probabilities[index] = model.probability(examples.rows[index])
      }
    }
    return probabilities
  }

  /// The fold of each example, stratified by label.
  static func folds(labels: [Bool], count: Int, seed: UInt64) -> [Int] {
    var fold = [Int](repeating: 0, count: labels.count)
    var generator = SplitMix64(seed: seed)
    for positive in [true, false] {
      var members = labels.indices.filter { labels[$0] == positive }
      shuffle(&members, with: &generator)
      for (offset, member) in members.enumerated() { fold[member] = offset % max(count, 1) }
    }
    return fold
  }

  /// The fold of each pair, keeping every group of pairs linked through shared statements in one fold. As
  /// in scikit-learn's `GroupKFold`, the groups are dealt largest first, each to the fold with the fewest
  /// pairs so far (the lowest-numbered on a tie); the seed orders groups of the same size. Folds come out
  /// uneven when one group is large.
  static func groupedFolds(pairs: [LabelledPair], count: Int, seed: UInt64) -> [Int] {
    var statementIndex: [String: Int] = [:]
    func index(of id: String) -> Int {
      if let known = statementIndex[id] { return known }
      statementIndex[id] = statementIndex.count
      return statementIndex.count - 1
    }
    let ends = pairs.map { (index(of: $0.a), index(of: $0.b)) }
    var links = UnionFind(count: statementIndex.count)
    for (a, b) in ends { links.union(a, b) }
    var members: [Int: [Int]] = [:]
    for (pair, (a, _)) in ends.enumerated() { members[links.find(a), default: []].append(pair) }
    var roots = members.keys.sorted()
    var generator = SplitMix64(seed: seed)
    shuffle(&roots, with: &generator)
    // Largest first; among groups of one size, the shuffled order.
    let groups = roots.compactMap { members[$0] }.enumerated().sorted { first, second in
      first.element.count != second.element.count
        ? first.element.count > second.element.count : first.offset < second.offset
    }.map(\.element)
    var fold = [Int](repeating: 0, count: pairs.count)
    var filled = [Int](repeating: 0, count: max(count, 1))
    for group in groups {
      let target = filled.indices.min { filled[$0] != filled[$1] ? filled[$0] < filled[$1] : $0 < $1 } ?? 0
      for pair in group { fold[pair] = target }
      filled[target] += group.count
    }
    return fold
  }

  /// The thresholds that suit `probabilities` of pairs labelled `labels`: for merging, the lowest of 0.30,
  /// 0.35, ... 0.95 whose merges (pairs at or above it that no veto holds for) reach `precision` (the highest recall that keeps that precision); for the
  /// review band, the highest of 0.05, 0.10, ... below it that brings the merged and review-band pairs
  /// together to `reviewRecall` of the duplicates.
  public static func thresholds(
    probabilities: [Double], labels: [Bool], vetoed: [Bool] = [], precision target: Double,
    reviewRecall: Double
  ) -> (merge: Double, review: Double) {
    let vetoed = vetoed.isEmpty ? [Bool](repeating: false, count: labels.count) : vetoed
    let duplicates = labels.filter { $0 }.count
    var merge = 0.95
    for step in stride(from: 30, through: 95, by: 5) {
      let threshold = Double(step) / 100
      let merged = zip(zip(probabilities, labels), vetoed).filter { $0.0.0 >= threshold && !$0.1 }.map(\.0)
      let right = merged.filter { $0.1 }.count
      if !merged.isEmpty && Double(right) / Double(merged.count) >= target {
        merge = threshold
        break
      }
    }
    var review = 0.05
    for step in stride(from: Int((merge * 100).rounded()) - 5, through: 5, by: -5) {
      let threshold = Double(step) / 100
      let caught = zip(probabilities, labels).filter { $0.0 >= threshold && $0.1 }.count
      if duplicates == 0 || Double(caught) / Double(duplicates) >= reviewRecall {
        review = threshold
        break
      }
    }
    return (merge, review)
  }

  /// Fisher-Yates written out here, so that the order depends on the seed alone and not on how the
  /// standard library's `shuffle` draws.
  static func shuffle<Element>(_ items: inout [Element], with generator: inout SplitMix64) {
    guard items.count > 1 else { return }
    for last in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(last, Int(generator.next() % UInt64(last + 1)))
    }
  }
}
