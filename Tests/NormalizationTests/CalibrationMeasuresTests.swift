import Testing

@testable import Normalization

@Suite("The review flag's measures")
struct CalibrationMeasuresTests {
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
