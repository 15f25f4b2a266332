import CLibXML2

extension Document {
  /// The locators of many nodes of this document, in the same order: the same strings as
  /// `Node.locator(namespaces:)`. The children of each parent on the way are numbered once, and each
  /// element's path is kept for the nodes below it, so a list of 100,000 items is not walked once per item.
  public func locators(of nodes: [Node], namespaces: [String: String]) -> [String] {
    let prefixes = Node.prefixes(namespaces)
    var places: [xmlNodePtr: SiblingNumbering.Place] = [:]
    var numberedParents: Set<xmlNodePtr> = []
    var paths: [xmlNodePtr: String] = [:]
    func path(of element: xmlNodePtr) -> String {
      if let known = paths[element] { return known }
      var above = ""
      var place: SiblingNumbering.Place
      if let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
        above = path(of: parent)
        if numberedParents.insert(parent).inserted {
          SiblingNumbering.number(childrenOf: parent, into: &places)
        }
        place = places[element] ?? SiblingNumbering.walk(element)
      } else {
        // The top element, among the document's few children.
        place = SiblingNumbering.walk(element)
      }
      let path = above + "/" + Node.segment(element, prefixes: prefixes, place: place)
      paths[element] = path
      return path
    }
    return nodes.map { node in
      precondition(node.document === self, "a node can only be located within its own document")
      guard node.pointer.pointee.type == XML_ELEMENT_NODE else { return node.locator(namespaces: namespaces) }
      return path(of: node.pointer)
    }
  }
}
