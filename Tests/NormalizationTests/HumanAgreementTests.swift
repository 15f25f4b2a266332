import Foundation
import TestSupport
import Testing

@testable import Normalization

/// Against the human coders of the MIT database (../shared/data), when it is there.
@Suite(
  "Agreement with human coders",
  .enabled(
    if: FileManager.default.fileExists(atPath: Support.sharedData.path),
    "../shared/data/mit-coded-dev.csv is absent (a user's clone has no ../shared)"))
struct HumanAgreementTests {
  /// The figures README.md states, within `READMEFigures.tolerance`; the classifier must stay above what the
  /// thesaurus alone reaches on the same examples, or it earns nothing.
  @Test func crossValidationReachesTheREADMEFigures() throws {
    let examples = try CodedExampleReader(taxonomy: Support.taxonomy.mitigation).read(
      path: Support.sharedData.path)
    let evaluator = Evaluator(
      taxonomy: Support.taxonomy, trainer: ClassifierTrainer(taxonomy: Support.taxonomy))
    let report = try evaluator.crossValidate(examples, folds: 5)
    let thesaurus = try evaluator.thesaurusOnly(examples)
    let tolerance = READMEFigures.tolerance
    #expect(report.n == 523)
    #expect(report.top1 >= READMEFigures.top1 - tolerance, "top-1 \(report.top1)")
    #expect(report.top3 >= READMEFigures.top3 - tolerance, "top-3 \(report.top3)")
    #expect(report.kappa >= READMEFigures.kappa - tolerance, "kappa \(report.kappa)")
    #expect(
      abs(thesaurus.top1 - READMEFigures.thesaurusTop1) <= tolerance, "thesaurus top-1 \(thesaurus.top1)")
    #expect(
      report.top1 > thesaurus.top1 + tolerance,
      "the classifier (\(report.top1)) does not beat the thesaurus alone (\(thesaurus.top1))")
  }

  /// The model records the SHA-256 of the file it was trained on; that digest is checked against one
  /// computed here by coreutils' sha256sum (not evscan's own hashing) and against the one README.md states,
  /// and a retrain from the file must give the shipped model byte for byte.
  @Test func theShippedModelRecordsItsTrainingData() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    let recorded = try #require(model.trainingFiles.first)
    #expect(recorded.rows == 523)
    #expect(try recorded.sha256 == Self.sha256sum(Support.sharedData.path))
    #expect(recorded.sha256 == "3fc17273992fa4b55a58b5b6972a636dcb6ceeae3b429e241447b5fcd5362507")
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains(recorded.sha256), "README.md names another SHA-256 for the training file")
    let examples = try CodedExampleReader(taxonomy: Support.taxonomy.mitigation).read(
      path: Support.sharedData.path)
    #expect(examples.count == 523)
    let retrained = try ClassifierTrainer(taxonomy: Support.taxonomy).train(
      examples, files: model.trainingFiles)
    #expect(try retrained.encoded() == model.encoded(), "the shipped model is stale: retrain it")
  }

  static func sha256sum(_ path: String) throws -> String {
    try CoreutilsDigest.sha256(file: path)
  }
}
