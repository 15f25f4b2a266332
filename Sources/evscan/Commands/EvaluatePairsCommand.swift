import ArgumentParser
import Deduplication
import Foundation

struct EvaluatePairsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate-pairs",
    abstract: "Cross-validate the learned pair model on labelled pairs.",
    discussion: """
      Deals the pairs into folds (stratified, seeded; or, with --group-by-statement, keeping pairs that \
      share a statement together), fits the pair model's regression on all folds but \
      one and scores the held-out fold, then reports at the model's merge threshold and review band: merge \
      precision and recall, the review band's share of the duplicates, and calibration.
      """)

  @OptionGroup var inputs: PairTrainingInputs

  @Option(help: "Cross-validation folds.")
  var folds: Int = 5

  @Option(help: "Seeds the folds.")
  var seed: UInt64 = 17

  @Flag(
    name: .customLong("group-by-statement"),
    help: """
      Keep pairs that share a statement (directly or through other pairs) in one fold, so that no \
      statement is both trained on and scored.
      """)
  var groupByStatement = false

  @Option(
    name: .customLong("pair-model"), help: "The model whose penalty and thresholds are evaluated.",
    completion: .file())
  var pairModel: String = PairModel.defaultPath

  @Option(help: "The deduplicator's configuration.")
  var configuration: String = "config/deduplication.yaml"

  @OptionGroup var json: JSONOption

  func validate() throws {
    if folds < 2 { throw ValidationError("--folds must be at least 2") }
  }

  func run() throws {
    let model = try PairModel.load(path: pairModel)
    let settings =
      FileManager.default.fileExists(atPath: configuration)
      ? try DeduplicationConfiguration.load(path: configuration) : .default
    let trainer = PairModelTrainer(configuration: settings, penalty: model.penalty)
    let (examples, _) = try inputs.examples(trainer)
    let probabilities = trainer.outOfFold(
      examples, folds: folds, seed: seed, groupedByStatement: groupByStatement)
    let evaluation = PairEvaluation(
      probabilities: probabilities, labels: examples.labels, vetoed: examples.vetoed(model.vetoes),
      merge: model.mergeThreshold, review: model.reviewThreshold, folds: folds, seed: seed,
      groupedByStatement: groupByStatement)
    if json.enabled {
      Console.print(try Console.json(evaluation))
      return
    }
    Console.print(
      """
      \(evaluation.pairs) pairs, \(evaluation.duplicates) duplicates, \(folds)-fold cross-validation (seed \(seed)\(groupByStatement ? ", grouped by statement" : ""))
      merge (p >= \(evaluation.mergeThreshold)): \(evaluation.merged.pairs) pairs, precision \(evaluation.precision), recall \(evaluation.recall)
      review band (\(evaluation.reviewThreshold) <= p < \(evaluation.mergeThreshold)): \(evaluation.review.pairs) pairs, \(evaluation.review.duplicates) duplicates (\(evaluation.review.shareOfDuplicates) of all)
      below the band: \(evaluation.distinct.pairs) pairs, \(evaluation.distinct.duplicates) duplicates
      Brier score \(evaluation.brier); area under the ROC curve \(evaluation.auc.map { "\($0)" } ?? "not defined")
      """)
  }
}
