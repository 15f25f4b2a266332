import Foundation

/// Runs independent pieces of work on all cores. Each piece writes only its own slot of the result, so the
/// shared buffer needs no lock; the order of the results never depends on scheduling.
enum Parallel {
  /// `body(index)` for every index in `0..<count`, results in index order.
  static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
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
  static func ranges(_ count: Int, pieces: Int) -> [Range<Int>] {
    guard count > 0 else { return [] }
    let pieceCount = max(1, min(pieces, count))
    return (0..<pieceCount).map { piece in
      (count * piece / pieceCount)..<(count * (piece + 1) / pieceCount)
    }
  }

  /// A piece count that keeps both cores busy without making pieces so small that bookkeeping dominates.
  static func pieceCount(for count: Int, minimumPieceSize: Int = 256) -> Int {
    max(1, min(64, count / minimumPieceSize))
  }
}
