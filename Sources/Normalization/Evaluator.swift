import ScanModel
import Taxonomy

/// Measures coding against human codes: cross-validation on one file, train on one and test on another,
/// or the thesaurus alone.
public struct Evaluator: Sendable {
  public let taxonomy: TaxonomySet
  public let trainer: ClassifierTrainer

  public init(taxonomy: TaxonomySet, trainer: ClassifierTrainer) {
    self.taxonomy = taxonomy
    self.trainer = trainer
  }

  /// K-fold cross-validation with the stratified, deterministic folds of `Folds.stratified`.
  public func crossValidate(_ examples: [CodedExample], folds count: Int) throws -> EvaluationReport {
    guard count >= 2, count <= examples.count else {
      throw InputError(
        file: "--folds",
        "the number of folds must be between 2 and the number of examples (\(examples.count))")
    }
    let folds = Folds.stratified(codes: examples.map(\.code), count: count)
    var rankings = [[String]](repeating: [], count: examples.count)
    var flagged = [Bool](repeating: false, count: examples.count)
    for fold in 0..<count {
      let train = examples.indices.filter { folds[$0] != fold }.map { examples[$0] }
      let model = try trainer.train(train, files: [])
      let normalizer = try Normalizer(taxonomy: taxonomy, model: model)
      for index in examples.indices where folds[index] == fold {
        (rankings[index], flagged[index]) = predict(normalizer, examples[index])
      }
    }
    var report = score(examples: examples, rankings: rankings, flagged: flagged, mode: "cross-validation")
    report.folds = count
    return report
  }

  public func trainAndTest(train: [CodedExample], test: [CodedExample]) throws -> EvaluationReport {
    let normalizer = try Normalizer(taxonomy: taxonomy, model: try trainer.train(train, files: []))
    let predictions = test.map { predict(normalizer, $0) }
    return score(
      examples: test, rankings: predictions.map(\.0), flagged: predictions.map(\.1), mode: "train-test")
  }

  public func thesaurusOnly(_ test: [CodedExample]) throws -> EvaluationReport {
    let normalizer = try Normalizer(taxonomy: taxonomy, model: nil)
    let predictions = test.map { predict(normalizer, $0) }
    return score(
      examples: test, rankings: predictions.map(\.0), flagged: predictions.map(\.1), mode: "thesaurus")
  }

  private func predict(_ normalizer: Normalizer, _ example: CodedExample) -> ([String], Bool) {
    let title = example.name.isEmpty ? nil : example.name
    let ranking = normalizer.rankedMitigationCodes(title: title, text: example.text)
    let coding = normalizer.code(statementID: example.id, title: title, text: example.text)
    return (ranking, coding.primary?.needsReview ?? true)
  }

  /// Scores the codes a coder ranked for each example against the examples' human codes: top-1 and top-3
  /// accuracy, macro-F1 over the codes either side used, category accuracy, Cohen's kappa, and the accuracy
  /// on the examples the coder did not flag for review.
  public func score(examples: [CodedExample], rankings: [[String]], flagged: [Bool], mode: String)
    -> EvaluationReport
  {
    let n = examples.count
    let truth = examples.map(\.code)
    let predicted = rankings.map { $0.first ?? "X.X" }
    let top1 = zip(truth, predicted).filter { $0 == $1 }.count
    let top3 = zip(truth, rankings).filter { $1.prefix(3).contains($0) }.count
    func category(_ code: String) -> Substring { code.prefix(while: { $0 != "." }) }
    let categoryHits = zip(truth, predicted).filter { category($0) == category($1) }.count

    let labels = Set(truth).union(predicted).sorted()
    var perCode: [EvaluationReport.CodeScore] = []
    var f1Sum = 0.0
    for label in labels {
      let support = truth.filter { $0 == label }.count
      let predictedCount = predicted.filter { $0 == label }.count
      let hits = zip(truth, predicted).filter { $0 == label && $1 == label }.count
      let precision = predictedCount > 0 ? Double(hits) / Double(predictedCount) : 0
      let recall = support > 0 ? Double(hits) / Double(support) : 0
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      f1Sum += f1
      perCode.append(
        .init(
          code: label, name: taxonomy.mitigation.code(label)?.name ?? "", support: support,
          predicted: predictedCount,
          precision: Self.rounded(precision), recall: Self.rounded(recall), f1: Self.rounded(f1)))
    }
    var expectedAgreement = 0.0
    for label in labels {
      let pTrue = Double(truth.filter { $0 == label }.count) / Double(n)
      let pPredicted = Double(predicted.filter { $0 == label }.count) / Double(n)
      expectedAgreement += pTrue * pPredicted
    }
    let observed = Double(top1) / Double(n)
    let kappa = expectedAgreement < 1 ? (observed - expectedAgreement) / (1 - expectedAgreement) : 1
    var confusionCounts: [String: Int] = [:]
    for (expected, got) in zip(truth, predicted) where expected != got {
      confusionCounts["\(expected)\u{1F}\(got)", default: 0] += 1
    }
    let confusions = confusionCounts.map { key, count -> EvaluationReport.Confusion in
      let parts = key.split(separator: "\u{1F}").map(String.init)
      return .init(expected: parts[0], predicted: parts[1], count: count)
    }.sorted { ($1.count, $0.expected, $0.predicted) < ($0.count, $1.expected, $1.predicted) }
    let unflagged = zip(truth, predicted).enumerated().filter { !flagged[$0.offset] }
    let unflaggedHits = unflagged.filter { $0.element.0 == $0.element.1 }.count
    return EvaluationReport(
      mode: mode, folds: nil, n: n, top1: Self.rounded(observed),
      top3: Self.rounded(Double(top3) / Double(n)),
      macroF1: Self.rounded(f1Sum / Double(max(labels.count, 1))),
      categoryAccuracy: Self.rounded(Double(categoryHits) / Double(n)), kappa: Self.rounded(kappa),
      flaggedForReview: flagged.filter { $0 }.count,
      top1WhenNotFlagged: unflagged.isEmpty
        ? nil : Self.rounded(Double(unflaggedHits) / Double(unflagged.count)),
      perCode: perCode, confusions: Array(confusions.prefix(10)))
  }

  static func rounded(_ value: Double) -> Double {
    (value * 10_000).rounded() / 10_000
  }
}
