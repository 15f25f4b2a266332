import Foundation
import TestSupport

/// Places the tests read: the package's own folders, its fixtures, and the shared corpus beside the clone.
enum Paths {
  static let packageRoot = PackagePaths.root
  static let frameworks = packageRoot.appendingPathComponent("frameworks")
  static let fixtures = PackagePaths.fixtures(of: "ExtractionTests")
  static let sharedCorpus = PackagePaths.sharedCorpus
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
