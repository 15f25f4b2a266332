import Foundation
import TestSupport

/// Where the tests' files are.
enum Fixtures {
  static let directory: URL = {
    if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
      return url
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  }()

  /// The package root, for the shipped configuration file.
  static let packageRoot = PackagePaths.root

  static var shippedPracticeFiles: [String] {
    let directory = directory.appendingPathComponent("shipped-practices")
    return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted()
  }
}
