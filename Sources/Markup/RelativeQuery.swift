import CLibXML2

/// The first node, in document order, that an expression relative to a unit selects, for the forms
/// recipes use to find a unit's label, title, text and fields: `.`, `self::name`, `name` or `name[n]`
/// (the n-th such child), and `.//step` or `(.//step)[1]` with a step of `SimpleSelector`'s subset,
/// and unions of these. libxml2 builds and sorts the whole node-set for each unit (and a new evaluation
/// context for each), where the first match is all that is read.
final class RelativeQuery {
  private enum Alternative {
    case itself
    case itselfNamed(Int)
    case child(Int, position: Int)
    /// The first descendant that selector 0 of the program selects.
    case firstDescendant(SelectorProgram)
  }

  private let alternatives: [Alternative]
  /// The names of the `itselfNamed` and `child` alternatives, matched through a program of its own.
  private let names: SelectorProgram
  /// Shared by every evaluation, on any document: only its memo of attribute values outlives one, and
  /// that is keyed by value. Programs that would keep answers about nodes (sibling tests, delegated
  /// predicates) are refused.
  private var states: [ObjectIdentifier: SelectorWalkState] = [:]

  init?(_ expression: String, namespaces: [String: String]) {
    var alternatives: [Alternative] = []
    var nameSelectors: [SimpleSelector] = []
    for part in SimpleSelectorParser.unionParts(expression) {
      let text = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      if text == "." {
        alternatives.append(.itself)
        continue
      }
      if let step = Self.descendantStep(text) {
        guard let selectors = SimpleSelectorParser.parseUnion("//" + step, namespaces: namespaces),
          selectors.count == 1, selectors[0].steps.count == 1
        else { return nil }
        let program = SelectorProgram(selectors, delegates: [:])
        guard !program.hasDelegates && !program.comparesSiblings else { return nil }
        alternatives.append(.firstDescendant(program))
        continue
      }
      let isSelf = text.hasPrefix("self::")
      var nameText = isSelf ? String(text.dropFirst("self::".count)) : text
      var position = 1
      if !isSelf, let open = nameText.firstIndex(of: "["), nameText.hasSuffix("]") {
        guard
          let number = Int(nameText[nameText.index(after: open)..<nameText.index(before: nameText.endIndex)]),
          number >= 1
        else { return nil }
        position = number
        nameText = String(nameText[..<open])
      }
      // A bare name test, parsed as the selector `/name` to reuse the name rules.
      guard !nameText.isEmpty, nameText.allSatisfy({ $0.isLetter || $0.isNumber || "_-.:*".contains($0) }),
        let selectors = SimpleSelectorParser.parseUnion("/" + nameText, namespaces: namespaces),
        selectors.count == 1, selectors[0].steps.count == 1, selectors[0].steps[0].tests.isEmpty
      else { return nil }
      nameSelectors.append(selectors[0])
      alternatives.append(
        isSelf ? .itselfNamed(nameSelectors.count - 1) : .child(nameSelectors.count - 1, position: position))
    }
    guard !alternatives.isEmpty else { return nil }
    self.alternatives = alternatives
    names = SelectorProgram(nameSelectors, delegates: [:])
  }

  /// `step` of `.//step` or `(.//step)[1]`, which select the same first node.
  private static func descendantStep(_ text: String) -> String? {
    if text.hasPrefix(".//") { return String(text.dropFirst(3)) }
    guard text.hasPrefix("(.//"), text.hasSuffix(")[1]") else { return nil }
    return String(text.dropFirst(4).dropLast(4))
  }

  /// The first node selected from `node`: nil for none, `.some(nil)` is never returned; the outer nil
  /// means the query could not be answered here and libxml2 must.
  func first(from node: xmlNodePtr) -> xmlNodePtr?? {
    var best: xmlNodePtr?
    for alternative in alternatives {
      let found: xmlNodePtr?
      switch alternative {
      case .itself:
        found = node
      case .itselfNamed(let index):
        found = names.matches(node, name: names.steps[names.selectors[index].lowerBound].name) ? node : nil
      case .child(let index, let position):
        let name = names.steps[names.selectors[index].lowerBound].name
        var seen = 0
        var child = node.pointee.children
        var hit: xmlNodePtr?
        while let current = child {
          if names.matches(current, name: name) {
            seen += 1
            if seen == position {
              hit = current
              break
            }
          }
          child = current.pointee.next
        }
        found = hit
      case .firstDescendant(let program):
        guard let hit = firstDescendant(of: node, program) else { return nil }
        found = hit
      }
      if let found, best.map({ xmlXPathCmpNodes(found, $0) == 1 }) ?? true { best = found }
    }
    return .some(best)
  }

  /// The first descendant the program selects; nil when a test needs libxml2.
  private func firstDescendant(of root: xmlNodePtr, _ program: SelectorProgram) -> xmlNodePtr?? {
    let key = ObjectIdentifier(program)
    let state = states[key] ?? program.makeWalkState(context: nil)
    states[key] = state
    state.normalized.clear()
    var current = root.pointee.children
    while let node = current {
      if node.pointee.type == XML_ELEMENT_NODE {
        state.enter(node)
        let matched = program.matches(node, selector: 0, state: state)
        if state.needsLibxml2 {
          state.needsLibxml2 = false
          return nil
        }
        if matched { return .some(node) }
        if let child = node.pointee.children {
          current = child
          continue
        }
      }
      current = SubtreeWalk.next(after: node, within: root)
    }
    return .some(nil)
  }
}
