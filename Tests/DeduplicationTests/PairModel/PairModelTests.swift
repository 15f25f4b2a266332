import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Deduplication

/// The learned pair model: reading labelled pairs, measuring them, thresholds, and the cross-validated
/// figures on the shared labelled pairs (read from ../shared/data, never copied).
@Suite("Learned pair model")
struct PairModelTests {
  static let packageRoot = PackagePaths.root
  static let sharedData = PackagePaths.sharedData
  static let sharedPairs = sharedData.appendingPathComponent("mit-pairs-dev.jsonl")
  static let sharedStatements = sharedData.appendingPathComponent("mit-pairs-dev-statements.jsonl")
  static var hasSharedPairs: Bool { FileManager.default.fileExists(atPath: sharedPairs.path) }
  static let shippedModel = packageRoot.appendingPathComponent("models/pair-model.json")

  @Test func readsTheThreeShapesOfLabels() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pairs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = folder.appendingPathComponent("p.jsonl")
    try Data(#"{"a": "x", "b": "y", "label": "duplicate", "why": "w"}"#.utf8 + [0x0A]).write(to: lines)
    let csv = folder.appendingPathComponent("p.csv")
    try Data("a,b,label,coder,why\nx,z,related,me,\"because, so\"\n".utf8).write(to: csv)
    let merges = folder.appendingPathComponent("merges.csv")
    try Data("a,b,decision,reason,coder\ny,z,cannot-link,r,me\nx,w,must-link,r,me\n".utf8).write(to: merges)
    #expect(try LabelledPairReader.load(path: lines.path).map(\.duplicate) == [true])
    #expect(try LabelledPairReader.load(path: csv.path).map(\.label) == ["related"])
    #expect(try LabelledPairReader.load(path: merges.path).map(\.duplicate) == [false, true])
  }

  @Test func anUnknownLabelNamesTheLine() throws {
    let error = #expect(throws: InputError.self) {
      try LabelledPairReader.parseCSV("a,b,label\nx,y,same\n", file: "labels.csv")
    }
    #expect(error?.description.contains("labels.csv:2") == true)
    #expect(error?.description.contains("unknown label `same`") == true)
  }

  @Test func aPairNamingAMissingStatementIsAnError() throws {
    let pairs = [LabelledPair(a: "s1", b: "s9", duplicate: true, label: "duplicate", file: "l.csv", line: 4)]
    let statements = [DeduplicationInput(id: "s1", text: "Publish a safety policy.")]
    let error = #expect(throws: InputError.self) {
      try PairModelTrainer().examples(pairs, statements: statements, statementsFile: "s.jsonl")
    }
    #expect(error?.description.contains("l.csv:4") == true)
    #expect(error?.description.contains("`s9`") == true)
  }

  /// Folds are stratified and depend on the seed alone.
  @Test func foldsAreStratifiedAndSeeded() {
    let labels = (0..<50).map { $0 % 5 == 0 }
    let folds = PairModelTrainer.folds(labels: labels, count: 5, seed: 3)
    #expect(folds == PairModelTrainer.folds(labels: labels, count: 5, seed: 3))
    for fold in 0..<5 {
      #expect(zip(folds, labels).filter { $0.0 == fold && $0.1 }.count == 2)
    }
  }

  /// Grouped folds keep every chain of pairs through shared statements in one fold, deal the largest
  /// group first to the emptiest fold, and depend on the seed alone.
  @Test func groupedFoldsKeepLinkedPairsTogether() {
    func pair(_ a: String, _ b: String) -> LabelledPair {
      LabelledPair(a: a, b: b, duplicate: false, label: "related", file: "t", line: 1)
    }
    // Groups: {s1 s2 s3 s4} (3 pairs, chained through s2 and s3), {s5 s6} (2 pairs), {s7 s8}, {s9 s10}.
    let pairs = [
      pair("s1", "s2"), pair("s5", "s6"), pair("s2", "s3"), pair("s7", "s8"), pair("s3", "s4"),
      pair("s6", "s5"), pair("s9", "s10"),
    ]
    let folds = PairModelTrainer.groupedFolds(pairs: pairs, count: 3, seed: 5)
    #expect(folds == PairModelTrainer.groupedFolds(pairs: pairs, count: 3, seed: 5))
    #expect(Set([folds[0], folds[2], folds[4]]).count == 1)
    #expect(folds[1] == folds[5])
    #expect(folds[0] == 0, "the largest group goes first, to fold 0")
    #expect(folds[1] == 1, "the next largest, to the emptiest fold")
    #expect(folds[3] == 2 && folds[6] == 2, "one pair each: the emptiest fold is 2 both times")
    for (i, first) in pairs.enumerated() {
      for (j, second) in pairs.enumerated()
      where !Set([first.a, first.b]).isDisjoint(with: [second.a, second.b]) {
        #expect(folds[i] == folds[j], "pairs \(i) and \(j) share a statement")
      }
    }
  }

  @Test func thresholdsReachThePrecisionAsked() {
    let probabilities = [0.9, 0.8, 0.75, 0.6, 0.55, 0.5, 0.3, 0.2, 0.1, 0.05]
    let labels = [true, true, false, true, false, false, true, false, false, false]
    let chosen = PairModelTrainer.thresholds(
      probabilities: probabilities, labels: labels, precision: 0.75, reviewRecall: 1)
    #expect(chosen.merge == 0.6)
    #expect(chosen.review == 0.3)
  }

  @Test func aModelFittedOnOtherFeaturesIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "model-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    var model = PairModel(
      features: ["tfidf"],
      regression: LogisticRegression(means: [0], scales: [1], weights: [1], intercept: 0),
      penalty: 1, mergeThreshold: 0.5, reviewThreshold: 0.2, training: [], crossValidation: nil)
    model.features = ["tfidf"]
    try model.encoded().write(to: file)
    let error = #expect(throws: InputError.self) { try PairModel.load(path: file.path) }
    #expect(error?.description.contains("retrain it with `evscan train-pairs`") == true)
  }

  /// Cross-validation on the shared pairs repeats exactly, and every pair lands in one band. (The issue's
  /// bar, merge precision 0.8 at recall 0.4, is not reached: README "How merging works" has the figures.)
  @Test(.enabled(if: hasSharedPairs, "../shared/data is absent (a user's clone has no ../shared)"))
  func crossValidationOnTheSharedPairsRepeats() throws {
    let model = try PairModel.load(path: Self.shippedModel.path)
    let trainer = PairModelTrainer(penalty: model.penalty)
    let examples = try trainer.examples(
      try LabelledPairReader.load(path: Self.sharedPairs.path),
      statements: try StatementLinesReader.load(path: Self.sharedStatements.path),
      statementsFile: Self.sharedStatements.path)
    func evaluate() -> PairEvaluation {
      PairEvaluation(
        probabilities: trainer.outOfFold(examples, folds: 5, seed: 17), labels: examples.labels,
        vetoed: examples.vetoed(model.vetoes), merge: model.mergeThreshold, review: model.reviewThreshold,
        folds: 5, seed: 17)
    }
    let evaluation = evaluate()
    #expect(evaluation == evaluate())
    #expect(evaluation.groupedByStatement == nil)
    let grouped = PairEvaluation(
      probabilities: trainer.outOfFold(examples, folds: 5, seed: 17, groupedByStatement: true),
      labels: examples.labels, vetoed: examples.vetoed(model.vetoes), merge: model.mergeThreshold,
      review: model.reviewThreshold, folds: 5, seed: 17, groupedByStatement: true)
    #expect(grouped.groupedByStatement == true)
    #expect(grouped.merged.pairs + grouped.review.pairs + grouped.distinct.pairs == 150)
    // The README's table ("The learned pair model") states both rows; retraining updates them together.
    #expect(evaluation.merged.pairs == 5)
    #expect(grouped.merged.pairs == 4)
    #expect(evaluation.precision == 0.4)
    #expect(grouped.precision == 0.75)
    #expect(evaluation.brier == 0.1639)
    #expect(grouped.brier == 0.1838)
    #expect(evaluation.pairs == 150)
    #expect(evaluation.duplicates == 32)
    #expect(evaluation.merged.pairs + evaluation.review.pairs + evaluation.distinct.pairs == 150)
    #expect(
      evaluation.merged.duplicates + evaluation.review.duplicates + evaluation.distinct.duplicates == 32)
  }

  /// With the shipped model, the deduplicator merges what the model says, and a pair below the model's review
  /// band is reported only when the rules' score puts it in review, which its reason says.
  @Test(.enabled(if: hasSharedPairs, "../shared/data is absent (a user's clone has no ../shared)"))
  func theDeduplicatorUsesTheModel() throws {
    let model = try PairModel.load(path: Self.shippedModel.path)
    let inputs = try StatementLinesReader.load(path: Self.sharedStatements.path)
    let result = try Deduplicator(pairModel: model).run(inputs: inputs)
    #expect(!result.edges.isEmpty)
    let byRules = result.edges.filter { ($0.components["probability"] ?? -1) < model.reviewThreshold }
    #expect(!byRules.isEmpty)
    for edge in byRules {
      #expect(edge.verdict == .review)
      #expect(edge.reason.contains("below review 0.25; in review by its score"), "\(edge.reason)")
    }
    #expect(result.edges.allSatisfy { $0.reason.contains("p(duplicate) ") })
    for edge in result.edges where edge.verdict == .merge {
      #expect((edge.components["probability"] ?? 0) >= model.mergeThreshold)
    }
  }
}
