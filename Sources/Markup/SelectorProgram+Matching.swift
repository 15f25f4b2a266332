import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

extension SelectorProgram {
  /// Whether selector number `selector` selects `node`; `state` must have entered `node`.
  func matches(_ node: xmlNodePtr, selector: Int, state: SelectorWalkState) -> Bool {
    if let quick = quickTests[selector],
      memoResults(quick.memo, state: state) & quick.mask != quick.expected
    {
      return false
    }
    return matches(node, step: selectors[selector].upperBound - 1, depth: state.depth, state: state)
  }

  /// Whether step `index` matches `node`, at `depth` of the walk's stack, and the steps before it match
  /// its ancestors.
  private func matches(_ node: xmlNodePtr, step index: Int, depth: Int, state: SelectorWalkState) -> Bool {
    let step = steps[index]
    // Ancestors already known to fail settle the answer before any test of the node's own.
    if step.previous >= 0 {
      guard depth > 0 else { return false }
      let known =
        step.descendant
        ? state.holdsWithin(step.previous, at: depth - 1) : state.holds(step.previous, at: depth - 1)
      if known == false { return false }
    }
    guard matches(node, name: step.name, state: state) else { return false }
    var entry = step.tests.lowerBound
    while entry < step.firstDelegated {
      if !passes(node, testLists[entry], state: state) { return false }
      entry += 1
    }
    guard ancestorsMatch(node, step, depth: depth, state: state) else { return false }
    while entry < step.tests.upperBound {
      if !passes(node, testLists[entry], state: state) { return false }
      entry += 1
    }
    return true
  }

  /// Whether the steps before `step` match the ancestors of `node`, which `step` matches.
  private func ancestorsMatch(_ node: xmlNodePtr, _ step: Step, depth: Int, state: SelectorWalkState)
    -> Bool
  {
    guard step.previous >= 0 else {
      if step.descendant { return true }
      // By its parent, not its depth: `RelativeQuery` walks without tracking depth.
      let parent = node.pointee.parent
      return parent == nil || parent?.pointee.type != XML_ELEMENT_NODE
    }
    guard depth > 0 else { return false }
    return step.descendant
      ? prefixHoldsWithin(step.previous, depth: depth - 1, state: state)
      : prefixHolds(step.previous, depth: depth - 1, state: state)
  }

  /// Whether the element at `depth` of the walk's stack holds prefix `prefix` (see `prefixSteps`).
  private func prefixHolds(_ prefix: Int, depth: Int, state: SelectorWalkState) -> Bool {
    if let known = state.holds(prefix, at: depth) { return known }
    // An answer reached through a test libxml2 must make is not kept: the selectors that share the
    // prefix must each learn that they need libxml2.
    let earlier = state.needsLibxml2
    state.needsLibxml2 = false
    let result = matches(state.ancestor(at: depth), step: prefixSteps[prefix], depth: depth, state: state)
    if !state.needsLibxml2 { state.setHolds(prefix, at: depth, result) }
    state.needsLibxml2 = state.needsLibxml2 || earlier
    return result
  }

  /// Whether the element at `depth` or one of its ancestors holds prefix `prefix`: the nearest first,
  /// as far up as needed.
  private func prefixHoldsWithin(_ prefix: Int, depth: Int, state: SelectorWalkState) -> Bool {
    if let known = state.holdsWithin(prefix, at: depth) { return known }
    let earlier = state.needsLibxml2
    state.needsLibxml2 = false
    var level = depth
    var result = false
    while level >= 0 {
      if let known = state.holdsWithin(prefix, at: level) {
        result = known
        break
      }
      if prefixHolds(prefix, depth: level, state: state) {
        result = true
        break
      }
      level -= 1
    }
    if !state.needsLibxml2 {
      // Every element between holds the same answer: none of them holds the prefix itself.
      for between in max(level, 0)...depth { state.setHoldsWithin(prefix, at: between, result) }
    }
    state.needsLibxml2 = state.needsLibxml2 || earlier
    return result
  }

  /// `matches(_:name:)`, sparing the comparison of a namespace URI when the walk has seen the namespace.
  private func matches(_ node: xmlNodePtr, name index: Int, state: SelectorWalkState) -> Bool {
    guard node.pointee.type == XML_ELEMENT_NODE else { return false }
    let name = names.baseAddress! + index
    guard name.pointee.namespace == .uri, state.remembersNamespaces else { return matches(node, name: index) }
    guard localNameMatches(node, name) else { return false }
    guard let ns = node.pointee.ns else { return false }
    if state.namespaces[name.pointee.namespaceID] == ns { return true }
    guard let href = ns.pointee.href, ByteString.equal(href, bytes(name.pointee.namespaceURI)) else {
      return false
    }
    state.namespaces[name.pointee.namespaceID] = ns
    return true
  }

  func matches(_ node: xmlNodePtr, name index: Int) -> Bool {
    guard node.pointee.type == XML_ELEMENT_NODE else { return false }
    let name = names.baseAddress! + index
    guard localNameMatches(node, name) else { return false }
    switch name.pointee.namespace {
    case .any:
      return true
    case .none:
      return node.pointee.ns == nil
    case .uri:
      guard let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
      return ByteString.equal(href, bytes(name.pointee.namespaceURI))
    }
  }

  /// The element's own name against a name test (any name passes a `*` test): the packed first bytes
  /// first, the whole name only when it is longer than the packing holds.
  @inline(__always)
  private func localNameMatches(_ node: xmlNodePtr, _ name: UnsafeMutablePointer<Name>) -> Bool {
    guard name.pointee.isSpecific else { return true }
    guard let actual = node.pointee.name, actual[0] == UInt8(truncatingIfNeeded: name.pointee.packed.low),
      PackedName(actual) == name.pointee.packed
    else { return false }
    return name.pointee.packed.isComplete || ByteString.equal(actual, bytes(name.pointee.bytes))
  }

  func bytes(_ run: Bytes) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: pool[run.start..<(run.start + run.count)])
  }

  private func array(_ run: Bytes) -> [UInt8] {
    Array(bytes(run))
  }

  /// Whether test number `index` holds for `node`.
  private func passes(_ node: xmlNodePtr, _ index: Int, state: SelectorWalkState) -> Bool {
    // Through a pointer: a copy of the whole test costs more than most tests.
    let test = tests.baseAddress! + index
    if test.pointee.memo >= 0 && node == state.node {
      return (memoResults(test.pointee.memo, state: state) >> UInt64(test.pointee.bit)) & 1 == 1
        ? !test.pointee.negated : test.pointee.negated
    }
    return holds(node, test, state: state) != test.pointee.negated
  }

  /// The results of memo `memo`'s tests on the current element, from the memo when its attribute's value
  /// has been seen before.
  func memoResults(_ memo: Int, state: SelectorWalkState) -> UInt64 {
    if state.isKnown(memo) { return state.results[memo] }
    var results: UInt64 = 0
    if let node = state.node, let attribute = attribute(node, memoAttributes[memo]) {
      results = Self.withValue(of: attribute) { value in
        state.memos[memo].results(for: value) {
          var bits: UInt64 = 0
          for (bit, test) in memoTests[memo].enumerated() where valuePasses(value, tests.baseAddress! + test)
          {
            bits |= 1 << UInt64(bit)
          }
          return bits
        }
      }
    }
    state.setKnown(memo)
    state.results[memo] = results
    return results
  }

  /// An attribute-value test on a value that is present.
  private func valuePasses(_ value: UnsafeBufferPointer<UInt8>, _ test: UnsafeMutablePointer<Test>) -> Bool {
    switch test.pointee.operation {
    case .hasAttribute: true
    case .attributeEquals: ByteString.equal(value, bytes(test.pointee.literal))
    case .attributeContains: ByteString.contains(value, bytes(test.pointee.literal))
    case .attributeStartsWith: ByteString.hasPrefix(value, bytes(test.pointee.literal))
    case .classToken: Self.hasToken(value, bytes(test.pointee.literal))
    default: false
    }
  }

  /// The test's own answer, before its negation.
  private func holds(_ node: xmlNodePtr, _ test: UnsafeMutablePointer<Test>, state: SelectorWalkState) -> Bool
  {
    switch test.pointee.operation {
    case .hasAttribute, .attributeEquals, .attributeContains, .attributeStartsWith, .classToken:
      guard let attribute = attribute(node, test.pointee.attribute) else { return false }
      return test.pointee.operation == .hasAttribute
        || Self.withValue(of: attribute) { valuePasses($0, test) }
    case .textStartsWith:
      let literal = bytes(test.pointee.literal)
      guard normalizeText(of: node, atLeast: literal.count, state: state) else { return false }
      return ByteString.hasPrefix(state.normalized.text.bytes, literal)
    case .selfIsOneOf:
      return test.pointee.names.contains { matches(node, name: $0, state: state) }
    case .hasChild:
      var child = node.pointee.children
      while let current = child {
        if matches(current, name: test.pointee.names.lowerBound, state: state)
          && allPass(current, test.pointee.list, state: state)
        {
          return true
        }
        child = current.pointee.next
      }
      return false
    case .hasDescendant:
      return hasDescendant(node, name: test.pointee.names.lowerBound, state: state)
    case .hasSibling:
      return hasSibling(node, test, state: state)
    case .stringEquals, .stringStartsWith, .stringContains:
      return stringTest(node, test, state: state)
    case .all:
      return allPass(node, test.pointee.list, state: state)
    case .any:
      return test.pointee.list.contains { passes(node, testLists[$0], state: state) }
    case .delegated:
      return delegatedHolds(node, test.pointee.delegate, state: state)
    }
  }

  private func allPass(_ node: xmlNodePtr, _ list: Range<Int>, state: SelectorWalkState) -> Bool {
    list.allSatisfy { passes(node, testLists[$0], state: state) }
  }

  /// Sibling axes through the matching siblings of each parent, found in one pass over its children: a
  /// paragraph asking for a preceding heading must not walk back over all the paragraphs before it.
  private func hasSibling(_ node: xmlNodePtr, _ test: UnsafeMutablePointer<Test>, state: SelectorWalkState)
    -> Bool
  {
    guard let parent = node.pointee.parent else { return false }
    let slot = test.pointee.sibling
    let match: xmlNodePtr?
    if state.lastSiblingParents[slot] == parent {
      match = state.lastSiblingMatches[slot]
    } else if let known = state.siblingMatches[slot].value(for: parent) {
      match = xmlNodePtr(bitPattern: known)
      state.lastSiblingParents[slot] = parent
      state.lastSiblingMatches[slot] = match
    } else {
      let earlier = state.needsLibxml2
      state.needsLibxml2 = false
      var found: xmlNodePtr?
      var child = parent.pointee.children
      while let current = child {
        if matches(current, name: test.pointee.names.lowerBound, state: state)
          && allPass(current, test.pointee.list, state: state)
        {
          found = current
          if test.pointee.preceding { break }
        }
        child = current.pointee.next
      }
      // Kept only when reached without libxml2: each selector sharing the test must learn it needs it.
      if !state.needsLibxml2 {
        state.siblingMatches[slot].set(UInt(bitPattern: found), for: parent)
        state.lastSiblingParents[slot] = parent
        state.lastSiblingMatches[slot] = found
      }
      state.needsLibxml2 = state.needsLibxml2 || earlier
      match = found
    }
    guard let match, match != node else { return false }
    // xmlXPathCmpNodes is 1 when its first node comes first in the document.
    return test.pointee.preceding ? xmlXPathCmpNodes(match, node) == 1 : xmlXPathCmpNodes(node, match) == 1
  }

  private func stringTest(_ node: xmlNodePtr, _ test: UnsafeMutablePointer<Test>, state: SelectorWalkState)
    -> Bool
  {
    let literal = bytes(test.pointee.literal)
    func compare(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
      switch test.pointee.operation {
      case .stringEquals: ByteString.equal(value, literal)
      case .stringStartsWith: ByteString.hasPrefix(value, literal)
      default: ByteString.contains(value, literal)
      }
    }
    switch test.pointee.source {
    case .children, .childAttributes:
      // A node-set: `=` holds when one node's value does; a function reads the first node's value, and
      // an empty set's, "".
      let existential = test.pointee.operation == .stringEquals
      var child = node.pointee.children
      while let current = child {
        child = current.pointee.next
        guard matches(current, name: test.pointee.names.lowerBound, state: state) else { continue }
        let holds: Bool?
        if test.pointee.source == .childAttributes {
          guard let attribute = attribute(current, test.pointee.attribute) else { continue }
          holds = Self.withValue(of: attribute, compare)
        } else if test.pointee.operation == .stringContains {
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
      // Only as much of the normalised value as decides: a length more than the literal's for `=`, the
      // literal's for `starts-with`, the characters a substring ends with; the last character from the
      // end. The rest when that does not settle it.
      var needed = Int.max
      switch (test.pointee.operation, test.pointee.source) {
      case (_, .normalizedTextLastCharacter):
        if let last = XPathString.lastNormalizedCharacter(of: node) { return compare(last) }
      case (.stringEquals, .normalizedText):
        needed = literal.count + 1
      case (.stringStartsWith, .normalizedText):
        needed = literal.count
      case (_, .normalizedTextSubstring):
        // As many bytes as characters, for text that is ASCII, up to the one after the substring.
        if let length = test.pointee.length {
          needed = max(0, min(test.pointee.start, 1 << 20) + min(length, 1 << 20))
        }
      default:
        break
      }
      guard normalizeText(of: node, atLeast: needed, state: state) else { return false }
      var normalized = state.normalized.text.bytes
      let range: Range<Int>
      switch test.pointee.source {
      case .normalizedTextSubstring:
        var found = XPathString.substring(normalized, start: test.pointee.start, length: test.pointee.length)
        // Reaching the end of a prefix leaves the substring open: then four bytes a character (the most
        // UTF-8 takes), then all.
        var more = needed == Int.max ? Int.max : 4 * needed
        while found.upperBound == normalized.count && !state.normalized.isComplete {
          guard normalizeText(of: node, atLeast: more, state: state) else { return false }
          normalized = state.normalized.text.bytes
          found = XPathString.substring(normalized, start: test.pointee.start, length: test.pointee.length)
          more = Int.max
        }
        range = found
      case .normalizedTextLastCharacter:
        range = XPathString.lastCharacter(normalized)
      default:
        range = 0..<normalized.count
      }
      return compare(UnsafeBufferPointer(rebasing: normalized[range]))
    }
  }

  /// Puts at least `count` bytes of `normalize-space(.)` of `node` (all of them if it has fewer) in
  /// `state.normalized`, reusing what is there for the node; false when libxml2 must answer.
  private func normalizeText(of node: xmlNodePtr, atLeast count: Int, state: SelectorWalkState) -> Bool {
    if state.normalized.node != node { state.normalized.start(node) }
    guard state.normalized.extend(to: count) else {
      state.normalized.clear()
      state.needsLibxml2 = true
      return false
    }
    return true
  }

  private func delegatedHolds(_ node: xmlNodePtr, _ index: Int, state: SelectorWalkState) -> Bool {
    if let known = state.delegatedResults[index].value(for: node) { return known == 1 }
    guard let context = state.context, let holds = delegates[index].holds(for: node, in: context) else {
      state.needsLibxml2 = true
      return false
    }
    state.delegatedResults[index].set(holds ? 1 : 0, for: node)
    return holds
  }

  private func hasDescendant(_ root: xmlNodePtr, name: Int, state: SelectorWalkState) -> Bool {
    var current = root.pointee.children
    while let node = current {
      if matches(node, name: name, state: state) { return true }
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

  /// Whether the white-space separated tokens of `value` include `token`: each place the token's bytes
  /// occur (found by `memchr` and `memcmp`), bounded by white space or the ends.
  private static func hasToken(_ value: UnsafeBufferPointer<UInt8>, _ token: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    // An empty token is no token, and one with white space in it cannot be one whole.
    guard let tokenBase = token.baseAddress, token.count > 0, !token.contains(where: isXMLSpace) else {
      return false
    }
    guard let base = value.baseAddress, value.count >= token.count else { return false }
    let first = Int32(tokenBase[0])
    let last = value.count - token.count
    var start = 0
    while start <= last {
      guard let found = memchr(base + start, first, last - start + 1) else { return false }
      start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      let end = start + token.count
      if (start == 0 || isXMLSpace(base[start - 1])) && (end == value.count || isXMLSpace(base[end]))
        && memcmp(base + start, tokenBase, token.count) == 0
      {
        return true
      }
      start += 1
    }
    return false
  }

  private static func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
