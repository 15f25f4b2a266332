import CLibXML2

/// A set of node addresses, open addressing on the words themselves. Text flattening asks about every
/// node it passes; `Set`'s SipHash cost more than the rest of the question, and building a `Set` of
/// these pointers went through the runtime's type lookup each time.
struct PointerSet {
  /// Addresses, or 0 for an empty slot; the count is a power of two, at most half full.
  private var slots: [UInt] = Array(repeating: 0, count: 8)
  private(set) var count = 0

  init() {}

  /// A set that holds `capacity` addresses before it grows.
  init(capacity: Int) {
    reserve(capacity)
  }

  var isEmpty: Bool { count == 0 }

  func contains(_ pointer: xmlNodePtr) -> Bool {
    let address = UInt(bitPattern: pointer)
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Self.slot(address, mask: mask)
      while true {
        let stored = slots[slot]
        if stored == address { return true }
        if stored == 0 { return false }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Adds `pointer`; false when it was there already.
  @discardableResult
  mutating func insert(_ pointer: xmlNodePtr) -> Bool {
    if (count + 1) * 2 > slots.count { grow() }
    let address = UInt(bitPattern: pointer)
    let mask = slots.count - 1
    var slot = Self.slot(address, mask: mask)
    while slots[slot] != 0 {
      if slots[slot] == address { return false }
      slot = (slot + 1) & mask
    }
    slots[slot] = address
    count += 1
    return true
  }

  /// Makes room for `total` addresses without growing again, in one step rather than a doubling (and
  /// moving every address) at a time.
  mutating func reserve(_ total: Int) {
    var size = slots.count
    while total * 2 > size { size *= 2 }
    if size > slots.count { grow(to: size) }
  }

  private mutating func grow() {
    grow(to: slots.count * 2)
  }

  private mutating func grow(to size: Int) {
    let old = slots
    slots = Array(repeating: 0, count: size)
    let mask = slots.count - 1
    for address in old where address != 0 {
      var slot = Self.slot(address, mask: mask)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = address
    }
  }

  /// The high bits of the address times an odd constant: they depend on all the address bits (node
  /// addresses share their low, aligned bits).
  private static func slot(_ address: UInt, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
