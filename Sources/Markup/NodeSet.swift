import CLibXML2

/// A set of nodes built once and asked many times, such as everything a recipe's skip rules select.
public struct NodeSet {
  var pointers: Set<xmlNodePtr>
  /// Holds the documents the pointers belong to, so that they stay valid.
  private var documents: [ObjectIdentifier: Document]

  public init() {
    pointers = []
    documents = [:]
  }

  public init(_ nodes: some Sequence<Node>) {
    self.init()
    formUnion(nodes)
  }

  public var count: Int { pointers.count }
  public var isEmpty: Bool { pointers.isEmpty }

  public func contains(_ node: Node) -> Bool {
    pointers.contains(node.pointer)
  }

  public mutating func insert(_ node: Node) {
    pointers.insert(node.pointer)
    documents[ObjectIdentifier(node.document)] = node.document
  }

  public mutating func formUnion(_ nodes: some Sequence<Node>) {
    for node in nodes { insert(node) }
  }

  /// True when `node` or one of its ancestors is in the set.
  public func containsAncestor(of node: Node) -> Bool {
    var current: xmlNodePtr? = node.pointer
    while let candidate = current {
      if pointers.contains(candidate) { return true }
      current = candidate.pointee.parent
    }
    return false
  }
}
