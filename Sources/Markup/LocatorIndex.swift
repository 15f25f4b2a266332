import CLibXML2

/// Locators of many nodes of one document, built from their parents' locators: the units of a recipe
/// share their ancestors, whose paths and sibling places are worked out once instead of once per unit.
struct LocatorIndex {
  private let prefixes: [String: String]
  private var paths: [xmlNodePtr: String] = [:]
  private var places: [xmlNodePtr: SiblingNumbering.Place] = [:]
  /// Parents asked about once, whose children are numbered all together when asked again.
  private var askedParents: Set<xmlNodePtr> = []

  init(prefixes: [String: String]) {
    self.prefixes = prefixes
  }

  /// The same string as `Node.locator(namespaces:)`.
  mutating func locator(of node: xmlNodePtr) -> String {
    guard node.pointee.type == XML_ELEMENT_NODE else {
      return LibXML2.consume(xmlGetNodePath(node)) ?? ""
    }
    if let known = paths[node] { return known }
    var located = node.pointee.parent.map { path(of: $0) } ?? ""
    located += "/" + Node.segment(node, prefixes: prefixes, place: place(of: node))
    return located
  }

  /// The path of an ancestor of a located node; remembered, as the node's siblings share it.
  private mutating func path(of element: xmlNodePtr) -> String {
    guard element.pointee.type == XML_ELEMENT_NODE else { return "" }
    if let known = paths[element] { return known }
    // Up to the nearest ancestor whose path is known (or the top), then down again, without recursion.
    var chain: [xmlNodePtr] = []
    var current: xmlNodePtr? = element
    var base = ""
    while let node = current, node.pointee.type == XML_ELEMENT_NODE {
      if let known = paths[node] {
        base = known
        break
      }
      chain.append(node)
      current = node.pointee.parent
    }
    for node in chain.reversed() {
      base += "/" + Node.segment(node, prefixes: prefixes, place: place(of: node))
      paths[node] = base
    }
    return base
  }

  private mutating func place(of node: xmlNodePtr) -> SiblingNumbering.Place {
    if let known = places[node] { return known }
    // An ancestor is usually the only one of its siblings asked about; walking its siblings once is cheaper
    // than numbering them all, which pays only from the second child asked about (the units of a list).
    guard let parent = node.pointee.parent, !askedParents.insert(parent).inserted else {
      return SiblingNumbering.walk(node)
    }
    SiblingNumbering.number(childrenOf: parent, into: &places)
    return places[node] ?? SiblingNumbering.walk(node)
  }
}

extension Document {
  /// The locators of many nodes of this document, in the same order: the same strings as
  /// `Node.locator(namespaces:)`, in time linear in the document rather than in nodes times siblings.
  public func locators(of nodes: [Node], namespaces: [String: String]) -> [String] {
    var index = LocatorIndex(prefixes: Node.prefixes(namespaces))
    return nodes.map { node in
      precondition(node.document === self, "a node can only be located within its own document")
      return index.locator(of: node.pointer)
    }
  }
}
