import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written beside its destination under a hidden temporary name (`.<name>.tmp-<random>`, which
/// .gitignore already excludes) and renamed over the destination only when whole and on disk. An
/// interrupted download or copy therefore never leaves a half-written original where a scan would read it.
struct StagedFile {
  let url: URL

  init(beside destination: URL) {
    let name = ".\(destination.lastPathComponent).tmp-\(UUID().uuidString.prefix(8).lowercased())"
    url = destination.deletingLastPathComponent().appendingPathComponent(name)
  }

  /// Forces the bytes to disk, renames the file over `destination` (rename(2) replaces atomically), and
  /// syncs the folder so that the new name survives a crash too.
  func commit(to destination: URL) throws {
    try Self.sync(url.path)
    guard rename(url.path, destination.path) == 0 else {
      let reason = String(cString: strerror(errno))
      discard()
      throw StorageFailure(path: destination.path, reason: reason)
    }
    try? Self.sync(destination.deletingLastPathComponent().path)
  }

  func discard() {
    try? FileManager.default.removeItem(at: url)
  }

  static func sync(_ path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw StorageFailure(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw StorageFailure(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Copies `source` into the staged file.
  func fill(from source: URL) throws {
    do {
      try FileManager.default.copyItem(at: source, to: url)
    } catch {
      throw StorageFailure(path: url.path, reason: error.localizedDescription)
    }
  }
}

/// A file that could not be written, synced or renamed.
struct StorageFailure: Error {
  var path: String
  var reason: String
}
