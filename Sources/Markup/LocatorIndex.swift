import CLibXML2

/// Locators of many nodes of one document, each built from the one before: units come in document order
/// and share their ancestors, so the previous path is cut back to the deepest element both share and only
/// the steps below it are written. A unit's place among its siblings is counted on from the last located
/// sibling of the same name: the items of a list, or the headings and paragraphs of a section.
/// Paths are built as bytes; appending the pieces of a path to a String one by one cost more than
/// finding them.
struct LocatorIndex {
  /// One step of the current path.
  private struct Step {
    var node: xmlNodePtr
    /// Where the step ends in `path`.
    var end: Int
    /// How many of the node's children have been placed by walking their siblings.
    var walks = 0
  }

  /// A located element of the current path's levels, whose namesakes after it are numbered on from its
  /// place.
  private struct Namesake {
    /// Its level in the path: its parent is the path's step above.
    var level: Int
    var node: xmlNodePtr
    var position: Int
    /// The next sibling of the same name, which the next one located usually is.
    var following: xmlNodePtr?
  }

  /// How many times the siblings of one parent are walked before they are all numbered at once: once
  /// for each name among the located children, which few documents mix more of.
  private static let walkLimit = 16

  private let prefixes: [String: String]
  /// The path of the last located node, and its steps from the top.
  private let path = TextBuffer()
  /// The steps of `path`, then any left over from deeper paths (kept, not removed and added again).
  private var steps: [Step] = []
  /// How many of `steps` are the current path's.
  private var stepCount = 0
  /// One for each name among the located children of each step of the path (at most `walkLimit`), in
  /// the order of their levels: those of a level are dropped when the path leaves their parent, and one
  /// is added at a level only after all deeper ones were dropped.
  private var namesakes: [Namesake] = []
  /// Parents whose children have been walked: walking is linear in the siblings, so a parent whose
  /// children are walked too often (see `Step.walks`), or again after the path left it, has its children
  /// numbered all at once.
  private var walkedParents = PointerSet(capacity: 32)
  /// Places of the children of parents numbered all at once; rarely used, so a dictionary is fine.
  private var places: [xmlNodePtr: SiblingNumbering.Place] = [:]
  private var numberedParents = PointerSet()
  /// How each namespace's elements are written (see `Node.segment`), worked out once for each distinct
  /// URI and prefix, with the first declaration that had them; a document declares few. Plain values,
  /// their prefixes kept together in `prefixBytes`: entries holding arrays were retained and released at
  /// every look-up.
  private var namespaceForms: [NamespaceForm] = []
  private var prefixBytes: [UInt8] = []
  /// The form last asked for.
  private var lastForm: NamespaceForm?

  private struct NamespaceForm {
    enum Kind {
      case plain
      /// `prefix` (with its colon) before the name.
      case prefixed
      case localName
    }

    var namespace: xmlNsPtr
    var kind: Kind
    var prefix: Range<Int>
  }

  init(prefixes: [String: String]) {
    self.prefixes = prefixes
    namesakes.reserveCapacity(Self.walkLimit)
  }

  /// The same string as `Node.locator(namespaces:)`.
  mutating func locator(of node: xmlNodePtr) -> String {
    guard node.pointee.type == XML_ELEMENT_NODE else {
      return LibXML2.consume(xmlGetNodePath(node)) ?? ""
    }
    var depth = 0
    var current: xmlNodePtr? = node
    while let element = current, element.pointee.type == XML_ELEMENT_NODE {
      depth += 1
      current = element.pointee.parent
    }
    if steps.count < depth {
      steps.append(contentsOf: repeatElement(Step(node: node, end: 0), count: depth - steps.count))
    }
    // The node and its ancestors go into `steps` from the bottom up, until one that the previous path has
    // at the same level: from there up the two paths are the same.
    var shared = depth
    var ancestor = node
    while shared > 0 {
      let level = shared - 1
      if level < stepCount && steps[level].node == ancestor { break }
      steps[level] = Step(node: ancestor, end: 0)
      shared = level
      ancestor = ancestor.pointee.parent ?? ancestor
    }
    stepCount = depth
    while let last = namesakes.last, last.level > shared { namesakes.removeLast() }
    path.removeLast(keeping: shared > 0 ? steps[shared - 1].end : 0)
    for level in shared..<depth {
      let element = steps[level].node
      appendSegment(of: element, place: place(of: element, level: level))
      steps[level].end = path.count
    }
    return path.string
  }

  /// The place of `node`, at `level` of the current path, among its siblings.
  private mutating func place(of node: xmlNodePtr, level: Int) -> SiblingNumbering.Place {
    guard let parent = node.pointee.parent else { return SiblingNumbering.walk(node) }
    if numberedParents.contains(parent) { return places[node] ?? SiblingNumbering.walk(node) }
    // The namesakes at this level come last: the deeper ones were dropped.
    var index = namesakes.count - 1
    while index >= 0 && namesakes[index].level == level
      && !SiblingNumbering.sameName(namesakes[index].node, node)
    {
      index -= 1
    }
    guard index >= 0 && namesakes[index].level == level else {
      // The first of its name located among these siblings: walking them once is cheaper than numbering
      // them all. (The document's children, the top element, have no step above them, and few siblings.)
      if level > 0 {
        let walks = steps[level - 1].walks
        let firstHere = walks == 0
        guard walks < Self.walkLimit, walkedParents.insert(parent) || !firstHere else {
          return numbered(node, parent: parent)
        }
        steps[level - 1].walks = walks + 1
      }
      let place = SiblingNumbering.walk(node)
      namesakes.append(
        Namesake(level: level, node: node, position: place.position, following: place.following))
      return place
    }
    let known = namesakes[index]
    if known.node == node { return (known.position, known.following) }
    // Not after the namesake (which has no following one, or a walk on does not find the node): the nodes
    // come out of document order, which numbering copes with.
    guard let next = known.following else { return numbered(node, parent: parent) }
    var position = known.position
    var sibling: xmlNodePtr? = next
    while let candidate = sibling {
      if SiblingNumbering.sameName(candidate, node) {
        position += 1
        if candidate == node {
          let following = SiblingNumbering.following(node)
          namesakes[index] = Namesake(level: level, node: node, position: position, following: following)
          return (position, following)
        }
      }
      sibling = candidate.pointee.next
    }
    return numbered(node, parent: parent)
  }

  private mutating func numbered(_ node: xmlNodePtr, parent: xmlNodePtr) -> SiblingNumbering.Place {
    if numberedParents.insert(parent) {
      SiblingNumbering.number(childrenOf: parent, into: &places)
    }
    return places[node] ?? SiblingNumbering.walk(node)
  }

  /// "/" and the same step as `Node.segment`, with the namespace's form looked up once per declaration.
  private mutating func appendSegment(of node: xmlNodePtr, place: SiblingNumbering.Place) {
    let name = node.pointee.name.map { UnsafeBufferPointer(start: $0, count: ByteString.length($0)) }
    path.append(UInt8(ascii: "/"))
    var form: NamespaceForm?
    if let namespace = node.pointee.ns {
      // Runs of elements share one declaration.
      if let last = lastForm, last.namespace == namespace {
        form = last
      } else {
        form = namespaceForm(namespace)
      }
    }
    switch form?.kind ?? .plain {
    case .plain:
      if let name { path.append(name) }
    case .prefixed:
      if let prefix = form?.prefix {
        prefixBytes.withUnsafeBufferPointer { path.append(UnsafeBufferPointer(rebasing: $0[prefix])) }
      }
      if let name { path.append(name) }
    case .localName:
      Self.localNameStart.withUTF8Buffer { path.append($0) }
      if let name { path.append(name) }
      Self.localNameEnd.withUTF8Buffer { path.append($0) }
    }
    if place.position > 1 || place.following != nil {
      var length = 1
      var rest = place.position / 10
      while rest > 0 {
        length += 1
        rest /= 10
      }
      path.reserve(length + 2)
      path.write { base, count in
        base[count] = UInt8(ascii: "[")
        var index = count + length
        var position = place.position
        repeat {
          base[index] = UInt8(ascii: "0") + UInt8(position % 10)
          index -= 1
          position /= 10
        } while position > 0
        base[count + length + 1] = UInt8(ascii: "]")
        count += length + 2
      }
    }
  }

  private static let localNameStart: StaticString = "*[local-name()='"
  private static let localNameEnd: StaticString = "']"

  private mutating func namespaceForm(_ namespace: xmlNsPtr) -> NamespaceForm {
    // A document may declare one namespace again and again (on every element that uses it, in some
    // exports); each declaration is its own pointer, but one whose URI and prefix match an earlier one's is
    // written the same, which two byte comparisons tell more cheaply than working the form out again.
    for known in namespaceForms
    where known.namespace == namespace
      || (ByteString.equal(known.namespace.pointee.href, namespace.pointee.href)
        && ByteString.equal(known.namespace.pointee.prefix, namespace.pointee.prefix))
    {
      var form = known
      form.namespace = namespace
      lastForm = form
      return form
    }
    var form = NamespaceForm(namespace: namespace, kind: .plain, prefix: 0..<0)
    if let uri = LibXML2.string(namespace.pointee.href) {
      if let prefix = prefixes[uri] ?? LibXML2.string(namespace.pointee.prefix) {
        form.kind = .prefixed
        form.prefix = prefixBytes.count..<(prefixBytes.count + prefix.utf8.count + 1)
        prefixBytes.append(contentsOf: (prefix + ":").utf8)
      } else {
        form.kind = .localName
      }
    }
    namespaceForms.append(form)
    lastForm = form
    return form
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
