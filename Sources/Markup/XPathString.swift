import CLibXML2

/// XPath 1.0 string values and string functions as libxml2 computes them, on UTF-8 bytes: a node's
/// string value is its text and CDATA descendants in document order; `normalize-space` collapses the
/// four XML white-space bytes; `substring` and `string-length` count characters (code points).
enum XPathString {
  /// The string value of an element, or nil when an unexpanded entity reference lies inside it: libxml2
  /// would read the entity's replacement text, which only libxml2 should do.
  static func value(of element: xmlNodePtr) -> [UInt8]? {
    var output: [UInt8] = []
    var current: xmlNodePtr? = element
    while let node = current {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          output.append(contentsOf: UnsafeBufferPointer(start: content, count: ByteString.length(content)))
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
      var climbing: xmlNodePtr? = node
      current = nil
      while let candidate = climbing, candidate != element {
        if let next = candidate.pointee.next {
          current = next
          break
        }
        climbing = candidate.pointee.parent
      }
    }
    return output
  }

  static func normalized(_ value: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(value.count)
    var pendingSpace = false
    for byte in value {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = true
      } else {
        if pendingSpace && !output.isEmpty { output.append(0x20) }
        pendingSpace = false
        output.append(byte)
      }
    }
    return output
  }

  /// `substring(value, start, length)` for whole numbers: the characters at 1-based positions p with
  /// start <= p < start + length (to the end without a length).
  static func substring(_ value: [UInt8], start: Int, length: Int?) -> [UInt8] {
    let end = length.map { start + $0 } ?? Int.max
    var output: [UInt8] = []
    var position = 0
    for byte in value {
      if byte & 0xC0 != 0x80 { position += 1 }
      if position >= start && position < end { output.append(byte) }
      if position >= end { break }
    }
    return output
  }

  /// `substring(value, string-length(value))`: the last character, or nothing for an empty value.
  static func lastCharacter(_ value: [UInt8]) -> [UInt8] {
    guard var start = value.indices.last else { return [] }
    while start > 0 && value[start] & 0xC0 == 0x80 { start -= 1 }
    return Array(value[start...])
  }

  static func contains(_ value: [UInt8], _ part: [UInt8]) -> Bool {
    value.withUnsafeBufferPointer { haystack in
      part.withUnsafeBufferPointer { ByteString.contains(haystack, $0) }
    }
  }
}
