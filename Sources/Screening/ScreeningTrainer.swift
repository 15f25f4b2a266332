import Foundation
import Utilities

/// Fits the screening model and measures it in cross-validation grouped by document, then picks the
/// threshold to ship at: the highest that keeps `targetRecall` of the mitigations out of fold and at least
/// `worstDocumentFloor` of every held-out document's, because a missed mitigation is lost from the scan
/// while a doubtful unit kept costs a reviewer one look, and a pooled recall can hide a kind of document
/// (legal text, here) that loses many.
public struct ScreeningTrainer: Sendable {
  public var folds = 5
  public var targetRecall = 0.95
  public var worstDocumentFloor = 0.7
  public var regularisation: Double {
    get { regression.regularisation }
    set { regression.regularisation = newValue }
  }
  public var iterations: Int {
    get { regression.iterations }
    set { regression.iterations = newValue }
  }
  public var learningRate: Double {
    get { regression.learningRate }
    set { regression.learningRate = newValue }
  }
  var regression = LogisticRegression()
  /// A word feature must occur in this many training examples to get a weight.
  public var minimumDocumentFrequency = 2

  public init() {}

  public func train(_ examples: [ScreeningExample], sources: [ScreeningModel.Training.Source])
    -> ScreeningModel
  {
    let features = ScreeningFeatures()
    let vectors = examples.map { features.vector($0.text).values }
    let outOfFold = crossValidatedProbabilities(examples, vectors: vectors)
    let thresholds = stride(from: 5, through: 95, by: 5).map { Double($0) / 100 }
    let points = thresholds.map { point(threshold: $0, examples, outOfFold) }
    let shipped =
      points.last { $0.recall >= targetRecall && $0.worstDocumentRecall >= worstDocumentFloor }?.threshold
      ?? thresholds[0]
    let groups = groupFigures(examples, outOfFold, threshold: shipped)
    let (weights, bias) = fit(examples.indices.map { $0 }, examples, vectors)
    let evaluation = ScreeningEvaluation(
      method: "\(folds)-fold cross-validation grouped by source document", examples: examples.count,
      points: points, groups: groups)
    let training = ScreeningModel.Training(
      examples: examples.count, positives: examples.filter(\.isMitigation).count,
      negatives: examples.filter { !$0.isMitigation }.count, sources: sources,
      regularisation: regression.regularisation, iterations: regression.iterations)
    return ScreeningModel(
      threshold: shipped, bias: bias.rounded(toPlaces: 6), weights: weights, training: training,
      evaluation: evaluation)
  }

  /// Each group goes to one fold (groups sorted by name, dealt round), so a document's units never sit on
  /// both sides; the probabilities returned are each example's from the model that did not see its group.
  func crossValidatedProbabilities(_ examples: [ScreeningExample], vectors: [[String: Double]]) -> [Double] {
    let groups = Set(examples.map(\.group)).sorted()
    var foldOf: [String: Int] = [:]
    for (position, group) in groups.enumerated() { foldOf[group] = position % folds }
    var probabilities = [Double](repeating: 0, count: examples.count)
    for fold in 0..<folds {
      let training = examples.indices.filter { foldOf[examples[$0].group] != fold }
      let test = examples.indices.filter { foldOf[examples[$0].group] == fold }
      guard !test.isEmpty else { continue }
      let (weights, bias) = fit(training, examples, vectors)
      for index in test {
        var score = bias
        for (name, value) in vectors[index] { score += (weights[name] ?? 0) * value }
        probabilities[index] = LogisticRegression.sigmoid(score)
      }
    }
    return probabilities
  }

  private func fit(_ indices: [Int], _ examples: [ScreeningExample], _ vectors: [[String: Double]]) -> (
    [String: Double], Double
  ) {
    var frequency: [String: Int] = [:]
    for index in indices { for name in vectors[index].keys { frequency[name, default: 0] += 1 } }
    let names = frequency.filter { $0.value >= minimumDocumentFrequency || !$0.key.hasPrefix("word:") }.keys
      .sorted()
    var position: [String: Int] = [:]
    for (offset, name) in names.enumerated() { position[name] = offset }
    let rows = indices.map { index in
      vectors[index].compactMap { name, value in position[name].map { ($0, value) } }.sorted { $0.0 < $1.0 }
    }
    let fit = regression.fit(
      rows: rows, labels: indices.map { examples[$0].isMitigation }, dimension: names.count)
    var weights: [String: Double] = [:]
    for (offset, name) in names.enumerated() {
      let weight = fit.weights[offset].rounded(toPlaces: 6)
      if weight != 0 { weights[name] = weight }
    }
    return (weights, fit.bias)
  }

  private func point(threshold: Double, _ examples: [ScreeningExample], _ probabilities: [Double])
    -> ScreeningEvaluation.Point
  {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    for (example, probability) in zip(examples, probabilities) {
      let kept = probability >= threshold
      if kept && example.isMitigation { truePositives += 1 }
      if kept && !example.isMitigation { falsePositives += 1 }
      if !kept && example.isMitigation { falseNegatives += 1 }
    }
    let kept = truePositives + falsePositives
    var byDocument: [String: (kept: Int, all: Int)] = [:]
    for (example, probability) in zip(examples, probabilities) where example.isMitigation {
      let document = Self.document(of: example.group)
      var tally = byDocument[document] ?? (0, 0)
      tally.all += 1
      if probability >= threshold { tally.kept += 1 }
      byDocument[document] = tally
    }
    var worst: (String, Double)?
    for (document, tally) in byDocument.sorted(by: { $0.key < $1.key }) {
      let recall = Double(tally.kept) / Double(tally.all)
      if worst == nil || recall < worst!.1 { worst = (document, recall) }
    }
    return ScreeningEvaluation.Point(
      threshold: threshold,
      precision: (kept == 0 ? 0 : Double(truePositives) / Double(kept)).rounded(toPlaces: 4),
      recall: (Double(truePositives) / Double(max(truePositives + falseNegatives, 1))).rounded(toPlaces: 4),
      worstDocumentRecall: (worst?.1 ?? 1).rounded(toPlaces: 4), worstDocument: worst?.0 ?? "",
      kept: kept, excluded: examples.count - kept)
  }

  private func groupFigures(_ examples: [ScreeningExample], _ probabilities: [Double], threshold: Double)
    -> [ScreeningEvaluation.Group]
  {
    var groups: [String: ScreeningEvaluation.Group] = [:]
    for (example, probability) in zip(examples, probabilities) {
      var group =
        groups[example.group]
        ?? ScreeningEvaluation.Group(
          name: example.group, positives: 0, negatives: 0, positivesKept: 0, negativesExcluded: 0)
      if example.isMitigation {
        group.positives += 1
        if probability >= threshold { group.positivesKept += 1 }
      } else {
        group.negatives += 1
        if probability < threshold { group.negativesExcluded += 1 }
      }
      groups[example.group] = group
    }
    return groups.values.sorted { $0.name < $1.name }
  }

  /// The MIT file's parts are one source for the worst-document figure.
  static func document(of group: String) -> String {
    group.hasPrefix("mit-coded-dev.csv") ? "mit-coded-dev.csv" : group
  }

}
