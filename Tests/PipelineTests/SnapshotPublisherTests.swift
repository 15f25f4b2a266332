import Foundation
import Testing

@testable import Pipeline

@Suite("Publishing a snapshot", .serialized)
struct SnapshotPublisherTests {
  @Test func theNewSnapshotReplacesTheOldOneWhole() throws {
    let root = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: output.appendingPathComponent("report.md"))
    let publisher = SnapshotPublisher(output: output)
    let folder = try publisher.makeTemporaryFolder()
    try Data("new".utf8).write(to: folder.appendingPathComponent("report.md"))
    try publisher.publish(folder)
    #expect(try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["output"])
  }

  @Test func leftoversOfAKilledRunAreCleanedAndAHalfSwapIsUndone() throws {
    let root = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("output")
    // A run killed between the two renames of a non-atomic swap: the old snapshot is aside, none in place.
    let retired = root.appendingPathComponent(".output.old-4242")
    try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
    try Data("previous".utf8).write(to: retired.appendingPathComponent("report.md"))
    let half = root.appendingPathComponent(".output.tmp-4343")
    try FileManager.default.createDirectory(at: half, withIntermediateDirectories: true)
    let notes = try SnapshotPublisher(output: output).recoverLeftovers()
    #expect(notes.count == 2)
    #expect(try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["output"])
  }
}
