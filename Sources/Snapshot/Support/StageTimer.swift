import Foundation

/// Wall-clock time per named step of a scan, for `evscan scan --timings` and scripts/bench: where a scan
/// spends its time, measured in the run itself rather than guessed from a profile.
public final class StageTimer: @unchecked Sendable {
  public struct Timing: Sendable, Hashable, Codable {
    public var stage: String
    public var seconds: Double
  }

  private let lock = NSLock()
  private var recorded: [Timing] = []

  public init() {}

  /// Runs `body` and adds its time to `stage` (a stage measured twice sums).
  public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      lock.lock()
      if let at = recorded.firstIndex(where: { $0.stage == stage }) {
        recorded[at].seconds += seconds
      } else {
        recorded.append(Timing(stage: stage, seconds: seconds))
      }
      lock.unlock()
    }
    return try body()
  }

  /// The stages in the order they first ran.
  public var timings: [Timing] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }
}

extension Optional where Wrapped == StageTimer {
  /// Runs `body`, timed when there is a timer.
  package func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    switch self {
    case .some(let timer): return try timer.measure(stage, body)
    case .none: return try body()
    }
  }
}
