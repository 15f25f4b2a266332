import Foundation
import TestSupport

enum PipelineSupport {
  static let fixtures = PackagePaths.fixtures(of: "PipelineTests")

  static func temporaryFolder() throws -> URL {
    try TemporaryFolder.create("pipeline")
  }
}
