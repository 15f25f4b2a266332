import Testing

@testable import Review

/// The replay behind `evscan simulate-review`, with a learner simple enough to predict: it "knows" the items
/// it was given, and is least sure of the items whose number is highest.
@Suite("Review simulation")
struct ReviewSimulationTests {
  static let strata = (0..<40).map { $0 % 4 == 0 ? "rare" : "common" }
  static var simulation: ReviewSimulation<Set<Int>> { .init(seed: 7, seedSize: 4, batch: 3, budget: 13) }

  static func curves(pool: [Int]) throws -> [SimulationCurve] {
    try simulation.run(pool: pool) {
      Set($0)
    } evaluate: { known in
      ["known": Double(known.count)]
    } uncertainty: { _, item in
      Double(item)
    }
  }

  @Test func theSplitIsStratifiedSeededAndComplete() {
    let (heldOut, pool) = Self.simulation.split(strata: Self.strata)
    #expect(heldOut.count == 12)
    #expect(heldOut.filter { Self.strata[$0] == "rare" }.count == 3)
    #expect(Set(heldOut).isDisjoint(with: pool))
    #expect(Set(heldOut).union(pool) == Set(0..<40))
    let again = Self.simulation.split(strata: Self.strata)
    #expect(again.heldOut == heldOut && again.pool == pool)
    let other = ReviewSimulation<Set<Int>>(seed: 8, seedSize: 4, batch: 3, budget: 13).split(
      strata: Self.strata)
    #expect(other.pool != pool)
  }

  @Test func bothOrdersStartFromTheSameSeedAndSpendTheSameBudget() throws {
    let (_, pool) = Self.simulation.split(strata: Self.strata)
    let curves = try Self.curves(pool: pool)
    #expect(curves.map(\.order) == ["uncertain", "random"])
    for curve in curves {
      #expect(curve.points.map(\.labelled) == [4, 7, 10, 13])
      #expect(curve.points.map { $0.metrics["known"] } == [4, 7, 10, 13])
    }
  }

  @Test func theQueueAsksForTheItemsItIsLeastSureOf() throws {
    let pool = Array(0..<20)
    var asked: [[Int]] = []
    _ = try Self.simulation.run(pool: pool) { labelled in
      asked.append(labelled)
      return Set(labelled)
    } evaluate: { _ in
      [:]
    } uncertainty: { _, item in
      Double(item)
    }
    // The uncertain order's second fit has the seed (0-3) and the three highest items; the random order's
    // has the next three of the pool.
    #expect(asked[1] == [0, 1, 2, 3, 19, 18, 17])
    #expect(asked[5] == [0, 1, 2, 3, 4, 5, 6])
    #expect(
      SimulationCurve(
        order: "x",
        points: [.init(labelled: 4, metrics: ["m": 0.5]), .init(labelled: 7, metrics: ["m": 0.7])]
      )
      .labelsToReach(0.6, metric: "m") == 7)
  }
}
