import Foundation
import Testing

@testable import Normalization

@Suite("Folds, calibration and the review flag's measures")
struct CalibrationTests {
  static let codes: [String] = (0..<60).map { ["1.1", "1.2", "3.1", "4.2"][$0 % 4] } + ["2.1", "2.1", "2.1"]

  @Test(arguments: [2, 5, 7])
  func foldsAreStratifiedAndBalanced(count: Int) {
    let folds = Folds.stratified(codes: Self.codes, count: count)
    let sizes = (0..<count).map { fold in folds.indices.filter { $0 == fold }.count }
    #expect(sizes.max()! - sizes.min()! <= 1)
    for code in Set(Self.codes) {
      let perFold = (0..<count).map { fold in
        zip(Self.codes, folds.indices).filter { $0.0 == code && $0.1 == fold }.count
      }
      #expect(perFold.max()! - perFold.min()! <= 1, "code \(code) is spread \(perFold)")
    }
  }

  @Test func foldsRepeatForASeedAndChangeWithIt() {
    let first = Folds.stratified(codes: Self.codes, count: 5, seed: 7).indices
    #expect(first == Folds.stratified(codes: Self.codes, count: 5, seed: 7).indices)
    #expect(first != Folds.stratified(codes: Self.codes, count: 5, seed: 8).indices)
  }

  /// Signals whose true probability of being right is known: the fit recovers it.
  @Test func plattScalingRecoversAKnownProbability() {
    var generator = SplitMixForTests(seed: 42)
    var samples: [(signals: [Double], correct: Bool)] = []
    for _ in 0..<4000 {
      let x = generator.uniform() * 6 - 3
      let truth = 1 / (1 + exp(-(0.5 + 1.5 * x)))
      samples.append(([x], generator.uniform() < truth))
    }
    let calibration = CorrectnessCalibration.fit(samples)
    for x in [-2.0, 0.0, 2.0] {
      let truth = 1 / (1 + exp(-(0.5 + 1.5 * x)))
      #expect(abs(calibration.probability([x]) - truth) < 0.05, "at \(x)")
    }
  }

  @Test func plattScalingWithoutBothOutcomesKeepsTheIdentity() {
    let calibration = CorrectnessCalibration.fit((0..<20).map { _ in ([1.0, 0.5], true) })
    #expect(calibration == .identity)
  }

  @Test func reliabilityAndCoverageAddUp() {
    let confidences = [0.05, 0.15, 0.55, 0.95, 1.0, 0.62]
    let correct = [false, false, true, true, true, false]
    let bins = CalibrationMeasures.reliability(confidences: confidences, correct: correct)
    #expect(bins.count == 10)
    #expect(bins.reduce(0) { $0 + $1.n } == confidences.count)
    #expect(bins[9].n == 2 && bins[9].accuracy == 1)
    #expect(bins[6].n == 1 && bins[6].accuracy == 0)
    let curve = CalibrationMeasures.coverageCurve(
      confidences: confidences, correct: correct, thresholds: [0, 0.5, 0.9])
    #expect(curve[0].coverage == 1 && curve[0].accuracy == 0.5)
    #expect(curve[1].n == 4 && curve[1].accuracy == 0.75)
    #expect(curve[2].n == 2 && curve[2].accuracy == 1)
  }
}

/// A seeded generator for the synthetic samples above (the tests do not depend on ContentHash).
struct SplitMixForTests {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((value ^ (value >> 31)) >> 11) / Double(1 << 53)
  }
}
