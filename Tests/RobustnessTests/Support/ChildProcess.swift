import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with posix_spawn, so that a test can signal it by pid and learn its peak memory
/// from wait4, which Foundation's Process offers neither of.
final class ChildProcess: @unchecked Sendable {
  struct Result: Sendable, CustomStringConvertible {
    /// nil when a signal ended the process.
    var exitCode: Int32?
    var signal: Int32?
    /// The child's own peak resident set size (VmHWM), in KiB. Not wait4's ru_maxrss: posix_spawn's vfork
    /// makes the kernel fold the test runner's own peak into the child's figure when it calls exec.
    var peakKiB: Int
    var standardOutput: String
    var standardError: String

    var succeeded: Bool { exitCode == 0 }
    var peakMiB: Double { Double(peakKiB) / 1024 }

    var description: String {
      let how = exitCode.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
      return "\(how), peak \(Int(peakMiB)) MiB, stderr: \(standardError.suffix(600))"
    }
  }

  let pid: pid_t
  private let outputURL: URL
  private let errorURL: URL

  /// Starts `executable` with standard input from /dev/null and its output in files under `logs`.
  init(_ executable: URL, _ arguments: [String], logs: URL) throws {
    let name = "\(executable.lastPathComponent)-\(UUID().uuidString)"
    outputURL = logs.appendingPathComponent("\(name).out")
    errorURL = logs.appendingPathComponent("\(name).err")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errorURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
    defer {
      for argument in argv { free(argument) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable.path, &actions, nil, argv, environ)
    guard status == 0 else {
      throw TestSetupError("cannot start \(executable.path): \(String(cString: strerror(status)))")
    }
    pid = child
  }

  /// Runs to the end and returns what happened.
  static func run(_ executable: URL, _ arguments: [String], logs: URL) throws -> Result {
    try ChildProcess(executable, arguments, logs: logs).wait()
  }

  /// True until the process has exited (a zombie waiting for `wait` counts as exited).
  var isRunning: Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
  }

  private let lock = NSLock()
  private var reaped = false

  /// Signals the child; does nothing once it is reaped, when its pid may already belong to another process.
  func send(_ signal: Int32) {
    lock.lock()
    defer { lock.unlock() }
    if !reaped { _ = kill(pid, signal) }
  }

  /// The child's peak so far, from /proc; nil once it has exited (and has no memory left to read).
  var highWaterKiB: Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
  }

  /// Reaps the process; call once. Until it exits, its high-water mark is sampled every millisecond; the
  /// mark only rises, so the last sample misses at most the growth of its final millisecond.
  func wait() -> Result {
    var peak = 0
    while isRunning {
      if let sample = highWaterKiB { peak = max(peak, sample) }
      usleep(1000)
    }
    var status: Int32 = 0
    var usage = rusage()
    lock.lock()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    reaped = true
    lock.unlock()
    let signal = status & 0x7F
    let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    let result = Result(
      exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
      peakKiB: peak, standardOutput: read(outputURL), standardError: read(errorURL))
    try? FileManager.default.removeItem(at: outputURL)
    try? FileManager.default.removeItem(at: errorURL)
    return result
  }
}

/// Polls `condition` every millisecond until it holds or `limit` polls have passed; returns whether it held.
/// Only a guard against hanging forever: no test asserts on how long anything took.
@discardableResult
func poll(limit: Int = 600_000, _ condition: () -> Bool) -> Bool {
  for _ in 0..<limit {
    if condition() { return true }
    usleep(1000)
  }
  return condition()
}

/// The SHA-256 of a file, from coreutils, so the tests do not reach into the project's own hashing.
func sha256(of file: URL, logs: URL) throws -> String {
  let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [file.path], logs: logs)
  guard result.succeeded, let digest = result.standardOutput.split(separator: " ").first else {
    throw TestSetupError("sha256sum failed on \(file.path): \(result)")
  }
  return String(digest)
}
