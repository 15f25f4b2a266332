import ScanModel
import Testing

@testable import Deduplication

/// The gates beyond similarity: slots, the framework's voice, and concepts vouching for a paraphrase.
@Suite struct GateTests {
  struct SlotSwap: Sendable, CustomTestStringConvertible {
    var name: String
    var first: DeduplicationInput
    var second: DeduplicationInput
    var slot: String
    var testDescription: String { name }
  }

  /// Each pair is worded alike throughout and differs in one slot's value; the slot is what the reason names.
  static let slotSwaps: [SlotSwap] = [
    SlotSwap(
      name: "audience: the authority or the users",
      first: DeduplicationInput(
        id: "office", text: "Serious incidents shall be reported to the AI Office without undue delay.",
        concepts: ["ai-office", "incident-reporting", "serious-incident"]),
      second: DeduplicationInput(
        id: "users", text: "Serious incidents shall be reported to affected users without undue delay.",
        concepts: ["incident-reporting", "serious-incident", "user"]),
      slot: "audience"),
    SlotSwap(
      name: "hazard: biological or cyber uplift",
      first: DeduplicationInput(
        id: "bio", text: "Measure how far the model raises a novice's ability to build biological weapons.",
        concepts: ["bioweapons", "uplift-studies"]),
      second: DeduplicationInput(
        id: "cyber", text: "Measure how far the model raises a novice's ability to carry out cyberattacks.",
        concepts: ["cyberattacks", "uplift-studies"]),
      slot: "hazard"),
    SlotSwap(
      name: "stage: before training or before release",
      first: DeduplicationInput(
        id: "training", text: "Assess the risks of each model before pre-training begins.",
        concepts: ["pre-training", "risk-assessment"]),
      second: DeduplicationInput(
        id: "release", text: "Assess the risks of each model before deployment begins.",
        concepts: ["deployment", "risk-assessment"]),
      slot: "stage"),
  ]

  @Test(arguments: slotSwaps)
  func slotSwapKeepsStatementsApart(_ swap: SlotSwap) throws {
    let result = try Deduplicator().run(inputs: [swap.first, swap.second])
    #expect(!Clusters(result).together(swap.first.id, swap.second.id))
    let edge = try #require(result.edges.first, "the pair is similar enough to be reported")
    #expect(edge.verdict == .review)
    #expect(edge.reason.contains(swap.slot), "\(edge.reason)")
  }

  /// "Signatories shall" and "AGI labs should" say which framework is speaking, not what is asked.
  @Test func frameworkVoiceIsIgnored() throws {
    let inputs = [
      DeduplicationInput(
        id: "eu", framework: "eu", text: "Signatories shall keep a record of every serious incident."),
      DeduplicationInput(
        id: "labs", framework: "schuett", text: "AGI labs should keep a record of every serious incident."),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    let edge = try #require(result.edges.first)
    #expect(edge.score > 0.99, "\(edge)")
    #expect(Clusters(result).together("eu", "labs"))
  }

  /// Two statements of one practice in different words: the words overlap little, the concepts agree.
  @Test func conceptsVouchForAParaphrase() throws {
    let concepts = ["external-evaluation", "pre-deployment", "red-teaming"]
    let inputs = [
      DeduplicationInput(
        id: "a", text: "Commission external red teaming of each model before it is released.",
        concepts: concepts),
      DeduplicationInput(
        id: "b", text: "Have independent experts red-team every new model ahead of its public release.",
        concepts: concepts),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    #expect(Clusters(result).together("a", "b"), "\(result.edges.map(\.reason))")

    let bare = inputs.map { DeduplicationInput(id: $0.id, text: $0.text) }
    let withoutConcepts = try Deduplicator().run(inputs: bare)
    #expect(!Clusters(withoutConcepts).together("a", "b"), "words alone should not carry this pair")
  }
}
