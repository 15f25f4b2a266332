import ContentHash
import Utilities

/// Proposes candidate pairs with MinHash signatures and LSH banding, without comparing all pairs.
///
/// Shingles are a statement's unique content stems (word 1-grams after stop words, British spellings and
/// Porter2): the scorer compares bags of stems too, so a reordered or inflected duplicate has the same
/// shingles. Stems found in very many statements are left out of the shingles (they would put most of the
/// input in one bucket); a statement made only of such stems keeps them all. Hash function h is
/// `(a_h · x + b_h) >> 32` over the stem's stable 64-bit hash x, with odd a_h and b_h drawn from a
/// splitmix64 stream seeded by `candidates.seed`. Each band of r rows hashes to one bucket key per statement;
/// statements that share a key in any band become a candidate pair. A bucket larger than `maxBucketSize` is
/// ordered by whole-signature hash and each statement is paired with its `bucketWindow` next neighbours, so
/// that a flood of near-identical statements costs n·window pairs, not n².
struct LSHCandidateSearch: Sendable {
  let permutations: Int
  let bands: Int
  let seed: UInt64
  let maxBucketSize: Int
  let bucketWindow: Int
  let frequentStemShare: Double
  let frequentStemMinimum: Int

  init(configuration: DeduplicationConfiguration.Candidates) {
    permutations = configuration.permutations
    bands = configuration.bands
    seed = UInt64(bitPattern: Int64(configuration.seed))
    maxBucketSize = configuration.maxBucketSize
    bucketWindow = configuration.bucketWindow
    frequentStemShare = configuration.frequentStemShare
    frequentStemMinimum = configuration.frequentStemMinimum
  }

  /// Candidate pairs as `(i << 32) | j` with i < j, sorted and unique.
  func pairs(in corpus: AnalysedCorpus) -> [UInt64] {
    let count = corpus.count
    guard count > 1 else { return [] }
    let indexBits = UInt64(max(1, Int.bitWidth - (count - 1).leadingZeroBitCount))
    let indexMask: UInt64 = (1 << indexBits) - 1
    var (keys, signatureHashes) = bandKeys(corpus, indexMask: indexMask)
    let perBand: [[UInt64]] = keys.withUnsafeMutableBufferPointer { keyBuffer in
      nonisolated(unsafe) let all = keyBuffer
      return Parallel.map(bands) { band -> [UInt64] in
        let slice = UnsafeMutableBufferPointer(rebasing: all[(band * count)..<((band + 1) * count)])
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { scratch.deallocate() }
        // A band's keys are written in statement order, which is the order of their low (index) bits.
        RadixSort.sort(slice, scratch: scratch, sortedLowBits: Int(indexBits))
        return bucketPairs(slice, indexMask: indexMask, signatureHashes: signatureHashes)
      }
    }
    return Self.unique(perBand, count: count)
  }

  /// Band keys, band-major: `keys[band * count + i]` holds the band hash in the high bits and i in the low;
  /// and each statement's whole-signature hash, which orders an oversized bucket.
  private func bandKeys(
    _ corpus: AnalysedCorpus, indexMask: UInt64
  ) -> (keys: [UInt64], signatureHashes: [UInt64]) {
    let count = corpus.count
    var generator = SplitMix64(seed: seed)
    let multipliers = (0..<permutations).map { _ in generator.next() | 1 }
    let increments = (0..<permutations).map { _ in generator.next() }
    let frequentLimit = max(frequentStemMinimum, Int((frequentStemShare * Double(count)).rounded(.up)))
    var keys = [UInt64](repeating: 0, count: bands * count)
    var signatureHashes = [UInt64](repeating: 0, count: count)
    let pieces = Parallel.ranges(count, pieces: Parallel.pieceCount(for: count, minimumPieceSize: 1024))
    keys.withUnsafeMutableBufferPointer { keyBuffer in
      signatureHashes.withUnsafeMutableBufferPointer { hashBuffer in
        nonisolated(unsafe) let keyOut = keyBuffer
        nonisolated(unsafe) let hashOut = hashBuffer
        _ = Parallel.map(pieces.count) { piece -> Int in
          var shingles: [UInt64] = []
          var signature = [UInt32](repeating: 0, count: permutations)
          for statement in pieces[piece] {
            Self.shingles(of: statement, in: corpus, frequentLimit: frequentLimit, into: &shingles)
            if shingles.isEmpty {
              // Nothing to compare: give the statement keys no other statement can share.
              for band in 0..<bands {
                keyOut[band * count + statement] =
                  (StableHash.mix(UInt64(statement) &+ 0xA5A5) & ~indexMask) | UInt64(statement)
              }
              hashOut[statement] = 0
              continue
            }
            Self.sign(shingles, multipliers: multipliers, increments: increments, into: &signature)
            hashOut[statement] = writeBands(
              signature, statement: statement, count: count, indexMask: indexMask, into: keyOut)
          }
          return 0
        }
      }
    }
    return (keys, signatureHashes)
  }

  /// The statement's shingles into `shingles` (emptied first): the hashes of its stems that are not too
  /// frequent, or of all its stems when every one is.
  @inline(__always)
  private static func shingles(
    of statement: Int, in corpus: AnalysedCorpus, frequentLimit: Int, into shingles: inout [UInt64]
  ) {
    shingles.removeAll(keepingCapacity: true)
    let range = corpus.termRange(statement)
    for position in range
    where Int(corpus.documentFrequency[Int(corpus.entries[position].term)]) <= frequentLimit {
      shingles.append(corpus.termHashes[Int(corpus.entries[position].term)])
    }
    if shingles.isEmpty {
      for position in range { shingles.append(corpus.termHashes[Int(corpus.entries[position].term)]) }
    }
  }

  /// Writes the statement's key in every band and returns its whole-signature hash.
  @inline(__always)
  private func writeBands(
    _ signature: [UInt32], statement: Int, count: Int, indexMask: UInt64,
    into keyOut: UnsafeMutableBufferPointer<UInt64>
  ) -> UInt64 {
    let rows = permutations / bands
    var whole: UInt64 = seed
    for band in 0..<bands {
      var bandHash = StableHash.mix(seed ^ UInt64(band))
      for row in 0..<rows {
        bandHash = StableHash.combine(bandHash, UInt64(signature[band * rows + row]))
      }
      whole = StableHash.combine(whole, bandHash)
      keyOut[band * count + statement] = (bandHash & ~indexMask) | UInt64(statement)
    }
    return whole
  }

  /// The pairs of all bands without repeats, sorted. A pair found in many bands is listed once: a counting
  /// sort on the first index, then a sort of each statement's short list, which is far cheaper than one sort
  /// of every pair found.
  private static func unique(_ perBand: [[UInt64]], count: Int) -> [UInt64] {
    var starts = [Int](repeating: 0, count: count + 1)
    for band in perBand {
      for key in band { starts[Int(key >> 32) + 1] += 1 }
    }
    for index in 0..<count { starts[index + 1] += starts[index] }
    var seconds = [UInt32](repeating: 0, count: starts[count])
    var fill = starts
    for band in perBand {
      for key in band {
        let first = Int(key >> 32)
        seconds[fill[first]] = UInt32(truncatingIfNeeded: key)
        fill[first] += 1
      }
    }
    let pieces = Parallel.ranges(count, pieces: Parallel.pieceCount(for: count, minimumPieceSize: 4096))
    let found: [[UInt64]] = seconds.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let all = buffer
      return Parallel.map(pieces.count) { piece -> [UInt64] in
        var pairs: [UInt64] = []
        for first in pieces[piece] where starts[first + 1] - starts[first] > 0 {
          var list = UnsafeMutableBufferPointer(rebasing: all[starts[first]..<starts[first + 1]])
          list.sort()
          var previous = UInt32.max
          for second in list where second != previous {
            pairs.append(UInt64(first) << 32 | UInt64(second))
            previous = second
          }
        }
        return pairs
      }
    }
    return found.flatMap { $0 }
  }

  /// MinHash: for each hash function the least value over the shingles.
  @inline(__always)
  private static func sign(
    _ shingles: [UInt64], multipliers: [UInt64], increments: [UInt64], into signature: inout [UInt32]
  ) {
    let permutations = multipliers.count
    multipliers.withUnsafeBufferPointer { a in
      increments.withUnsafeBufferPointer { b in
        signature.withUnsafeMutableBufferPointer { out in
          shingles.withUnsafeBufferPointer { shingles in
            // One hash function at a time: its two constants and the least value so far stay in registers.
            for h in 0..<permutations {
              let multiplier = a[h]
              let increment = b[h]
              var least = UInt32.max
              for x in shingles {
                least = min(least, UInt32(truncatingIfNeeded: (multiplier &* x &+ increment) >> 32))
              }
              out[h] = least
            }
          }
        }
      }
    }
  }

  /// The pairs of one band's sorted keys: all pairs of a small bucket, windowed pairs of a large one.
  private func bucketPairs(
    _ sorted: UnsafeMutableBufferPointer<UInt64>, indexMask: UInt64, signatureHashes: [UInt64]
  ) -> [UInt64] {
    var pairs: [UInt64] = []
    var start = 0
    let count = sorted.count
    var members: [UInt64] = []
    while start < count {
      let bucket = sorted[start] & ~indexMask
      var end = start + 1
      while end < count && sorted[end] & ~indexMask == bucket { end += 1 }
      let size = end - start
      if size >= 2 && size <= maxBucketSize {
        for first in start..<(end - 1) {
          let i = sorted[first] & indexMask
          for second in (first + 1)..<end {
            let j = sorted[second] & indexMask
            pairs.append(i < j ? (i << 32) | j : (j << 32) | i)
          }
        }
      } else if size > maxBucketSize {
        members.removeAll(keepingCapacity: true)
        for position in start..<end { members.append(sorted[position] & indexMask) }
        members.sort { lhs, rhs in
          let hashL = signatureHashes[Int(lhs)]
          let hashR = signatureHashes[Int(rhs)]
          return hashL != hashR ? hashL < hashR : lhs < rhs
        }
        for first in 0..<members.count {
          let i = members[first]
          for second in (first + 1)..<min(members.count, first + 1 + bucketWindow) {
            let j = members[second]
            pairs.append(i < j ? (i << 32) | j : (j << 32) | i)
          }
        }
      }
      start = end
    }
    return pairs
  }
}
