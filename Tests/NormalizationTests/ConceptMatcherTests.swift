import ScanModel
import Testing

@testable import Normalization

@Suite("Concept matching")
struct ConceptMatcherTests {
  let matcher = ConceptMatcher(thesaurus: Support.taxonomy.thesaurus)

  func ids(_ text: String) -> Set<String> {
    Set(matcher.matches(in: text).map(\.conceptID))
  }

  @Test func spellingVariantsAndInflectionsFindTheConcept() {
    #expect(ids("Labs should red-team their models").contains("red-teaming"))
    #expect(ids("Red teaming exercises are run").contains("red-teaming"))
    #expect(ids("The model was red teamed by experts").contains("red-teaming"))
  }

  @Test func abbreviationsMatchAsWritten() {
    #expect(
      ids("Apply KYC checks to compute customers").contains {
        $0.contains("know-your-customer") || $0 == "kyc"
      })
    #expect(!ids("it is fine").contains { $0.contains("information-technology") })
  }

  @Test func agentNounsAreNotTheirActivity() {
    let found = ids("Before deploying the system, test it.")
    #expect(!found.contains("deployer"))
  }

  @Test func spansPointAtTheWords() throws {
    let text = "Firms run red-teaming exercises."
    let match = try #require(matcher.matches(in: text).first { $0.conceptID == "red-teaming" })
    let characters = Array(text)
    #expect(String(characters[match.start..<match.end]).lowercased().hasPrefix("red-teaming"))
    #expect(match.words.lowercased().hasPrefix("red-teaming"))
  }
}
