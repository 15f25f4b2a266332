import Foundation
import Snapshot
import TestSupport

/// A temporary copy of the project's inputs that `evscan scan` runs on, with every path given explicitly.
final class ScanProject: @unchecked Sendable {
  /// Small frameworks of three presets and both formats: the scan's cost is mostly the taxonomy and
  /// model it loads, so these keep a debug run to a few seconds while exercising every stage.
  static let frameworks = ["future-of-life-institute-2024", "uk-government-2023", "wiener-2024"]
  /// Moved in and out between runs so that consecutive snapshots differ.
  static let toggled = "nist-2024"

  let folder: TemporaryFolder
  let evscan: URL
  var root: URL { folder.url }
  var output: URL { root.appendingPathComponent("output") }
  var logs: URL { root.appendingPathComponent("logs") }

  init(_ purpose: String) throws {
    evscan = try Paths.requireEvscan()
    folder = try TemporaryFolder(purpose)
    let manager = FileManager.default
    for input in ["taxonomy", "models", "decisions", "config"] {
      try manager.copyItem(
        at: Paths.packageRoot.appendingPathComponent(input), to: root.appendingPathComponent(input))
    }
    // The shipped merge decisions name statements of frameworks this project leaves out, which a scan
    // rightly refuses; the code decisions (if any) are kept.
    try? manager.removeItem(at: root.appendingPathComponent("decisions/merges.csv"))
    try manager.createDirectory(
      at: root.appendingPathComponent("frameworks"), withIntermediateDirectories: true)
    try manager.createDirectory(at: root.appendingPathComponent("parked"), withIntermediateDirectories: true)
    try manager.createDirectory(at: logs, withIntermediateDirectories: true)
    for name in Self.frameworks {
      try manager.copyItem(
        at: Paths.frameworks.appendingPathComponent(name),
        to: root.appendingPathComponent("frameworks/\(name)"))
    }
    try manager.copyItem(
      at: Paths.frameworks.appendingPathComponent(Self.toggled),
      to: root.appendingPathComponent("parked/\(Self.toggled)"))
  }

  /// How many frameworks the next scan will see.
  var frameworkCount: Int {
    Self.frameworks.count + (isToggledIn ? 1 : 0)
  }

  var isToggledIn: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("frameworks/\(Self.toggled)").path)
  }

  func toggle() throws {
    let inside = root.appendingPathComponent("frameworks/\(Self.toggled)")
    let parked = root.appendingPathComponent("parked/\(Self.toggled)")
    if isToggledIn {
      try FileManager.default.moveItem(at: inside, to: parked)
    } else {
      try FileManager.default.moveItem(at: parked, to: inside)
    }
  }

  func scanArguments(_ extra: [String] = []) -> [String] {
    let path = { (name: String) in self.root.appendingPathComponent(name).path }
    return [
      "scan", "--frameworks", path("frameworks"), "--output", output.path, "--taxonomy", path("taxonomy"),
      "--model", path("models/mitigation-classifier.json"), "--decisions", path("decisions"),
      "--deduplication", path("config/deduplication.yaml"), "--cache", path("cache"),
    ] + extra
  }

  func startScan(_ extra: [String] = []) throws -> ChildProcess {
    try ChildProcess(evscan, scanArguments(extra), logs: logs)
  }

  func scan(_ extra: [String] = []) throws -> ChildProcess.Result {
    try startScan(extra).wait()
  }

  /// What interrupted runs may leave beside the output: temporary and retired snapshot folders.
  var leftovers: [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return entries.filter { $0.hasPrefix(".output.tmp-") || $0.hasPrefix(".output.old-") }.sorted()
  }

  /// Where the current snapshot is: the output, or, when a run was killed between the two renames of a
  /// swap without rename-exchange, the retired folder the next run will move back.
  var currentSnapshot: URL {
    if FileManager.default.fileExists(atPath: output.path) { return output }
    let retired = leftovers.filter { $0.hasPrefix(".output.old-") }.last
    return retired.map { root.appendingPathComponent($0) } ?? output
  }

  /// A snapshot folder's files and their bytes; empty when there is no such folder.
  func snapshotFiles(in folder: URL? = nil) -> [String: Data] {
    let folder = folder ?? output
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var files: [String: Data] = [:]
    for name in names {
      files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return files
  }

  /// Problems with a folder as a whole snapshot: every file the manifest lists is there with its size and
  /// digest and nothing else is, and the database opens and passes `PRAGMA integrity_check`.
  func snapshotProblems(in folder: URL? = nil, expectingFrameworks frameworks: Int?) throws -> [String] {
    let output = folder ?? self.output
    var problems: [String] = []
    let files = snapshotFiles(in: output)
    guard let manifestData = files["manifest.json"],
      let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any],
      let listed = manifest["files"] as? [String: [String: Any]]
    else {
      return ["the output has no readable manifest.json (files: \(files.keys.sorted()))"]
    }
    let expectedNames = Set(listed.keys).union(["manifest.json"])
    if Set(files.keys) != expectedNames {
      problems.append("the files are \(files.keys.sorted()), the manifest lists \(expectedNames.sorted())")
    }
    let digests = try sha256(of: listed.keys.sorted().map { output.appendingPathComponent($0) }, logs: logs)
    for (name, entry) in listed {
      if let bytes = entry["bytes"] as? Int, files[name]?.count != bytes {
        problems.append("\(name) has \(files[name]?.count ?? -1) bytes, the manifest says \(bytes)")
      }
      if let digest = entry["sha256"] as? String, digests[name] != digest {
        problems.append("\(name) does not have the digest the manifest records")
      }
    }
    do {
      let content = try SnapshotReader().read(from: output)
      if let frameworks, content.frameworks.count != frameworks {
        problems.append("the snapshot holds \(content.frameworks.count) frameworks, not \(frameworks)")
      }
    } catch {
      problems.append("the snapshot does not read back: \(error)")
    }
    return problems
  }
}

/// Digests of several files in one sha256sum run, by file name.
func sha256(of files: [URL], logs: URL) throws -> [String: String] {
  guard !files.isEmpty else { return [:] }
  let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), files.map(\.path), logs: logs)
  guard result.succeeded else { throw TestSetupError("sha256sum failed: \(result)") }
  var digests: [String: String] = [:]
  for line in result.standardOutput.split(separator: "\n") {
    let parts = line.split(separator: " ", maxSplits: 1)
    guard parts.count == 2 else { continue }
    let path = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " *"))
    digests[URL(fileURLWithPath: path).lastPathComponent] = String(parts[0])
  }
  return digests
}
