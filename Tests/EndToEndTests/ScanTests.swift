import Foundation
import ScanModel
import Snapshot
import Testing

/// `evscan scan` on the shipped frameworks, end to end, through the binary.
@Suite("The main job", .serialized)
struct ScanTests {
  func scan(into folder: URL, _ extra: [String] = []) throws -> Evscan.Result {
    try Evscan.run(
      [
        "scan", "--output", folder.appendingPathComponent("output").path, "--cache",
        folder.appendingPathComponent("cache").path,
      ] + extra)
  }

  /// A re-run over the committed snapshot (its ids the previous ones) must give it back byte for byte.
  @Test func theCommittedSnapshotIsCurrent() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let committed = Evscan.packageRoot.appendingPathComponent("output")
    try FileManager.default.copyItem(at: committed, to: folder.appendingPathComponent("output"))
    // The committed snapshot is the stand-ins' (a clean clone has no originals); --stand-in keeps this test
    // true on a clone where `evscan fetch` has put originals in place.
    let result = try scan(into: folder, ["--quiet", "--stand-in"])
    #expect(result.status == 0, "\(result.errors)")
    let fresh = try Evscan.files(in: folder.appendingPathComponent("output"))
    let expected = try Evscan.files(in: committed)
    #expect(Set(fresh.keys) == Set(expected.keys))
    for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
      #expect(
        expected[name] == bytes,
        "output/\(name) is stale: run `.build/release/evscan scan` and commit output/")
    }
  }

  /// The project checked out somewhere else scans to the same bytes: no absolute path reaches the snapshot.
  @Test func theSnapshotDoesNotDependOnWhereTheProjectIs() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("elsewhere/project")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    for part in ["frameworks", "taxonomy", "models", "config", "decisions", "output"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
    let result = try Evscan.run(
      ["scan", "--quiet", "--stand-in", "--cache", folder.appendingPathComponent("cache").path], in: project)
    #expect(result.status == 0, "\(result.errors)")
    let moved = try Evscan.files(in: project.appendingPathComponent("output"))
    let committed = try Evscan.files(in: Evscan.packageRoot.appendingPathComponent("output"))
    for (name, bytes) in committed.sorted(by: { $0.key < $1.key }) {
      #expect(moved[name] == bytes, "output/\(name) differs when the project is in \(project.path)")
    }
  }

  @Test func scansOfTheSameInputsGiveTheSameBytes() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("first")
    let second = folder.appendingPathComponent("second")
    for place in [first, second] {
      try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
      let result = try scan(into: place, ["--quiet", "--stand-in"])
      #expect(result.status == 0, "\(result.errors)")
    }
    #expect(
      try Evscan.files(in: first.appendingPathComponent("output"))
        == Evscan.files(in: second.appendingPathComponent("output")))
    // Independently of any ledger: a scan from nothing groups the statements as the committed snapshot
    // does, so the committed ids name the mitigations the code makes now.
    let fresh = try SnapshotReader().read(from: first.appendingPathComponent("output"))
    let committed = try SnapshotReader().read(from: Evscan.packageRoot.appendingPathComponent("output"))
    #expect(
      Set(fresh.mitigations.map { Set($0.members.map(\.statementID)) })
        == Set(committed.mitigations.map { Set($0.members.map(\.statementID)) }))
  }

  /// The first scan is already the fixed point: a re-run over it (from the cache) changes no byte, and every
  /// id's latest change is still its birth ("new"), not "kept".
  @Test func aRerunUsesTheCacheAndChangesNothing() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try scan(into: folder, ["--quiet"]).status == 0)
    let settled = try Evscan.files(in: folder.appendingPathComponent("output"))
    let changes = try SnapshotReader().read(from: folder.appendingPathComponent("output")).identityChanges
    #expect(!changes.isEmpty && changes.allSatisfy { $0.kind == .new })
    // --force: without it the re-run would find every input unchanged and leave the snapshot alone.
    let third = try scan(into: folder, ["--json", "--force"])
    #expect(third.status == 0, "\(third.errors)")
    #expect(try Evscan.files(in: folder.appendingPathComponent("output")) == settled)
    let summary = try JSONSerialization.jsonObject(with: Data(third.output.utf8)) as? [String: Any]
    #expect(summary?["frameworksFromCache"] as? Int == 13)
    let counts = summary?["counts"] as? [String: Any]
    #expect((counts?["statements"] as? Int ?? 0) >= 350)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(".output.") && !$0.hasSuffix(".lock") }
    #expect(leftovers.isEmpty, "temporary folders were left: \(leftovers)")
  }

  /// A scan whose inputs and binary are unchanged leaves the snapshot alone and says so; any changed input,
  /// a changed snapshot file or --force makes it scan again.
  @Test func anUnchangedScanSaysTheSnapshotIsCurrent() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    for part in ["frameworks", "taxonomy", "models", "config", "decisions"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
    let arguments = ["scan", "--stand-in", "--cache", folder.appendingPathComponent("cache").path]
    let first = try Evscan.run(arguments, in: project)
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.output.hasPrefix("wrote "))
    let written = try Evscan.files(in: project.appendingPathComponent("output"))

    let second = try Evscan.run(arguments, in: project)
    #expect(second.status == 0, "\(second.errors)")
    #expect(second.output.contains("is current"), "\(second.output)")
    #expect(try Evscan.files(in: project.appendingPathComponent("output")) == written)

    let forced = try Evscan.run(arguments + ["--force"], in: project)
    #expect(forced.output.hasPrefix("wrote "), "\(forced.output)")

    // A changed input: a person's decision added to codes.csv.
    let codes = project.appendingPathComponent("decisions/codes.csv")
    let original = try Data(contentsOf: codes)
    try (original + Data("\n".utf8)).write(to: codes)
    let afterEdit = try Evscan.run(arguments, in: project)
    #expect(afterEdit.output.hasPrefix("wrote "), "\(afterEdit.output)")
    #expect(try Evscan.run(arguments, in: project).output.contains("is current"))

    // A new file in a framework folder (an original the scan would read instead of the stand-in).
    let extra = project.appendingPathComponent("frameworks/nist-2024/original.html")
    try Data("<html></html>".utf8).write(to: extra)
    #expect(try Evscan.run(arguments, in: project).output.hasPrefix("wrote "))
    try FileManager.default.removeItem(at: extra)
    #expect(try Evscan.run(arguments, in: project).output.contains("is current"))

    // A snapshot file edited by hand.
    let csv = project.appendingPathComponent("output/mitigations.csv")
    try (try Data(contentsOf: csv) + Data("x".utf8)).write(to: csv)
    #expect(try Evscan.run(arguments, in: project).output.hasPrefix("wrote "))
  }

  @Test func theSnapshotIsSoundAndInTheMITShape() throws {
    let snapshot = Evscan.packageRoot.appendingPathComponent("output")
    let content = try SnapshotReader().read(from: snapshot)
    #expect(content.run.counts.isConsistent)
    #expect(content.frameworks.count == 13)
    let csv = try String(contentsOf: snapshot.appendingPathComponent("mitigations.csv"), encoding: .utf8)
    let header = csv.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",").prefix(5).map(String.init)
    #expect(header == ["Action ID", "Action Name", "Action Definition", "Action Source", "MitigationCode"])
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [snapshot.appendingPathComponent("mitigations.sqlite").path, "PRAGMA integrity_check"]
    let pipe = Pipe()
    sqlite.standardOutput = pipe
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
      try sqlite.run()
      sqlite.waitUntilExit()
      #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ok\n")
    }
  }

  @Test func explainAndDiffWorkOnTheShippedSnapshot() throws {
    let content = try SnapshotReader().read(from: Evscan.packageRoot.appendingPathComponent("output"))
    let shared = try #require(content.mitigations.max { $0.sources.count < $1.sources.count })
    let mitigation = try Evscan.run(["explain", shared.id])
    #expect(mitigation.status == 0, "\(mitigation.errors)")
    #expect(mitigation.output.contains(shared.id))
    for member in shared.members.prefix(2) {
      #expect(mitigation.output.contains(member.statementID))
    }
    let number = try #require(content.actionNumbers[shared.members[0].statementID])
    let action = try Evscan.run(["explain", String(format: "A%04d", number), "--json"])
    #expect(action.status == 0, "\(action.errors)")
    #expect((try? JSONSerialization.jsonObject(with: Data(action.output.utf8))) != nil)
    let diff = try Evscan.run(["diff", "output", "output", "--json"])
    #expect(diff.status == 0, "\(diff.errors)")
    let unknown = try Evscan.run(["explain", "M9999999"])
    #expect(unknown.status != 0 && unknown.errors.contains("M9999999"))
  }
}
