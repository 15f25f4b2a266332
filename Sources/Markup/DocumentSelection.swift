import CLibXML2

extension Document {
  /// Evaluates many XPath expressions against the whole document. Those of the simple forms recipes use
  /// most (see `SimpleSelector`) are answered together in one walk of the tree; the rest go to libxml2.
  /// The result for each expression is in document order, as libxml2's would be.
  public func selectAll(_ queries: [XPathQuery], namespaces: [String: String] = [:]) throws -> [[Node]] {
    try select(XPathBatch(queries, namespaces: namespaces))
  }

  /// The same for expressions prepared once for many documents.
  public func select(_ batch: XPathBatch) throws -> [[Node]] {
    var matches = [[xmlNodePtr]](repeating: [], count: batch.queries.count)
    for index in batch.others {
      matches[index] = try batch.queries[index].select(in: self, context: nil, namespaces: batch.namespaces)
        .map(\.pointer)
    }
    if !batch.entries.isEmpty {
      // libxml2 answers the expressions the walk could not (and reports why, if it fails too).
      for index in walk(batch, into: &matches) {
        matches[index] = try batch.queries[index].select(in: self, context: nil, namespaces: batch.namespaces)
          .map(\.pointer)
      }
    }
    return matches.map { pointers in pointers.map { Node(pointer: $0, document: self) } }
  }

  /// Returns the expressions that a test could not answer (see `SelectorWalkState.needsLibxml2`).
  private func walk(_ batch: XPathBatch, into matches: inout [[xmlNodePtr]]) -> Set<Int> {
    // From the document's first child, not its root element: the HTML parser's recovery can leave more
    // than one top-level element (markup after `</html`), and XPath's `//` reaches into all of them.
    let documentNode = UnsafeMutableRawPointer(pointer)
    var failed: Set<Int> = []
    if batch.program.hasDelegates || batch.program.comparesSiblings { ensureOrdered() }
    let context = batch.program.hasDelegates ? xpathContext(node: nil, namespaces: batch.namespaces) : nil
    let state = batch.program.makeWalkState(context: context, forOneDocument: true)
    var depth = 0
    var current: xmlNodePtr? = pointer.pointee.children
    while let node = current {
      if node.pointee.type == XML_ELEMENT_NODE {
        state.enter(node, depth: depth)
        if let name = node.pointee.name {
          let address = UInt(bitPattern: name)
          let slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 58)
          let named: Range<Int>
          if state.nameAddresses[slot] == address {
            named = state.nameEntries[slot]
          } else {
            named = batch.entriesByName.value(for: name) ?? 0..<0
            state.nameAddresses[slot] = address
            state.nameEntries[slot] = named
          }
          for index in named {
            test(
              batch, entry: batch.namedEntries[index], node: node, state: state, into: &matches,
              failed: &failed)
          }
        }
        // Most elements fail every selector of any name on their class alone: the memo's bits for the
        // element, fetched once, reject them without a call per selector.
        var memo = -1
        var bits: UInt64 = 0
        for candidate in batch.entriesForAnyName {
          if candidate.memo >= 0 {
            if candidate.memo != memo {
              memo = candidate.memo
              bits = batch.program.memoResults(memo, state: state)
            }
            if bits & candidate.mask != candidate.expected { continue }
          }
          test(batch, entry: candidate.entry, node: node, state: state, into: &matches, failed: &failed)
        }
        // Depth first, in document order, without recursion.
        if let child = node.pointee.children {
          current = child
          depth += 1
          continue
        }
      }
      var climbing: xmlNodePtr? = node
      current = nil
      while let candidate = climbing {
        if let next = candidate.pointee.next {
          current = next
          break
        }
        climbing = candidate.pointee.parent
        depth -= 1
        if let parent = climbing, UnsafeMutableRawPointer(parent) == documentNode { break }
      }
    }
    return failed
  }

  private func test(
    _ batch: XPathBatch, entry: Int, node: xmlNodePtr, state: SelectorWalkState,
    into matches: inout [[xmlNodePtr]], failed: inout Set<Int>
  ) {
    let query = batch.entries[entry]
    // A union's selectors may all match one node; it is selected once.
    if matches[query].last == node { return }
    if batch.program.matches(node, selector: entry, state: state) {
      // Room for a few at once: growing each expression's array from one by doubling was a tenth of a
      // small document's walk.
      if matches[query].isEmpty { matches[query].reserveCapacity(16) }
      matches[query].append(node)
    }
    if state.needsLibxml2 {
      failed.insert(query)
      state.needsLibxml2 = false
    }
  }
}
