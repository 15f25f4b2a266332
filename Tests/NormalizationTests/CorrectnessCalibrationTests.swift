import Foundation
import Testing

@testable import Normalization

@Suite("Calibration of the probability of being right")
struct CorrectnessCalibrationTests {
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
