/// Orders values the way SQLite's BINARY collation does (bytes of UTF-8, numbers by value), so that an
/// array sorted here comes back in the same order from an `ORDER BY` on the database.
enum SortKey: Comparable {
  case text(String)
  case number(Int)

  static func < (lhs: SortKey, rhs: SortKey) -> Bool {
    switch (lhs, rhs) {
    case (.text(let left), .text(let right)): return left.utf8.lexicographicallyPrecedes(right.utf8)
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
  package func bytePrecedes(_ other: String) -> Bool {
    utf8.lexicographicallyPrecedes(other.utf8)
  }
}
