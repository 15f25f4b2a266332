import CLibXML2

/// Where elements stand among their siblings of the same name, as a locator's `[n]` needs. Siblings are
/// "the same" when XPath's name test says so: equal names, and equal namespaces (both absent, or the
/// same URI).
enum SiblingNumbering {
  /// The position counts from 1; the following sibling of the same name is kept, not just whether there
  /// is one, because the next node located is often that one.
  typealias Place = (position: Int, following: xmlNodePtr?)

  /// The place of one node, by walking its siblings.
  static func walk(_ node: xmlNodePtr) -> Place {
    var position = 1
    var sibling = node.pointee.prev
    while let candidate = sibling {
      if sameName(candidate, node) { position += 1 }
      sibling = candidate.pointee.prev
    }
    return (position, following(node))
  }

  /// The next sibling of the same name as `node`, if any.
  static func following(_ node: xmlNodePtr) -> xmlNodePtr? {
    var sibling = node.pointee.next
    while let candidate = sibling {
      if sameName(candidate, node) { return candidate }
      sibling = candidate.pointee.next
    }
    return nil
  }

  /// The places of all element children of `parent`, in two passes over them: locating every item of a
  /// list one by one would walk the list once per item, which a document of 100,000 siblings turns into
  /// billions of steps.
  static func number(childrenOf parent: xmlNodePtr, into places: inout [xmlNodePtr: Place]) {
    // The distinct names among the children, with how many children bear each; few, even in long lists.
    var names: [(node: xmlNodePtr, packed: PackedName, count: Int)] = []
    func nameIndex(_ node: xmlNodePtr) -> Int {
      let packed = node.pointee.name.map { PackedName($0) } ?? PackedName([])
      var index = 0
      while index < names.count && !(names[index].packed == packed && sameName(names[index].node, node)) {
        index += 1
      }
      if index == names.count { names.append((node, packed, 0)) }
      return index
    }
    var child = parent.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        names[nameIndex(current)].count += 1
      }
      child = current.pointee.next
    }
    // Backwards, so that each child's following namesake has been seen already.
    var following = [xmlNodePtr?](repeating: nil, count: names.count)
    child = parent.pointee.last
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        let index = nameIndex(current)
        places[current] = (names[index].count, following[index])
        names[index].count -= 1
        following[index] = current
      }
      child = current.pointee.prev
    }
  }

  static func sameName(_ other: xmlNodePtr, _ node: xmlNodePtr) -> Bool {
    guard other.pointee.type == XML_ELEMENT_NODE else { return false }
    let theirName = other.pointee.name
    let myName = node.pointee.name
    // The XML parser shares one copy of each name, the HTML parser does not; a first byte tells most
    // different names apart without a call.
    if theirName != myName {
      guard let theirName, let myName, theirName[0] == myName[0], ByteString.equal(theirName, myName) else {
        return false
      }
    }
    let mine = node.pointee.ns
    let theirs = other.pointee.ns
    if mine == theirs { return true }
    guard let mine, let theirs else { return false }
    return ByteString.equal(mine.pointee.href, theirs.pointee.href)
  }
}
