import Foundation

/// Orders values the way SQLite's BINARY collation does (bytes of UTF-8, numbers by value), so that an
/// array sorted here comes back in the same order from an `ORDER BY` on the database.
enum SortKey: Comparable {
  case text(String)
  case number(Int)

  static func < (lhs: SortKey, rhs: SortKey) -> Bool {
    switch (lhs, rhs) {
    case (.text(let left), .text(let right)): return left.bytePrecedes(right)
    case (.number(let left), .number(let right)): return left < right
    case (.number, .text): return true
    case (.text, .number): return false
    }
  }

  static func == (lhs: SortKey, rhs: SortKey) -> Bool {
    switch (lhs, rhs) {
    case (.text(let left), .text(let right)): return left.utf8.elementsEqual(right.utf8)
    case (.number(let left), .number(let right)): return left == right
    default: return false
    }
  }
}

extension Array where Element == SortKey {
  static func < (lhs: [SortKey], rhs: [SortKey]) -> Bool {
    lhs.lexicographicallyPrecedes(rhs)
  }
}

extension Sequence {
  /// Sorted by a key of SQLite-compatible components; stable, so equal keys keep their order.
  func sortedCanonically(by key: (Element) -> [SortKey]) -> [Element] {
    let keyed: [(offset: Int, key: [SortKey], element: Element)] = enumerated().map {
      (offset: $0.offset, key: key($0.element), element: $0.element)
    }
    let sorted = keyed.sorted { left, right in
      if left.key < right.key { return true }
      if right.key < left.key { return false }
      return left.offset < right.offset
    }
    return sorted.map(\.element)
  }
}

extension String {
  /// True when `self` sorts before `other` byte-wise, as SQLite compares text.
  ///
  /// The bytes are compared with `memcmp` where both strings hold them contiguously, as Swift's own strings
  /// do: comparing byte by byte through the UTF-8 views was the largest part of sorting a snapshot.
  package func bytePrecedes(_ other: String) -> Bool {
    let fast = utf8.withContiguousStorageIfAvailable { mine in
      other.utf8.withContiguousStorageIfAvailable { theirs -> Bool in
        let common = Swift.min(mine.count, theirs.count)
        if common > 0, let left = mine.baseAddress, let right = theirs.baseAddress {
          let order = memcmp(left, right, common)
          if order != 0 { return order < 0 }
        }
        return mine.count < theirs.count
      }
    }
    return (fast ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
  }
}
