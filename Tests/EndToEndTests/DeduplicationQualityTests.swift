import Foundation
import Testing

/// The committed snapshot's merges against the ground truth written for the shipped frameworks, through
/// `scripts/evaluate-dedupe` (the figures docs/deduplication.md reports). The snapshot test keeps the
/// snapshot current, so a change to the deduplicator that loses precision or recall fails here.
@Suite struct DeduplicationQualityTests {
  static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: python != nil, "python3 is not installed (scripts/setup installs it)"))
  func mergesOnTheShippedFrameworksMeetTheBar() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.python))
    process.arguments = [
      "scripts/evaluate-dedupe", "output", "--json", "--min-precision", "0.85", "--min-recall", "0.30",
      "--max-lookalikes", "0",
    ]
    process.currentDirectoryURL = Evscan.packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let complaint = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let figures = String(decoding: printed, as: UTF8.self)
    #expect(
      process.terminationStatus == 0,
      "evaluate-dedupe: \(String(decoding: complaint, as: UTF8.self)) \(figures)")
    #expect(figures.contains("\"precision\""), "no figures printed: \(figures)")
  }
}
