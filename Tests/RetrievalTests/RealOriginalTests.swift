import Extraction
import Foundation
import ScanModel
import TestSupport
import Testing

@testable import Retrieval

/// The three locked originals, as copies in ../shared/corpus, fetched by the shipped manifests (their
/// addresses pointed at the local server) and read by a scan's document selection.
@Suite(
  "Fetching the real originals",
  .enabled(
    if: FileManager.default.fileExists(atPath: SharedCorpus.folder.path),
    "../shared/corpus is absent (a user's clone has no ../shared)"))
final class RealOriginalTests {
  static let packageRoot = SharedCorpus.packageRoot
  static let corpus = SharedCorpus.folder
  static let copies = [
    "nist-2024": "nist-ai-600-1.pdf", "wiener-2024": "sb1047-enrolled.html",
    "eu-ai-office-2025": "eu-gpai-code-of-practice-draft3.html",
  ]

  let root: URL
  let frameworks: URL

  init() throws {
    root = try temporaryFolder()
    frameworks = root.appendingPathComponent("frameworks")
    try FileManager.default.copyItem(
      at: Self.packageRoot.appendingPathComponent("frameworks"), to: frameworks)
    // A developer's clone may hold fetched originals already; these tests start without them.
    for slug in try FileManager.default.contentsOfDirectory(atPath: frameworks.path) {
      let folder = frameworks.appendingPathComponent(slug)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasPrefix("original.") {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  /// Points a copied manifest's `original.url` at the local server, by editing that line only.
  func pointAtServer(_ slug: String, _ server: LocalServer, file: String) throws {
    let manifest = frameworks.appendingPathComponent("\(slug)/framework.yaml")
    var lines = try String(contentsOf: manifest, encoding: .utf8).components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "original:"))
    let url = try #require(lines[start...].firstIndex { $0.hasPrefix("  url: ") })
    lines[url] = "  url: \(server.url("files/\(file)").absoluteString)"
    try lines.joined(separator: "\n").write(to: manifest, atomically: true, encoding: .utf8)
  }

  @Test func theThreeLockedOriginalsDownloadVerifiedAndAreChosen() throws {
    let server = try LocalServer(serving: Self.corpus)
    for (slug, file) in Self.copies { try pointAtServer(slug, server, file: file) }
    let outcomes = try OriginalFetcher(frameworks: frameworks.path).run(
      slugs: Self.copies.keys.sorted(), mode: .download)
    #expect(outcomes.map(\.status) == [.verified, .verified, .verified], "\(outcomes.map(\.message))")

    let nist = try FrameworkFolder(directory: frameworks.appendingPathComponent("nist-2024"))
    #expect(nist.source == .original)
    #expect(nist.document.file == "original.pdf")
    #expect(nist.document.format == .pdf)
    #expect(nist.recipe.recipe.preset == "nist-actions")

    let eu = try FrameworkFolder(directory: frameworks.appendingPathComponent("eu-ai-office-2025"))
    #expect(eu.source == .original)
    #expect(try eu.extract().statements.count == 71)
  }

  @Test func fromTheCorpusFolderTheLockedOnesAreFoundAndTheOthersSkipped() throws {
    let outcomes = try OriginalFetcher(frameworks: frameworks.path).run(
      slugs: [], mode: .copy(from: Self.corpus))
    let verified = outcomes.filter { $0.status == .verified }.map(\.framework)
    #expect(verified == Self.copies.keys.sorted())
    #expect(outcomes.filter { $0.status == .skipped }.count == outcomes.count - 3)
  }
}

/// The package's folder, and the shared corpus beside the clone (absent on a user's machine).
enum SharedCorpus {
  static let packageRoot = PackagePaths.root
  static let folder = PackagePaths.sharedCorpus
}
