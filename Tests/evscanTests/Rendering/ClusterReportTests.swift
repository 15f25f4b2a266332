import Deduplication
import ScanModel
import TestSupport
import Testing

@testable import evscan

/// The plain text `evscan dedupe` prints.
@Suite struct ClusterReportTests {
  @Test func clusterReportShowsMembersAndEdges() throws {
    let result = try Deduplicator().run(inputs: SampleStatements.redTeaming)
    let text = ClusterReport.render(result, statements: SampleStatements.redTeaming)
    #expect(text.hasPrefix("5 statements, 3 mitigations (1 with more than one statement, 2 alone)"))
    #expect(
      text.contains("M0001  Red-team models with internal and external experts before deployment  [3.1]"))
    #expect(text.contains("review pairs: 4; pairs compared: 10 (all pairs)"))
    #expect(text.contains("sources: barrett-2024, nist-2024, uk-government-2023"))
    #expect(text.contains("edges:"))
    #expect(text.contains("same action (assess)"))
    #expect(text.contains("2 mitigations have one statement each"))
  }
}
