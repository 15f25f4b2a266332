import CLibXML2

/// XPath 1.0 string values and string functions as libxml2 computes them, on UTF-8 bytes: a node's
/// string value is its text and CDATA descendants in document order; `normalize-space` collapses the
/// four XML white-space bytes; `substring` and `string-length` count characters (code points).
enum XPathString {
  /// The string value of an element, or nil when an unexpanded entity reference lies inside it: libxml2
  /// would read the entity's replacement text, which only libxml2 should do.
  static func value(of element: xmlNodePtr) -> [UInt8]? {
    var output: [UInt8] = []
    guard
      forEachText(
        of: element,
        { text in
          output.append(contentsOf: text)
          return true
        }) != nil
    else { return nil }
    return output
  }

  /// Calls `body` with each text of `element`'s string value in order until it returns false. Nil when
  /// an entity reference comes before that (see `value(of:)`), else whether every text was seen.
  static func forEachText(of element: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
    var current: xmlNodePtr? = element
    while let node = current {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content,
          !body(UnsafeBufferPointer(start: content, count: ByteString.length(content)))
        {
          return false
        }
      case XML_ENTITY_REF_NODE:
        return nil
      default:
        break
      }
      if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
        current = child
        continue
      }
      current = SubtreeWalk.next(after: node, within: element)
    }
    return true
  }

  /// Whether `element`'s string value equals `literal` (`starting` false) or starts with it, reading
  /// only as far as decides; nil when an entity reference comes first.
  static func value(
    of element: xmlNodePtr, matches literal: UnsafeBufferPointer<UInt8>, starting: Bool
  ) -> Bool? {
    var matched = 0
    var differs = false
    let completed = forEachText(of: element) { text in
      let room = literal.count - matched
      if text.count > room && !starting {
        differs = true
        return false
      }
      let take = min(text.count, room)
      let compared = UnsafeBufferPointer(rebasing: literal[matched..<(matched + take)])
      if take > 0 && !ByteString.equal(UnsafeBufferPointer(rebasing: text[0..<take]), compared) {
        differs = true
        return false
      }
      matched += take
      return !(starting && matched == literal.count)
    }
    // A decided answer stands whatever follows, entity references included.
    if differs { return false }
    if starting && matched == literal.count { return true }
    guard let completed else { return nil }
    return completed && matched == literal.count
  }

  /// The bytes of `substring(value, start, length)` for whole numbers: the characters at 1-based
  /// positions p with start <= p < start + length (to the end without a length).
  static func substring(_ value: UnsafeBufferPointer<UInt8>, start: Int, length: Int?) -> Range<Int> {
    let end = length.map { start + $0 } ?? Int.max
    var lower: Int?
    var position = 0
    for index in 0..<value.count where value[index] & 0xC0 != 0x80 {
      position += 1
      if position >= end { return (lower ?? index)..<index }
      if position >= start && lower == nil { lower = index }
    }
    return (lower ?? value.count)..<value.count
  }

  /// The bytes of `substring(value, string-length(value))`: the last character, or none for an empty
  /// value.
  static func lastCharacter(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard var start = value.indices.last else { return 0..<0 }
    while start > 0 && value[start] & 0xC0 == 0x80 { start -= 1 }
    return start..<value.count
  }

  /// `lastCharacter` of `normalize-space` of `element`'s string value, read from its end without
  /// normalising the rest: the last bytes that are not white space, back to the start of their
  /// character. Nil when only the whole value can tell: an entity reference comes first from the end, or
  /// the bytes there are not a character whole within one text node.
  static func lastNormalizedCharacter(of element: xmlNodePtr) -> UnsafeBufferPointer<UInt8>? {
    func deepestLast(_ node: xmlNodePtr) -> xmlNodePtr {
      var current = node
      while current.pointee.type == XML_ELEMENT_NODE, let last = current.pointee.last { current = last }
      return current
    }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    var current: xmlNodePtr? = deepestLast(element)
    while let node = current {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          var end = ByteString.length(content)
          while end > 0 && isSpace(content[end - 1]) { end -= 1 }
          if end > 0 {
            var start = end - 1
            while start > 0 && content[start] & 0xC0 == 0x80 { start -= 1 }
            if content[start] & 0xC0 == 0x80 || isSpace(content[start]) { return nil }
            return UnsafeBufferPointer(start: content + start, count: end - start)
          }
        }
      case XML_ENTITY_REF_NODE:
        return nil
      default:
        break
      }
      if node == element { break }
      if let previous = node.pointee.prev {
        current = deepestLast(previous)
      } else {
        let parent = node.pointee.parent
        current = parent == element ? nil : parent
      }
    }
    return UnsafeBufferPointer(start: nil, count: 0)
  }

  static func contains(_ value: [UInt8], _ part: [UInt8]) -> Bool {
    value.withUnsafeBufferPointer { haystack in
      part.withUnsafeBufferPointer { ByteString.contains(haystack, $0) }
    }
  }
}
