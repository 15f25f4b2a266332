import CLibXML2

/// A fixed map from names to small values, looked up once per element of a walk. Swift's `Dictionary`
/// would hash every lookup with SipHash; open addressing on the packed words costs a few instructions.
struct PackedNameTable<Value> {
  /// The packed words of each slot's name; a length of 0 marks an empty slot (no name is empty).
  private var lows: [UInt64]
  private var highs: [UInt64]
  private var lengths: [Int]
  private var values: [Value?]
  /// Long names, compared in full: packing keeps only their first 16 bytes.
  private var longNames: [(name: [UInt8], value: Value)] = []
  private let mask: Int

  init(_ entries: [(name: [UInt8], value: Value)]) {
    var capacity = 8
    while capacity < entries.count * 4 { capacity *= 2 }
    lows = Array(repeating: 0, count: capacity)
    highs = Array(repeating: 0, count: capacity)
    lengths = Array(repeating: 0, count: capacity)
    values = Array(repeating: nil, count: capacity)
    mask = capacity - 1
    for entry in entries {
      let packed = PackedName(entry.name)
      guard packed.isComplete, packed.length > 0 else {
        longNames.append(entry)
        continue
      }
      var slot = Self.slot(packed) & mask
      while lengths[slot] != 0
        && !(lows[slot] == packed.low && highs[slot] == packed.high && lengths[slot] == packed.length)
      {
        slot = (slot + 1) & mask
      }
      lows[slot] = packed.low
      highs[slot] = packed.high
      lengths[slot] = packed.length
      values[slot] = entry.value
    }
  }

  private static func slot(_ name: PackedName) -> Int {
    let mixed =
      (name.low &* 0x9E37_79B9_7F4A_7C15) ^ (name.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(name.length)
    return Int(truncatingIfNeeded: mixed >> 29)
  }

  func value(for name: UnsafePointer<xmlChar>) -> Value? {
    let packed = PackedName(name)
    guard packed.isComplete, packed.length > 0 else {
      return longNames.first { ByteString.equal(name, $0.name) }?.value
    }
    var slot = Self.slot(packed) & mask
    while lengths[slot] != 0 {
      if lows[slot] == packed.low && highs[slot] == packed.high && lengths[slot] == packed.length {
        return values[slot]
      }
      slot = (slot + 1) & mask
    }
    return nil
  }
}

extension PackedNameTable: Sendable where Value: Sendable {}
