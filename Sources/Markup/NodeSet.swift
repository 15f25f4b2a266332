import CLibXML2

/// A set of nodes built once and asked many times, such as everything a recipe's skip rules select.
public struct NodeSet {
  var pointers: Set<xmlNodePtr>
  /// Holds the documents the pointers belong to, so that they stay valid; almost always one.
  private var documents: [Document]
  /// One bit per hash of a member's address, about sixteen bits per member. Flattening text asks about
  /// every node it passes and nearly all are absent; a clear bit says so without hashing into the set.
  private var filter: [UInt64] = [0]

  public init() {
    pointers = []
    documents = []
  }

  public init(_ nodes: some Sequence<Node>) {
    self.init()
    formUnion(nodes)
  }

  public init(_ nodes: [Node]) {
    self.init()
    formUnion(nodes)
  }

  public var count: Int { pointers.count }
  public var isEmpty: Bool { pointers.isEmpty }

  public func contains(_ node: Node) -> Bool {
    contains(node.pointer)
  }

  func contains(_ pointer: xmlNodePtr) -> Bool {
    let bit = Self.bit(pointer, words: filter.count)
    return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && pointers.contains(pointer)
  }

  public mutating func insert(_ node: Node) {
    add(node)
    rebuildFilter()
  }

  public mutating func formUnion(_ nodes: some Sequence<Node>) {
    for node in nodes { add(node) }
    rebuildFilter()
  }

  /// The same for an array, which the extractor passes: a generic sequence is iterated through its
  /// witness table, a call per node, from another module.
  public mutating func formUnion(_ nodes: [Node]) {
    pointers.reserveCapacity(pointers.count + nodes.count)
    for node in nodes { add(node) }
    rebuildFilter()
  }

  private mutating func add(_ node: Node) {
    pointers.insert(node.pointer)
    if !documents.contains(where: { $0 === node.document }) { documents.append(node.document) }
    setBit(node.pointer)
  }

  /// True when `node` or one of its ancestors is in the set.
  public func containsAncestor(of node: Node) -> Bool {
    var current: xmlNodePtr? = node.pointer
    while let candidate = current {
      if contains(candidate) { return true }
      current = candidate.pointee.parent
    }
    return false
  }

  /// Grows the filter to sixteen bits a member, setting them all again, when the set has outgrown it.
  private mutating func rebuildFilter() {
    var words = filter.count
    while pointers.count * 16 > words * 64 { words *= 2 }
    guard words != filter.count else { return }
    filter = Array(repeating: 0, count: words)
    for pointer in pointers { setBit(pointer) }
  }

  private mutating func setBit(_ pointer: xmlNodePtr) {
    let bit = Self.bit(pointer, words: filter.count)
    filter[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  /// The filter bit for an address: its high bits after a multiply, which depend on all the address bits.
  private static func bit(_ pointer: xmlNodePtr, words: Int) -> Int {
    let mixed = UInt64(UInt(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 32) & (words * 64 - 1)
  }
}
