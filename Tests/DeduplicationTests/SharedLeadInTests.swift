import ScanModel
import Testing

@testable import Deduplication

/// List items carry the lead-ins above them; what they ask for is the rest.
@Suite struct SharedLeadInTests {
  static let leadIn = "Before a model is deployed, the provider shall do all of the following: "

  static func item(_ id: String, _ text: String, framework: String? = "act") -> DeduplicationInput {
    DeduplicationInput(id: id, framework: framework, text: leadIn + text)
  }

  static func trimmed(_ inputs: [DeduplicationInput]) throws -> [String: String] {
    let analysed = Deduplicator().withoutSharedLeadIns(inputs)
    return Dictionary(uniqueKeysWithValues: analysed.map { ($0.id, $0.text) })
  }

  @Test("a lead-in two items of a framework share is taken out; one no sibling shares is kept")
  func sharedLeadInsAreTakenOut() throws {
    let texts = try Self.trimmed([
      Self.item("a", "Keep a log of every incident for five years."),
      Self.item("b", "Name a person responsible for the safety plan."),
      Self.item("short", "Public safety."),
      Self.item("other", "Keep a log of every incident for five years.", framework: "code"),
      DeduplicationInput(
        id: "lone", framework: "act", text: "In each annual report, the provider shall: list its evaluations."
      ),
    ])
    #expect(texts["a"] == "Keep a log of every incident for five years.")
    #expect(texts["b"] == "Name a person responsible for the safety plan.")
    // Too short to say what is asked on its own: an item of a list of objects.
    #expect(texts["short"] == Self.leadIn + "Public safety.")
    #expect(texts["other"] == Self.leadIn + "Keep a log of every incident for five years.")
    #expect(texts["lone"] == "In each annual report, the provider shall: list its evaluations.")
  }

  @Test("nested lead-ins come out one after the other, and a bare condition keeps the one it hangs on")
  func nestedLeadIns() throws {
    let protocolLeadIn = "Write a safety plan that does all of the following: "
    let conditionLeadIn = "Describes a test of whether both of the following are true: "
    let texts = try Self.trimmed([
      Self.item("plan-a", protocolLeadIn + "Names the person who may stop training."),
      Self.item("plan-b", protocolLeadIn + "Says how the plan is changed."),
      Self.item("test-1", protocolLeadIn + conditionLeadIn + "The model can give serious uplift."),
      Self.item("test-2", protocolLeadIn + conditionLeadIn + "A derived model can give serious uplift."),
      Self.item("record", "The provider shall keep the plan for five years."),
    ])
    #expect(texts["plan-a"] == "Names the person who may stop training.")
    #expect(texts["plan-b"] == "Says how the plan is changed.")
    // Conditions, which start with a stop word and have no modal, keep the lead-in they are conditions of.
    #expect(texts["test-1"] == conditionLeadIn + "The model can give serious uplift.")
    #expect(texts["test-2"] == conditionLeadIn + "A derived model can give serious uplift.")
    #expect(texts["record"] == "The provider shall keep the plan for five years.")
  }

  @Test("items that share only a long lead-in stay apart, and are named by what they ask for")
  func itemsWithASharedLeadInStayApart() throws {
    let leadIn =
      "When a customer rents enough accelerators to train a frontier model, an operator of a cloud "
      + "computing service shall adopt written procedures to do all of the following: "
    let inputs = [
      DeduplicationInput(id: "identity", framework: "act", text: leadIn + "Verify the customer's identity."),
      DeduplicationInput(
        id: "payment", framework: "act", text: leadIn + "Record the customer's payment details."),
      DeduplicationInput(
        id: "intent", framework: "act",
        text: leadIn + "Assess whether the customer intends to train a frontier model."),
    ]
    let result = try Deduplicator().run(inputs: inputs)
    #expect(!Clusters(result).together("identity", "payment"))
    #expect(!Clusters(result).together("identity", "intent"))
    #expect(!Clusters(result).together("payment", "intent"))
    let names = Set(result.mitigations.map(\.name))
    #expect(names.contains("Verify the customer's identity"), "\(names)")
    // The definition is the statement as written, lead-in and all.
    #expect(result.mitigations.allSatisfy { $0.definition.hasPrefix(leadIn) })
  }
}
