import Foundation
import TestSupport
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

  /// The scan reads a merge decision's case loosely (`Must-link` is `must-link`); agreement must too, or
  /// two coders who agree are listed as a disagreement.
  @Test func mergeDecisionsAgreeWhateverTheirCase() throws {
    let folder = try TemporaryFolder("agreement-case")
    let merges = """
      a,b,decision,coder,date,reason
      s1,s2,Must-link,ann,2026-01-02,same practice
      s2,s1,must-link,bob,2026-01-03,same practice
      s3,s4,CANNOT-LINK,ann,2026-01-02,different practice
      s3,s4,cannot-link,bob,2026-01-03,different practice

      """
    try merges.write(to: folder.path("merges.csv"), atomically: true, encoding: .utf8)
    let agreement = CoderAgreement(try CoderAgreement.decisions(folder: folder.url.path))
    #expect(agreement.facets.map(\.facet) == ["merges"])
    #expect(agreement.facets.map(\.agreed) == [2])
    #expect(agreement.disagreements.isEmpty)
  }
}
