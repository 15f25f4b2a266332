import ContentHash
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `evscan scan` killed with SIGKILL at seeded moments: the previous snapshot must survive whole, or the new
/// one be complete, and the next run must succeed and clean up what the killed one left.
@Suite("Interrupted scans")
struct InterruptedRunTests {
  /// Two independent streams of trials run side by side, each in its own project copy, to halve the time.
  static let streams: [UInt64] = [0x5EED_0001, 0x5EED_0002]
  static let trialsPerStream = 10
  /// When the seeded trials missed a phase (a busy machine stretches a run), more trials aim at that phase,
  /// up to this many in all; then the test fails rather than pass without having killed a scan there.
  static let maximumTrialsPerStream = 20

  struct Tally {
    var intact = 0
    var replaced = 0
    var leftovers = 0
    var killedWhileWriting = 0
    var killedBeforeWriting = 0
  }

  @Test("SIGKILL at random moments never damages the snapshot", arguments: streams)
  func killedScans(_ seed: UInt64) throws {
    let project = try ScanProject("interrupted")
    var generator = SplitMix64(seed: seed)

    // The first run makes the snapshot the trials must protect, and shows how long a run and its writing take.
    let clock = ContinuousClock()
    let started = clock.now
    let first = try project.startScan()
    var writingStarted: ContinuousClock.Instant?
    while first.isRunning {
      if writingStarted == nil && !project.leftovers.isEmpty { writingStarted = clock.now }
      usleep(500)
    }
    let baseline = first.wait()
    try #require(baseline.succeeded, "the first scan failed: \(baseline)")
    let ended = clock.now
    let runMicroseconds = Self.microseconds(ended - started)
    let writeMicroseconds = Self.microseconds(ended - (writingStarted ?? started))
    try #require(try project.snapshotProblems(expectingFrameworks: project.frameworkCount).isEmpty)
    var previous = project.snapshotFiles()

    var tally = Tally()
    var trial = 0
    while trial < Self.trialsPerStream
      || (trial < Self.maximumTrialsPerStream
        && (tally.killedWhileWriting == 0 || tally.killedBeforeWriting == 0))
    {
      defer { trial += 1 }
      try project.toggle()
      let expected = project.frameworkCount
      // Half the kills land anywhere in a run; the other half while the snapshot is being written and
      // swapped in, where a careless publisher would leave half a snapshot. Trials past the seeded ones aim
      // at the phase still missing: at once when writing starts, or early in the run.
      let extra = trial >= Self.trialsPerStream
      let duringWrite = extra ? tally.killedWhileWriting == 0 : trial % 2 == 1
      let delay =
        extra
        ? (duringWrite ? 0 : Int.random(in: 0...runMicroseconds / 4, using: &generator))
        : Int.random(in: 0...(duringWrite ? writeMicroseconds : runMicroseconds) * 6 / 5, using: &generator)
      let scan = try project.startScan()
      if duringWrite {
        poll { !project.leftovers.isEmpty || !scan.isRunning }
      }
      let deadline = clock.now + .microseconds(delay)
      poll { clock.now >= deadline || !scan.isRunning }
      if scan.isRunning {
        if project.leftovers.isEmpty {
          tally.killedBeforeWriting += 1
        } else {
          tally.killedWhileWriting += 1
        }
      }
      scan.send(SIGKILL)
      let killed = scan.wait()
      #expect(killed.signal == SIGKILL || killed.succeeded, "trial \(trial): \(killed)")

      let current = project.currentSnapshot
      if project.snapshotFiles(in: current) == previous {
        tally.intact += 1
      } else {
        // The kill came after the swap: then the new snapshot must be there whole.
        tally.replaced += 1
        let problems = try project.snapshotProblems(in: current, expectingFrameworks: expected)
        #expect(problems.isEmpty, "trial \(trial), killed after \(delay) µs: \(problems)")
      }
      #expect(
        try project.snapshotProblems(in: current, expectingFrameworks: nil).isEmpty,
        "trial \(trial): \(current.lastPathComponent) is not a whole snapshot")
      let left = project.leftovers
      if !left.isEmpty { tally.leftovers += 1 }

      let next = try project.scan()
      #expect(next.succeeded, "trial \(trial): the run after the kill failed: \(next)")
      #expect(project.leftovers.isEmpty, "trial \(trial): \(project.leftovers) remain after the next run")
      if !left.isEmpty {
        #expect(next.standardError.contains("left by a run that was interrupted"), "\(next.standardError)")
      }
      let problems = try project.snapshotProblems(expectingFrameworks: expected)
      #expect(problems.isEmpty, "trial \(trial): after the next run: \(problems)")
      previous = project.snapshotFiles()
    }
    let phases =
      "in \(trial) trials, \(tally.killedBeforeWriting) kills struck before the snapshot was written and "
      + "\(tally.killedWhileWriting) while it was: both phases must be hit"
    #expect(tally.killedBeforeWriting > 0 && tally.killedWhileWriting > 0, "\(phases)")
    print(
      "interrupted scans, stream \(String(seed, radix: 16)): \(trial) kills "
        + "(a run took \(runMicroseconds / 1000) ms, writing \(writeMicroseconds / 1000) ms): "
        + "\(tally.intact) left the previous snapshot intact, \(tally.replaced) came after the swap, "
        + "\(tally.killedBeforeWriting) struck before the snapshot was written, "
        + "\(tally.killedWhileWriting) while it was being written, "
        + "\(tally.leftovers) left folders that the next run removed")
  }

  static func microseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
  }
}
