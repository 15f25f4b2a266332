import Extraction
import Foundation

/// A shipped framework's folder copied into a temporary folder, with an original document put beside it
/// under the name its manifest gives, as `evscan fetch` would; removed when the copy goes away.
final class TemporaryFrameworkCopy {
  let root: URL
  let directory: URL

  init(of slug: String, original: URL) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-framework-\(UUID().uuidString)")
    directory = root.appendingPathComponent(slug)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Paths.frameworks.appendingPathComponent(slug), to: directory)
    let name = try FrameworkFolder(directory: directory).manifest.original.fileName
    try FileManager.default.copyItem(at: original, to: directory.appendingPathComponent(name))
  }

  func framework() throws -> FrameworkFolder {
    try FrameworkFolder(directory: directory)
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }
}
