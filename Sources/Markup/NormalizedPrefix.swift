import CLibXML2

/// `normalize-space(.)` of one element, built only as far as the tests asking about it need: whether a
/// paragraph starts with "(" or holds a quotation mark in its first characters is settled by its first
/// bytes, and normalising the rest of a long paragraph cost more than the tests. What is built is always
/// a prefix of the whole normalised value (white space is written only before the byte that follows it).
final class NormalizedPrefix {
  private(set) var node: xmlNodePtr?
  let text = TextBuffer()
  /// Whether `text` holds the whole value.
  private(set) var isComplete = false
  /// Where to read on: a node of the element's subtree, and for a text node, the offset in it.
  private var cursor: xmlNodePtr?
  private var offset = 0
  private var pendingSpace = false

  /// Starts over on `element`.
  func start(_ element: xmlNodePtr) {
    node = element
    text.removeAll()
    isComplete = false
    cursor = element
    offset = 0
    pendingSpace = false
  }

  /// Forgets the element, as after a failure.
  func clear() {
    node = nil
  }

  /// Builds until `text` has at least `count` bytes or the value is complete; false when an entity
  /// reference comes first (see `XPathString.value(of:)`).
  func extend(to count: Int) -> Bool {
    guard let root = node else { return false }
    while !isComplete && text.count < count, let current = cursor {
      switch current.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content, append(content, upTo: count) { return true }
      case XML_ENTITY_REF_NODE:
        return false
      default:
        break
      }
      offset = 0
      if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
        cursor = child
      } else {
        cursor = SubtreeWalk.next(after: current, within: root)
      }
      if cursor == nil { isComplete = true }
    }
    return true
  }

  /// Normalises `content` from `offset`; true when it stopped inside, with `count` bytes reached.
  private func append(_ content: UnsafeMutablePointer<xmlChar>, upTo count: Int) -> Bool {
    var index = offset
    var stopped = false
    var pending = pendingSpace
    // Room for what is wanted (a space and a byte may take it one past), without measuring a long text
    // node to read a few bytes of it; for all of it, measured.
    if count - text.count <= 4096 {
      text.reserve(count - text.count + 2)
    } else {
      text.reserve(ByteString.length(content + index) + 1)
    }
    text.write { base, written in
      var output = written
      while true {
        let byte = content[index]
        if byte == 0 { break }
        if output >= count {
          stopped = true
          break
        }
        index += 1
        // XPath's white space, without the form feed `TextNormalizer` also folds.
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
          pending = true
        } else {
          if pending && output > 0 {
            base[output] = 0x20
            output += 1
          }
          pending = false
          base[output] = byte
          output += 1
        }
      }
      written = output
    }
    pendingSpace = pending
    offset = index
    return stopped
  }
}
