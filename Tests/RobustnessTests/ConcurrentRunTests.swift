import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two scans of one output folder: the lock holds, names the process that holds it, and `--wait` waits.
@Suite("Concurrent scans")
struct ConcurrentRunTests {
  @Test func secondScanIsRefusedOrWaits() throws {
    let project = try ScanProject("concurrent")
    let lockFile = project.root.appendingPathComponent(".output.lock").path
    let holder = try project.startScan()
    // Stopped once it holds the lock, the first scan keeps holding it for as long as the test needs,
    // without depending on how fast either scan runs.
    defer {
      holder.send(SIGCONT)
      holder.send(SIGKILL)
    }
    let locked = poll {
      let note = (try? String(contentsOfFile: lockFile, encoding: .utf8)) ?? ""
      return note.contains("pid \(holder.pid)\n") || !holder.isRunning
    }
    try #require(locked && holder.isRunning, "the first scan never took the lock")
    holder.send(SIGSTOP)

    let refused = try project.scan()
    #expect(refused.exitCode == 1, "\(refused)")
    #expect(refused.standardError.contains("another scan is writing this snapshot"), "\(refused)")
    #expect(refused.standardError.contains("pid \(holder.pid)"), "the message names the holder: \(refused)")
    #expect(refused.standardError.contains("--wait"), "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: project.output.path), "the refused scan wrote output")

    let waiter = try project.startScan(["--wait"])
    defer { waiter.send(SIGKILL) }
    // The kernel lists a process blocked in flock as a waiter ("->") in /proc/locks.
    let waiting = poll {
      let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
      return locks.split(separator: "\n").contains { $0.contains("->") && $0.contains(" \(waiter.pid) ") }
        || !waiter.isRunning
    }
    #expect(waiting && waiter.isRunning, "the scan with --wait did not wait for the lock")

    holder.send(SIGCONT)
    let first = holder.wait()
    #expect(first.succeeded, "\(first)")
    let second = waiter.wait()
    #expect(second.succeeded, "the waiting scan failed once the lock was free: \(second)")
    #expect(try project.snapshotProblems(expectingFrameworks: project.frameworkCount).isEmpty)
    #expect(project.leftovers.isEmpty)
  }
}
