import Testing

@testable import Review

@Suite("Coder agreement")
struct CoderAgreementTests {
  /// The textbook case: 50 items, coders agree on 20 yes and 15 no; chance agreement 0.5, kappa 0.4.
  @Test func kappaMatchesTheTextbook() {
    let first =
      Array(repeating: "yes", count: 20) + Array(repeating: "yes", count: 5)
      + Array(repeating: "no", count: 10) + Array(repeating: "no", count: 15)
    let second =
      Array(repeating: "yes", count: 20) + Array(repeating: "no", count: 5)
      + Array(repeating: "yes", count: 10) + Array(repeating: "no", count: 15)
    #expect(CoderAgreement.kappa(first, second) == 0.4)
  }

  @Test func disagreementsAreListedPerFacet() {
    let decisions = [
      CoderAgreement.Decision(facet: "mitigation", item: "s1", coder: "ann", value: "1.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s1", coder: "bob", value: "1.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s2", coder: "ann", value: "2.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s2", coder: "bob", value: "3.1"),
      CoderAgreement.Decision(facet: "merges", item: "a ~ b", coder: "ann", value: "must-link"),
      CoderAgreement.Decision(facet: "merges", item: "a ~ b", coder: "bob", value: "must-link"),
      CoderAgreement.Decision(facet: "merges", item: "c ~ d", coder: "ann", value: "cannot-link"),
    ]
    let agreement = CoderAgreement(decisions)
    #expect(agreement.coders == ["ann", "bob"])
    #expect(agreement.facets.map(\.facet) == ["merges", "mitigation"])
    #expect(agreement.facets.map(\.items) == [1, 2])
    #expect(agreement.disagreements.map(\.item) == ["s2"])
    #expect(agreement.disagreements.map(\.reconciled) == [nil])
  }

  @Test func aReconcilingRowIsShownBesideItsDisagreementAndLeftOutOfKappa() {
    let decisions = [
      CoderAgreement.Decision(facet: "mitigation", item: "s1", coder: "ann", value: "1.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s1", coder: "bob", value: "1.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s2", coder: "ann", value: "2.1"),
      CoderAgreement.Decision(facet: "mitigation", item: "s2", coder: "bob", value: "3.1"),
      // ann settles it with bob; were her row counted, she would have two codes for s2 and most decisions.
      CoderAgreement.Decision(
        facet: "mitigation", item: "s2", coder: "ann", value: "3.1", reconciles: "ann+bob"),
    ]
    let agreement = CoderAgreement(decisions)
    #expect(agreement.coders == ["ann", "bob"])
    #expect(agreement.facets.map(\.items) == [2])
    #expect(agreement.facets.map(\.agreed) == [1])
    #expect(agreement.disagreements.map(\.first) == ["2.1"])
    #expect(agreement.disagreements.map(\.reconciled) == ["3.1"])
  }
}
