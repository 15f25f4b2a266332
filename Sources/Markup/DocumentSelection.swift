import CLibXML2

extension Document {
  /// Evaluates many XPath expressions against the whole document. Those of the simple forms recipes use
  /// most (see `SimpleSelector`) are answered together in one walk of the tree; the rest go to libxml2.
  /// The result for each expression is in document order, as libxml2's would be.
  public func selectAll(_ queries: [XPathQuery], namespaces: [String: String] = [:]) throws -> [[Node]] {
    var results = [[Node]](repeating: [], count: queries.count)
    var simple: [(query: Int, selectors: [SimpleSelector])] = []
    for (index, query) in queries.enumerated() {
      if let selectors = SimpleSelectorParser.parseUnion(query.expression, namespaces: namespaces) {
        simple.append((index, selectors))
      } else {
        results[index] = try query.select(in: self, context: nil, namespaces: namespaces)
      }
    }
    // From the document's first child, not its root element: the HTML parser's recovery can leave more
    // than one top-level element (markup after `</html`), and XPath's `//` reaches into all of them.
    let documentNode = UnsafeMutableRawPointer(pointer)
    guard !simple.isEmpty, let first = pointer.pointee.children else { return results }
    var current: xmlNodePtr? = first
    while let node = current {
      if node.pointee.type == XML_ELEMENT_NODE {
        for entry in simple where entry.selectors.contains(where: { $0.matches(node) }) {
          results[entry.query].append(Node(pointer: node, document: self))
        }
      }
      // Depth first, in document order, without recursion.
      if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
        current = child
        continue
      }
      var climbing: xmlNodePtr? = node
      current = nil
      while let candidate = climbing {
        if let next = candidate.pointee.next {
          current = next
          break
        }
        climbing = candidate.pointee.parent
        if let parent = climbing, UnsafeMutableRawPointer(parent) == documentNode { break }
      }
    }
    return results
  }
}
