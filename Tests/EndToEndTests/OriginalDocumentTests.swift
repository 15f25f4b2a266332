import Foundation
import ScanModel
import Snapshot
import Testing

/// A framework's original in its folder, through the binary: the scan refuses an unlocked one, `fetch
/// --update` locks it, and the snapshot, report and `frameworks` then say the original was read.
@Suite("Scanning with an original", .serialized)
final class OriginalDocumentTests {
  let project: URL
  let slug = "uk-government-2023"

  init() throws {
    project = try Evscan.temporaryFolder()
    for part in ["frameworks", "taxonomy", "models", "config", "decisions", "output"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: project.appendingPathComponent(part))
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: project)
  }

  var folder: URL { project.appendingPathComponent("frameworks/\(slug)") }

  func run(_ arguments: [String]) throws -> Evscan.Result {
    try Evscan.run(arguments, in: project)
  }

  /// The stand-in with one more practice: a made-up "original" in the same markup.
  func writeOriginal() throws {
    let standIn = try String(contentsOf: folder.appendingPathComponent("document.html"), encoding: .utf8)
    let extra = "<li>Developers should rehearse the shutdown of a deployed model twice a year.</li>\n"
    let anchor = "Watermark or label AI-generated content.</li>\n"
    let marker = try #require(standIn.range(of: anchor))
    let original = standIn.replacingCharacters(in: marker, with: anchor + extra)
    try original.write(to: folder.appendingPathComponent("original.html"), atomically: true, encoding: .utf8)
  }

  @Test func anUnlockedOriginalStopsTheScanUntilItIsLockedThenTheSnapshotSaysItWasRead() throws {
    let cache = project.appendingPathComponent("cache").path
    let standIn = try run(["scan", "--json", "--cache", cache])
    #expect(standIn.status == 0, "\(standIn.errors)")

    try writeOriginal()
    let refused = try run(["scan", "--quiet", "--cache", cache])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("original.html"))
    #expect(refused.errors.contains("evscan fetch --update \(slug)"))

    let locked = try run(["fetch", "--update", slug])
    #expect(locked.status == 0, "\(locked.errors)")
    #expect(locked.output.contains("\(slug): locked:"))
    let manifest = try String(contentsOf: folder.appendingPathComponent("framework.yaml"), encoding: .utf8)
    #expect(manifest.contains("# no copy reviewed yet") == false)

    let scanned = try run(["scan", "--json", "--cache", cache])
    #expect(scanned.status == 0, "\(scanned.errors)")
    let summary = try JSONSerialization.jsonObject(with: Data(scanned.output.utf8)) as? [String: Any]
    // The cache key follows the document: the other twelve come from the cache, this one is read anew.
    #expect(summary?["frameworksExtracted"] as? Int == 1)

    let output = project.appendingPathComponent("output")
    let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("| \(slug) | original.html | html | retrieved |"))
    #expect(report.contains("12 of 13 documents are stand-ins"))
    let snapshotManifest = try JSONDecoder().decode(
      SnapshotManifest.self, from: Data(contentsOf: output.appendingPathComponent("manifest.json")))
    let entry = try #require(snapshotManifest.documents.first { $0.framework == slug })
    #expect(entry.path == "\(slug)/original.html")
    #expect(entry.origin == "retrieved")
    let content = try SnapshotReader().read(from: output)
    let record = try #require(content.frameworks.first { $0.manifest.slug == slug })
    #expect(record.manifest.document.file == "original.html")
    #expect(record.manifest.document.origin == .retrieved)
    #expect(content.statements.contains { $0.text.contains("rehearse the shutdown") })

    let listed = try run(["frameworks", "--json"])
    let rows = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]]
    let row = try #require(rows?.first { $0["slug"] as? String == slug })
    #expect(row["document"] as? String == "original.html")
    #expect(row["original"] as? String == "in use")

    let forced = try run(["extract", "frameworks/\(slug)", "--stand-in", "--format", "table"])
    #expect(forced.status == 0)
    #expect(forced.errors.contains("read document.html (stand-in)"))
    #expect(!forced.output.contains("rehearse the shutdown"))
  }

  @Test func aFailedDownloadNamesTheFrameworkAndTheAddress() throws {
    let manifestURL = folder.appendingPathComponent("framework.yaml")
    var lines = try String(contentsOf: manifestURL, encoding: .utf8).components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "original:"))
    let url = try #require(lines[start...].firstIndex { $0.hasPrefix("  url: ") })
    // Port 9 (discard) on the loopback: nothing listens, so the connection is refused at once.
    lines[url] = "  url: http://127.0.0.1:9/emerging-processes.html"
    try lines.joined(separator: "\n").write(to: manifestURL, atomically: true, encoding: .utf8)
    let result = try run(["fetch", slug, "--timeout", "5"])
    #expect(result.status == 1)
    #expect(result.errors.contains("\(slug): failed:"))
    #expect(result.errors.contains("http://127.0.0.1:9/emerging-processes.html"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("original.html").path))
  }
}
