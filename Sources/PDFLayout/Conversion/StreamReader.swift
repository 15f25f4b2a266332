#if canImport(Glibc)
  import Glibc
#endif

/// Reads a child's stdout and stderr at once, within the wall clock and the output limit of
/// `LimitedProcess`. Memory stays bounded by the limit: past it the reader stops and the child is killed,
/// and stderr past its first `LimitedProcess.errorHeadBytes` is read and dropped.
struct StreamReader {
  let deadline: ContinuousClock.Instant
  private(set) var output: [UInt8] = []
  private(set) var errorHead: [UInt8] = []
  private var outputDescriptor: Int32?
  private var errorDescriptor: Int32?
  private let outputLimit: Int
  private var buffer = [UInt8](repeating: 0, count: 64 << 10)

  init(output: Int32, errors: Int32, limits: LimitedProcess.Limits) {
    outputDescriptor = output
    errorDescriptor = errors
    outputLimit = limits.outputBytes
    deadline = .now + .seconds(limits.seconds)
  }

  /// Reads until both pipes end or `pid` has exited, and says which limit, if any, stopped it.
  mutating func pump(untilExitOf pid: pid_t) -> LimitedProcess.Stop? {
    while outputDescriptor != nil || errorDescriptor != nil {
      let left = deadline - .now
      guard left > .zero else { return .timeLimit }
      var watched = [outputDescriptor, errorDescriptor].compactMap { descriptor in
        descriptor.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      }
      // Wake every 100 ms even without data: a child that exited while something it spawned still holds
      // a pipe would otherwise keep evscan waiting for end-of-file until the deadline.
      let ready = poll(&watched, nfds_t(watched.count), Int32(min(Self.milliseconds(left), 100)))
      if ready < 0 && errno != EINTR { return nil }
      if ready <= 0 {
        if LimitedProcess.hasExited(pid) { return drain() }
        continue
      }
      for entry in watched where entry.revents != 0 {
        if readOnce(entry.fd) == .overLimit { return .outputLimit }
      }
    }
    return nil
  }

  private enum ReadResult {
    case data, nothingYet, ended, overLimit
  }

  /// Takes what the exited child left in the pipes, without waiting for end-of-file (something it spawned
  /// may hold a pipe open and keep writing: the deadline still applies).
  private mutating func drain() -> LimitedProcess.Stop? {
    for descriptor in [outputDescriptor, errorDescriptor].compactMap({ $0 }) {
      reading: while ContinuousClock.now < deadline {
        switch readOnce(descriptor) {
        case .overLimit: return .outputLimit
        case .data: continue
        case .nothingYet, .ended: break reading
        }
      }
    }
    return nil
  }

  private mutating func readOnce(_ descriptor: Int32) -> ReadResult {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && (errno == EAGAIN || errno == EINTR) { return .nothingYet }
    guard count > 0 else {
      if descriptor == outputDescriptor { outputDescriptor = nil } else { errorDescriptor = nil }
      return .ended
    }
    if descriptor == outputDescriptor {
      output.append(contentsOf: buffer[..<count])
      return output.count > outputLimit ? .overLimit : .data
    }
    let room = LimitedProcess.errorHeadBytes - errorHead.count
    if room > 0 { errorHead.append(contentsOf: buffer[..<min(count, room)]) }
    return .data
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000) + 1
  }
}
