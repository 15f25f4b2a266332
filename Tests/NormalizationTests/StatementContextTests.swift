import Foundation
import ScanModel
import Testing

@testable import Normalization

@Suite("A statement's section context in coding")
struct StatementContextTests {
  static let context = StatementContext(
    sectionPath: ["Suggested actions", "MEASURE 2.7: Security and resilience are evaluated"],
    label: "MS-2.7-001", fields: ["risks": "Information Security"])

  @Test func theContextGivesWordsInOrderOfPlace() {
    #expect(
      Self.context.text
        == "Suggested actions ; MEASURE 2.7: Security and resilience are evaluated ; MS-2.7-001 ; Information Security"
    )
    #expect(StatementContext(sectionPath: [], label: nil, fields: [:]).text == nil)
  }

  /// Trained with context on some examples, the model has section-word features, and coding a statement
  /// with its context names the section among the reasons; without context it names none.
  @Test func codingNamesTheSectionAStatementSitsUnder() throws {
    var examples = try ClassifierTrainerTests.examples()
    try #require(examples.count >= 4)
    for index in examples.indices where index % 2 == 0 { examples[index].context = Self.context }
    let model = try ClassifierTrainer(taxonomy: Support.taxonomy).train(examples, files: [])
    #expect(model.features.contains { $0.hasPrefix("s:") })
    let normalizer = Normalizer(taxonomy: Support.taxonomy, model: model)
    let text = "Outside experts run red-team exercises against the model before release."
    let placed = try #require(
      normalizer.code(statementID: "s1", title: nil, text: text, context: Self.context).primary)
    #expect(placed.reasons.contains { $0.text.hasPrefix("under “MEASURE 2.7: Security") })
    let bare = try #require(normalizer.code(statementID: "s1", title: nil, text: text).primary)
    #expect(!bare.reasons.contains { $0.text.hasPrefix("under ") })
  }

  /// The flag follows the calibrated probability: a code is flagged exactly when its score (the
  /// probability of being right) is under the model's threshold.
  @Test func theFlagFollowsTheCalibratedProbability() throws {
    let examples = try ClassifierTrainerTests.examples()
    let model = try ClassifierTrainer(taxonomy: Support.taxonomy).train(examples, files: [])
    let normalizer = Normalizer(taxonomy: Support.taxonomy, model: model)
    let threshold = model.hyperparameters.reviewThreshold
    for (index, example) in examples.enumerated() {
      let primary = try #require(
        normalizer.code(statementID: "s\(index)", title: example.name, text: example.text).primary)
      guard !primary.code.contains("X") else { continue }
      #expect(primary.needsReview == (primary.score < threshold), "\(example.id): \(primary.score)")
    }
  }
}
