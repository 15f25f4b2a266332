import CLibXML2

/// Locators of many nodes of one document, built from their parents' locators: the units of a recipe
/// share their ancestors, whose paths and sibling places are worked out once instead of once per unit.
/// Paths are built as bytes; appending the pieces of a path to a String one by one cost more than
/// finding them.
struct LocatorIndex {
  private let prefixes: [String: String]
  private var paths: [xmlNodePtr: [UInt8]] = [:]
  private var places: [xmlNodePtr: SiblingNumbering.Place] = [:]
  /// Parents asked about once, whose children are numbered all together when asked again.
  private var askedParents: Set<xmlNodePtr> = []
  /// How each namespace declaration's elements are written (see `Node.segment`), worked out once; a
  /// document declares few, and a dictionary of this module's enum cost a runtime conformance look-up
  /// for each new storage.
  private var namespaceForms: [(namespace: xmlNsPtr, form: NamespaceForm)] = []

  private enum NamespaceForm {
    case plain
    /// The prefix with its colon.
    case prefixed([UInt8])
    case localName
  }

  init(prefixes: [String: String]) {
    self.prefixes = prefixes
  }

  /// The same string as `Node.locator(namespaces:)`.
  mutating func locator(of node: xmlNodePtr) -> String {
    guard node.pointee.type == XML_ELEMENT_NODE else {
      return LibXML2.consume(xmlGetNodePath(node)) ?? ""
    }
    if let known = paths[node] { return String(decoding: known, as: UTF8.self) }
    var located = node.pointee.parent.map { path(of: $0) } ?? []
    appendSegment(of: node, to: &located)
    return String(decoding: located, as: UTF8.self)
  }

  /// The path of an ancestor of a located node; remembered, as the node's siblings share it.
  private mutating func path(of element: xmlNodePtr) -> [UInt8] {
    guard element.pointee.type == XML_ELEMENT_NODE else { return [] }
    if let known = paths[element] { return known }
    // Up to the nearest ancestor whose path is known (or the top), then down again, without recursion.
    var chain: [xmlNodePtr] = []
    var current: xmlNodePtr? = element
    var base: [UInt8] = []
    while let node = current, node.pointee.type == XML_ELEMENT_NODE {
      if let known = paths[node] {
        base = known
        break
      }
      chain.append(node)
      current = node.pointee.parent
    }
    for node in chain.reversed() {
      appendSegment(of: node, to: &base)
      paths[node] = base
    }
    return base
  }

  /// "/" and the same step as `Node.segment`, with the namespace's form looked up once per declaration.
  private mutating func appendSegment(of node: xmlNodePtr, to path: inout [UInt8]) {
    let name = node.pointee.name.map { UnsafeBufferPointer(start: $0, count: ByteString.length($0)) }
    path.reserveCapacity(path.count + (name?.count ?? 0) + 32)
    path.append(UInt8(ascii: "/"))
    let form = node.pointee.ns.map { namespaceForm($0) } ?? .plain
    switch form {
    case .plain:
      if let name { path.append(contentsOf: name) }
    case .prefixed(let prefix):
      path.append(contentsOf: prefix)
      if let name { path.append(contentsOf: name) }
    case .localName:
      path.append(contentsOf: "*[local-name()='".utf8)
      if let name { path.append(contentsOf: name) }
      path.append(contentsOf: "']".utf8)
    }
    let place = place(of: node)
    if place.position > 1 || place.hasFollowing {
      path.append(UInt8(ascii: "["))
      let start = path.count
      var position = place.position
      repeat {
        path.insert(UInt8(ascii: "0") + UInt8(position % 10), at: start)
        position /= 10
      } while position > 0
      path.append(UInt8(ascii: "]"))
    }
  }

  private mutating func namespaceForm(_ namespace: xmlNsPtr) -> NamespaceForm {
    if let known = namespaceForms.first(where: { $0.namespace == namespace }) { return known.form }
    let form: NamespaceForm
    if let uri = LibXML2.string(namespace.pointee.href) {
      if let prefix = prefixes[uri] {
        form = .prefixed(Array((prefix + ":").utf8))
      } else if let own = LibXML2.string(namespace.pointee.prefix) {
        form = .prefixed(Array((own + ":").utf8))
      } else {
        form = .localName
      }
    } else {
      form = .plain
    }
    namespaceForms.append((namespace, form))
    return form
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
