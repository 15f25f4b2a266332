import Foundation
import Testing

@testable import PDFLayout

#if canImport(Glibc)
  import Glibc
#endif

/// The process mechanics, with /bin/sh standing in for a misbehaving converter.
@Suite(.serialized)
struct LimitedProcessTests {
  static let generous = LimitedProcess.Limits(
    seconds: 30, cpuSeconds: 30, memoryBytes: 1 << 30, outputBytes: 16 << 20, graceSeconds: 0.3)

  func run(_ script: String, limits: LimitedProcess.Limits = generous) throws -> LimitedProcess.Outcome {
    let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
    defer { close(input) }
    return try LimitedProcess.run(
      executable: "/bin/sh", arguments: ["-c", script], standardInput: input, limits: limits,
      limiter: PopplerTools.locate(searchPath: nil).limiter)
  }

  struct Ending: Sendable, CustomTestStringConvertible {
    var script: String
    var termination: LimitedProcess.Termination
    var testDescription: String { script }
  }

  @Test(arguments: [
    Ending(script: "exit 0", termination: .exited(0)),
    Ending(script: "exit 3", termination: .exited(3)),
    Ending(script: "kill -SEGV $$", termination: .signalled(SIGSEGV)),
  ])
  func reportsHowTheChildEnded(_ ending: Ending) throws {
    let outcome = try run(ending.script)
    #expect(outcome.termination == ending.termination)
    #expect(outcome.stoppedBy == nil)
    expectReaped(outcome.processIdentifier)
  }

  /// A child that writes a lot to stderr before it writes stdout deadlocks a reader that waits for
  /// stdout's end first; stderr beyond its head is read and dropped.
  @Test func readsBothPipesAtOnce() throws {
    let outcome = try run("head -c 1000000 /dev/zero >&2; head -c 1000000 /dev/zero")
    #expect(outcome.termination == .exited(0))
    #expect(outcome.output.count == 1_000_000)
    #expect(outcome.errorHead.count == LimitedProcess.errorHeadBytes)
  }

  @Test func stopsReadingAtTheOutputLimit() throws {
    var limits = Self.generous
    limits.outputBytes = 100_000
    let outcome = try run("yes evidence", limits: limits)
    #expect(outcome.stoppedBy == .outputLimit)
    #expect(outcome.output.count > 100_000)
    #expect(outcome.output.count <= 100_000 + (64 << 10))
    expectReaped(outcome.processIdentifier)
  }

  /// SIGTERM is ignored by the child and by what it spawned: SIGKILL to the group after the grace.
  @Test func killsAChildThatIgnoresSIGTERMAndWhatItSpawned() throws {
    var limits = Self.generous
    limits.seconds = 0.5
    let outcome = try run("trap '' TERM; sleep 300 & echo $!; wait", limits: limits)
    #expect(outcome.stoppedBy == .timeLimit)
    #expect(outcome.termination == .signalled(SIGKILL))
    expectReaped(outcome.processIdentifier)
    let spawned = try #require(
      pid_t(String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    expectGone(spawned)
  }

  /// The child exits while something it spawned still holds stdout open: evscan returns without waiting
  /// for end-of-file, and kills what was left.
  @Test func returnsWhenTheChildExitsWhileItsOwnChildHoldsThePipe() throws {
    let outcome = try run("sleep 300 & echo $!; exit 0")
    #expect(outcome.termination == .exited(0))
    #expect(outcome.stoppedBy == nil)
    let spawned = try #require(
      pid_t(String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    expectGone(spawned)
  }

  @Test func cpuLimitEndsABusyChild() throws {
    var limits = Self.generous
    limits.cpuSeconds = 1
    let outcome = try run("while :; do :; done", limits: limits)
    #expect(outcome.termination == .signalled(SIGXCPU))
    #expect(outcome.stoppedBy == nil)
  }

  /// The kernel's limits are in place in the program prlimit runs, before its first instruction.
  @Test func childRunsUnderTheKernelLimits() throws {
    var limits = Self.generous
    limits.memoryBytes = 300 << 20
    limits.cpuSeconds = 7
    let text = String(decoding: try run("cat /proc/$$/limits", limits: limits).output, as: UTF8.self)
    let rows = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    func limit(_ name: String) -> [Substring]? {
      rows.first { $0.joined(separator: " ").hasPrefix(name) }.map { Array($0.suffix(3).prefix(2)) }
    }
    #expect(limit("Max address space") == ["\(300 << 20)", "\(300 << 20)"])
    #expect(limit("Max cpu time") == ["7", "8"])
    #expect(limit("Max core file size") == ["0", "0"])
    #expect(limit("Max file size") == ["0", "0"])
  }

  @Test func inputFileHasNoName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evscan-input-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try UnlinkedInputFile(bytes: Array("%PDF-1.4 body".utf8), folder: folder.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    let read = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/fd/\(file.descriptor)"))
    #expect(String(decoding: read, as: UTF8.self) == "%PDF-1.4 body")
  }

  private func expectReaped(_ pid: pid_t, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var status: Int32 = 0
    #expect(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD, sourceLocation: sourceLocation)
  }

  /// Gone, or a zombie waiting for init to reap it: either way it runs no more. init reaps orphans on
  /// its own schedule, so this looks a few times.
  private func expectGone(_ pid: pid_t, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for _ in 0..<50 {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return }
      if stat.split(separator: ")").last?.split(separator: " ").first == "Z" { return }
      usleep(20_000)
    }
    Issue.record("process \(pid) is still running", sourceLocation: sourceLocation)
  }
}
