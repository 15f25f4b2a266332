import CLibXML2

/// A fixed map from names to small values, looked up once per element of a walk. Swift's `Dictionary`
/// would hash every lookup with SipHash; open addressing on the packed words costs a few instructions.
struct PackedNameTable<Value> {
  private var keys: [PackedName?]
  private var values: [Value?]
  /// Long names, compared in full: packing keeps only their first 16 bytes.
  private var longNames: [(name: [UInt8], value: Value)] = []
  private let mask: Int

  init(_ entries: [(name: [UInt8], value: Value)]) {
    var capacity = 8
    while capacity < entries.count * 4 { capacity *= 2 }
    keys = Array(repeating: nil, count: capacity)
    values = Array(repeating: nil, count: capacity)
    mask = capacity - 1
    for entry in entries {
      let packed = PackedName(entry.name)
      guard packed.isComplete else {
        longNames.append(entry)
        continue
      }
      var slot = Self.slot(packed) & mask
      while let key = keys[slot], key != packed { slot = (slot + 1) & mask }
      keys[slot] = packed
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
    guard packed.isComplete else {
      return longNames.first { ByteString.equal(name, $0.name) }?.value
    }
    var slot = Self.slot(packed) & mask
    while let key = keys[slot] {
      if key == packed { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }
}

extension PackedNameTable: Sendable where Value: Sendable {}
