import Utilities

/// How well stated confidences match observed accuracy, and what a review threshold buys: the
/// reliability table and the coverage-accuracy curve of `evaluate`. Shared by any coder that states
/// a probability of being right.
public enum CalibrationMeasures {
  /// One bin of stated confidence: how many statements fell in it, their mean stated confidence and
  /// the share of them that were right.
  public struct ReliabilityBin: Sendable, Codable, Hashable {
    public var lower: Double
    public var upper: Double
    public var n: Int
    public var meanConfidence: Double?
    public var accuracy: Double?
  }

  /// Left unflagged at a threshold: the share of statements at or above it and their accuracy.
  public struct CoveragePoint: Sendable, Codable, Hashable {
    public var threshold: Double
    public var coverage: Double
    public var n: Int
    public var accuracy: Double?
  }

  /// Equal-width bins over [0, 1]; the top bin includes 1.
  static func reliability(confidences: [Double], correct: [Bool], bins: Int = 10)
    -> [ReliabilityBin]
  {
    (0..<bins).map { bin in
      let lower = Double(bin) / Double(bins)
      let upper = Double(bin + 1) / Double(bins)
      let members = confidences.indices.filter {
        confidences[$0] >= lower && (confidences[$0] < upper || (bin == bins - 1 && confidences[$0] <= upper))
      }
      let n = members.count
      return ReliabilityBin(
        lower: lower, upper: upper, n: n,
        meanConfidence: n == 0
          ? nil : (members.map { confidences[$0] }.reduce(0, +) / Double(n)).rounded(toPlaces: 4),
        accuracy: n == 0
          ? nil : (Double(members.filter { correct[$0] }.count) / Double(n)).rounded(toPlaces: 4))
    }
  }

  /// Expected calibration error: the bins' gaps between confidence and accuracy, weighted by size.
  static func expectedCalibrationError(_ bins: [ReliabilityBin]) -> Double {
    let total = bins.reduce(0) { $0 + $1.n }
    guard total > 0 else { return 0 }
    var sum = 0.0
    for bin in bins {
      if let confidence = bin.meanConfidence, let accuracy = bin.accuracy {
        sum += Double(bin.n) * abs(confidence - accuracy)
      }
    }
    return (sum / Double(total)).rounded(toPlaces: 4)
  }

  /// For each threshold, the statements whose confidence reaches it: their share and their accuracy.
  static func coverageCurve(confidences: [Double], correct: [Bool], thresholds: [Double])
    -> [CoveragePoint]
  {
    let total = max(confidences.count, 1)
    return thresholds.map { threshold in
      let kept = confidences.indices.filter { confidences[$0] >= threshold }
      return CoveragePoint(
        threshold: threshold, coverage: (Double(kept.count) / Double(total)).rounded(toPlaces: 4),
        n: kept.count,
        accuracy: kept.isEmpty
          ? nil : (Double(kept.filter { correct[$0] }.count) / Double(kept.count)).rounded(toPlaces: 4)
      )
    }
  }

  static let standardThresholds: [Double] = stride(from: 0.0, through: 0.95, by: 0.05).map {
    $0.rounded(toPlaces: 2)
  }
}
