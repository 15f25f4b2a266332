import CLibXML2

/// A set of nodes built once and asked many times, such as everything a recipe's skip rules select.
public struct NodeSet {
  var pointers = PointerSet()
  /// Holds the documents the pointers belong to, so that they stay valid; almost always one.
  private var documents: [Document] = []

  public init() {}

  public init(_ nodes: some Sequence<Node>) {
    formUnion(nodes)
  }

  public init(_ nodes: [Node]) {
    formUnion(nodes)
  }

  public var count: Int { pointers.count }
  public var isEmpty: Bool { pointers.isEmpty }

  public func contains(_ node: Node) -> Bool {
    pointers.contains(node.pointer)
  }

  func contains(_ pointer: xmlNodePtr) -> Bool {
    pointers.contains(pointer)
  }

  public mutating func insert(_ node: Node) {
    pointers.insert(node.pointer)
    keep(node.document)
  }

  public mutating func formUnion(_ nodes: some Sequence<Node>) {
    for node in nodes { insert(node) }
  }

  /// The same for an array, which the extractor passes: a generic sequence is iterated through its
  /// witness table, a call per node, from another module.
  public mutating func formUnion(_ nodes: [Node]) {
    guard let first = nodes.first else { return }
    pointers.reserve(pointers.count + nodes.count)
    // Through the buffer, so that reading a node's pointer does not retain and release its document; the
    // nodes almost always share one document, kept once rather than looked for once per node.
    var others = false
    nodes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        pointers.insert(buffer[index].pointer)
        others = others || buffer[index].document !== first.document
      }
    }
    keep(first.document)
    if others {
      for node in nodes { keep(node.document) }
    }
  }

  private mutating func keep(_ document: Document) {
    if !documents.contains(where: { $0 === document }) { documents.append(document) }
  }

  /// True when `node` or one of its ancestors is in the set.
  public func containsAncestor(of node: Node) -> Bool {
    guard !pointers.isEmpty else { return false }
    var current: xmlNodePtr? = node.pointer
    while let candidate = current {
      if pointers.contains(candidate) { return true }
      current = candidate.pointee.parent
    }
    return false
  }
}
