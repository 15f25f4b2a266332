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
    // A word at a time, each byte shifted into place; every element of a walk comes through here.
    var word: UInt64 = 0
    var index = 0
    while index < 8 {
      let byte = name[index]
      if byte == 0 {
        low = word
        length = index
        return
      }
      word |= UInt64(byte) &<< (UInt64(index) &* 8)
      index += 1
    }
    low = word
    word = 0
    while index < Self.capacity {
      let byte = name[index]
      if byte == 0 {
        high = word
        length = index
        return
      }
      word |= UInt64(byte) &<< (UInt64(index - 8) &* 8)
      index += 1
    }
    high = word
    length = name[Self.capacity] == 0 ? Self.capacity : Self.capacity + 1
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
