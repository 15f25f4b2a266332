import Foundation
import Testing

@testable import Snapshot

/// `bytePrecedes` compares contiguous bytes with `memcmp`; the order must be the byte-by-byte order SQLite's
/// BINARY collation uses, whatever the strings hold and however they are stored.
@Suite("Byte order of strings")
struct BytePrecedesTests {
  static let strings = [
    "", "a", "ab", "abc", "b", "B", "Z", "é", "e\u{301}", "漢字", "🧯", "a\u{0}b", "a\u{0}",
    "short", "a string long enough to be stored on the heap, not inline",
    "a string long enough to be stored on the heap, not inline, and longer",
    "a string long enough to be stored on the heap, not in line",
  ]

  @Test(arguments: strings)
  func theOrderIsTheBytesOrder(left: String) {
    for right in Self.strings {
      let expected = Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
      #expect(left.bytePrecedes(right) == expected, "\(left.debugDescription) vs \(right.debugDescription)")
      // A string bridged from NSString may not hold its bytes contiguously; the order is the same.
      let bridged = NSString(string: left) as String
      #expect(bridged.bytePrecedes(right) == expected)
    }
  }
}
