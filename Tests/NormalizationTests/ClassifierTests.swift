import Foundation
import Normalization
import ScanModel
import Testing

@Suite("Training and coding")
struct ClassifierTests {
  static let examples: [CodedExample] = {
    let reader = CodedExampleReader(taxonomy: Support.taxonomy.mitigation)
    return ((try? reader.read(path: Support.fixture("training/five-column.csv"))) ?? [])
      + ((try? reader.read(path: Support.fixture("training/four-column.csv"))) ?? [])
  }()

  @Test func trainingIsDeterministic() throws {
    let trainer = ClassifierTrainer(taxonomy: Support.taxonomy)
    let first = try trainer.train(Self.examples, files: []).encoded()
    let second = try trainer.train(Self.examples.reversed().reversed(), files: []).encoded()
    #expect(first == second)
  }

  @Test func aTrainedModelCodesWithReasons() throws {
    let model = try ClassifierTrainer(taxonomy: Support.taxonomy).train(Self.examples, files: [])
    let normalizer = try Normalizer(taxonomy: Support.taxonomy, model: model)
    let coding = normalizer.code(
      statementID: "s1", title: nil,
      text: "Outside experts run red-team exercises against the model before release.")
    let primary = try #require(coding.primary)
    #expect(primary.code == "3.1")
    #expect(primary.method == .classifier)
    #expect(primary.reasons.contains { $0.kind == .concept })
    #expect(primary.reasons.contains { $0.kind == .feature })
    #expect(primary.reasons.contains { $0.kind == .example })
    #expect((0...1).contains(primary.score))
    let facets = Set(coding.assignments.map(\.facet))
    #expect(facets.isSuperset(of: ["mitigation", "actor", "lifecycle", "nist"]))
  }

  @Test func withoutAModelTheThesaurusCodes() throws {
    let normalizer = try Normalizer(taxonomy: Support.taxonomy, model: nil)
    let coding = normalizer.code(
      statementID: "s1", title: nil,
      text: "Protect whistleblowers who raise safety concerns from retaliation.")
    #expect(coding.primary?.code == "1.4")
    #expect(coding.primary?.method == .thesaurus)
    let nothing = normalizer.code(statementID: "s2", title: nil, text: "Lorem ipsum dolor sit amet.")
    #expect(nothing.primary?.code == "X.X")
    #expect(nothing.primary?.needsReview == true)
  }

  @Test func peopleWinOverTheMachine() throws {
    let decision = CodeDecision(
      statementID: "s1", facet: "mitigation", code: "4.2", coder: "reviewer",
      rationale: "it is about publishing",
      date: "2026-11-01", source: SourceLocation(file: "decisions/codes.csv", line: 2))
    let normalizer = try Normalizer(taxonomy: Support.taxonomy, model: nil, decisions: [decision])
    let coding = normalizer.code(
      statementID: "s1", title: nil, text: "Run red-team exercises before release.")
    let primary = try #require(coding.primary)
    #expect(primary.code == "4.2" && primary.method == .human && primary.score == 1)
    #expect(primary.reasons.first?.kind == .decision)
    #expect(primary.reasons.contains { $0.kind == .alternative && $0.text.contains("3.1") })
  }

  @Test func decisionsWithUnknownCodesAreRefused() {
    let decision = CodeDecision(
      statementID: "s1", facet: "mitigation", code: "9.9", coder: "x", rationale: "", date: "2026-11-01",
      source: SourceLocation(file: "decisions/codes.csv", line: 5))
    #expect {
      _ = try Normalizer(taxonomy: Support.taxonomy, model: nil, decisions: [decision])
    } throws: { error in
      (error as? InputError)?.description.hasPrefix("decisions/codes.csv:5") == true
    }
  }

  @Test func theShippedModelLoads() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    #expect(model.classes.contains("3.1"))
    #expect(model.trainingFiles.first?.attribution?.contains("CC BY 4.0") == true)
    #expect(model.examples.allSatisfy { $0.vector.indices.count == $0.vector.values.count })
  }
}

/// Against the human coders of the MIT database (../shared/data), when it is there.
@Suite(
  "Agreement with human coders",
  .enabled(
    if: FileManager.default.fileExists(atPath: Support.sharedData.path),
    "../shared/data/mit-coded-dev.csv is absent (a user's clone has no ../shared)"))
struct HumanAgreementTests {
  @Test func crossValidationReachesTheTarget() throws {
    let examples = try CodedExampleReader(taxonomy: Support.taxonomy.mitigation).read(
      path: Support.sharedData.path)
    let evaluator = Evaluator(
      taxonomy: Support.taxonomy, trainer: ClassifierTrainer(taxonomy: Support.taxonomy))
    let report = try evaluator.crossValidate(examples, folds: 5)
    #expect(report.n == 523)
    #expect(report.top1 >= 0.55)
    #expect(report.top3 >= report.top1)
  }

  @Test func theShippedModelRecordsItsTrainingData() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    let data = try Data(contentsOf: Support.sharedData)
    let examples = try CodedExampleReader(taxonomy: Support.taxonomy.mitigation).read(
      path: Support.sharedData.path)
    let retrained = try ClassifierTrainer(taxonomy: Support.taxonomy).train(
      examples, files: model.trainingFiles)
    #expect(model.trainingFiles.first?.rows == 523)
    #expect(model.trainingFiles.first?.sha256.count == 64)
    #expect(!data.isEmpty)
    #expect(try retrained.encoded() == model.encoded(), "the shipped model is stale: retrain it")
  }
}
