import ContentHash
import Foundation

/// A framework folder written for a test: a small HTML stand-in with the generic preset, and an
/// `original:` block pointing wherever the test says, with comments that a lock edit must keep.
struct DemoFramework {
  static let standIn = Array(
    """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>Demo</title></head><body><h2>Controls</h2><ul>
    <li>Developers should red-team frontier models before every release.</li>
    <li>Deployers should monitor deployed systems for misuse and report incidents.</li>
    </ul></body></html>

    """.utf8)

  /// An original in the stand-in's markup, with one more statement.
  static func original(_ seed: String) -> [UInt8] {
    Array(
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Demo original \(seed)</title></head><body><h2>Controls</h2><ul>
      <li>Developers should red-team frontier models before every release.</li>
      <li>Deployers should monitor deployed systems for misuse and report incidents.</li>
      <li>Providers should publish a safety framework and update it every year.</li>
      </ul></body></html>

      """.utf8)
  }

  let slug: String
  let directory: URL

  var manifestURL: URL { directory.appendingPathComponent("framework.yaml") }

  /// `originalLines` replaces the body of the `original:` block (each line indented by two spaces).
  @discardableResult
  init(in root: URL, slug: String = "demo-2025", originalLines: [String]) throws {
    self.slug = slug
    directory = root.appendingPathComponent(slug)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(Self.standIn).write(to: directory.appendingPathComponent("document.html"))
    try Data(Self.manifest(slug: slug, originalLines: originalLines).utf8).write(to: manifestURL)
  }

  static func manifest(slug: String, originalLines: [String]) -> String {
    """
    slug: \(slug)   # the folder's name
    citation:
      title: Demo
      authors: [Tests]
      year: 2025
      publisher: Tests
      url: https://example.org/demo
      licence: CC0
    identification:
      confidence: high
      note: made up by the fetch tests
    original:
    \(originalLines.map { "  " + $0 }.joined(separator: "\n"))
    document:
      file: document.html
      sha256: \(SHA256Digest.hex(standIn))
      format: html
      origin: stand-in
    recipe:
      # a comment that a lock edit must keep
      preset: generic

    """
  }

  var manifestText: String {
    get throws { try String(contentsOf: manifestURL, encoding: .utf8) }
  }

  func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The folder's entries, hidden ones included, to check that nothing half-written is left behind.
  var entries: [String] {
    get throws { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }
  }
}
