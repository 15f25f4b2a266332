import CLibXML2

/// A map from node addresses to words, open addressing on the addresses themselves, for what a walk
/// remembers per node. A `Dictionary` keyed by node pointers cost a runtime type lookup for every new
/// one, which was most of a small document's walk when each sibling test and delegated predicate had
/// its own.
struct PointerMap {
  /// Addresses, or 0 for an empty slot; the count is a power of two, at most half full. None until
  /// the first is set: most maps of a walk stay empty.
  private var keys: [UInt] = []
  private var values: [UInt] = []
  private var count = 0

  func value(for pointer: xmlNodePtr) -> UInt? {
    guard !keys.isEmpty else { return nil }
    let address = UInt(bitPattern: pointer)
    return keys.withUnsafeBufferPointer { keys in
      let mask = keys.count - 1
      var slot = Self.slot(address, mask: mask)
      while true {
        let stored = keys[slot]
        if stored == address { return values[slot] }
        if stored == 0 { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  mutating func set(_ value: UInt, for pointer: xmlNodePtr) {
    if (count + 1) * 2 > keys.count { grow() }
    let address = UInt(bitPattern: pointer)
    let mask = keys.count - 1
    var slot = Self.slot(address, mask: mask)
    while keys[slot] != 0 {
      if keys[slot] == address {
        values[slot] = value
        return
      }
      slot = (slot + 1) & mask
    }
    keys[slot] = address
    values[slot] = value
    count += 1
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: 0, count: max(oldKeys.count * 2, 16))
    values = Array(repeating: 0, count: keys.count)
    let mask = keys.count - 1
    for (index, address) in oldKeys.enumerated() where address != 0 {
      var slot = Self.slot(address, mask: mask)
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = address
      values[slot] = oldValues[index]
    }
  }

  /// The high bits of the address times an odd constant: they depend on all the address bits (node
  /// addresses share their low, aligned bits).
  private static func slot(_ address: UInt, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
