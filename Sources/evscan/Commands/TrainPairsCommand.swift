import ArgumentParser
import Deduplication
import Foundation

struct TrainPairsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-pairs",
    abstract: "Fit the learned pair model on labelled pairs.",
    discussion: """
      Fits logistic regression on the pair scorer's measurements of each labelled pair (duplicate, or \
      related/unrelated; a merges.csv's must-links and cannot-links count too), chooses the merge threshold \
      (the lowest of 0.30, 0.35 ... 0.95 whose cross-validated merges reach --precision) and the review \
      band (down to where merges and review together hold --review-recall of the duplicates), and writes \
      the model with its training files' SHA-256 and cross-validated figures. Deterministic.
      """)

  @OptionGroup var inputs: PairTrainingInputs

  @Option(help: "Where to write the model.", completion: .file())
  var output: String = PairModel.defaultPath

  @Option(help: "Cross-validation folds for choosing the thresholds.")
  var folds: Int = 5

  @Option(help: "Seeds the folds.")
  var seed: UInt64 = 17

  @Option(help: "The merge precision the threshold must reach in cross-validation.")
  var precision: Double = 0.85

  @Option(help: "The share of duplicates that merges and the review band together must hold.")
  var reviewRecall: Double = 0.9

  @Option(
    name: .customLong("veto"),
    help:
      "A condition that keeps a pair from merging: slotConflict, differentAction, substitution (repeatable).")
  var vetoes: [String] = PairModel.vetoNames

  @Option(help: "Merge at this probability instead of the one chosen by --precision.")
  var mergeThreshold: Double?

  @Option(help: "Start the review band at this probability instead of the one chosen by --review-recall.")
  var reviewThreshold: Double?

  @Option(help: "L2 penalty on the standardised weights.")
  var penalty: Double = 1

  @Option(help: "The deduplicator's configuration (its lexicon and voice shape the measurements).")
  var configuration: String = "config/deduplication.yaml"

  func validate() throws {
    if folds < 2 { throw ValidationError("--folds must be at least 2") }
    if let unknown = vetoes.first(where: { !PairModel.vetoNames.contains($0) }) {
      throw ValidationError(
        "unknown veto `\(unknown)`; the vetoes are \(PairModel.vetoNames.joined(separator: ", "))")
    }
  }

  func run() throws {
    let settings =
      FileManager.default.fileExists(atPath: configuration)
      ? try DeduplicationConfiguration.load(path: configuration) : .default
    let trainer = PairModelTrainer(configuration: settings, penalty: penalty)
    let (examples, files) = try inputs.examples(trainer)
    let probabilities = trainer.outOfFold(examples, folds: folds, seed: seed)
    let vetoed = examples.vetoed(vetoes)
    var chosen = PairModelTrainer.thresholds(
      probabilities: probabilities, labels: examples.labels, vetoed: vetoed, precision: precision,
      reviewRecall: reviewRecall)
    if let mergeThreshold { chosen.merge = mergeThreshold }
    if let reviewThreshold { chosen.review = reviewThreshold }
    guard chosen.review <= chosen.merge else {
      throw ValidationError("the review band must start at or below the merge threshold")
    }
    let evaluation = PairEvaluation(
      probabilities: probabilities, labels: examples.labels, vetoed: vetoed, merge: chosen.merge,
      review: chosen.review, folds: folds, seed: seed)
    let model = trainer.fit(
      examples, merge: chosen.merge, review: chosen.review, vetoes: vetoes, training: files,
      crossValidation: evaluation)
    for (veto, count) in model.vetoEvidence.sorted(by: { $0.key < $1.key }) {
      Console.print(
        "veto \(veto): holds for \(count.duplicates) duplicates and \(count.others) other pairs")
    }
    let url = URL(fileURLWithPath: output)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try model.encoded().write(to: url, options: .atomic)
    Console.print(
      "trained on \(examples.pairs.count) pairs (\(evaluation.duplicates) duplicates); merge at "
        + "\(chosen.merge), review from \(chosen.review); cross-validated merge precision "
        + "\(evaluation.precision), recall \(evaluation.recall); wrote \(output) (version \(model.version))"
    )
  }
}
