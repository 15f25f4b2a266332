import Crypto
import Foundation

/// SHA-256 digests as lower-case hex, the form manifests, caches and snapshots record.
public enum SHA256Digest {
  public static func hex(_ bytes: some DataProtocol) -> String {
    hex(of: SHA256.hash(data: bytes))
  }

  public static func hex(_ text: String) -> String {
    var hasher = SHA256()
    var copy = text
    copy.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    return hex(of: hasher.finalize())
  }

  /// Written into one buffer: statement ids digest a locator each, and a string per byte cost more than
  /// the hashing.
  private static func hex(of digest: SHA256.Digest) -> String {
    String(unsafeUninitializedCapacity: 2 * SHA256.Digest.byteCount) { buffer in
      var index = 0
      for byte in digest {
        buffer[index] = hexDigit(byte >> 4)
        buffer[index + 1] = hexDigit(byte & 0x0F)
        index += 2
      }
      return index
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
