import Foundation
import Testing

/// Where the real SB-1047 page is, when ../shared is beside the project.
enum RealSB1047 {
  static let corpus = Evscan.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let page = corpus.appendingPathComponent("sb1047-enrolled.html")
}

/// The README's "Getting the originals" on the shipped project: decisions made on a stand-in's statements
/// (decisions/merges.csv has a cannot-link on a wiener-2024 stand-in statement) must not stop the scan of
/// the original; each is set aside with a note naming its line.
@Suite(
  .enabled(
    if: FileManager.default.fileExists(atPath: RealSB1047.page.path),
    "../shared/corpus/sb1047-enrolled.html is absent (a user's clone has no ../shared)"))
struct StandInDecisionsTests {
  @Test func aStandInDecisionIsSetAsideWhenTheOriginalIsScanned() throws {
    let project = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: project) }
    for part in ["frameworks", "taxonomy", "models", "config", "decisions", "output"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
    let merges = try String(
      contentsOf: project.appendingPathComponent("decisions/merges.csv"), encoding: .utf8)
    let standInID = "wiener-2024:loc-2825bb78e746"
    try #require(merges.contains(standInID))

    let fetched = try Evscan.run(["fetch", "--from", RealSB1047.corpus.path, "wiener-2024"], in: project)
    #expect(fetched.status == 0, "\(fetched.errors)")
    let scanned = try Evscan.run(["scan", "--force"], in: project)
    #expect(scanned.status == 0, "\(scanned.errors)")
    let note = scanned.errors.split(separator: "\n").first { $0.contains("set aside") }
    #expect(
      note?.contains("decisions/merges.csv:") == true && note?.contains(standInID) == true,
      "\(scanned.errors)")
    #expect(scanned.output.contains("wrote"))
  }
}
