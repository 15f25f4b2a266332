import Crypto
import Foundation

/// SHA-256 digests as lower-case hex, the form manifests, caches and snapshots record.
public enum SHA256Digest {
  public static func hex(_ bytes: some DataProtocol) -> String {
    SHA256.hash(data: bytes).map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }.joined()
  }

  public static func hex(_ text: String) -> String {
    hex(Data(text.utf8))
  }

  public static func hex(contentsOf url: URL) throws -> String {
    hex(try Data(contentsOf: url))
  }

  /// True for a 64-digit lower-case hex string.
  public static func isWellFormed(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
