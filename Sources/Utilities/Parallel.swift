import Foundation

/// Runs independent pieces of work on all cores. Each piece writes only its own slot of the result, so the
/// shared buffer needs no lock; the order of the results never depends on scheduling.
public enum Parallel {
  /// `body(index)` for every index in `0..<count`, results in index order.
  public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
      _ = slots.deinitialize()
      slots.deallocate()
    }
    nonisolated(unsafe) let shared = slots
    withoutActuallyEscaping(body) { work in
      nonisolated(unsafe) let work = work
      DispatchQueue.concurrentPerform(iterations: count) { index in
        shared[index] = work(index)
      }
    }
    return slots.map { $0.unsafelyUnwrapped }
  }

  /// Splits `0..<count` into about `pieces` contiguous ranges of similar size.
  public static func ranges(_ count: Int, pieces: Int) -> [Range<Int>] {
    guard count > 0 else { return [] }
    let pieceCount = max(1, min(pieces, count))
    return (0..<pieceCount).map { piece in
      (count * piece / pieceCount)..<(count * (piece + 1) / pieceCount)
    }
  }

  /// A piece count that keeps both cores busy without making pieces so small that bookkeeping dominates.
  public static func pieceCount(for count: Int, minimumPieceSize: Int = 256) -> Int {
    max(1, min(64, count / minimumPieceSize))
  }

  /// Runs `first` on the other core while `second` runs on this one, and returns both outcomes.
  public static func both<First, Second>(
    _ first: () throws -> First, _ second: () throws -> Second
  ) -> (Result<First, any Error>, Result<Second, any Error>) {
    nonisolated(unsafe) var firstOutcome: Result<First, any Error>?
    nonisolated(unsafe) var secondOutcome: Result<Second, any Error>?
    withoutActuallyEscaping(first) { first in
      withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) let first = first
        nonisolated(unsafe) let second = second
        DispatchQueue.concurrentPerform(iterations: 2) { part in
          if part == 0 {
            firstOutcome = Result { try first() }
          } else {
            secondOutcome = Result { try second() }
          }
        }
      }
    }
    guard let firstOutcome, let secondOutcome else {
      preconditionFailure("concurrentPerform returned before running both parts")
    }
    return (firstOutcome, secondOutcome)
  }
}
