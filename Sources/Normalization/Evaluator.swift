import ScanModel
import Taxonomy
import Utilities

/// Measures coding against human codes: cross-validation on one file, train on one and test on another,
/// or the thesaurus alone.
public struct Evaluator: Sendable {
  let taxonomy: TaxonomySet
  let trainer: ClassifierTrainer

  public init(taxonomy: TaxonomySet, trainer: ClassifierTrainer) {
    self.taxonomy = taxonomy
    self.trainer = trainer
  }

  /// K-fold cross-validation with the stratified, seeded folds of `Folds.stratified`. Every model is
  /// trained (and calibrated, by its own internal cross-validation) on the other folds only. Without
  /// `useContext` the examples' joined context is set aside, so the same rows can be scored both ways.
  public func crossValidate(
    _ examples: [CodedExample], folds count: Int, seed: UInt64 = Folds.defaultSeed, useContext: Bool = true
  ) throws -> EvaluationReport {
    guard count >= 2, count <= examples.count else {
      throw InputError(
        file: "--folds",
        "the number of folds must be between 2 and the number of examples (\(examples.count))")
    }
    let withContext = examples.map { $0.context != nil }
    let used =
      useContext
      ? examples
      : examples.map { example in
        var bare = example
        bare.context = nil
        return bare
      }
    let folds = Folds.stratified(codes: used.map(\.code), count: count, seed: seed)
    var predictions = [Prediction](
      repeating: Prediction(ranking: [], flagged: true, confidence: 0), count: used.count)
    var thresholds: [Double] = []
    for fold in 0..<count {
      let train = used.indices.filter { folds[$0] != fold }.map { used[$0] }
      let model = try trainer.train(train, files: [])
      thresholds.append(model.hyperparameters.reviewThreshold)
      let normalizer = Normalizer(taxonomy: taxonomy, model: model)
      for index in used.indices where folds[index] == fold {
        predictions[index] = predict(normalizer, used[index])
      }
    }
    var report = score(examples: used, predictions: predictions, mode: "cross-validation")
    report.folds = count
    report.seed = String(seed)
    report.reviewThresholds = thresholds
    report.contextUsed = useContext
    let joined = used.indices.filter { withContext[$0] }
    if !joined.isEmpty {
      let subset = score(
        examples: joined.map { used[$0] }, predictions: joined.map { predictions[$0] },
        mode: "rows with context")
      report.rowsWithContext = .init(
        n: subset.n, top1: subset.top1, top3: subset.top3, kappa: subset.kappa,
        categoryAccuracy: subset.categoryAccuracy)
    }
    return report
  }

  public func trainAndTest(train: [CodedExample], test: [CodedExample]) throws -> EvaluationReport {
    let model = try trainer.train(train, files: [])
    let normalizer = Normalizer(taxonomy: taxonomy, model: model)
    var report = score(examples: test, predictions: test.map { predict(normalizer, $0) }, mode: "train-test")
    report.reviewThresholds = [model.hyperparameters.reviewThreshold]
    return report
  }

  public func thesaurusOnly(_ test: [CodedExample]) throws -> EvaluationReport {
    let normalizer = Normalizer(taxonomy: taxonomy, model: nil)
    return score(examples: test, predictions: test.map { predict(normalizer, $0) }, mode: "thesaurus")
  }

  struct Prediction {
    var ranking: [String]
    var flagged: Bool
    /// The primary code's score: with a model, its calibrated probability of being right.
    var confidence: Double
  }

  private func predict(_ normalizer: Normalizer, _ example: CodedExample) -> Prediction {
    let title = example.name.isEmpty ? nil : example.name
    let ranking = normalizer.rankedMitigationCodes(title: title, text: example.text, context: example.context)
    let coding = normalizer.code(
      statementID: example.id, title: title, text: example.text, context: example.context)
    return Prediction(
      ranking: ranking, flagged: coding.primary?.needsReview ?? true, confidence: coding.primary?.score ?? 0)
  }

  /// Scores the codes a coder ranked for each example against the examples' human codes: top-1 and top-3
  /// accuracy, macro-F1 over the codes either side used, category accuracy, Cohen's kappa, and the accuracy
  /// on the examples the coder did not flag for review.
  func score(examples: [CodedExample], predictions: [Prediction], mode: String) -> EvaluationReport {
    let rankings = predictions.map(\.ranking)
    let flagged = predictions.map(\.flagged)
    let n = examples.count
    let truth = examples.map(\.code)
    let predicted = rankings.map { $0.first ?? "X.X" }
    let top1 = zip(truth, predicted).filter { $0 == $1 }.count
    let top3 = zip(truth, rankings).filter { $1.prefix(3).contains($0) }.count
    func category(_ code: String) -> Substring { code.prefix(while: { $0 != "." }) }
    let categoryHits = zip(truth, predicted).filter { category($0) == category($1) }.count

    let labels = Set(truth).union(predicted).sorted()
    let perCode = codeScores(truth: truth, predicted: predicted, labels: labels)
    let f1Sum = perCode.map(\.unroundedF1).reduce(0, +)
    let observed = Double(top1) / Double(n)
    let kappa = Self.kappa(truth: truth, predicted: predicted, labels: labels, observed: observed)
    let unflagged = zip(truth, predicted).enumerated().filter { !flagged[$0.offset] }
    let unflaggedHits = unflagged.filter { $0.element.0 == $0.element.1 }.count
    let confidences = predictions.map(\.confidence)
    let right = zip(truth, predicted).map { $0 == $1 }
    let reliability = CalibrationMeasures.reliability(confidences: confidences, correct: right)
    return EvaluationReport(
      mode: mode, folds: nil, n: n, top1: observed.rounded(toPlaces: 4),
      top3: (Double(top3) / Double(n)).rounded(toPlaces: 4),
      macroF1: (f1Sum / Double(max(labels.count, 1))).rounded(toPlaces: 4),
      categoryAccuracy: (Double(categoryHits) / Double(n)).rounded(toPlaces: 4),
      kappa: kappa.rounded(toPlaces: 4),
      flaggedForReview: flagged.filter { $0 }.count,
      top1WhenNotFlagged: unflagged.isEmpty
        ? nil : (Double(unflaggedHits) / Double(unflagged.count)).rounded(toPlaces: 4),
      flaggedShare: (Double(flagged.filter { $0 }.count) / Double(max(n, 1))).rounded(toPlaces: 4),
      reliability: reliability,
      expectedCalibrationError: CalibrationMeasures.expectedCalibrationError(reliability),
      coverage: CalibrationMeasures.coverageCurve(
        confidences: confidences, correct: right, thresholds: CalibrationMeasures.standardThresholds),
      perCode: perCode.map(\.score),
      confusions: Array(Self.confusions(truth: truth, predicted: predicted).prefix(10)))
  }

  /// Precision, recall and F1 of each code either side used; the F1 also unrounded, for the macro-F1.
  private func codeScores(truth: [String], predicted: [String], labels: [String])
    -> [(score: EvaluationReport.CodeScore, unroundedF1: Double)]
  {
    labels.map { label in
      let support = truth.filter { $0 == label }.count
      let predictedCount = predicted.filter { $0 == label }.count
      let hits = zip(truth, predicted).filter { $0 == label && $1 == label }.count
      let precision = predictedCount > 0 ? Double(hits) / Double(predictedCount) : 0
      let recall = support > 0 ? Double(hits) / Double(support) : 0
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      let score = EvaluationReport.CodeScore(
        code: label, name: taxonomy.mitigation.code(label)?.name ?? "", support: support,
        predicted: predictedCount,
        precision: precision.rounded(toPlaces: 4), recall: recall.rounded(toPlaces: 4),
        f1: f1.rounded(toPlaces: 4))
      return (score, f1)
    }
  }

  /// Cohen's kappa: the observed agreement corrected for the agreement expected by chance.
  private static func kappa(truth: [String], predicted: [String], labels: [String], observed: Double)
    -> Double
  {
    let n = truth.count
    var expectedAgreement = 0.0
    for label in labels {
      let pTrue = Double(truth.filter { $0 == label }.count) / Double(n)
      let pPredicted = Double(predicted.filter { $0 == label }.count) / Double(n)
      expectedAgreement += pTrue * pPredicted
    }
    return expectedAgreement < 1 ? (observed - expectedAgreement) / (1 - expectedAgreement) : 1
  }

  /// The (human code, machine code) pairs that differ, most frequent first.
  private static func confusions(truth: [String], predicted: [String]) -> [EvaluationReport.Confusion] {
    var confusionCounts: [String: Int] = [:]
    for (expected, got) in zip(truth, predicted) where expected != got {
      confusionCounts["\(expected)\u{1F}\(got)", default: 0] += 1
    }
    return confusionCounts.map { key, count -> EvaluationReport.Confusion in
      let parts = key.split(separator: "\u{1F}").map(String.init)
      return .init(expected: parts[0], predicted: parts[1], count: count)
    }.sorted { ($1.count, $0.expected, $0.predicted) < ($0.count, $1.expected, $1.predicted) }
  }

}
