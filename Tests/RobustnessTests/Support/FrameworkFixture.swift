import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a framework folder (manifest and document) around a document a test made up.
enum FrameworkFixture {
  /// - Parameter sparseSize: instead of `document`, a file of this many zero bytes that takes no disk
  ///   space (ftruncate); its manifest digest is a placeholder, since the size check must come first.
  @discardableResult
  static func write(
    in root: URL, slug: String, document: [UInt8] = [], sparseSize: Int? = nil, format: String,
    preset: String, logs: URL
  ) throws -> URL {
    let folder = root.appendingPathComponent(slug)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let documentURL = folder.appendingPathComponent("document.\(format)")
    let digest: String
    if let sparseSize {
      let descriptor = open(documentURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0, ftruncate(descriptor, off_t(sparseSize)) == 0 else {
        throw TestSetupError("cannot make the sparse file \(documentURL.path)")
      }
      close(descriptor)
      digest = String(repeating: "0", count: 64)
    } else {
      try Data(document).write(to: documentURL)
      digest = try sha256(of: documentURL, logs: logs)
    }
    let manifest = """
      slug: \(slug)
      citation:
        title: Hostile document \(slug)
        authors: [Robustness tests]
        year: 2025
        publisher: Robustness tests
        url: https://example.org/\(slug)
        licence: CC0
      identification:
        confidence: high
        note: made up by RobustnessTests
      original:
        url: https://example.org/\(slug)
        format: \(format)
      document:
        file: document.\(format)
        sha256: \(digest)
        format: \(format)
        origin: stand-in
      recipe:
        preset: \(preset)

      """
    try Data(manifest.utf8).write(to: folder.appendingPathComponent("framework.yaml"))
    return folder
  }
}
