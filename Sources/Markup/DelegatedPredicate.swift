import CLibXML2

/// A predicate of an otherwise simple path that `SimpleSelector` cannot evaluate itself, such as
/// `tei:head='Summary'` or `preceding-sibling::h6`: libxml2 evaluates it with each candidate as the
/// context node, while the walk does the rest. That is the predicate's meaning when it yields a boolean,
/// a node-set or a string; a number would be compared with the candidate's position, which a candidate
/// evaluated alone does not have, so such predicates are refused.
final class DelegatedPredicate {
  let query: XPathQuery

  /// Nil when the text does not compile, fails to evaluate (an unknown prefix or function), or yields a
  /// number; the type of an XPath 1.0 expression does not depend on the document, so one element tells.
  init?(_ text: String, namespaces: [String: String]) {
    guard let query = try? XPathQuery(text), Self.yieldsNoNumber(query, namespaces: namespaces) else {
      return nil
    }
    self.query = query
  }

  private static func yieldsNoNumber(_ query: XPathQuery, namespaces: [String: String]) -> Bool {
    guard let document = xmlNewDoc(nil) else { return false }
    defer { xmlFreeDoc(document) }
    guard let element = xmlNewDocNode(document, nil, "probe", nil) else { return false }
    xmlDocSetRootElement(document, element)
    guard let context = xmlXPathNewContext(document) else { return false }
    defer { xmlXPathFreeContext(context) }
    for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
      _ = xmlXPathRegisterNs(context, prefix, uri)
    }
    context.pointee.node = element
    var collected = evs_diagnostics(items: nil, count: 0, capacity: 0, dropped: 0)
    let result = evs_xpath_eval(query.compiled, context, &collected)
    evs_diagnostics_free(&collected)
    guard let result else { return false }
    defer { xmlXPathFreeObject(result) }
    return result.pointee.type != XPATH_NUMBER
  }

  /// Whether the predicate holds for `node`, with `context` a context of the node's document that has
  /// the expression's namespaces registered; nil when libxml2 fails to evaluate it.
  func holds(for node: xmlNodePtr, in context: xmlXPathContextPtr) -> Bool? {
    context.pointee.node = node
    context.pointee.contextSize = -1
    context.pointee.proximityPosition = -1
    context.pointee.depth = 0
    var collected = evs_diagnostics(items: nil, count: 0, capacity: 0, dropped: 0)
    let result = evs_xpath_eval_bool(query.compiled, context, &collected)
    evs_diagnostics_free(&collected)
    return result < 0 ? nil : result == 1
  }
}
