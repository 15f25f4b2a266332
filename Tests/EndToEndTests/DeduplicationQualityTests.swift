import Foundation
import Testing

/// Where python3 is, if it is installed.
enum Python {
  static let path = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

/// The committed snapshot's merges against the ground truth written for the shipped frameworks, through
/// `scripts/evaluate-dedupe` (the figures README.md and docs/deduplication.md report), and the script itself
/// against a fixture whose answers were worked out by hand. The snapshot test keeps the snapshot current,
/// so a change to the deduplicator that loses precision or recall fails here.
@Suite(.enabled(if: Python.path != nil, "python3 is not installed (scripts/setup installs it)"))
struct DeduplicationQualityTests {
  static let known = Evscan.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/dedupe-known")

  func evaluate(_ arguments: [String]) throws -> (status: Int32, figures: [String: Any], errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Python.path))
    process.arguments = ["scripts/evaluate-dedupe", "--json"] + arguments
    process.currentDirectoryURL = Evscan.packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let complaint = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let figures = try JSONSerialization.jsonObject(with: printed) as? [String: Any] ?? [:]
    return (process.terminationStatus, figures, String(decoding: complaint, as: UTF8.self))
  }

  @Test func mergesOnTheShippedFrameworksMeetTheREADMEFigures() throws {
    let precision = READMEFigures.mergePrecision - READMEFigures.tolerance
    let recall = READMEFigures.mergeRecall - READMEFigures.tolerance
    let result = try evaluate([
      "output", "--min-precision", "\(precision)", "--min-recall", "\(recall)", "--max-lookalikes", "0",
    ])
    #expect(result.status == 0, "evaluate-dedupe: \(result.errors) \(result.figures)")
    #expect(result.figures["unresolved fragments"] as? Int == 0)
    let merged = try #require(result.figures["merged"] as? [String: Any])
    #expect((merged["precision"] as? Double ?? 0) >= precision)
    #expect((merged["recall"] as? Double ?? 0) >= recall)
    // The ground truth is as large as docs/deduplication.md says it is: a fixture that lost its pairs would
    // make every figure easier to meet.
    #expect((result.figures["true pairs"] as? Int ?? 0) >= 700)
    #expect((result.figures["look-alike pairs"] as? Int ?? 0) >= 15)
  }

  /// `evscan dedupe FILE` with must-links, scored against ground truth whose figures were worked out by hand
  /// (Fixtures/dedupe-known/README.md): precision 2/4, recall 2/7, one look-alike merged.
  @Test func knownAnswers() throws {
    let folder = try Evscan.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dedupe = try Evscan.run([
      "dedupe", Self.known.appendingPathComponent("statements.jsonl").path, "--decisions",
      Self.known.appendingPathComponent("merges.csv").path, "--json",
    ])
    #expect(dedupe.status == 0, "\(dedupe.errors)")
    let resultFile = folder.appendingPathComponent("result.json")
    try Data(dedupe.output.utf8).write(to: resultFile)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(dedupe.output.utf8)) as? [String: Any])
    let mitigations = try #require(object["mitigations"] as? [[String: Any]])
    let clusters = mitigations.map { mitigation in
      ((mitigation["members"] as? [[String: Any]]) ?? []).compactMap { $0["statementID"] as? String }.sorted()
    }.sorted { $0[0] < $1[0] }
    #expect(clusters == [["kn:1", "kn:2"], ["kn:3"], ["kn:4", "kn:5", "kn:6"], ["kn:7"]])

    let statements = Self.known.appendingPathComponent("statements.jsonl").path
    let result = try evaluate([
      "--statements", statements, "--result", resultFile.path, "--fixtures",
      Self.known.appendingPathComponent("truth").path,
    ])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.figures["true pairs"] as? Int == 7)
    #expect(result.figures["look-alike pairs"] as? Int == 1)
    let merged = try #require(result.figures["merged"] as? [String: Any])
    #expect(merged["pairs"] as? Int == 4)
    #expect(merged["true"] as? Int == 2)
    #expect(merged["precision"] as? Double == 0.5)
    #expect(merged["recall"] as? Double == 0.286)
    #expect(merged["look-alikes merged"] as? Int == 1)
    #expect(merged["clusters with several members"] as? Int == 2)
    // The bars fail when missed.
    let barred = try evaluate([
      "--statements", statements, "--result", resultFile.path, "--fixtures",
      Self.known.appendingPathComponent("truth").path, "--max-lookalikes", "0", "--min-precision", "0.6",
    ])
    #expect(barred.status == 1)
    #expect(
      barred.errors.contains("1 look-alike pairs merged") && barred.errors.contains("precision 0.5 below 0.6")
    )

    // A fragment that names no statement is reported and fails the run, instead of shrinking the truth.
    let unresolved = try evaluate([
      "--statements", statements, "--result", resultFile.path, "--fixtures",
      Self.known.appendingPathComponent("truth-unresolved").path,
    ])
    #expect(unresolved.status == 1)
    #expect(unresolved.errors.contains("kn.yaml: the fragment \"carbon offsets\" names 0 statements"))
    #expect(unresolved.figures["unresolved fragments"] as? Int == 1)
  }
}
