import CLibXML2

/// The compact tables (this folder) replace `Dictionary` and `Set` where a walk asks about every node
/// or element name: `PointerMap` and `PointerSet` for node addresses, `PackedName` and
/// `PackedNameTable` for names, `SiblingNumbering` for a locator's positions, `ByteString` for comparing
/// libxml2's strings in place. Each must answer as its `Dictionary`, `Set` or string counterpart would;
/// `Document+LocatorsTests` checks the locators built with them against the one-node locator and against
/// libxml2's own XPath (each locator selects its element and nothing else), and `TextFlattenerTests`
/// checks the skipped subtrees and element categories the flattener looks up in them.
///
/// A map from node addresses to words, open addressing on the addresses themselves, for what a walk
/// remembers per node; `PointerSet` is the same table with the words unused. A `Dictionary` or `Set`
/// keyed by node pointers cost a runtime type lookup for every new one and SipHash for every question,
/// which was most of a small document's walk and of the questions text flattening asks about each node.
struct PointerMap {
  /// Addresses, or 0 for an empty slot; the count is a power of two, at most half full. None until
  /// the first is added: most maps of a walk stay empty.
  private var keys: [UInt] = []
  private var values: [UInt] = []
  private(set) var count = 0

  init() {}

  /// A map that holds `capacity` addresses before it grows.
  init(capacity: Int) {
    reserve(capacity)
  }

  var isEmpty: Bool { count == 0 }

  func contains(_ pointer: xmlNodePtr) -> Bool {
    slot(of: pointer) != nil
  }

  func value(for pointer: xmlNodePtr) -> UInt? {
    slot(of: pointer).map { values[$0] }
  }

  mutating func set(_ value: UInt, for pointer: xmlNodePtr) {
    let (slot, _) = insertSlot(pointer)
    values[slot] = value
  }

  /// Adds `pointer` (with the word 0); false when it was there already.
  @discardableResult
  mutating func insert(_ pointer: xmlNodePtr) -> Bool {
    insertSlot(pointer).inserted
  }

  /// Makes room for `total` addresses without growing again, in one step rather than a doubling (and
  /// moving every address) at a time.
  mutating func reserve(_ total: Int) {
    var size = max(keys.count, 16)
    while total * 2 > size { size *= 2 }
    if size > keys.count { grow(to: size) }
  }

  private func slot(of pointer: xmlNodePtr) -> Int? {
    guard !keys.isEmpty else { return nil }
    let address = UInt(bitPattern: pointer)
    return keys.withUnsafeBufferPointer { keys in
      let mask = keys.count - 1
      var slot = Self.slot(address, mask: mask)
      while true {
        let stored = keys[slot]
        if stored == address { return slot }
        if stored == 0 { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  private mutating func insertSlot(_ pointer: xmlNodePtr) -> (slot: Int, inserted: Bool) {
    if (count + 1) * 2 > keys.count { grow(to: max(keys.count * 2, 16)) }
    let address = UInt(bitPattern: pointer)
    let mask = keys.count - 1
    var slot = Self.slot(address, mask: mask)
    while keys[slot] != 0 {
      if keys[slot] == address { return (slot, false) }
      slot = (slot + 1) & mask
    }
    keys[slot] = address
    values[slot] = 0
    count += 1
    return (slot, true)
  }

  private mutating func grow(to size: Int) {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: 0, count: size)
    let mask = size - 1
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
