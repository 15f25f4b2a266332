import Foundation
import ScanModel
import Snapshot
import TestSupport

@testable import Site

/// The site of the snapshot shipped in output/, generated once per test process into a temporary folder.
enum ShippedSite {
  static let packageRoot = PackagePaths.root

  static func content() throws -> SnapshotContent {
    try SnapshotReader().read(from: packageRoot.appendingPathComponent("output"))
  }

  /// The shipped snapshot's pages, by path.
  static func pages() throws -> [String: Data] {
    Dictionary(
      uniqueKeysWithValues: SiteGenerator(content: try content()).pages().map { ($0.path, $0.bytes) })
  }

  /// A fresh folder under the system's temporary folder holding the shipped snapshot's site.
  static func writtenFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("evscan-site-tests-\(UUID().uuidString)/site")
    try SiteGenerator(content: try content()).write(to: folder)
    return folder
  }

  /// Where screenshots go: .build/site-screenshots in the package, never into the repository's files.
  static var screenshots: URL {
    packageRoot.appendingPathComponent(".build/site-screenshots")
  }
}
