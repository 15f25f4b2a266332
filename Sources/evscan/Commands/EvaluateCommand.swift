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

  @Option(help: "The seed of the stratified folds.")
  var seed: UInt64 = Folds.defaultSeed

  @Option(
    help: "Write each example's fold (id,fold) to this CSV, for peers scored in the same folds.",
    completion: .file())
  var writeFolds: String?

  @Flag(help: "Cross-validate with the join's rows but without their context, to measure what it adds.")
  var withoutContext = false

  @Option(help: "Coded statements to train on.", completion: .file())
  var train: String?

  @Option(help: "Coded statements to test on.", completion: .file())
  var test: String?

  @OptionGroup var taxonomy: TaxonomyOptions
  @OptionGroup var training: TrainingOptions
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
    let taxonomySet = try taxonomy.load()
    let reader = CodedExampleReader(taxonomy: taxonomySet.mitigation)
    let evaluator = Evaluator(taxonomy: taxonomySet, trainer: training.trainer(taxonomySet))
    let report: EvaluationReport
    if let examples {
      let coded = try training.joined(try reader.read(path: examples))
      if let writeFolds {
        let assigned = Folds.stratified(codes: coded.map(\.code), count: folds, seed: seed)
        let lines = ["id,fold"] + zip(coded, assigned.indices).map { "\($0.id),\($1)" }
        try (lines.joined(separator: "\n") + "\n").write(
          toFile: writeFolds, atomically: true, encoding: .utf8)
      }
      report = try evaluator.crossValidate(
        coded, folds: folds, seed: seed, useContext: !withoutContext)
    } else if let test, let train {
      report = try evaluator.trainAndTest(
        train: try training.joined(try reader.read(path: train)), test: try reader.read(path: test))
    } else {
      report = try evaluator.thesaurusOnly(try reader.read(path: test ?? ""))
    }
    Console.print(json.enabled ? try Console.json(report) : EvaluationText.render(report))
  }
}

/// The evaluation report for a person.
enum EvaluationText {
  static func render(_ report: EvaluationReport) -> String {
    var lines = summary(report)
    lines.append("")
    lines.append(
      "reliability (stated confidence against observed accuracy; expected calibration error "
        + "\(percent(report.expectedCalibrationError))):")
    lines.append(reliabilityTable(report))
    lines.append("")
    lines.append("coverage (unflagged at each threshold) against accuracy of the unflagged:")
    lines.append(coverageTable(report))
    lines.append("")
    lines.append(codeTable(report))
    if !report.confusions.isEmpty {
      lines.append("")
      lines.append("most frequent confusions (human -> machine):")
      for confusion in report.confusions {
        lines.append("  \(confusion.expected) -> \(confusion.predicted): \(confusion.count)")
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func percent(_ value: Double) -> String { String(format: "%.3f", value) }

  /// The headline figures: accuracy, agreement, what was flagged for review, and how the folds were made.
  private static func summary(_ report: EvaluationReport) -> [String] {
    var lines = [
      "\(report.mode)\(report.folds.map { " (\($0) folds)" } ?? ""), \(report.n) statements",
      "top-1 \(percent(report.top1))   top-3 \(percent(report.top3))   macro-F1 \(percent(report.macroF1))   "
        + "category \(percent(report.categoryAccuracy))   kappa \(percent(report.kappa))",
      "flagged for review: \(report.flaggedForReview) of \(report.n) (\(percent(report.flaggedShare)))"
        + (report.reviewThresholds.map {
          " (calibrated probability of being right under \($0.map { String(format: "%.2f", $0) }.joined(separator: ", ")))"
        } ?? "")
        + (report.top1WhenNotFlagged.map { "; top-1 on the unflagged \(percent($0))" } ?? ""),
    ]
    if let seed = report.seed { lines.append("folds stratified by code, seed \(seed)") }
    if let subset = report.rowsWithContext {
      lines.append(
        "rows with joined context (\(subset.n), context \(report.contextUsed == true ? "used" : "set aside")): "
          + "top-1 \(percent(subset.top1))   top-3 \(percent(subset.top3))   kappa \(percent(subset.kappa))")
    }
    return lines
  }

  private static func reliabilityTable(_ report: EvaluationReport) -> String {
    var reliability = TextTable(headers: ["confidence", "statements", "mean confidence", "accuracy"])
    for bin in report.reliability {
      reliability.append([
        String(format: "%.1f-%.1f", bin.lower, bin.upper), "\(bin.n)", bin.meanConfidence.map(percent) ?? "-",
        bin.accuracy.map(percent) ?? "-",
      ])
    }
    return reliability.render()
  }

  private static func coverageTable(_ report: EvaluationReport) -> String {
    var coverage = TextTable(headers: ["threshold", "unflagged", "share", "accuracy"])
    for point in report.coverage {
      coverage.append([
        String(format: "%.2f", point.threshold), "\(point.n)", percent(point.coverage),
        point.accuracy.map(percent) ?? "-",
      ])
    }
    return coverage.render()
  }

  private static func codeTable(_ report: EvaluationReport) -> String {
    var table = TextTable(headers: ["code", "name", "support", "predicted", "precision", "recall", "F1"])
    for score in report.perCode {
      table.append([
        score.code, score.name, "\(score.support)", "\(score.predicted)", percent(score.precision),
        percent(score.recall), percent(score.f1),
      ])
    }
    return table.render()
  }
}
