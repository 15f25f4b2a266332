/// Remembers, for each distinct value of one attribute seen during a walk, which of the selectors' tests
/// on that attribute it passes. A page repeats a few dozen class values over thousands of elements, and a
/// recipe tests the class of every element against a dozen substrings; the substring searches then run
/// once per distinct value instead of once per element.
struct AttributeValueMemo {
  private struct Entry {
    var hash: UInt64
    var start: Int
    var count: Int
    var results: UInt64
  }

  private var slots: [Entry?] = Array(repeating: nil, count: 64)
  private var stored = 0
  /// The bytes of every remembered value, one after another.
  private var arena: [UInt8] = []

  /// The remembered results for `value`, or the ones `compute` gives, remembered from then on.
  mutating func results(for value: UnsafeBufferPointer<UInt8>, compute: () -> UInt64) -> UInt64 {
    let hash = Self.hash(value)
    var slot = Self.slot(hash, count: slots.count)
    while let entry = slots[slot] {
      if entry.hash == hash && entry.count == value.count && matches(entry, value) { return entry.results }
      slot = (slot + 1) & (slots.count - 1)
    }
    let results = compute()
    slots[slot] = Entry(hash: hash, start: arena.count, count: value.count, results: results)
    arena.append(contentsOf: value)
    stored += 1
    if stored * 2 > slots.count { grow() }
    return results
  }

  private func matches(_ entry: Entry, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBufferPointer { bytes in
      ByteString.equal(UnsafeBufferPointer(rebasing: bytes[entry.start..<(entry.start + entry.count)]), value)
    }
  }

  private mutating func grow() {
    let entries = slots.compactMap { $0 }
    slots = Array(repeating: nil, count: slots.count * 2)
    for entry in entries {
      var slot = Self.slot(entry.hash, count: slots.count)
      while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = entry
    }
  }

  /// The high half of the hash: after the final multiply, those bits depend on every byte.
  private static func slot(_ hash: UInt64, count: Int) -> Int {
    Int(truncatingIfNeeded: hash >> 32) & (count - 1)
  }

  /// FNV-1a, mixed by a multiply.
  private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in value {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    return (hash ^ (hash >> 32)) &* 0x9E37_79B9_7F4A_7C15
  }
}
