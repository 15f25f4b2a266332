import Foundation
import ScanModel
import Testing

@testable import Normalization

@Suite("Coding")
struct NormalizerTests {
  @Test func aTrainedModelCodesWithReasons() throws {
    let model = try ClassifierTrainer(taxonomy: Support.taxonomy).train(
      ClassifierTrainerTests.examples(), files: [])
    let normalizer = Normalizer(taxonomy: Support.taxonomy, model: model)
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
    let normalizer = Normalizer(taxonomy: Support.taxonomy, model: nil)
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
}
