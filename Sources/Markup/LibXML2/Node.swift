import CLibXML2

/// A node of a parsed document. It holds its document, so the tree stays alive while the node does;
/// the libxml2 pointer stays inside this module.
public struct Node {
  let pointer: xmlNodePtr
  public let document: Document

  init(pointer: xmlNodePtr, document: Document) {
    self.pointer = pointer
    self.document = document
  }

  public enum Kind: Sendable, Equatable {
    case element
    case text
    case comment
    case other
  }

  public var kind: Kind {
    switch pointer.pointee.type {
    case XML_ELEMENT_NODE: .element
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
    case XML_COMMENT_NODE: .comment
    default: .other
    }
  }

  /// The local name (HTML names are lower case, as libxml2's HTML parser gives them).
  public var name: String {
    LibXML2.string(pointer.pointee.name) ?? ""
  }

  public var attributes: [(name: String, value: String)] {
    var result: [(name: String, value: String)] = []
    var attribute = pointer.pointee.properties
    while let current = attribute {
      let name = LibXML2.string(current.pointee.name) ?? ""
      let value =
        LibXML2.consume(
          xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))) ?? ""
      result.append((name, value))
      attribute = current.pointee.next
    }
    return result
  }

  public func attribute(_ name: String) -> String? {
    LibXML2.consume(xmlGetProp(pointer, name))
  }

  /// The node's text exactly as the document holds it: white space kept, nothing folded. For readers
  /// of formats where spacing carries meaning, such as poppler's positioned text.
  public var literalText: String {
    LibXML2.consume(xmlNodeGetContent(pointer)) ?? ""
  }

  public var parent: Node? {
    guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
    return Node(pointer: parent, document: document)
  }

  /// All child nodes, text and comments included.
  public var children: [Node] {
    var result: [Node] = []
    var child = pointer.pointee.children
    while let current = child {
      result.append(Node(pointer: current, document: document))
      child = current.pointee.next
    }
    return result
  }

  public var elementChildren: [Node] {
    children.filter { $0.kind == .element }
  }

  /// The line of the node's start tag in the source, 1-based.
  public var line: Int {
    Int(xmlGetLineNo(pointer))
  }

  /// A path that finds this node again in the same document, such as `/html/body/div[2]/ol/li[3]`.
  public var locator: String {
    locator(namespaces: [:])
  }

  /// The node's path as an XPath expression that selects it again. Elements in a namespace are written
  /// with the caller's prefix for it (`/tei:TEI/tei:text/tei:body/tei:div[2]/tei:p`), so the path reads
  /// well and works with the same prefixes the recipe registers; without one, `*[local-name()='p']`.
  public func locator(namespaces: [String: String]) -> String {
    guard pointer.pointee.type == XML_ELEMENT_NODE else {
      return LibXML2.consume(xmlGetNodePath(pointer)) ?? ""
    }
    let prefixes = Self.prefixes(namespaces)
    var segments: [String] = []
    var current: xmlNodePtr? = pointer
    while let node = current, node.pointee.type == XML_ELEMENT_NODE {
      segments.append(Self.segment(node, prefixes: prefixes, place: SiblingNumbering.walk(node)))
      current = node.pointee.parent
    }
    return "/" + segments.reversed().joined(separator: "/")
  }

  static func prefixes(_ namespaces: [String: String]) -> [String: String] {
    Dictionary(namespaces.map { ($0.value, $0.key) }, uniquingKeysWith: { min($0, $1) })
  }

  static func segment(
    _ node: xmlNodePtr, prefixes: [String: String], place: SiblingNumbering.Place
  ) -> String {
    let name = LibXML2.string(node.pointee.name) ?? ""
    let uri = node.pointee.ns.flatMap { LibXML2.string($0.pointee.href) }
    var step = name
    if let uri {
      if let prefix = prefixes[uri] {
        step = "\(prefix):\(name)"
      } else if let own = node.pointee.ns.flatMap({ LibXML2.string($0.pointee.prefix) }) {
        step = "\(own):\(name)"
      } else {
        step = "*[local-name()='\(name)']"
      }
    }
    return place.position > 1 || place.following != nil ? "\(step)[\(place.position)]" : step
  }

  /// True when `self` lies inside `other` (or is it).
  public func isDescendant(of other: Node) -> Bool {
    var current: xmlNodePtr? = pointer
    while let node = current {
      if node == other.pointer { return true }
      current = node.pointee.parent
    }
    return false
  }

  /// The node's text with inline markup flattened, block boundaries turned into spaces,
  /// whitespace collapsed and invisible characters folded. Subtrees below this node that are in
  /// `skipping` are left out (the node itself always counts).
  public func text(skipping: NodeSet = NodeSet()) -> String {
    TextFlattener.flatten(
      pointer, skipping: skipping, output: document.textBuffer, categories: document.textCategories)
  }

  /// The texts of `nodes` (as `text(skipping:)` gives each) that are not empty, joined by single spaces:
  /// built in one buffer, not as a string per node.
  public static func joinedText(of nodes: [Node], skipping: NodeSet = NodeSet()) -> String {
    guard let first = nodes.first else { return "" }
    let document = first.document
    let output = document.textBuffer
    output.removeAll()
    // Through the buffer, so that each node's document is compared, not retained and released.
    nodes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        precondition(buffer[index].document === document, "the nodes must belong to one document")
        TextFlattener.append(
          buffer[index].pointer, skipping: skipping, to: output, pendingSpace: true,
          categories: document.textCategories)
      }
    }
    return output.string
  }

  /// Evaluates an XPath expression with this node as the context node.
  public func select(_ query: XPathQuery, namespaces: [String: String] = [:]) throws -> [Node] {
    try query.select(in: document, context: self, namespaces: namespaces)
  }

  /// The first node, in document order, that `query` selects with this node as the context node.
  public func first(_ query: XPathQuery, namespaces: [String: String] = [:]) throws -> Node? {
    try select(query, namespaces: namespaces).first
  }

  public func select(_ expression: String, namespaces: [String: String] = [:]) throws -> [Node] {
    try XPathQuery(expression).select(in: document, context: self, namespaces: namespaces)
  }
}

extension Node: Hashable {
  public static func == (lhs: Node, rhs: Node) -> Bool {
    lhs.pointer == rhs.pointer
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pointer)
  }
}

extension Node: Comparable {
  /// Document order: a node sorts before the nodes that start after it.
  public static func < (lhs: Node, rhs: Node) -> Bool {
    lhs.document.ensureOrdered()
    return lhs.pointer != rhs.pointer && xmlXPathCmpNodes(lhs.pointer, rhs.pointer) == 1
  }
}

extension Node {
  /// The next sibling of any kind (element, text, comment).
  public var nextSibling: Node? {
    pointer.pointee.next.map { Node(pointer: $0, document: document) }
  }
}
