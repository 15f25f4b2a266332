import Foundation

/// Places the tests read: the package's own folders, its fixtures, and the shared corpus beside the clone.
enum Paths {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let frameworks = packageRoot.appendingPathComponent("frameworks")
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")
  static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let euDraft = sharedCorpus.appendingPathComponent("eu-gpai-code-of-practice-draft3.html")
  static let nistProfile = sharedCorpus.appendingPathComponent("nist-ai-600-1.pdf")

  static let sb1047 = sharedCorpus.appendingPathComponent("sb1047-enrolled.html")
  /// Real documents by format (../shared/corpus/formats/README.md).
  static let formats = sharedCorpus.appendingPathComponent("formats")
  static func format(_ path: String) -> URL { formats.appendingPathComponent(path) }
  static var hasFormats: Bool { FileManager.default.fileExists(atPath: formats.path) }
  /// Whether poppler's converter is where evscan looks for it.
  static var hasPoppler: Bool {
    ["/usr/local/bin", "/usr/bin", "/bin"].contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/pdftohtml")
    }
  }

  static var shippedFrameworkNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: frameworks.path)) ?? []).filter {
      FileManager.default.fileExists(atPath: frameworks.appendingPathComponent("\($0)/framework.yaml").path)
    }.sorted()
  }
}
