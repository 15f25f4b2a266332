import Foundation
import TestSupport

/// Places the tests read: the package's own folders and fixtures (found from this file, since the target
/// excludes its fixtures from the bundle), and the evscan binary built beside the test bundle.
enum Paths {
  static let packageRoot = PackagePaths.root
  static let fixtures = packageRoot.appendingPathComponent("Tests/RobustnessTests/Fixtures")
  static let frameworks = packageRoot.appendingPathComponent("frameworks")
  static let markupFixtures = packageRoot.appendingPathComponent("Tests/MarkupTests/Fixtures")
  static let fuzzRegressions = fixtures.appendingPathComponent("fuzz-regressions")

  /// `swift test` builds evscan into the same products folder as the test runner, because the test target
  /// depends on it; /proc/self/exe finds that folder whatever the scratch path is.
  static let evscan: URL? = {
    var candidates: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
      // On some platforms the runner sits inside a bundle (…/X.xctest/Contents/MacOS/X).
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("evscan"))
        folder = folder.deletingLastPathComponent()
      }
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("evscan"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// The binary, or a test failure naming where it was looked for.
  static func requireEvscan() throws -> URL {
    guard let evscan else {
      throw TestSetupError(
        "the evscan binary is not beside the test runner; build it with `swift build --build-tests`")
    }
    return evscan
  }

  /// The files of `folder` with one of `extensions`, sorted by name.
  static func files(in folder: URL, extensions: Set<String>) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }.filter {
      extensions.contains($0.pathExtension)
    }
  }

  /// The shipped documents: frameworks/*/document.*
  static func shippedDocuments() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: frameworks.path)) ?? []
    return names.sorted().flatMap { name in
      files(in: frameworks.appendingPathComponent(name), extensions: ["html", "xml"]).filter {
        $0.deletingPathExtension().lastPathComponent == "document"
      }
    }
  }
}

struct TestSetupError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
