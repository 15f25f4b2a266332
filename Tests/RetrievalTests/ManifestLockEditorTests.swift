import Extraction
import Foundation
import ScanModel
import Testing

@testable import Retrieval

/// `evscan fetch --update` edits one line of a manifest and nothing else.
@Suite("Recording a lock in framework.yaml")
struct ManifestLockEditorTests {
  static let lock = String(repeating: "ab", count: 32)
  static let packageRoot = SharedCorpus.packageRoot

  static var shippedManifests: [URL] {
    let frameworks = packageRoot.appendingPathComponent("frameworks")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: frameworks.path)) ?? []
    return names.sorted().map { frameworks.appendingPathComponent("\($0)/framework.yaml") }
      .filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// The lines that differ, as (before, after); an inserted line shows as one more line after.
  func difference(_ before: String, _ after: String) -> (changed: Int, added: Int) {
    let old = before.components(separatedBy: "\n")
    let new = after.components(separatedBy: "\n")
    let added = new.count - old.count
    let changed = new.filter { !old.contains($0) }.count
    return (changed, added)
  }

  @Test func replacesTheValueOnItsLineAndDropsOnlyThatLinesComment() throws {
    let text = DemoFramework.manifest(
      slug: "demo-2025",
      originalLines: ["url: https://example.org/a", "format: pdf", "sha256: null  # not yet"])
    let edited = try ManifestLockEditor.setting(Self.lock, in: text, file: "framework.yaml")
    #expect(difference(text, edited) == (1, 0))
    #expect(edited.contains("\n  sha256: \(Self.lock)\n"))
    #expect(edited.contains("# a comment that a lock edit must keep"))
    #expect(edited.contains("slug: demo-2025   # the folder's name"))
  }

  @Test func addsTheLineAfterTheFormatWhenThereIsNone() throws {
    let text = DemoFramework.manifest(
      slug: "demo-2025", originalLines: ["url: https://example.org/a", "format: pdf", "note: a note"])
    let edited = try ManifestLockEditor.setting(Self.lock, in: text, file: "framework.yaml")
    #expect(difference(text, edited) == (1, 1))
    #expect(edited.contains("  format: pdf\n  sha256: \(Self.lock)\n  note: a note"))
  }

  @Test func refusesAnOriginalWrittenOnOneLine() throws {
    let text = DemoFramework.manifest(slug: "demo-2025", originalLines: [])
      .replacingOccurrences(of: "original:\n", with: "original: {url: https://example.org/a, format: pdf}\n")
    #expect(throws: InputError.self) {
      try ManifestLockEditor.setting(Self.lock, in: text, file: "framework.yaml")
    }
  }

  /// Every shipped manifest can take a lock by a one-line edit that leaves the rest of the manifest equal.
  @Test(arguments: shippedManifests)
  func everyShippedManifestTakesALockByOneLine(manifest: URL) throws {
    let text = try String(contentsOf: manifest, encoding: .utf8)
    let directory = manifest.deletingLastPathComponent()
    let edited = try ManifestLockEditor.setting(Self.lock, in: text, file: manifest.path)
    #expect(difference(text, edited).changed == 1)
    var expected = try FrameworkFolder.readManifest(directory: directory)
    expected.original.sha256 = Self.lock
    #expect(
      try FrameworkFolder.readManifest(text: edited, directory: directory, file: manifest.path) == expected)
  }
}
