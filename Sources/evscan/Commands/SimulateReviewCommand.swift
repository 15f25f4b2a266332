import ArgumentParser
import Deduplication
import Foundation
import Normalization
import Review
import Taxonomy

struct SimulateReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate-review",
    abstract: "Replay a review with known labels: the queue's order against a random order.",
    discussion: """
      The known labels play the person. A held-out part is set aside (stratified, seeded); from a seed set, \
      a batch at a time, the model is retrained and scored on the held-out part, the next batch being the \
      items it is least sure of, or the next of a random order with the same seed set and budget. Codes: \
      --examples (coded statements, as for `evscan train`), scored by accuracy. Merges: --pairs with \
      --statements, scored by merge precision, recall and F1 at the pair model's threshold.
      """)

  @Option(help: "Coded statements (a CSV as `evscan train` reads).", completion: .file())
  var examples: String?

  @Option(help: "Labelled pairs (JSON lines or CSV).", completion: .file())
  var pairs: String?

  @Option(help: "The statements the pairs name (JSON lines).", completion: .file())
  var statements: String?

  @Option(help: "Seeds the held-out split and the random order.")
  var seed: UInt64 = 17

  @Option(help: "Labelled items to start from (codes).")
  var codeSeedSize: Int = 40

  @Option(help: "Items per batch (codes).")
  var codeBatch: Int = 20

  @Option(help: "Labels the review may ask for (codes).")
  var codeBudget: Int = 300

  @Option(help: "Labelled pairs to start from.")
  var pairSeedSize: Int = 10

  @Option(help: "Pairs per batch.")
  var pairBatch: Int = 5

  @Option(help: "Labels the review may ask for (pairs).")
  var pairBudget: Int = 100

  @Option(
    name: .customLong("pair-model"), help: "The pair model whose penalty and merge threshold are used.",
    completion: .file())
  var pairModel: String = PairModel.defaultPath

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var json: JSONOption

  func validate() throws {
    if examples == nil && pairs == nil {
      throw ValidationError("give --examples FILE, --pairs FILE, or both")
    }
    if (pairs == nil) != (statements == nil) { throw ValidationError("--pairs needs --statements, and back") }
  }

  func run() throws {
    var reports: [SimulatedReviews.Report] = []
    if let examples {
      let taxonomySet = try taxonomy.load()
      let coded = try CodedExampleReader(taxonomy: taxonomySet.mitigation).read(path: examples)
      reports.append(
        try SimulatedReviews.codes(
          coded, taxonomy: taxonomySet,
          simulation: ReviewSimulation(
            seed: seed, seedSize: codeSeedSize, batch: codeBatch, budget: codeBudget)))
    }
    if let pairs, let statements {
      let model = try PairModel.load(path: pairModel)
      let trainer = PairModelTrainer(penalty: model.penalty)
      let measured = try trainer.examples(
        try LabelledPairReader.load(path: pairs),
        statements: try StatementLinesReader.load(path: statements),
        statementsFile: statements)
      reports.append(
        try SimulatedReviews.pairs(
          measured, penalty: model.penalty, mergeThreshold: model.mergeThreshold,
          simulation: ReviewSimulation(
            seed: seed, seedSize: pairSeedSize, batch: pairBatch, budget: pairBudget)))
    }
    if json.enabled {
      Console.print(try Console.json(reports))
      return
    }
    for report in reports {
      Console.print(
        "\(report.kind): \(report.items) items, \(report.heldOut) held out; \(report.metric) by labels given"
      )
      for curve in report.curves {
        let points = curve.points.map {
          "\($0.labelled):\(String(format: "%.3f", $0.metrics[report.metric] ?? 0))"
        }
        Console.print("  \(curve.order): \(points.joined(separator: " "))")
      }
      Console.print(
        "  random order's final \(report.metric) \(String(format: "%.3f", report.randomFinal)) reached by the "
          + "queue's order at \(report.uncertainLabelsToReachRandomFinal.map(String.init) ?? "never") labels, "
          + "by the random order at \(report.randomLabelsToReachRandomFinal.map(String.init) ?? "never")")
    }
  }
}
