import Foundation
import Testing

/// What a user sees when the inputs or the output are wrong: a clear message, and nothing half-written.
@Suite("Scanning with bad inputs", .serialized)
struct BadScanInputTests {
  @Test func aMissingOrEmptyFrameworksFolderIsNamed() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try Evscan.run([
      "scan", "--frameworks", folder.appendingPathComponent("nope").path, "--output",
      folder.appendingPathComponent("out").path,
    ])
    #expect(missing.status != 0)
    #expect(missing.errors.contains("nope") && missing.errors.contains("does not exist"))
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let none = try Evscan.run([
      "scan", "--frameworks", empty.path, "--output", folder.appendingPathComponent("out").path,
    ])
    #expect(none.status != 0 && none.errors.contains("holds no framework"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func anOutputThatCannotBeWrittenIsNamed() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("a-file")
    try Data("not a folder".utf8).write(to: file)
    let result = try Evscan.run([
      "scan", "--output", file.appendingPathComponent("output").path, "--no-cache",
    ])
    #expect(result.status != 0)
    #expect(result.errors.contains("a-file"), "\(result.errors)")
  }

  @Test func aCorruptPreviousSnapshotStopsTheScanUntilTheUserChooses() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let garbage = Data(repeating: 0x42, count: 8192)
    try garbage.write(to: output.appendingPathComponent("mitigations.sqlite"))
    let refused = try Evscan.run([
      "scan", "--output", output.path, "--cache", folder.appendingPathComponent("cache").path,
    ])
    #expect(refused.status != 0)
    #expect(refused.errors.contains("--reset-ids"), "\(refused.errors)")
    #expect(
      try Data(contentsOf: output.appendingPathComponent("mitigations.sqlite")) == garbage,
      "nothing was replaced")
    let reset = try Evscan.run([
      "scan", "--output", output.path, "--cache", folder.appendingPathComponent("cache").path, "--reset-ids",
      "--quiet",
    ])
    #expect(reset.status == 0, "\(reset.errors)")
  }

  @Test func aFolderThatIsNotASnapshotIsNotReplaced() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try Data("my notes".utf8).write(to: output.appendingPathComponent("notes.txt"))
    let result = try Evscan.run(["scan", "--output", output.path, "--no-cache"])
    #expect(result.status != 0 && result.errors.contains("not an evscan snapshot"))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
  }

  @Test func keepGoingFinishesTheOthersAndReportsTheFailure() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let frameworks = folder.appendingPathComponent("frameworks")
    try FileManager.default.createDirectory(at: frameworks, withIntermediateDirectories: true)
    for name in ["nist-2024", "schuett-2023"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent("frameworks/\(name)"),
        to: frameworks.appendingPathComponent(name))
    }
    let broken = frameworks.appendingPathComponent("broken-2025")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try Data("slug: broken-2025\nrecipe: [".utf8).write(to: broken.appendingPathComponent("framework.yaml"))
    let common = [
      "scan", "--frameworks", frameworks.path, "--output", folder.appendingPathComponent("output").path,
      "--taxonomy", Evscan.packageRoot.appendingPathComponent("taxonomy").path,
      "--model", Evscan.packageRoot.appendingPathComponent("models/mitigation-classifier.json").path,
      "--deduplication", Evscan.packageRoot.appendingPathComponent("config/deduplication.yaml").path,
      "--decisions", folder.appendingPathComponent("decisions").path, "--no-cache",
    ]
    let stopped = try Evscan.run(common)
    #expect(stopped.status != 0 && stopped.errors.contains("broken-2025"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    let finished = try Evscan.run(common + ["--keep-going", "--json"])
    #expect(finished.status != 0, "a failed framework still fails the run")
    #expect(
      finished.errors.contains("broken-2025") && finished.errors.contains("framework.yaml:"),
      "\(finished.errors)")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/mitigations.sqlite").path))
  }
}
