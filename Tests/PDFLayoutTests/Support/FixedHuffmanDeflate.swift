/// zlib data (RFC 1950 around one RFC 1951 fixed-Huffman block) for `prefix + unit × repeats + suffix`,
/// written without zlib: Foundation on Linux has no public zlib API, and calling python3 from a test
/// would add a process and a dependency to every bomb. A run of a repeated unit needs only back
/// references of 258 bytes at a distance of one unit, 13 to 26 bits each, so a gigabyte of text costs
/// about 6 MB; the Adler-32 of the repeats is combined arithmetically instead of summed byte by byte.
enum FixedHuffmanDeflate {
  static func zlib(prefix: [UInt8] = [], unit: [UInt8], repeats: Int, suffix: [UInt8] = []) -> [UInt8] {
    precondition(!unit.isEmpty && unit.count <= 32_768 && repeats >= 1)
    var writer = BitWriter()
    writer.bytes = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary; 0x7801 is a multiple of 31
    writer.bits(1, count: 1)  // the final block
    writer.bits(1, count: 2)  // fixed Huffman codes
    for byte in prefix + unit { writer.literal(byte) }
    let repeated = unit.count * (repeats - 1)
    var done = 0
    while repeated - done >= 258 {
      writer.match258(distance: unit.count)
      done += 258
    }
    for index in done..<repeated { writer.literal(unit[index % unit.count]) }
    for byte in suffix { writer.literal(byte) }
    writer.huffman(0, length: 7)  // end of block
    writer.flush()
    let checksum = Adler32(prefix).then(Adler32(unit).repeated(repeats)).then(Adler32(suffix))
    writer.bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum.value >> $0) }
    return writer.bytes
  }
}

private struct BitWriter {
  var bytes: [UInt8] = []
  private var pending: UInt64 = 0
  private var pendingCount = 0

  /// Deflate packs values from the least significant bit.
  mutating func bits(_ value: Int, count: Int) {
    pending |= UInt64(value) << pendingCount
    pendingCount += count
    while pendingCount >= 8 {
      bytes.append(UInt8(truncatingIfNeeded: pending))
      pending >>= 8
      pendingCount -= 8
    }
  }

  /// Huffman codes are packed from their most significant bit.
  mutating func huffman(_ code: Int, length: Int) {
    var reversed = 0
    for index in 0..<length where code & (1 << index) != 0 { reversed |= 1 << (length - 1 - index) }
    bits(reversed, count: length)
  }

  mutating func literal(_ byte: UInt8) {
    if byte < 144 {
      huffman(0x30 + Int(byte), length: 8)
    } else {
      huffman(0x190 + Int(byte) - 144, length: 9)
    }
  }

  /// Length symbol 285 (258 bytes, no extra bits), then the distance code and its extra bits.
  mutating func match258(distance: Int) {
    huffman(0xC0 + 285 - 280, length: 8)
    let bases = [
      1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
      4097, 6145, 8193, 12289, 16385, 24577,
    ]
    let code = bases.lastIndex { $0 <= distance }!
    huffman(code, length: 5)
    let extra = code < 4 ? 0 : code / 2 - 1
    bits(distance - bases[code], count: extra)
  }

  mutating func flush() {
    if pendingCount > 0 { bits(0, count: 8 - pendingCount) }
  }
}

/// Adler-32 with its two sums kept apart, so that checksums of pieces combine into the checksum of
/// their concatenation (as zlib's adler32_combine does).
private struct Adler32 {
  static let modulus: UInt64 = 65_521
  var a: UInt64 = 1
  var b: UInt64 = 0
  var length: UInt64 = 0

  init(_ bytes: [UInt8]) {
    for byte in bytes {
      a = (a + UInt64(byte)) % Self.modulus
      b = (b + a) % Self.modulus
    }
    length = UInt64(bytes.count)
  }

  private init(a: UInt64, b: UInt64, length: UInt64) {
    self.a = a
    self.b = b
    self.length = length
  }

  var value: UInt32 { UInt32(b << 16 | a) }

  /// The checksum of these bytes followed by `next`'s.
  func then(_ next: Adler32) -> Adler32 {
    let m = Self.modulus
    return Adler32(
      a: (a + next.a + m - 1) % m, b: (b + next.b + (next.length % m) * ((a + m - 1) % m)) % m,
      length: length + next.length)
  }

  /// The checksum of these bytes `count` times over, by doubling.
  func repeated(_ count: Int) -> Adler32 {
    var result = Adler32([])
    var power = self
    var left = count
    while left > 0 {
      if left & 1 == 1 { result = result.then(power) }
      power = power.then(power)
      left >>= 1
    }
    return result
  }
}
