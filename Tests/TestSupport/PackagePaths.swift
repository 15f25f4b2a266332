import Foundation

/// Where the tests find the project and the material beside it, worked out once from this file's place
/// (Tests/TestSupport/), so that a test file can move between folders without its paths breaking.
public enum PackagePaths {
  /// The package's folder: the one holding Package.swift.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The shipped frameworks.
  public static let frameworks = root.appendingPathComponent("frameworks")

  /// A test target's fixtures: `Tests/<target>/Fixtures`.
  public static func fixtures(of target: String) -> URL {
    root.appendingPathComponent("Tests").appendingPathComponent(target).appendingPathComponent("Fixtures")
  }

  /// ../shared beside the clone: the real documents and the human-coded data. A user's clone has none, and
  /// the tests that read it skip with `SharedFolder.absent(_:)` as their message.
  public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
  public static let sharedCorpus = shared.appendingPathComponent("corpus")
  public static let sharedData = shared.appendingPathComponent("data")

  /// Whether `path`, relative to ../shared, is there.
  public static func sharedHas(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: shared.appendingPathComponent(path).path)
  }
}
