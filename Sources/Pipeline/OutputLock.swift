import Foundation
import ScanModel

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on an output folder, so that two scans never write one snapshot at once. It is an
/// flock(2) lock on a file beside the folder: the kernel releases it when the process ends, even by SIGKILL,
/// so a killed run never leaves a stale lock behind.
final class OutputLock {
  let path: String
  private var descriptor: Int32

  /// - Parameter wait: block until the other scan finishes instead of refusing.
  init(output: URL, wait: Bool) throws {
    let parent = output.deletingLastPathComponent()
    path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw InputError(
        file: parent.path,
        "cannot create the lock file \(path): \(String(cString: strerror(errno))); is the folder writable?")
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.describeHolder(path)
      guard wait else {
        close(descriptor)
        throw InputError(
          file: output.path,
          "another scan is writing this snapshot (\(holder)); wait for it to finish, stop it, or run with --wait"
        )
      }
      while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }
    let note = "pid \(getpid())\ncommand \(CommandLine.arguments.joined(separator: " "))\n"
    _ = ftruncate(descriptor, 0)
    _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
  }

  deinit {
    release()
  }

  func release() {
    guard descriptor >= 0 else { return }
    _ = ftruncate(descriptor, 0)
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  private static func describeHolder(_ path: String) -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "process unknown" }
    let lines = text.split(separator: "\n")
    let pid = lines.first { $0.hasPrefix("pid ") }.map { String($0) } ?? "process unknown"
    let command = lines.first { $0.hasPrefix("command ") }.map { ", " + $0.dropFirst("command ".count) } ?? ""
    return "held by \(pid)\(command)"
  }
}
