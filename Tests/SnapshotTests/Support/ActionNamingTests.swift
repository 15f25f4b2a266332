import Testing

@testable import Snapshot

@Suite("Action names")
struct ActionNamingTests {
  @Test(arguments: [(1, "A0001_Schuett2023"), (42, "A0042_Schuett2023"), (12345, "A12345_Schuett2023")])
  func actionIDsLookLikeMITs(_ number: Int, _ expected: String) {
    #expect(ActionNaming.actionID(number: number, sourceName: "Schuett2023") == expected)
  }
}
