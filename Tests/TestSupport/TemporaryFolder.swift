import Foundation

/// A fresh folder under the system's temporary directory, removed when the test is done with it.
public final class TemporaryFolder: @unchecked Sendable {
  public let url: URL

  public init(_ purpose: String = "tests") throws {
    url = try Self.create(purpose)
  }

  /// A file or folder name inside it (nothing is created).
  public func path(_ name: String) -> URL {
    url.appendingPathComponent(name)
  }

  /// A sub-folder, created.
  public func folder(_ name: String) throws -> URL {
    let folder = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// A fresh folder that the caller removes: for tests that hand the folder to a child process or keep it
  /// past the scope of one object.
  public static func create(_ purpose: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
