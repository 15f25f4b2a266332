import ContentHash
import Extraction
import Foundation
import ScanModel
import Testing

/// Which document a framework folder reads: the original when present and locked, the stand-in otherwise,
/// and never a silent fall-back from an original that does not match its lock.
@Suite("Choosing the original or the stand-in")
final class OriginalSelectionTests {
  let directory: URL
  static let original = Array(
    """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>Original</title></head><body><ul>
    <li>Developers should red-team frontier models before every release.</li>
    <li>Providers should publish a safety framework and update it every year.</li>
    <li>Deployers should monitor deployed systems for misuse and report incidents.</li>
    </ul></body></html>
    """.utf8)

  init() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-select-\(UUID().uuidString)")
    directory = root.appendingPathComponent("minimal-generic")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Paths.fixtures.appendingPathComponent("good/minimal-generic"), to: directory)
  }

  deinit {
    try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
  }

  /// Replaces the manifest's `original:` block with these lines (indented by two spaces).
  func setOriginal(_ lines: [String]) throws {
    let url = directory.appendingPathComponent("framework.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let block = "original:\n  url: https://example.org\n  format: html\n"
    #expect(text.contains(block))
    let replacement = "original:\n" + lines.map { "  \($0)\n" }.joined()
    try text.replacingOccurrences(of: block, with: replacement).write(
      to: url, atomically: true, encoding: .utf8)
  }

  func putOriginal(_ bytes: [UInt8], name: String = "original.html") throws {
    try Data(bytes).write(to: directory.appendingPathComponent(name))
  }

  func error(_ body: () throws -> Void) -> InputError? {
    do {
      try body()
      return nil
    } catch let error as InputError {
      return error
    } catch {
      Issue.record("not an InputError: \(error)")
      return nil
    }
  }

  var lock: String { SHA256Digest.hex(Self.original) }

  @Test func withoutTheOriginalTheStandInIsRead() throws {
    try setOriginal(["url: https://example.org", "format: html", "sha256: \(lock)"])
    let folder = try FrameworkFolder(directory: directory)
    #expect(folder.source == .document)
    #expect(folder.document == folder.manifest.document)
    #expect(try folder.extract().statements.count == 2)
  }

  @Test func aLockedOriginalIsReadWithItsDescription() throws {
    try setOriginal(["url: https://example.org", "format: html", "sha256: \(lock)", "note: the real page"])
    try putOriginal(Self.original)
    let folder = try FrameworkFolder(directory: directory)
    #expect(folder.source == .original)
    #expect(
      folder.document
        == FrameworkManifest.Document(
          file: "original.html", sha256: lock, format: .html, origin: .retrieved, note: "the real page"))
    #expect(folder.manifestAsRead.document.origin == .retrieved)
    let result = try folder.extract()
    #expect(result.statements.count == 3)
    #expect(result.documentSHA256 == lock)
    #expect(try FrameworkFolder(directory: directory, choice: .standIn).source == .document)
  }

  @Test func anOriginalThatDiffersFromTheLockIsAnErrorNotAFallBack() throws {
    try setOriginal([
      "url: https://example.org", "format: html", "sha256: \(String(repeating: "0", count: 64))",
    ])
    try putOriginal(Self.original)
    let found = try #require(error { _ = try FrameworkFolder(directory: directory) })
    #expect(found.location.element == "original.sha256")
    #expect(found.message.contains(directory.appendingPathComponent("original.html").path))
    #expect(found.message.contains(lock))
    #expect(found.message.contains(String(repeating: "0", count: 64)))
    #expect(found.message.contains("evscan fetch --update minimal-generic"))
    #expect(found.message.contains("delete the file"))
    // --stand-in leaves it aside.
    #expect(try FrameworkFolder(directory: directory, choice: .standIn).source == .document)
  }

  @Test func anOriginalWithoutALockIsAnError() throws {
    try putOriginal(Self.original)
    let found = try #require(error { _ = try FrameworkFolder(directory: directory) })
    #expect(found.message.contains("`original.sha256` is empty"))
    #expect(found.message.contains(lock))
  }

  @Test func anOriginalInAnotherFormatNeedsItsOwnRecipe() throws {
    let pdf = Array("%PDF-1.7\n".utf8)
    try setOriginal(["url: https://example.org/a.pdf", "format: pdf", "sha256: \(SHA256Digest.hex(pdf))"])
    try putOriginal(pdf, name: "original.pdf")
    let found = try #require(error { _ = try FrameworkFolder(directory: directory) })
    #expect(found.location.element == "original.recipe")
  }

  @Test func aRecipeErrorInTheOriginalsRecipeNamesThatKey() throws {
    try setOriginal([
      "url: https://example.org", "format: html", "sha256: \(lock)", "recipe:", "  preset: generic",
      "  units: \"//li[\"",
    ])
    try putOriginal(Self.original)
    let found = try #require(error { _ = try FrameworkFolder(directory: directory) })
    #expect(found.location.element == "original.recipe.units")
  }

  @Test func aCustomFileNameIsUsed() throws {
    try setOriginal(["url: https://example.org", "format: html", "file: page.html", "sha256: \(lock)"])
    try putOriginal(Self.original, name: "page.html")
    #expect(try FrameworkFolder(directory: directory).document.file == "page.html")
  }

  @Test(arguments: [
    (["url: https://example.org", "format: arXiv HTML (LaTeXML)"], "original.format", "original.note"),
    (["url: https://example.org", "format: html", "sha256: abc"], "original.sha256", "64-digit"),
    (["url: https://example.org", "format: html", "file: ../escape.html"], "original.file", "folder"),
    (["url: https://example.org", "format: html", "file: document.html"], "original.file", "stand-in"),
    (["url: https://example.org", "format: html", "lock: abc"], "original.lock", "unknown key"),
  ])
  func aBadOriginalBlockIsNamedWithItsKey(lines: [String], element: String, words: String) throws {
    try setOriginal(lines)
    let found = try #require(error { _ = try FrameworkFolder.readManifest(directory: directory) })
    #expect(found.location.element == element)
    #expect(found.message.contains(words), "\(found.message)")
    if element == "original.format" || element == "original.lock" {
      #expect(found.location.line != nil)
    }
  }
}
