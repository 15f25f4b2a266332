import CLibXML2

/// The first 16 bytes of an element or attribute name packed into two words, with its length. The HTML
/// parser gives every element its own copy of its name (no dictionary), so names cannot be compared by
/// pointer; comparing two words is nearly as cheap, and short names are all that markup uses.
struct PackedName: Hashable, Sendable {
  /// Names up to this many bytes are packed whole; longer ones need `ByteString.equal` to confirm.
  static let capacity = 16

  var low: UInt64 = 0
  var high: UInt64 = 0
  /// The byte count, or `capacity + 1` for any longer name.
  var length = 0

  var isComplete: Bool { length <= Self.capacity }

  init(_ name: UnsafePointer<xmlChar>) {
    var index = 0
    while index <= Self.capacity {
      let byte = name[index]
      if byte == 0 { break }
      if index < 8 {
        low |= UInt64(byte) << (8 * UInt64(index))
      } else if index < Self.capacity {
        high |= UInt64(byte) << (8 * UInt64(index - 8))
      }
      index += 1
    }
    length = index
  }

  init(_ bytes: [UInt8]) {
    for (index, byte) in bytes.prefix(Self.capacity).enumerated() {
      if index < 8 {
        low |= UInt64(byte) << (8 * UInt64(index))
      } else {
        high |= UInt64(byte) << (8 * UInt64(index - 8))
      }
    }
    length = min(bytes.count, Self.capacity + 1)
  }

  init(_ text: String) {
    self.init(Array(text.utf8))
  }
}
