import Foundation
import Testing

/// A NIST action read from the real NIST AI 600-1 PDF and explained: its coding names the subcategory it
/// sits under among the reasons. The PDF comes from ../shared/corpus through `evscan fetch`, as a user
/// would put it in place; nothing of it is written here beyond a label and a heading's first words.
@Suite(
  "Section context in the coding of the real NIST AI 600-1",
  .serialized,
  .enabled(
    if: FileManager.default.fileExists(
      atPath: Evscan.packageRoot.appendingPathComponent("../shared/corpus/nist-ai-600-1.pdf").path),
    "../shared/corpus/nist-ai-600-1.pdf is absent (a user's clone has no ../shared)"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftohtml"),
    "poppler-utils (pdftohtml) is not installed; scripts/setup installs it"))
final class SectionContextTests {
  let project: URL

  init() throws {
    project = try Evscan.temporaryFolder()
    for part in ["taxonomy", "models", "config", "decisions"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
    // The shipped decisions name statements of other frameworks; this project holds NIST alone.
    let merges = project.appendingPathComponent("decisions/merges.csv")
    let header = try String(contentsOf: merges, encoding: .utf8).split(separator: "\n").first ?? ""
    try (header + "\n").write(to: merges, atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent("frameworks"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Evscan.packageRoot.appendingPathComponent("frameworks/nist-2024"),
      to: project.appendingPathComponent("frameworks/nist-2024"))
  }

  deinit {
    try? FileManager.default.removeItem(at: project)
  }

  @Test func explainingANISTActionShowsTheSubcategoryItSitsUnder() throws {
    let corpus = Evscan.packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL.path
    let fetched = try Evscan.run(["fetch", "--from", corpus, "nist-2024"], in: project)
    #expect(fetched.status == 0, "\(fetched.errors)")
    let scanned = try Evscan.run(["scan", "--quiet", "--no-cache"], in: project)
    #expect(scanned.status == 0, "\(scanned.errors)")

    let explained = try Evscan.run(["explain", "nist-2024:ms-2-7-001"], in: project)
    #expect(explained.status == 0, "\(explained.errors)")
    #expect(explained.output.contains("under “MEASURE 2.7"), "\(explained.output)")

    let governing = try Evscan.run(["explain", "nist-2024:gv-1-1-001"], in: project)
    #expect(governing.output.contains("under “GOVERN 1.1"), "\(governing.output)")
  }
}
