import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Snapshot

@Suite("Snapshot writer refusals")
struct SnapshotWriterRefusalTests {
  @Test("refuses a report whose counts do not add up, and writes nothing")
  func inconsistentCounts() throws {
    var content = SnapshotFixtures.content
    content.run.counts.unitsMatched = 11
    content.run.counts.canonicalMitigations = 4
    #expect(!content.run.counts.isConsistent)
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    let error = try #require(throws: InternalError.self) { try SnapshotWriter().write(content, to: folder) }
    #expect(error.message.contains("refusing to write report.md, whose counts do not add up"))
    #expect(error.description.contains("This is a bug in evscan"))
    #expect(error.message.contains("units matched (11) should equal statements (8) plus dropped units (2)"))
    #expect(error.message.contains("canonical mitigations (4)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("refuses counts that disagree with the content they describe")
  func countsDisagreeWithContent() throws {
    var content = SnapshotFixtures.content
    content.statements.removeLast()
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    let error = try #require(throws: InternalError.self) { try SnapshotWriter().write(content, to: folder) }
    #expect(error.message.contains("the counts say 8 statements but the snapshot holds 7"))
  }

  @Test("refuses content whose references point nowhere, naming them")
  func danglingReferences() throws {
    var content = SnapshotFixtures.content
    content.assignments.append(
      SnapshotFixtures.code("schuett-2023:1", "mitigation", "9.9", rank: 3, score: 0.2))
    content.actionNumbers["schuett-2023:3"] = 1
    content.edges.append(
      SimilarityEdge(
        a: "ghost:1", b: "schuett-2023:1", score: 0.5, components: [:], verdict: .review, reason: ""))
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    let error = try #require(throws: InternalError.self) { try SnapshotWriter().write(content, to: folder) }
    #expect(error.message.contains("nothing was written to \(folder.path)"))
    #expect(
      error.message.contains("code 9.9 of facet mitigation, which the snapshot's taxonomy does not define"))
    #expect(error.message.contains("share action number 1"))
    #expect(error.message.contains("an edge joins ghost:1"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("names a folder that does not exist")
  func missingFolder() throws {
    let temporary = try TemporaryFolder()
    let folder = temporary.url.appendingPathComponent("nowhere")
    let error = try #require(throws: InputError.self) {
      try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    }
    #expect(error.location.file == folder.path)
    #expect(error.message.contains("does not exist"))
  }

  @Test("names a path that is a file, not a folder")
  func fileInsteadOfFolder() throws {
    let temporary = try TemporaryFolder()
    let file = temporary.url.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: file)
    let error = try #require(throws: InputError.self) {
      try SnapshotWriter().write(SnapshotFixtures.content, to: file)
    }
    #expect(error.location.file == file.path)
    #expect(error.message.contains("not a folder"))
  }

  @Test("will not write over an existing snapshot")
  func existingSnapshot() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    let before = try Data(contentsOf: folder.appendingPathComponent(SnapshotFile.csv.fileName))
    let error = try #require(throws: InputError.self) {
      try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    }
    #expect(error.message.contains("already holds"))
    #expect(try Data(contentsOf: folder.appendingPathComponent(SnapshotFile.csv.fileName)) == before)
  }
  /// sysfs lets root pass the permission check but refuses to create files, as a full or read-only disk would.
  @Test(
    "a folder where files cannot be created gets an error naming the file",
    .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel")))
  func cannotCreateFiles() throws {
    let folder = URL(fileURLWithPath: "/sys/kernel")
    let error = try #require(throws: InputError.self) {
      try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    }
    #expect(error.location.file.hasPrefix("/sys/kernel"))
    #expect(error.message.contains("cannot write"))
    #expect(!FileManager.default.fileExists(atPath: "/sys/kernel/mitigations.sqlite"))
  }

  @Test("a dangling link in the place of a snapshot file is refused before anything is written")
  func danglingLink() throws {
    let temporary = try TemporaryFolder()
    let folder = try temporary.folder("out")
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent(SnapshotFile.csv.fileName).path,
      withDestinationPath: "/nonexistent/x.csv")
    let error = try #require(throws: InputError.self) {
      try SnapshotWriter().write(SnapshotFixtures.content, to: folder)
    }
    #expect(error.message.contains("already holds mitigations.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [SnapshotFile.csv.fileName])
  }
}
