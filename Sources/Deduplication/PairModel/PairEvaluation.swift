import Foundation
import Utilities

/// How well probabilities separate duplicate pairs from the others at a merge threshold and review band:
/// what `evscan evaluate-pairs` reports (on out-of-fold probabilities) and the model file records.
public struct PairEvaluation: Sendable, Hashable, Codable {
  public struct Band: Sendable, Hashable, Codable {
    public var pairs: Int
    public var duplicates: Int
    /// Of all duplicate pairs, the share that fell in this band.
    public var shareOfDuplicates: Double
    /// Of the pairs in this band, the share that are duplicates.
    public var precision: Double
  }

  /// Probabilities from `from` up to (not including) `to`, with how many pairs fell there and how many of
  /// them are duplicates: calibrated probabilities have `meanProbability` near `shareDuplicates`.
  public struct CalibrationBin: Sendable, Hashable, Codable {
    public var from: Double
    public var to: Double
    public var pairs: Int
    public var meanProbability: Double
    public var shareDuplicates: Double
  }

  public var folds: Int
  public var seed: UInt64
  /// True when pairs sharing a statement were kept in one fold; absent for folds dealt pair by pair.
  public var groupedByStatement: Bool?
  public var pairs: Int
  public var duplicates: Int
  public var mergeThreshold: Double
  public var reviewThreshold: Double
  /// Pairs at or above the merge threshold: the merges.
  public var merged: Band
  /// Pairs in the review band.
  public var review: Band
  /// Pairs below the review band.
  public var distinct: Band
  /// Merge precision and recall (`merged.precision`, `merged.shareOfDuplicates`), repeated for reading.
  public var precision: Double
  public var recall: Double
  /// Mean squared error of the probabilities (0 is perfect; always answering the base rate scores
  /// base·(1 − base)).
  public var brier: Double
  /// The area under the ROC curve: how well the probabilities rank duplicates above the other pairs,
  /// whatever the thresholds (0.5 is chance). Absent without both kinds of pair, and in model files written
  /// before it was measured.
  public var auc: Double?
  public var calibration: [CalibrationBin]

  /// `vetoed` says for each pair whether a veto keeps it from merging (it then counts in the review band
  /// when its probability would merge it).
  public init(
    probabilities: [Double], labels: [Bool], vetoed: [Bool] = [], merge: Double, review: Double, folds: Int,
    seed: UInt64, groupedByStatement: Bool = false
  ) {
    let duplicates = labels.filter { $0 }.count
    let vetoed = vetoed.isEmpty ? [Bool](repeating: false, count: labels.count) : vetoed
    func band(_ range: (Double, Bool) -> Bool) -> Band {
      let inside = zip(zip(probabilities, vetoed), labels).filter { range($0.0.0, $0.0.1) }.map {
        ($0.0.0, $0.1)
      }
      let right = inside.filter { $0.1 }.count
      return Band(
        pairs: inside.count, duplicates: right,
        shareOfDuplicates: duplicates > 0 ? (Double(right) / Double(duplicates)).rounded(toPlaces: 4) : 0,
        precision: inside.isEmpty ? 0 : (Double(right) / Double(inside.count)).rounded(toPlaces: 4))
    }
    self.folds = folds
    self.seed = seed
    self.groupedByStatement = groupedByStatement ? true : nil
    self.pairs = labels.count
    self.duplicates = duplicates
    self.mergeThreshold = merge
    self.reviewThreshold = review
    self.merged = band { $0 >= merge && !$1 }
    self.review = band { $0 >= review && ($0 < merge || $1) }
    self.distinct = band { probability, _ in probability < review }
    self.precision = merged.precision
    self.recall = merged.shareOfDuplicates
    let squared = zip(probabilities, labels).map { ($0.0 - ($0.1 ? 1 : 0)) * ($0.0 - ($0.1 ? 1 : 0)) }
    self.brier = labels.isEmpty ? 0 : (squared.reduce(0, +) / Double(labels.count)).rounded(toPlaces: 4)
    self.auc = Self.areaUnderCurve(probabilities: probabilities, labels: labels)?.rounded(toPlaces: 4)
    self.calibration = (0..<5).compactMap { bin in
      let from = Double(bin) / 5
      let to = Double(bin + 1) / 5
      let inside = zip(probabilities, labels).filter { $0.0 >= from && ($0.0 < to || bin == 4) }
      guard !inside.isEmpty else { return nil }
      return CalibrationBin(
        from: from, to: to, pairs: inside.count,
        meanProbability: (inside.map(\.0).reduce(0, +) / Double(inside.count)).rounded(toPlaces: 4),
        shareDuplicates: (Double(inside.filter(\.1).count) / Double(inside.count)).rounded(toPlaces: 4))
    }
  }

  /// The chance that a duplicate drawn at random has a higher probability than another pair drawn at random,
  /// ties counting half (the Mann-Whitney statistic over both counts); nil without both kinds of pair.
  public static func areaUnderCurve(probabilities: [Double], labels: [Bool]) -> Double? {
    let positives = labels.filter { $0 }.count
    let negatives = labels.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
    var positiveRanks = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, probabilities[order[end + 1]] == probabilities[order[start]] { end += 1 }
      // Tied probabilities share the mean of the ranks they span (ranks count from 1).
      let rank = Double(start + end) / 2 + 1
      for position in start...end where labels[order[position]] { positiveRanks += rank }
      start = end + 1
    }
    let p = Double(positives)
    return (positiveRanks - p * (p + 1) / 2) / (p * Double(negatives))
  }
}
