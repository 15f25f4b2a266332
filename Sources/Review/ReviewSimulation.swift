import ContentHash
import Foundation

/// Replays a review with known labels standing in for the person: from a small seed of labelled items, a
/// batch at a time, the learner is refitted and scored on a held-out part; the next batch is the items the
/// learner is least sure of (`uncertain`) or, for comparison, the next items of a seeded random order with
/// the same seed set and budget (`random`).
///
/// The learner is given as closures so that one replay serves codes (the classifier) and merges (the pair
/// model): `fit` learns from the labelled items' indices and returns a scorer, `evaluate` measures it on the
/// held-out part, `uncertainty` says how unsure it is of an item (higher is asked first).
public struct ReviewSimulation<Model> {
  public typealias Point = SimulationPoint
  public typealias Curve = SimulationCurve

  public var seed: UInt64
  public var seedSize: Int
  public var batch: Int
  public var budget: Int
  public var heldOutShare: Double

  public init(seed: UInt64, seedSize: Int, batch: Int, budget: Int, heldOutShare: Double = 0.3) {
    self.seed = seed
    self.seedSize = seedSize
    self.batch = max(1, batch)
    self.budget = budget
    self.heldOutShare = heldOutShare
  }

  /// The held-out items and the pool, stratified by `strata` (an item's class), from the seed.
  public func split(strata: [String]) -> (heldOut: [Int], pool: [Int]) {
    var generator = SplitMix64(seed: seed)
    var heldOut: [Int] = []
    var pool: [Int] = []
    for stratum in Set(strata).sorted() {
      var members = strata.indices.filter { strata[$0] == stratum }
      Self.shuffle(&members, &generator)
      let cut = Int((Double(members.count) * heldOutShare).rounded())
      heldOut += members.prefix(cut)
      pool += members.dropFirst(cut)
    }
    heldOut.sort()
    Self.shuffle(&pool, &generator)
    return (heldOut, pool)
  }

  /// Both curves over `pool` (in its shuffled order: the seed set is its first `seedSize` items).
  public func run(
    pool: [Int], fit: ([Int]) throws -> Model, evaluate: (Model) -> [String: Double],
    uncertainty: (Model, Int) -> Double
  ) throws -> [Curve] {
    let limit = min(budget, pool.count)
    var curves: [Curve] = []
    for order in ["uncertain", "random"] {
      var labelled = Array(pool.prefix(min(seedSize, limit)))
      var unlabelled = Array(pool.dropFirst(labelled.count))
      var points: [Point] = []
      while true {
        let model = try fit(labelled)
        points.append(Point(labelled: labelled.count, metrics: evaluate(model)))
        guard labelled.count < limit, !unlabelled.isEmpty else { break }
        let take = min(batch, limit - labelled.count, unlabelled.count)
        if order == "uncertain" {
          // Most uncertain first; ties keep the pool's (random) order.
          let ranked = unlabelled.enumerated().map { ($0.offset, uncertainty(model, $0.element)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
          let chosen = Set(ranked.prefix(take).map(\.0))
          labelled += ranked.prefix(take).map { unlabelled[$0.0] }
          unlabelled = unlabelled.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
        } else {
          labelled += unlabelled.prefix(take)
          unlabelled.removeFirst(take)
        }
      }
      curves.append(Curve(order: order, points: points))
    }
    return curves
  }

  static func shuffle(_ items: inout [Int], _ generator: inout SplitMix64) {
    guard items.count > 1 else { return }
    for last in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(last, Int(generator.next() % UInt64(last + 1)))
    }
  }
}

/// A measurement after a batch: how many items were labelled, and the metrics on the held-out part.
public struct SimulationPoint: Sendable, Hashable, Codable {
  public var labelled: Int
  public var metrics: [String: Double]
}

/// One order's measurements, batch by batch.
public struct SimulationCurve: Sendable, Hashable, Codable {
  public var order: String
  public var points: [SimulationPoint]

  /// The fewest labelled items at which the curve reaches `target` on `metric`, or nil.
  public func labelsToReach(_ target: Double, metric: String) -> Int? {
    points.first { ($0.metrics[metric] ?? -.infinity) >= target - 1e-12 }?.labelled
  }
}
