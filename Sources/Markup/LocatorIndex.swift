import CLibXML2

/// Locators of many nodes of one document, each built from the one before: units come in document order
/// and share their ancestors, so the previous path is cut back to the deepest element both share and only
/// the steps below it are written. A unit's place among its siblings is counted on from the previous
/// unit's when they are siblings of one name, the common case of the items of a list.
/// Paths are built as bytes; appending the pieces of a path to a String one by one cost more than
/// finding them.
struct LocatorIndex {
  /// One step of the current path.
  private struct Step {
    var node: xmlNodePtr
    /// Where the step ends in `path`.
    var end: Int
    var position: Int
    /// The next sibling of the same name, which the next unit usually is.
    var following: xmlNodePtr?
  }

  private let prefixes: [String: String]
  /// The path of the last located node, and its steps from the top.
  private let path = TextBuffer()
  /// The steps of `path`, then any left over from deeper paths (kept, not removed and added again).
  private var steps: [Step] = []
  /// How many of `steps` are the current path's.
  private var stepCount = 0
  /// Places of the children of parents asked about out of order; rarely used, so a dictionary is fine.
  private var places: [xmlNodePtr: SiblingNumbering.Place] = [:]
  private var numberedParents = PointerSet()
  /// Parents asked about once, whose children are numbered all together when asked again out of order.
  private var askedParents = PointerSet()
  /// How each namespace's elements are written (see `Node.segment`), worked out once for each distinct
  /// URI and prefix, with the first declaration that had them; a document declares few. Plain values,
  /// their prefixes kept together in `prefixBytes`: entries holding arrays were retained and released at
  /// every look-up.
  private var namespaceForms: [NamespaceForm] = []
  private var prefixBytes: [UInt8] = []
  /// The form last asked for: runs of elements share one declaration.
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
      let filler = Step(node: node, end: 0, position: 0, following: nil)
      steps.append(contentsOf: repeatElement(filler, count: depth - steps.count))
    }
    // The node and its ancestors go into `steps` from the bottom up, until one that the previous path has
    // at the same level: from there up the two paths are the same. Only the previous path's step at the
    // first differing level can be a sibling of this path's.
    var previous: Step?
    var shared = depth
    var ancestor = node
    while shared > 0 {
      let level = shared - 1
      if level < stepCount {
        if steps[level].node == ancestor { break }
        previous = steps[level]
      }
      steps[level].node = ancestor
      shared = level
      ancestor = ancestor.pointee.parent ?? ancestor
    }
    stepCount = depth
    path.removeLast(keeping: shared > 0 ? steps[shared - 1].end : 0)
    for level in shared..<depth {
      let element = steps[level].node
      let place = place(of: element, after: level == shared ? previous : nil)
      appendSegment(of: element, place: place)
      steps[level] = Step(
        node: element, end: path.count, position: place.position, following: place.following)
    }
    return path.string
  }

  /// The place of `node` among its siblings; `previous` is the step of an earlier unit's path at the same
  /// level, when there is one.
  private mutating func place(of node: xmlNodePtr, after previous: Step?) -> SiblingNumbering.Place {
    guard let parent = node.pointee.parent else { return SiblingNumbering.walk(node) }
    if numberedParents.contains(parent) { return places[node] ?? SiblingNumbering.walk(node) }
    if let previous, let next = previous.following, SiblingNumbering.sameName(previous.node, node) {
      var position = previous.position
      var sibling: xmlNodePtr? = next
      while let candidate = sibling {
        if SiblingNumbering.sameName(candidate, node) {
          position += 1
          if candidate == node { return (position, SiblingNumbering.following(node)) }
        }
        sibling = candidate.pointee.next
      }
      // Not after the previous unit: the nodes are out of document order, which numbering copes with.
      return numbered(node, parent: parent)
    }
    // An ancestor is usually the only one of its siblings asked about; walking its siblings once is cheaper
    // than numbering them all, which pays only when the siblings are asked about in no useful order.
    if askedParents.insert(parent) { return SiblingNumbering.walk(node) }
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
    let form = node.pointee.ns.map { namespaceForm($0) }
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
    if let last = lastForm, last.namespace == namespace { return last }
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
