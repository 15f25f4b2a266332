import CLibXML2

/// Where elements stand among their siblings of the same name, as a locator's `[n]` needs. Locating every
/// item of a list one by one walks the list once per item, which a document of 100,000 siblings turns
/// into billions of steps; numbering a parent's children once, on first need, keeps it linear.
final class SiblingNumbering {
  /// Siblings are "the same" when XPath's name test says so: equal names, and equal namespaces
  /// (both absent, or the same URI).
  private struct Key: Hashable {
    var name: [UInt8]
    var namespace: [UInt8]??

    init(_ node: xmlNodePtr) {
      name = Self.bytes(node.pointee.name) ?? []
      namespace = node.pointee.ns.map { Self.bytes($0.pointee.href) }
    }

    static func bytes(_ string: UnsafePointer<xmlChar>?) -> [UInt8]? {
      string.map { Array(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) }
    }
  }

  private var places: [xmlNodePtr: (position: Int, hasFollowing: Bool)] = [:]

  func place(of node: xmlNodePtr) -> (position: Int, hasFollowing: Bool) {
    if let known = places[node] { return known }
    var first = node
    while let previous = first.pointee.prev { first = previous }
    var counts: [Key: Int] = [:]
    var members: [(node: xmlNodePtr, key: Key, position: Int)] = []
    var sibling: xmlNodePtr? = first
    while let current = sibling {
      if current.pointee.type == XML_ELEMENT_NODE {
        let key = Key(current)
        let position = counts[key, default: 0] + 1
        counts[key] = position
        members.append((current, key, position))
      }
      sibling = current.pointee.next
    }
    for member in members {
      places[member.node] = (member.position, member.position < counts[member.key, default: 0])
    }
    return places[node] ?? Self.walk(node)
  }

  /// The same answer for one node, by walking its siblings.
  static func walk(_ node: xmlNodePtr) -> (position: Int, hasFollowing: Bool) {
    func sameName(_ other: xmlNodePtr) -> Bool {
      guard other.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(other.pointee.name, node.pointee.name) != 0
      else {
        return false
      }
      let mine = node.pointee.ns
      let theirs = other.pointee.ns
      if mine == theirs { return true }
      guard let mine, let theirs else { return false }
      return xmlStrEqual(mine.pointee.href, theirs.pointee.href) != 0
    }
    var position = 1
    var sibling = node.pointee.prev
    while let candidate = sibling {
      if sameName(candidate) { position += 1 }
      sibling = candidate.pointee.prev
    }
    var hasFollowing = false
    sibling = node.pointee.next
    while let candidate = sibling, !hasFollowing {
      hasFollowing = sameName(candidate)
      sibling = candidate.pointee.next
    }
    return (position, hasFollowing)
  }
}

extension Document {
  /// The locators of many nodes of this document, in the same order: the same strings as
  /// `Node.locator(namespaces:)`, in time linear in the document rather than in nodes times siblings.
  public func locators(of nodes: [Node], namespaces: [String: String]) -> [String] {
    let prefixes = Node.prefixes(namespaces)
    let numbering = SiblingNumbering()
    return nodes.map { node in
      precondition(node.document === self, "a node can only be located within its own document")
      return node.locator(prefixes: prefixes, numbering: numbering)
    }
  }
}
