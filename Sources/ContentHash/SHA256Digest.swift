import Crypto
import Foundation

/// SHA-256 digests as lower-case hex, the form manifests, caches and snapshots record.
public enum SHA256Digest {
  public static func hex(_ bytes: some DataProtocol) -> String {
    hex(of: SHA256.hash(data: bytes))
  }

  public static func hex(_ text: String) -> String {
    hex(text, digits: 2 * SHA256.Digest.byteCount)
  }

  /// The first `digits` hex digits of the digest of `text`, as short ids use.
  public static func hex(_ text: String, digits: Int) -> String {
    var hasher = SHA256()
    var copy = text
    copy.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    return hex(of: hasher.finalize(), digits: digits)
  }

  /// Written into one buffer: statement ids digest a locator each, and a string per byte cost more than
  /// the hashing.
  private static func hex(of digest: SHA256.Digest, digits: Int = 2 * SHA256.Digest.byteCount) -> String {
    let count = min(max(digits, 0), 2 * SHA256.Digest.byteCount)
    return digest.withUnsafeBytes { bytes in
      String(unsafeUninitializedCapacity: count) { buffer in
        for index in 0..<count {
          let byte = bytes[index / 2]
          buffer[index] = hexDigit(index % 2 == 0 ? byte >> 4 : byte & 0x0F)
        }
        return count
      }
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x61 + value - 10
  }

  public static func hex(contentsOf url: URL) throws -> String {
    hex(try Data(contentsOf: url))
  }

  /// True for a 64-digit lower-case hex string.
  public static func isWellFormed(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
