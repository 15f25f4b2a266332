import ContentHash

/// Assignments of examples to cross-validation folds: shared by `evaluate`, the trainer's internal
/// calibration and the scikit-learn benchmark (which reads them from `evaluate --write-folds`).
public struct Folds: Sendable {
  public static let defaultSeed: UInt64 = 0x5EED

  /// The fold of each example.
  public let indices: [Int]

  subscript(_ index: Int) -> Int { indices[index] }

  /// Stratified and seeded: the examples of each code (codes in sorted order) are shuffled by one
  /// SplitMix64 stream and dealt to the folds in turn, the deal carrying on from code to code, so every
  /// fold gets its share of every code, fold sizes differ by one at most, and a seed gives the same folds
  /// on every machine. Neighbouring rows of a file (often from the same source) do not land in the
  /// folds in step.
  public static func stratified(codes: [String], count: Int, seed: UInt64 = defaultSeed) -> Folds {
    var byCode: [String: [Int]] = [:]
    for (index, code) in codes.enumerated() { byCode[code, default: []].append(index) }
    var generator = SplitMix64(seed: seed)
    var folds = [Int](repeating: 0, count: codes.count)
    var dealt = 0
    for code in byCode.keys.sorted() {
      var members = byCode[code] ?? []
      for position in stride(from: members.count - 1, to: 0, by: -1) {
        members.swapAt(position, Int(generator.next() % UInt64(position + 1)))
      }
      for member in members {
        folds[member] = dealt % count
        dealt += 1
      }
    }
    return Folds(indices: folds)
  }
}
