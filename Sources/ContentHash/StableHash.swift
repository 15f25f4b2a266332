/// Hashes that give the same bits in every process and on every machine. Swift's `Hasher` is seeded
/// afresh per process, so anything whose result must repeat (which pairs are compared, what is cached)
/// uses these instead. Not cryptographic; `SHA256Digest` is for content that must not collide.
public enum StableHash {
  /// FNV-1a over the UTF-8 bytes, finished with a 64-bit mixer so that short strings spread over all bits.
  public static func string(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return mix(hash)
  }

  /// The splitmix64 finaliser: a bijection on 64 bits with good avalanche.
  @inline(__always)
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Combines an ordered sequence of values into one hash (order matters).
  @inline(__always)
  public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
    mix(seed ^ (value &* 0x9E37_79B9_7F4A_7C15))
  }
}
