import Foundation
import TestSupport

/// Runs the built `evscan` binary as a user would, from the package folder.
enum Evscan {
  static let packageRoot = PackagePaths.root

  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  struct MissingBinary: Error, CustomStringConvertible {
    var path: String
    var description: String {
      "there is no evscan at \(path), beside the test bundle: build it with the tests (`swift build "
        + "--build-tests`) rather than run tests against another, perhaps older, binary"
    }
  }

  /// The evscan beside the test bundle: the one the build that made these tests just made (this target
  /// depends on it). No other is ever used, so a test can never pass against an old binary; the path is
  /// printed once so that a log says which binary the tests ran.
  static let binary: Swift.Result<URL, MissingBinary> = {
    // `swift test` runs .build/<triple>/<configuration>/<package>PackageTests.xctest; evscan is beside it.
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("evscan")
    guard FileManager.default.isExecutableFile(atPath: beside.path) else {
      return .failure(MissingBinary(path: beside.path))
    }
    print("end-to-end tests run \(beside.path)")
    return .success(beside)
  }()

  @discardableResult
  static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
    let process = Process()
    process.executableURL = try binary.get()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    // Files rather than pipes: a chatty command can never block on a full pipe.
    let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-out-\(UUID().uuidString)")
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }

  /// A fresh temporary folder, removed by the caller.
  static func temporaryFolder() throws -> URL {
    try TemporaryFolder.create("e2e")
  }

  /// Every file of a folder with its bytes, by name.
  static func files(in folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }
}
