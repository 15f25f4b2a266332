import Extraction
import Foundation
import PDFLayout
import ScanModel
import Testing

/// A manifest's `pdf:` block sets what converting its PDF may cost; what it leaves out keeps the default.
@Suite("PDF limits in the manifest")
struct PDFLimitSettingsTests {
  /// The good minimal fixture, copied with `block` appended to its manifest.
  func folder(appending block: String) throws -> (FrameworkFolder?, Error?, URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-pdf-limits-\(UUID().uuidString)")
    let directory = root.appendingPathComponent("minimal-generic")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Paths.fixtures.appendingPathComponent("good/minimal-generic"), to: directory)
    let manifest = directory.appendingPathComponent("framework.yaml")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    try (text + block).write(to: manifest, atomically: true, encoding: .utf8)
    do {
      return (try FrameworkFolder(directory: directory), nil, root)
    } catch {
      return (nil, error, root)
    }
  }

  @Test func theManifestRaisesTheLimitsItNames() throws {
    let (folder, error, root) = try folder(appending: "pdf:\n  seconds: 300\n  outputMiB: 1024\n")
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(error == nil)
    let limits = try #require(folder).extractor().pdfLimits
    #expect(limits.seconds == 300)
    #expect(limits.outputBytes == 1024 << 20)
    #expect(limits.memoryBytes == PDFConversionLimits.default.memoryBytes)
  }

  @Test func withoutTheBlockTheDefaultsHold() throws {
    let (folder, _, root) = try folder(appending: "")
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try #require(folder).extractor().pdfLimits == .default)
  }

  @Test func aMisspeltLimitIsAnErrorNamingIt() throws {
    let (_, error, root) = try folder(appending: "pdf:\n  secs: 300\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let message = String(describing: try #require(error))
    #expect(message.contains("secs"), "\(message)")
    #expect(message.contains("framework.yaml"))
  }
}
