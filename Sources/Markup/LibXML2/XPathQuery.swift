import CLibXML2

/// A compiled XPath 1.0 expression. Compile once and evaluate against many documents or nodes;
/// compiling on its own is how a recipe's expressions are validated before any document is read.
public final class XPathQuery {
  public let expression: String
  let compiled: xmlXPathCompExprPtr

  public init(_ expression: String) throws {
    LibXML2.initialize()
    var collected = evs_diagnostics(items: nil, count: 0, capacity: 0, dropped: 0)
    let compiled = expression.withCString { evs_xpath_compile($0, &collected) }
    let diagnostics = LibXML2.drain(&collected, file: "XPath")
    guard let compiled else {
      let message = diagnostics.first?.message ?? "syntax error"
      throw MarkupError.invalidXPath(expression: expression, message: message)
    }
    self.expression = expression
    self.compiled = compiled
  }

  deinit {
    xmlXPathFreeCompExpr(compiled)
  }

  /// The nodes the expression selects, in document order. `context` makes relative paths relative to it.
  public func select(in document: Document, context: Node?, namespaces: [String: String]) throws -> [Node] {
    document.ensureOrdered()
    if let context {
      precondition(context.document === document, "a node can only be queried within its own document")
    }
    guard let xpathContext = document.xpathContext(node: context?.pointer, namespaces: namespaces) else {
      throw MarkupError.xpathFailed(expression: expression, message: "out of memory")
    }
    var collected = evs_diagnostics(items: nil, count: 0, capacity: 0, dropped: 0)
    let result = evs_xpath_eval(compiled, xpathContext, &collected)
    let diagnostics = LibXML2.drain(&collected, file: "XPath")
    guard let result else {
      let message = diagnostics.first?.message ?? "evaluation failed"
      throw MarkupError.xpathFailed(expression: expression, message: message)
    }
    defer { xmlXPathFreeObject(result) }
    guard result.pointee.type == XPATH_NODESET else {
      throw MarkupError.xpathFailed(
        expression: expression, message: "it yields a value, not a set of nodes; select elements instead")
    }
    let count = Int(evs_nodeset_count(result))
    var nodes: [Node] = []
    nodes.reserveCapacity(count)
    for index in 0..<count {
      if let item = evs_nodeset_item(result, Int32(index)) {
        nodes.append(Node(pointer: item, document: document))
      }
    }
    return nodes
  }
}
