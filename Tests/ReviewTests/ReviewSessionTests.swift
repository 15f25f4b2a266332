import CSVInput
import Deduplication
import Foundation
import ScanModel
import Testing

@testable import Review

/// The review session driven key by key, as the terminal drives it.
@Suite("Review session")
struct ReviewSessionTests {
  static func side(_ id: String) -> ReviewItem.Side {
    ReviewItem.Side(id: id, framework: "f", sectionPath: ["Part 1"], text: "Text of \(id).")
  }

  static func pair(_ a: String, _ b: String, _ probability: Double) -> ReviewItem.PairItem {
    ReviewItem.PairItem(
      left: side(a), right: side(b), probability: probability, score: probability,
      components: ["probability": probability], verdict: .review, reason: "close")
  }

  static func queue() -> ReviewQueue {
    var queue = ReviewQueue(
      merges: [pair("s1", "s2", 0.9), pair("s3", "s4", 0.52), pair("s5", "s6", 0.1), pair("s7", "s8", 0.45)],
      codes: [
        ReviewItem.CodeItem(
          statement: side("s9"), machineCode: "1.1", score: 0.2, method: "classifier",
          candidates: [
            .init(code: "1.1", name: "One", definition: "d1"),
            .init(code: "2.1", name: "Two", definition: "d2"),
          ], reasons: ["r"])
      ], mergeThreshold: 0.5)
    queue.order()
    return queue
  }

  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func keys(_ session: ReviewSession, _ text: String) throws {
    for byte in text.utf8 { try session.handle(byte) }
  }

  @Test func theQueueComesNearestTheBoundaryFirst() {
    #expect(Self.queue().merges.map(\.left.id) == ["s3", "s7", "s1", "s5"])
  }

  @Test func decisionsAreWrittenAtOnceAndUndone() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = try ReviewSession(
      queue: Self.queue(), decisions: dir.path, coder: "ann", date: "2026-12-07",
      knownCodes: ["1.1", "2.1", "3.1"])
    try keys(session, "m")
    try keys(session, "rnot the same\rc")
    let merges = try CSVTable.read(path: dir.appendingPathComponent("merges.csv").path)
    #expect(merges.header == ReviewSession.mergesHeader)
    #expect(
      merges.rows.map(\.fields) == [
        ["s3", "s4", "must-link", "the same practice (decided in evscan review)", "ann", "2026-12-07"],
        ["s7", "s8", "cannot-link", "not the same", "ann", "2026-12-07"],
      ])
    // The file reads as decisions.
    #expect(try MergeDecisionsReader.load(path: dir.appendingPathComponent("merges.csv").path).count == 2)
    try keys(session, "u")
    #expect(try CSVTable.read(path: dir.appendingPathComponent("merges.csv").path).rows.count == 1)
    #expect(session.queue.merges.first?.left.id == "s7")
    try keys(session, "t2")
    try keys(session, "q")
    #expect(session.finished)
    let codes = try CSVTable.read(path: dir.appendingPathComponent("codes.csv").path)
    #expect(
      codes.rows.map(\.fields) == [
        ["s9", "mitigation", "2.1", "ann", "chose 2.1 in evscan review", "2026-12-07"]
      ])
  }

  @Test func anUnknownTypedCodeRecordsNothing() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = try ReviewSession(
      queue: Self.queue(), decisions: dir.path, coder: "ann", date: "2026-12-07", knownCodes: ["1.1"])
    try keys(session, "to9.9\r")
    #expect(session.status.contains("not a mitigation code"))
    #expect(try CSVTable.read(path: dir.appendingPathComponent("codes.csv").path).rows.isEmpty)
  }

  /// After `retrainEvery` pair decisions with both kinds among them, the probabilities are refitted to the
  /// decisions and the queue re-ordered.
  @Test func theQueueIsRefittedAndReordered() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = try ReviewSession(
      queue: Self.queue(), decisions: dir.path, coder: "ann", date: "2026-12-07", knownCodes: [],
      retrainEvery: 2)
    let before = session.queue.merges.map(\.probability)
    try keys(session, "mc")
    session.waitForRefit()
    #expect(session.retrains == 1)
    #expect(session.status.contains("refitted on 2 decisions"))
    #expect(session.queue.merges.map(\.probability) != Array(before.dropFirst(2)))
  }

  @Test func theScreenShowsBothSidesAndTheKeys() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = try ReviewSession(
      queue: Self.queue(), decisions: dir.path, coder: "ann", date: "2026-12-07", knownCodes: [])
    let screen = ReviewScreen.render(session, width: 100, height: 30).joined(separator: "\n")
    #expect(screen.contains("s3 · f"))
    #expect(screen.contains("s4 · f"))
    #expect(screen.contains("Part 1"))
    #expect(screen.contains("m must-link"))
  }
}
