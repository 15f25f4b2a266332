import ArgumentParser
import Foundation
import Pipeline
import Screening

struct TrainScreeningCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-screening",
    abstract: "Train the screening model that tells mitigation statements from the prose around them.",
    discussion: """
      Positives: the MIT coded statements (--coded, read where they are, never copied) and the shipped \
      frameworks' statements. Labels: --labels names units of real documents by document SHA-256 and \
      locator, with label, coder and why; --documents holds a framework folder per labelled document \
      (`evscan add-framework`), whose units the labels are resolved against. Prints the cross-validated \
      precision and recall and writes the model with the SHA-256 of its data. Deterministic. \
      `scripts/train-screening` runs the whole rebuild from ../shared.
      """)

  @Option(help: "The MIT coded statements (CSV: Mitigation_ID, Action Name, Action Definition, ...).")
  var coded: String

  @Option(help: "The labels of units of real documents.", completion: .file())
  var labels: String = "models/screening-labels.csv"

  @Option(help: "A folder of framework folders, one per labelled document.", completion: .directory)
  var documents: String

  @Option(help: "The shipped frameworks, whose statements are positives.", completion: .directory)
  var frameworks: String = "frameworks"

  @Option(help: "Where to write the model.", completion: .file())
  var output: String = "models/screening-model.json"

  @Option(help: "The L2 penalty on the weights.")
  var regularisation: Double = 1e-5

  @Option(help: "Gradient-descent steps.")
  var iterations: Int = 5000

  @Option(help: "The gradient-descent step size.")
  var learningRate: Double = 8

  func run() throws {
    var set = ScreeningTrainingSet()
    try set.addCodedStatements(path: coded)
    try set.addShippedStatements(frameworks: URL(fileURLWithPath: frameworks))
    try set.addLabels(path: labels, documents: URL(fileURLWithPath: documents))
    var trainer = ScreeningTrainer()
    trainer.regularisation = regularisation
    trainer.iterations = iterations
    trainer.learningRate = learningRate
    let model = trainer.train(set.examples, sources: set.sources)
    let url = URL(fileURLWithPath: output)
    try model.encoded().write(to: url, options: .atomic)
    let evaluation = model.evaluation
    Console.print(
      "trained on \(model.training.examples) examples (\(model.training.positives) mitigations, "
        + "\(model.training.negatives) not); \(evaluation.method):")
    Console.print("threshold  precision  recall  kept  excluded  worst document's recall")
    for point in evaluation.points {
      let mark = point.threshold == model.threshold ? "  <- shipped" : ""
      Console.print(
        String(
          format: "%9.2f  %9.3f  %6.3f  %4d  %8d  %.3f (%@)%@", point.threshold, point.precision,
          point.recall,
          point.kept, point.excluded, point.worstDocumentRecall, point.worstDocument, mark))
    }
    for group in evaluation.groups {
      Console.print(
        "  \(group.name): \(group.positivesKept) of \(group.positives) mitigations kept, "
          + "\(group.negativesExcluded) of \(group.negatives) others excluded")
    }
    Console.print("wrote \(output)")
  }
}
