import Foundation

/// A fresh folder under the system's temporary directory, removed when the test is done with it.
final class TemporaryFolder: @unchecked Sendable {
  let url: URL

  init(_ purpose: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-robustness-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> URL {
    url.appendingPathComponent(name)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}
