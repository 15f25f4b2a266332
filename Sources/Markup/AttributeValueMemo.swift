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

  /// Eight bytes at a time (class values run to dozens of bytes, and a byte at a time cost more than
  /// the lookup), each word mixed in by a multiply and a rotation, then the whole by a final multiply.
  private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(value.count)
    guard let base = value.baseAddress else { return hash &* multiplier }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= value.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let mixed = (hash ^ word) &* multiplier
      hash = (mixed << 29) | (mixed >> 35)
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < value.count {
      tail |= UInt64(base[index]) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ tail) &* multiplier
    return (hash ^ (hash >> 32)) &* multiplier
  }
}
