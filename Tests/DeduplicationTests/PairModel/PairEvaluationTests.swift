import Testing

@testable import Deduplication

/// The area under the ROC curve that `evaluate-pairs` and `simulate-review` report.
@Suite struct PairEvaluationTests {
  /// The definition: over every duplicate and every other pair, the share where the duplicate's probability
  /// is higher, ties counting half.
  static func pairwise(_ probabilities: [Double], _ labels: [Bool]) -> Double {
    let duplicates = zip(probabilities, labels).filter(\.1).map(\.0)
    let others = zip(probabilities, labels).filter { !$0.1 }.map(\.0)
    var wins = 0.0
    for duplicate in duplicates {
      for other in others { wins += duplicate > other ? 1 : duplicate == other ? 0.5 : 0 }
    }
    return wins / Double(duplicates.count * others.count)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var probabilities: [Double]
    var labels: [Bool]
    var expected: Double
    var testDescription: String { name }
  }

  static let cases = [
    Case(
      name: "perfect ranking", probabilities: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true],
      expected: 1),
    Case(
      name: "reversed", probabilities: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true], expected: 0),
    Case(
      name: "all tied", probabilities: [0.5, 0.5, 0.5, 0.5], labels: [false, true, false, true], expected: 0.5
    ),
    Case(
      name: "ties across the classes",
      probabilities: [0.2, 0.4, 0.4, 0.6, 0.6, 0.6, 0.9],
      labels: [false, true, false, true, false, false, true],
      expected: 17.0 / 24),
  ]

  @Test(arguments: cases)
  func areaUnderCurveMatchesItsDefinition(_ example: Case) throws {
    let auc = try #require(
      PairEvaluation.areaUnderCurve(probabilities: example.probabilities, labels: example.labels))
    #expect(abs(auc - example.expected) < 1e-12)
    #expect(abs(auc - Self.pairwise(example.probabilities, example.labels)) < 1e-12)
  }

  @Test func aGeneratedSetMatchesTheDefinition() throws {
    var state: UInt64 = 20_261_207
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 33) / Double(1 << 31)
    }
    let probabilities = (0..<200).map { _ in (next() * 10).rounded() / 10 }
    let labels = (0..<200).map { _ in next() < 0.3 }
    let auc = try #require(PairEvaluation.areaUnderCurve(probabilities: probabilities, labels: labels))
    #expect(abs(auc - Self.pairwise(probabilities, labels)) < 1e-12)
  }

  @Test func oneKindOfPairHasNoArea() {
    #expect(PairEvaluation.areaUnderCurve(probabilities: [0.2, 0.9], labels: [true, true]) == nil)
    #expect(PairEvaluation.areaUnderCurve(probabilities: [], labels: []) == nil)
    let evaluation = PairEvaluation(
      probabilities: [0.2, 0.9], labels: [false, false], merge: 0.75, review: 0.25, folds: 2, seed: 1)
    #expect(evaluation.auc == nil)
  }
}
