/// Sorts 64-bit keys by their bytes, least significant first: linear in the number of keys, where a
/// comparison sort of the LSH band keys (a million per band, 32 bands) took seconds at a million statements.
enum RadixSort {
  /// Sorts `keys` ascending; `scratch` must hold as many keys and is overwritten. When the keys come in
  /// ascending order of their lowest `sortedLowBits` bits, the bytes wholly within those bits are not
  /// sorted by: each pass is stable, so keys equal in the higher bits stay in that order, which is the order
  /// of their low bits.
  static func sort(
    _ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>,
    sortedLowBits: Int = 0
  ) {
    precondition(scratch.count >= keys.count, "the scratch buffer is smaller than the keys")
    let count = keys.count
    guard count > 1 else { return }
    // All eight histograms in one pass over the keys.
    var histograms = [Int](repeating: 0, count: 8 * 256)
    for key in keys {
      for digit in 0..<8 {
        histograms[digit * 256 + Int((key >> UInt64(digit * 8)) & 0xFF)] += 1
      }
    }
    var source = keys
    var target = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
    for digit in (sortedLowBits / 8)..<8 {
      let base = digit * 256
      // A byte that is the same in every key orders nothing; its pass is skipped.
      let shift = UInt64(digit * 8)
      if histograms[base + Int((source[0] >> shift) & 0xFF)] == count { continue }
      var next = 0
      for value in 0..<256 {
        let size = histograms[base + value]
        histograms[base + value] = next
        next += size
      }
      for key in source {
        let slot = base + Int((key >> shift) & 0xFF)
        target[histograms[slot]] = key
        histograms[slot] += 1
      }
      swap(&source, &target)
    }
    if source.baseAddress != keys.baseAddress {
      _ = keys.update(fromContentsOf: source)
    }
  }
}
