import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("report.md")
struct ScanReportTests {
  static func report(_ content: SnapshotContent) throws -> String {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(content, to: folder)
    return try String(
      contentsOf: folder.appendingPathComponent(SnapshotFile.report.fileName), encoding: .utf8)
  }

  /// The rows of the first Markdown table under `heading`, as cells.
  static func table(_ report: String, under heading: String) -> [[String]] {
    let lines = report.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: heading) else { return [] }
    return lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
      .filter { !$0.hasPrefix("| ---") }
      .map { line in
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      }
  }

  @Test("the flow table's counts add up as the run recorded them")
  func flow() throws {
    let report = try Self.report(SnapshotFixtures.content)
    let rows = Self.table(report, under: "## Flow of the scan")
    let counts = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Int($0[1]) ?? -1) })
    #expect(counts["Frameworks"] == 4)
    #expect(counts["Documents read"] == 4)
    #expect(counts["Units matched by the recipes"] == 10)
    #expect(counts["− dropped: navigation"] == 1)
    #expect(counts["− dropped: too-short"] == 1)
    #expect(counts["Statements"] == 8)
    #expect(counts["Statements coded"] == 8)
    #expect(counts["… of which need review"] == 2)
    #expect(counts["− statements merged into another statement's mitigation"] == 3)
    #expect(counts["Canonical mitigations"] == 5)
    let dropped = rows.filter { $0[0].hasPrefix("− dropped") }.map { Int($0[1])! }.reduce(0, +)
    #expect(counts["Units matched by the recipes"]! == counts["Statements"]! + dropped)
    #expect(
      counts["Canonical mitigations"]! == counts["Statements"]! - counts[
        "− statements merged into another statement's mitigation"]!)
    #expect(report.contains("The counts add up: 10 units matched = 8 statements + 2 dropped"))
  }

  @Test("statements per framework and category 1-4 and X")
  func perFramework() throws {
    let report = try Self.report(SnapshotFixtures.content)
    let rows = Self.table(report, under: "## Statements per framework and category")
    #expect(rows.first == ["Framework", "Source", "1", "2", "3", "4", "X", "Total"])
    let bySlug = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
    #expect(bySlug["schuett-2023"] == ["schuett-2023", "Schuett2023", "1", "0", "2", "0", "0", "3"])
    #expect(bySlug["example-2025"] == ["example-2025", "example-2025", "0", "0", "1", "1", "0", "2"])
    #expect(bySlug["**Total**"] == ["**Total**", "", "3", "0", "4", "1", "0", "8"])
  }

  @Test("the practices most frameworks share, with their frameworks")
  func shared() throws {
    let report = try Self.report(SnapshotFixtures.content)
    let rows = Self.table(report, under: "## Practices the most frameworks share")
    #expect(rows.dropFirst().map(\.[0]) == ["M0002", "M0003", "M0004"])
    #expect(rows[2] == ["M0003", "Red teaming", "3.1 Testing & Auditing", "2", "NIST2024, Schuett2023"])
  }

  @Test("review counts and warnings, with pipes in messages escaped")
  func reviewAndWarnings() throws {
    let report = try Self.report(SnapshotFixtures.content)
    #expect(report.contains("- Statement pairs close enough to look at but not merged: 1 (1 review edges"))
    #expect(report.contains("- Statements that need review: 2."))
    #expect(report.contains("- Human decisions applied in this run: 2 on codes, 1 on links."))
    #expect(report.contains("- `frameworks/nist-2024/document.html:12:3`: warning: unexpected end tag </p>"))
    #expect(report.contains("the recipe matched a unit | inside a table"))
  }

  @Test("a minimal snapshot says so where there is nothing to list")
  func minimal() throws {
    let report = try Self.report(try SnapshotFixtures.loadJSON("minimal.json"))
    #expect(report.contains("No mitigation is stated by more than one framework."))
    #expect(report.contains("## Warnings\n\nNone."))
  }
}
