import ArgumentParser
import Foundation
import Normalization
import Taxonomy

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Measure coding against human codes.",
    discussion: """
      evscan evaluate --examples FILE --folds K    cross-validation within one file
      evscan evaluate --train FILE --test FILE     train on one file, test on another
      evscan evaluate --test FILE                  the thesaurus alone, no training
      """)

  @Option(help: "Coded statements to cross-validate on.", completion: .file())
  var examples: String?

  @Option(help: "The number of cross-validation folds.")
  var folds: Int = 5

  @Option(help: "Coded statements to train on.", completion: .file())
  var train: String?

  @Option(help: "Coded statements to test on.", completion: .file())
  var test: String?

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var json: JSONOption

  func validate() throws {
    if examples == nil && test == nil {
      throw ValidationError(
        "give --examples FILE (cross-validation) or --test FILE (with or without --train FILE)")
    }
    if examples != nil && (train != nil || test != nil) {
      throw ValidationError(
        "--examples does its own train/test splits; do not combine it with --train or --test")
    }
  }

  func run() throws {
    try reportingUserErrors {
      let taxonomySet = try TaxonomySet.load(from: URL(fileURLWithPath: taxonomy.directory))
      let reader = CodedExampleReader(taxonomy: taxonomySet.mitigation)
      let evaluator = Evaluator(taxonomy: taxonomySet, trainer: ClassifierTrainer(taxonomy: taxonomySet))
      let report: EvaluationReport
      if let examples {
        report = try evaluator.crossValidate(try reader.read(path: examples), folds: folds)
      } else if let test, let train {
        report = try evaluator.trainAndTest(
          train: try reader.read(path: train), test: try reader.read(path: test))
      } else {
        report = try evaluator.thesaurusOnly(try reader.read(path: test ?? ""))
      }
      Console.print(json.enabled ? try Console.json(report) : EvaluationText.render(report))
    }
  }
}

/// The evaluation report for a person.
enum EvaluationText {
  static func render(_ report: EvaluationReport) -> String {
    func percent(_ value: Double) -> String { String(format: "%.3f", value) }
    var lines = [
      "\(report.mode)\(report.folds.map { " (\($0) folds)" } ?? ""), \(report.n) statements",
      "top-1 \(percent(report.top1))   top-3 \(percent(report.top3))   macro-F1 \(percent(report.macroF1))   "
        + "category \(percent(report.categoryAccuracy))   kappa \(percent(report.kappa))",
      "flagged for review: \(report.flaggedForReview)"
        + (report.top1WhenNotFlagged.map { "; top-1 on the rest \(percent($0))" } ?? ""),
      "",
    ]
    var table = TextTable(headers: ["code", "name", "support", "predicted", "precision", "recall", "F1"])
    for score in report.perCode {
      table.append([
        score.code, score.name, "\(score.support)", "\(score.predicted)", percent(score.precision),
        percent(score.recall), percent(score.f1),
      ])
    }
    lines.append(table.render())
    if !report.confusions.isEmpty {
      lines.append("")
      lines.append("most frequent confusions (human -> machine):")
      for confusion in report.confusions {
        lines.append("  \(confusion.expected) -> \(confusion.predicted): \(confusion.count)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
