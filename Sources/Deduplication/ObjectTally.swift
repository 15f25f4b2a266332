/// Adds up the object weights of a pair while the scorer walks both term lists.
///
/// A statement's object is the multiset of its stems less one occurrence of each word of its own leading
/// action, so "evaluate X" and "test X" compare on X alone, and "deployment policies for deployed systems"
/// keeps the second "deploy" that "provenance policies for deployed systems" lacks. When each statement
/// holds the other's leading action word in its object (an active sentence beside its passive form, where a
/// participle such as "involving" comes first), those words are the same words put in another order and do
/// not count as a difference.
struct ObjectTally {
  /// The term ids of each statement's leading action word.
  let leadingA: UnsafeBufferPointer<UInt32>
  let leadingB: UnsafeBufferPointer<UInt32>
  private(set) var both = 0.0
  private(set) var onlyA = 0.0
  private(set) var onlyB = 0.0
  /// The same three as word counts.
  private(set) var bothWords = 0
  private(set) var onlyAWords = 0
  private(set) var onlyBWords = 0
  /// How many of B's leading words A has to spare, and their weight; likewise the other way.
  private var leadingBInA = 0
  private var leadingBInAWeight = 0.0
  private var leadingAInB = 0
  private var leadingAInBWeight = 0.0

  init(leadingA: UnsafeBufferPointer<UInt32>, leadingB: UnsafeBufferPointer<UInt32>) {
    self.leadingA = leadingA
    self.leadingB = leadingB
  }

  @inline(__always)
  private func occurrences(of term: UInt32, in leading: UnsafeBufferPointer<UInt32>) -> UInt32 {
    var found: UInt32 = 0
    for word in leading where word == term { found += 1 }
    return found
  }

  /// One term with its count in each statement (0 when absent) and its IDF weight.
  @inline(__always)
  mutating func add(_ term: UInt32, _ countA: UInt32, _ countB: UInt32, weight: Double) {
    let inLeadingA = leadingA.isEmpty ? 0 : occurrences(of: term, in: leadingA)
    let inLeadingB = leadingB.isEmpty ? 0 : occurrences(of: term, in: leadingB)
    let objectA = countA - min(countA, inLeadingA)
    let objectB = countB - min(countB, inLeadingB)
    let shared = min(objectA, objectB)
    both += weight * Double(shared)
    bothWords += Int(shared)
    if objectA > shared {
      onlyA += weight * Double(objectA - shared)
      onlyAWords += Int(objectA - shared)
      if inLeadingB > 0 {
        let spare = Int(min(objectA - shared, inLeadingB))
        leadingBInA += spare
        leadingBInAWeight += weight * Double(spare)
      }
    }
    if objectB > shared {
      onlyB += weight * Double(objectB - shared)
      onlyBWords += Int(objectB - shared)
      if inLeadingA > 0 {
        let spare = Int(min(objectB - shared, inLeadingA))
        leadingAInB += spare
        leadingAInBWeight += weight * Double(spare)
      }
    }
  }

  /// The object weights and word counts: shared, only in A, only in B.
  func totals() -> (weights: (Double, Double, Double), words: (Int, Int, Int)) {
    let swapped =
      !leadingA.isEmpty && !leadingB.isEmpty && leadingBInA == leadingB.count && leadingAInB == leadingA.count
    guard swapped else { return ((both, onlyA, onlyB), (bothWords, onlyAWords, onlyBWords)) }
    return (
      (both, max(0, onlyA - leadingBInAWeight), max(0, onlyB - leadingAInBWeight)),
      (bothWords, max(0, onlyAWords - leadingBInA), max(0, onlyBWords - leadingAInB))
    )
  }
}
