import Foundation
import TestSupport

/// SHA-256 as lower-case hex from coreutils' `sha256sum`, so that the manifest's digests are checked against
/// an implementation independent of the code under test.
enum SHA256Hex {
  static func of(_ data: Data) -> String {
    do {
      return try CoreutilsDigest.sha256(data)
    } catch {
      return "sha256sum failed: \(error)"
    }
  }
}
