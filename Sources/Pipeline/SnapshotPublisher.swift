import CFileSystem
import Foundation
import ScanModel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a snapshot beside its final place and swaps it in only when complete, so that a run that fails
/// or is killed at any moment leaves the previous snapshot intact. Call it while holding the `OutputLock`.
struct SnapshotPublisher {
  let output: URL
  private let parent: URL
  private let name: String

  init(output: URL) {
    self.output = output.standardizedFileURL
    parent = self.output.deletingLastPathComponent()
    name = self.output.lastPathComponent
  }

  var temporaryPrefix: String { ".\(name).tmp-" }
  var retiredPrefix: String { ".\(name).old-" }

  /// Removes what killed runs left behind, restoring the previous snapshot if a run died between the two
  /// renames of a non-atomic swap. Returns notes on what was cleaned, for the run report.
  @discardableResult
  func recoverLeftovers() throws -> [String] {
    var notes: [String] = []
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    let retired = entries.filter { $0.hasPrefix(retiredPrefix) }.sorted()
    if !FileManager.default.fileExists(atPath: output.path), let newest = retired.last {
      try FileManager.default.moveItem(at: parent.appendingPathComponent(newest), to: output)
      notes.append("restored the previous snapshot from \(newest), left by a run that was interrupted")
    }
    for entry in entries where entry.hasPrefix(temporaryPrefix) || entry.hasPrefix(retiredPrefix) {
      let url = parent.appendingPathComponent(entry)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      try FileManager.default.removeItem(at: url)
      notes.append("removed \(entry), left by a run that was interrupted")
    }
    return notes
  }

  /// A fresh, empty folder beside the output to write the new snapshot into.
  func makeTemporaryFolder() throws -> URL {
    guard access(parent.path, W_OK) == 0 else {
      throw InputError(
        file: parent.path,
        "cannot write here (\(String(cString: strerror(errno)))); choose a writable --output")
    }
    if FileManager.default.fileExists(atPath: output.path), access(output.path, W_OK) != 0 {
      throw InputError(
        file: output.path, "the output folder is not writable; fix its permissions or choose another --output"
      )
    }
    let folder = parent.appendingPathComponent("\(temporaryPrefix)\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    } catch {
      throw InputError(
        file: folder.path, "cannot create the temporary snapshot folder: \(error.localizedDescription)")
    }
    return folder
  }

  /// Puts the complete snapshot in `folder` in place of the output: one atomic exchange where the file
  /// system allows it, else two renames that `recoverLeftovers` can finish if interrupted.
  func publish(_ folder: URL) throws {
    try Self.flush(folder)
    if !FileManager.default.fileExists(atPath: output.path) {
      try FileManager.default.moveItem(at: folder, to: output)
      return
    }
    if evs_rename_exchange(folder.path, output.path) == 0 {
      try FileManager.default.removeItem(at: folder)
      return
    }
    let retired = parent.appendingPathComponent("\(retiredPrefix)\(getpid())")
    try FileManager.default.moveItem(at: output, to: retired)
    try FileManager.default.moveItem(at: folder, to: output)
    try FileManager.default.removeItem(at: retired)
  }

  /// Discards a folder that will not be published (a failed run).
  func discard(_ folder: URL) {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Forces the files to disk before they become the snapshot, so a power cut cannot publish empty files.
  private static func flush(_ folder: URL) throws {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for file in files {
      let descriptor = open(folder.appendingPathComponent(file).path, O_RDONLY)
      if descriptor >= 0 {
        _ = fsync(descriptor)
        close(descriptor)
      }
    }
    let directory = open(folder.path, O_RDONLY)
    if directory >= 0 {
      _ = fsync(directory)
      close(directory)
    }
  }
}
