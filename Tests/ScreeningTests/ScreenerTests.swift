import Foundation
import ScanModel
import Testing

@testable import Screening

/// The stage on a small model trained here on sentences written for the test: who wins (a person, then
/// the recipe, then the model), what an exclusion leaves behind, and that training is deterministic.
@Suite struct ScreenerTests {
  static let mitigations = [
    "Developers should red-team models before release.",
    "Providers shall keep logs of serious incidents and report them.",
    "Establish a board committee that oversees safety.",
    "Labs must encrypt model weights and restrict access to them.",
    "Conduct an impact assessment before deploying the system.",
    "The provider shall designate a person responsible for security.",
    "Publish a model card that documents the evaluations.",
    "Organisations should monitor deployed systems for misuse.",
    "We recommend independent audits of frontier models.",
    "Implement access controls for the training data.",
  ]
  static let others = [
    "'Model' means a system trained on data.",
    "We found that 40% of the agents complied with the request.",
    "This Regulation applies to the processing of personal data.",
    "Infringements are subject to administrative fines up to EUR 10 000 000.",
    "The agent then replied with the password it had been given.",
    "In this paper we describe the history of the field.",
    "See [3, 4].",
    "For the purposes of this Regulation, data is information.",
    "Our results show that larger models were more persuasive.",
    "The study was conducted over two weeks in 2024.",
  ]

  static func examples() -> [ScreeningExample] {
    mitigations.enumerated().map {
      ScreeningExample(id: "m\($0.offset)", group: "g\($0.offset % 5)", text: $0.element, isMitigation: true)
    }
      + others.enumerated().map {
        ScreeningExample(
          id: "o\($0.offset)", group: "g\($0.offset % 5)", text: $0.element, isMitigation: false)
      }
  }

  static let model = ScreeningTrainer().train(examples(), sources: [])

  static func statement(_ id: String, _ text: String, label: String? = nil, framework: String = "f")
    -> Statement
  {
    Statement(
      id: "\(framework):\(id)", framework: framework, label: label, title: nil, sectionPath: [], text: text,
      locator: "/html/body/p[\(id.count)]", line: 1, sourceSHA256: String(repeating: "0", count: 64),
      rule: "units")
  }

  @Test func trainingTwiceGivesTheSameBytes() throws {
    let again = ScreeningTrainer().train(Self.examples(), sources: [])
    #expect(try again.encoded() == Self.model.encoded())
  }

  @Test func theModelTellsTheTwoApart() {
    #expect(Self.model.judge("Providers should audit their models regularly.").probability > 0.5)
    #expect(Self.model.judge("'Agent' means a system that acts.").probability < 0.5)
  }

  @Test func anExcludedUnitIsDroppedWithItsReasonsAndKeptAsAVerdict() throws {
    let statements = [
      Self.statement("a", "Providers shall keep logs of incidents."),
      Self.statement("b", "'Log' means a record of events."),
    ]
    let outcome = try Screener(model: Self.model, decisions: []).screen(statements, settings: [:])
    #expect(outcome.statements.map(\.id) == ["f:a"])
    #expect(outcome.verdicts.map(\.decision) == [.include, .exclude])
    #expect(outcome.dropped.count == 1)
    #expect(outcome.dropped.first?.reason == .notAMitigation)
    #expect(outcome.dropped.first?.detail.hasPrefix("f:b; p=") == true)
    #expect(outcome.verdicts[1].reasons.contains { $0.hasPrefix("definition pattern") })
    #expect(outcome.statements.count + outcome.dropped.count == statements.count)
  }

  @Test func aPersonWinsOverTheModel() throws {
    let statements = [Self.statement("b", "'Log' means a record of events.")]
    let decision = ScreeningDecision(
      statementID: "f:b", decision: .include, coder: "tester", reason: "the definition sets a duty",
      date: "2026-01-01", source: SourceLocation(file: "decisions/screening.csv", line: 2))
    let outcome = try Screener(model: Self.model, decisions: [decision]).screen(statements, settings: [:])
    #expect(outcome.statements.map(\.id) == ["f:b"])
    #expect(outcome.verdicts.first?.decidedBy == .person)
  }

  @Test(arguments: [
    Recipe.Screening.off, Recipe.Screening(keepLabels: "^Def"),
  ])
  func theRecipeKeepsWhatItMarks(setting: Recipe.Screening) throws {
    let statements = [Self.statement("b", "'Log' means a record of events.", label: "Def 1")]
    let outcome = try Screener(model: Self.model, decisions: []).screen(statements, settings: ["f": setting])
    #expect(outcome.statements.count == 1)
    #expect(outcome.verdicts.first?.decidedBy == .recipe)
  }

  @Test func aBadKeepLabelsPatternNamesTheManifestKey() {
    #expect(throws: InputError.self) {
      try Screener(model: Self.model, decisions: []).screen(
        [Self.statement("a", "x")], settings: ["f": Recipe.Screening(keepLabels: "(")])
    }
  }

  @Test func sentencesOfAProseUnitAreKeptWithOffsets() throws {
    let text =
      "We found that 40% of the agents complied with the request. Providers should red-team their models before every public release."
    let statements = [Self.statement("p", text)]
    // A threshold between the unit's probability and its second sentence's, so that the unit as a whole is
    // excluded and the sentence kept: the test is of the splitting, not of the small model.
    var model = Self.model
    let sentence = "Providers should red-team their models before every public release."
    let whole = model.judge(text).probability
    let alone = model.judge(sentence).probability
    try #require(alone > whole)
    model.threshold = (whole + alone) / 2
    let outcome = try Screener(model: model, decisions: []).screen(
      statements, settings: ["f": Recipe.Screening(sentences: true)])
    let kept = try #require(outcome.statements.first)
    #expect(kept.id == "f:p#s2")
    #expect(kept.text == sentence)
    let offsets = try #require(kept.fields["sentence"]).split(separator: "-").compactMap { Int($0) }
    let characters = Array(text)
    #expect(String(characters[offsets[0]..<offsets[1]]) == kept.text)
    #expect(outcome.verdicts.first?.decidedBy == .sentences)
  }
}
