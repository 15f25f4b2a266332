import CLibXML2

/// A set of node addresses: a `PointerMap` whose words are unused. Text flattening asks about every node
/// it passes, and the set answers without hashing the pointer through `Hasher`.
struct PointerSet {
  private var table = PointerMap()

  init() {}

  /// A set that holds `capacity` addresses before it grows.
  init(capacity: Int) {
    table.reserve(capacity)
  }

  var count: Int { table.count }
  var isEmpty: Bool { table.isEmpty }

  func contains(_ pointer: xmlNodePtr) -> Bool {
    table.contains(pointer)
  }

  /// Adds `pointer`; false when it was there already.
  @discardableResult
  mutating func insert(_ pointer: xmlNodePtr) -> Bool {
    table.insert(pointer)
  }

  /// Makes room for `total` addresses without growing again.
  mutating func reserve(_ total: Int) {
    table.reserve(total)
  }
}
