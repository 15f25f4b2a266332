import CLibXML2

extension SelectorProgram {
  /// Whether selector number `selector` selects `node`; `state` must have entered `node`.
  func matches(_ node: xmlNodePtr, selector: Int, state: SelectorWalkState) -> Bool {
    if let quick = quickTests[selector],
      memoResults(quick.memo, state: state) & quick.mask != quick.expected
    {
      return false
    }
    let range = selectors[selector]
    return matches(node, first: range.lowerBound, step: range.upperBound - 1, state: state)
  }

  private func matches(_ node: xmlNodePtr, first: Int, step index: Int, state: SelectorWalkState) -> Bool {
    let step = steps[index]
    guard matches(node, name: step.name) else { return false }
    // The conditions are all conjunctive and none depends on position, so their order is free: libxml2's
    // evaluations, the dearest, come last, after the ancestors.
    for entry in step.tests where tests[testLists[entry]].operation != .delegated {
      if !passes(node, testLists[entry], state: state) { return false }
    }
    guard ancestorsMatch(node, first: first, step: index, state: state) else { return false }
    for entry in step.tests where tests[testLists[entry]].operation == .delegated {
      if !passes(node, testLists[entry], state: state) { return false }
    }
    return true
  }

  /// Whether the steps before `index` match the ancestors of `node`, which step `index` matches.
  private func ancestorsMatch(_ node: xmlNodePtr, first: Int, step index: Int, state: SelectorWalkState)
    -> Bool
  {
    let step = steps[index]
    let parent = node.pointee.parent
    let parentIsDocument = parent == nil || parent?.pointee.type != XML_ELEMENT_NODE
    if index == first {
      return step.descendant || parentIsDocument
    }
    if !step.descendant {
      guard !parentIsDocument, let parent else { return false }
      return matches(parent, first: first, step: index - 1, state: state)
    }
    var ancestor = parentIsDocument ? nil : parent
    while let current = ancestor {
      if matches(current, first: first, step: index - 1, state: state) { return true }
      let next = current.pointee.parent
      ancestor = next?.pointee.type == XML_ELEMENT_NODE ? next : nil
    }
    return false
  }

  func matches(_ node: xmlNodePtr, name index: Int) -> Bool {
    guard node.pointee.type == XML_ELEMENT_NODE else { return false }
    let name = names[index]
    if name.isSpecific {
      guard let actual = node.pointee.name, actual[0] == UInt8(truncatingIfNeeded: name.packed.low),
        PackedName(actual) == name.packed
      else { return false }
      if !name.packed.isComplete && !ByteString.equal(actual, bytes(name.bytes)) { return false }
    }
    switch name.namespace {
    case .any:
      return true
    case .none:
      return node.pointee.ns == nil
    case .uri:
      guard let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
      return ByteString.equal(href, bytes(name.namespaceURI))
    }
  }

  func bytes(_ run: Bytes) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: pool[run.start..<(run.start + run.count)])
  }

  private func array(_ run: Bytes) -> [UInt8] {
    Array(bytes(run))
  }

  /// Whether test number `index` holds for `node`.
  private func passes(_ node: xmlNodePtr, _ index: Int, state: SelectorWalkState) -> Bool {
    let test = tests[index]
    if test.memo >= 0 && node == state.node {
      return (memoResults(test.memo, state: state) >> UInt64(test.bit)) & 1 == 1
        ? !test.negated : test.negated
    }
    return holds(node, test, index, state: state) != test.negated
  }

  /// The results of memo `memo`'s tests on the current element, from the memo when its attribute's value
  /// has been seen before.
  func memoResults(_ memo: Int, state: SelectorWalkState) -> UInt64 {
    if state.known[memo] { return state.results[memo] }
    var results: UInt64 = 0
    if let node = state.node, let attribute = attribute(node, memoAttributes[memo]) {
      results = Self.withValue(of: attribute) { value in
        state.memos[memo].results(for: value) {
          var bits: UInt64 = 0
          for (bit, test) in memoTests[memo].enumerated() where valuePasses(value, tests[test]) {
            bits |= 1 << UInt64(bit)
          }
          return bits
        }
      }
    }
    state.known[memo] = true
    state.results[memo] = results
    return results
  }

  /// An attribute-value test on a value that is present.
  private func valuePasses(_ value: UnsafeBufferPointer<UInt8>, _ test: Test) -> Bool {
    switch test.operation {
    case .hasAttribute: true
    case .attributeEquals: ByteString.equal(value, bytes(test.literal))
    case .attributeContains: ByteString.contains(value, bytes(test.literal))
    case .attributeStartsWith: ByteString.hasPrefix(value, bytes(test.literal))
    case .classToken: Self.hasToken(value, bytes(test.literal))
    default: false
    }
  }

  /// The test's own answer, before its negation.
  private func holds(_ node: xmlNodePtr, _ test: Test, _ index: Int, state: SelectorWalkState) -> Bool {
    switch test.operation {
    case .hasAttribute, .attributeEquals, .attributeContains, .attributeStartsWith, .classToken:
      guard let attribute = attribute(node, test.attribute) else { return false }
      return test.operation == .hasAttribute || Self.withValue(of: attribute) { valuePasses($0, test) }
    case .textStartsWith:
      guard let starts = Self.normalizedStringValueStarts(node, with: bytes(test.literal)) else {
        state.needsLibxml2 = true
        return false
      }
      return starts
    case .selfIsOneOf:
      return test.names.contains { matches(node, name: $0) }
    case .hasChild:
      var child = node.pointee.children
      while let current = child {
        if matches(current, name: test.names.lowerBound) && allPass(current, test.list, state: state) {
          return true
        }
        child = current.pointee.next
      }
      return false
    case .hasDescendant:
      return hasDescendant(node, name: test.names.lowerBound)
    case .hasSibling:
      return hasSibling(node, test, index, state: state)
    case .stringEquals, .stringStartsWith, .stringContains:
      return stringTest(node, test, state: state)
    case .all:
      return allPass(node, test.list, state: state)
    case .any:
      return test.list.contains { passes(node, testLists[$0], state: state) }
    case .delegated:
      return delegatedHolds(node, test.delegate, state: state)
    }
  }

  private func allPass(_ node: xmlNodePtr, _ list: Range<Int>, state: SelectorWalkState) -> Bool {
    list.allSatisfy { passes(node, testLists[$0], state: state) }
  }

  /// Sibling axes through the matching siblings of each parent, found in one pass over its children: a
  /// paragraph asking for a preceding heading must not walk back over all the paragraphs before it.
  private func hasSibling(_ node: xmlNodePtr, _ test: Test, _ index: Int, state: SelectorWalkState) -> Bool {
    guard let parent = node.pointee.parent else { return false }
    let match: xmlNodePtr?
    if let known = state.siblingMatches[index][parent] {
      match = known
    } else {
      var found: xmlNodePtr?
      var child = parent.pointee.children
      while let current = child {
        if matches(current, name: test.names.lowerBound) && allPass(current, test.list, state: state) {
          found = current
          if test.preceding { break }
        }
        child = current.pointee.next
      }
      state.siblingMatches[index][parent] = .some(found)
      match = found
    }
    guard let match, match != node else { return false }
    // xmlXPathCmpNodes is 1 when its first node comes first in the document.
    return test.preceding ? xmlXPathCmpNodes(match, node) == 1 : xmlXPathCmpNodes(node, match) == 1
  }

  private func stringTest(_ node: xmlNodePtr, _ test: Test, state: SelectorWalkState) -> Bool {
    let literal = bytes(test.literal)
    func compare(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
      switch test.operation {
      case .stringEquals: ByteString.equal(value, literal)
      case .stringStartsWith: ByteString.hasPrefix(value, literal)
      default: ByteString.contains(value, literal)
      }
    }
    switch test.source {
    case .children, .childAttributes:
      // A node-set: `=` holds when one node's value does; a function reads the first node's value, and
      // an empty set's, "".
      let existential = test.operation == .stringEquals
      var child = node.pointee.children
      while let current = child {
        child = current.pointee.next
        guard matches(current, name: test.names.lowerBound) else { continue }
        let holds: Bool?
        if test.source == .childAttributes {
          guard let attribute = attribute(current, test.attribute) else { continue }
          holds = Self.withValue(of: attribute, compare)
        } else if test.operation == .stringContains {
          holds = XPathString.value(of: current).map { value in value.withUnsafeBufferPointer(compare) }
        } else {
          holds = XPathString.value(of: current, matches: literal, starting: !existential)
        }
        guard let holds else {
          state.needsLibxml2 = true
          return false
        }
        if holds || !existential { return holds }
      }
      return existential ? false : compare(UnsafeBufferPointer(start: nil, count: 0))
    default:
      guard normalizeText(of: node, state: state) else { return false }
      let normalized = state.normalizedText.bytes
      let range: Range<Int>
      switch test.source {
      case .normalizedTextSubstring:
        range = XPathString.substring(normalized, start: test.start, length: test.length)
      case .normalizedTextLastCharacter:
        range = XPathString.lastCharacter(normalized)
      default:
        range = 0..<normalized.count
      }
      return compare(UnsafeBufferPointer(rebasing: normalized[range]))
    }
  }

  /// Puts `normalize-space(.)` of `node` in `state.normalizedText`, unless it is there already; false
  /// when libxml2 must answer.
  private func normalizeText(of node: xmlNodePtr, state: SelectorWalkState) -> Bool {
    if state.normalizedNode == node { return true }
    state.normalizedNode = nil
    guard XPathString.normalizedValue(of: node, into: state.normalizedText) else {
      state.needsLibxml2 = true
      return false
    }
    state.normalizedNode = node
    return true
  }

  private func delegatedHolds(_ node: xmlNodePtr, _ index: Int, state: SelectorWalkState) -> Bool {
    if let known = state.delegatedResults[index][node] { return known }
    guard let context = state.context, let holds = delegates[index].holds(for: node, in: context) else {
      state.needsLibxml2 = true
      return false
    }
    state.delegatedResults[index][node] = holds
    return holds
  }

  private func hasDescendant(_ root: xmlNodePtr, name: Int) -> Bool {
    var current = root.pointee.children
    while let node = current {
      if matches(node, name: name) { return true }
      if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
        current = child
        continue
      }
      current = SubtreeWalk.next(after: node, within: root)
    }
    return false
  }

  private func attribute(_ node: xmlNodePtr, _ name: Bytes) -> xmlAttrPtr? {
    var property = node.pointee.properties
    let wanted = bytes(name)
    while let current = property {
      if current.pointee.ns == nil && ByteString.equal(current.pointee.name, wanted) { return current }
      property = current.pointee.next
    }
    return nil
  }

  /// Calls `body` with an attribute's value, read in place when it is one text node (as it is unless
  /// entity references split it).
  private static func withValue<Result>(
    of attribute: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    let child = attribute.pointee.children
    if let child, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
      let content = child.pointee.content
    {
      return body(UnsafeBufferPointer(start: content, count: ByteString.length(content)))
    }
    guard let copy = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else {
      return body(UnsafeBufferPointer(start: nil, count: 0))
    }
    defer { evs_free(copy) }
    return body(UnsafeBufferPointer(start: copy, count: ByteString.length(copy)))
  }

  /// Whether the white-space separated tokens of `value` include `token`.
  private static func hasToken(_ value: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    var start = 0
    while start < value.count {
      while start < value.count && isXMLSpace(value[start]) { start += 1 }
      var end = start
      while end < value.count && !isXMLSpace(value[end]) { end += 1 }
      if end > start && ByteString.equal(UnsafeBufferPointer(rebasing: value[start..<end]), token) {
        return true
      }
      start = end
    }
    return false
  }

  /// Whether XPath's `normalize-space(.)` (the text nodes below, concatenated, XML white space collapsed
  /// and trimmed) starts with `literal`; only as many bytes as the literal has are ever built. Nil when an
  /// entity reference comes first (see `XPathString.value`).
  private static func normalizedStringValueStarts(
    _ root: xmlNodePtr, with literal: UnsafeBufferPointer<UInt8>
  )
    -> Bool?
  {
    let atLeast = literal.count
    var output: [UInt8] = []
    var pendingSpace = false
    var current: xmlNodePtr? = root
    var descending = true
    while let node = current, output.count <= atLeast {
      if descending {
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
          let content = node.pointee.content
        {
          var index = 0
          while content[index] != 0 && output.count <= atLeast {
            let byte = content[index]
            if isXMLSpace(byte) {
              pendingSpace = true
            } else {
              if pendingSpace && !output.isEmpty { output.append(0x20) }
              pendingSpace = false
              output.append(byte)
            }
            index += 1
          }
        } else if node.pointee.type == XML_ENTITY_REF_NODE {
          return nil
        } else if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
          current = child
          continue
        }
      }
      if node == root { break }
      if let next = node.pointee.next {
        current = next
        descending = true
      } else {
        current = node.pointee.parent
        descending = false
        if current == root { break }
      }
    }
    return output.starts(with: literal)
  }

  private static func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
