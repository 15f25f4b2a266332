import Deduplication
import ScanModel
import TestSupport
import Testing

@testable import evscan

/// The side-by-side pairs `evscan review --list` prints.
@Suite struct ReviewReportTests {
  @Test func reviewReportShowsBothTextsSideBySide() throws {
    let result = try Deduplicator().run(inputs: SampleStatements.redTeaming)
    let edge = try #require(result.edges.first { $0.a == "w-1" && $0.b == "w-2" })
    #expect(edge.verdict == .review)
    let text = ReviewReport.render(
      edge, left: SampleStatements.redTeaming[3], right: SampleStatements.redTeaming[4], width: 80)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("w-1 ~ w-2  score "))
    #expect(lines[1].hasPrefix("w-1 · wiener-2024"))
    #expect(lines[1].contains(" | w-2 · wiener-2024"))
    #expect(
      lines.contains { $0.contains("Red-team the model for") && $0.contains(" | Red-team the model for") })
    #expect(lines.allSatisfy { $0.count <= 80 || $0.hasPrefix("why:") || $0.hasPrefix("w-1 ~") })
    #expect(text.contains("shared concepts: red-teaming"))
    #expect(text.contains("why: "))
    #expect(text.contains("different hazard (cyber vs bias)"), "\(text)")
    let all = ReviewReport.render(result, statements: SampleStatements.redTeaming)
    #expect(all.contains("w-1 ~ w-2"))
  }
}
