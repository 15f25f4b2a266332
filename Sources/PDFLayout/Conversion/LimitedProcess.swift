#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program that may be fed hostile input, so that it costs evscan a bounded amount of time, memory
/// and output, and leaves nothing running behind.
///
/// The child gets its kernel limits from `prlimit` (util-linux, Essential on Debian): prlimit calls
/// setrlimit on itself and then execs the program, so the limits hold from the program's first
/// instruction. Swift forbids fork() and posix_spawn cannot set rlimits, so the alternatives were a C
/// fork wrapper (which must stay async-signal-safe in a multithreaded process, and needs a new module
/// dependency) or limits set on the child after the spawn (a race); the extra exec costs about 1.5 ms.
///
/// - address space (RLIMIT_AS): an allocation past it fails inside the child, which then aborts;
/// - CPU time (RLIMIT_CPU): a backstop that still ends the child if evscan itself dies mid-run;
/// - no core dumps and no files written (RLIMIT_CORE, RLIMIT_FSIZE 0), so a crash leaves nothing behind;
/// - wall clock and output size: enforced here, by killing the child's process group.
///
/// stdout and stderr are read together with poll(2), so a child that fills one pipe while evscan waits on
/// the other cannot deadlock; stdout is kept up to the output limit, stderr only up to `errorHeadBytes`.
struct LimitedProcess {
  struct Limits: Sendable {
    var seconds: Double
    var cpuSeconds: Int
    var memoryBytes: Int
    var outputBytes: Int
    /// How long a child has to end after SIGTERM before it gets SIGKILL.
    var graceSeconds: Double = 1
  }

  /// Which of evscan's own limits stopped the child (the kernel's limits show in `termination`).
  enum Stop: Sendable, Equatable {
    case timeLimit
    case outputLimit
  }

  enum Termination: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
  }

  struct Outcome: Sendable {
    var termination: Termination
    var stoppedBy: Stop?
    /// stdout, up to the output limit plus one read.
    var output: [UInt8]
    /// The start of stderr; the rest was read and dropped.
    var errorHead: [UInt8]
    var processIdentifier: pid_t

    var errorText: String { String(decoding: errorHead, as: UTF8.self) }
  }

  struct SpawnError: Error, Sendable {
    var message: String
  }

  static let errorHeadBytes = 64 << 10

  /// Runs `executable` (an absolute path) with `arguments` under `limits`, through `prlimit` at
  /// `limiter`. `standardInput` is duplicated onto the child's fd 0; the caller keeps and closes it.
  static func run(
    executable: String, arguments: [String], standardInput: Int32, limits: Limits, limiter: String
  ) throws(SpawnError) -> Outcome {
    var output = try ChildPipe()
    defer { output.closeAll() }
    var errors = try ChildPipe()
    defer { errors.closeAll() }
    let command =
      [
        limiter, "--as=\(limits.memoryBytes)", "--cpu=\(limits.cpuSeconds):\(limits.cpuSeconds + 1)",
        "--core=0", "--fsize=0", "--", executable,
      ] + arguments
    let pid = try spawn(
      command, standardInput: standardInput, standardOutput: output.write, standardError: errors.write)
    // Only the child may hold the write ends now, so its exit ends the pipes.
    output.closeWrite()
    errors.closeWrite()

    var reader = StreamReader(output: output.read, errors: errors.read, limits: limits)
    var stop = reader.pump(untilExitOf: pid)
    if stop == nil && !waitForExit(pid, until: reader.deadline) {
      stop = .timeLimit
    }
    if stop != nil {
      terminate(pid, grace: limits.graceSeconds)
    }
    // The unreaped leader keeps its pid reserved as the group id, so this reaches only what it left behind.
    _ = kill(-pid, SIGKILL)
    return Outcome(
      termination: reap(pid), stoppedBy: stop, output: reader.output, errorHead: reader.errorHead,
      processIdentifier: pid)
  }

  private static func spawn(
    _ command: [String], standardInput: Int32, standardOutput: Int32, standardError: Int32
  ) throws(SpawnError) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
    posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
    posix_spawn_file_actions_adddup2(&actions, standardError, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A group of its own, so one kill reaches whatever the child spawns. evscan's signal mask and ignored
    // signals would otherwise be inherited: a child that ignores SIGPIPE or SIGXCPU outlives its limits.
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    posix_spawnattr_setpgroup(&attributes, 0)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGXFSZ, SIGABRT, SIGSEGV, SIGBUS] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)

    let arguments = command.map { strdup($0) } + [nil]
    defer {
      for argument in arguments { free(argument) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environ)
    guard result == 0 else {
      throw SpawnError(message: "cannot start \(command[0]): \(String(cString: strerror(result)))")
    }
    return pid
  }

  /// Whether `pid` has ended, without reaping it: while it is a zombie its pid cannot be reused, so a
  /// later kill of its group cannot hit a stranger.
  static func hasExited(_ pid: pid_t) -> Bool {
    var info = siginfo_t()
    if waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | WNOHANG) != 0 {
      // ECHILD: someone else reaped it; it has certainly ended.
      return errno != EINTR
    }
    return info._sifields._sigchld.si_pid == pid
  }

  private static func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant) -> Bool {
    while !hasExited(pid) {
      guard ContinuousClock.now < deadline else { return false }
      usleep(1_000)
    }
    return true
  }

  /// SIGTERM to the group, then SIGKILL once `grace` has passed, for a child that ignores SIGTERM or is
  /// stuck writing to the pipe evscan stopped reading.
  private static func terminate(_ pid: pid_t, grace: Double) {
    _ = kill(-pid, SIGTERM)
    let end = ContinuousClock.now + .seconds(grace)
    while ContinuousClock.now < end {
      if hasExited(pid) { return }
      usleep(5_000)
    }
    _ = kill(-pid, SIGKILL)
  }

  private static func reap(_ pid: pid_t) -> Termination {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      // ECHILD: someone else reaped it and the status is lost.
      guard errno == EINTR else { return .signalled(0) }
    }
    // WIFEXITED and WTERMSIG are macros that Swift does not import.
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }
}

/// One pipe from the child to evscan: evscan's end is non-blocking, and both ends are closed on exec so
/// that no other child evscan starts inherits them.
private struct ChildPipe {
  var read: Int32
  var write: Int32

  init() throws(LimitedProcess.SpawnError) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      throw LimitedProcess.SpawnError(message: "cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // pipe2(O_CLOEXEC) is not visible from Swift; a spawn on another thread between these lines could
    // inherit an end, which only delays end-of-file until the child exits (the reader checks for that).
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
    read = ends[0]
    write = ends[1]
  }

  mutating func closeWrite() {
    if write >= 0 { close(write) }
    write = -1
  }

  mutating func closeAll() {
    closeWrite()
    if read >= 0 { close(read) }
    read = -1
  }
}
