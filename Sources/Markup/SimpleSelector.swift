import CLibXML2

/// The XPath forms that recipes use most — `//name`, `//prefix:name`, `//*`, each with at most one
/// attribute test (`[@a='v']`, `[contains(@a,'v')]`, `[starts-with(@a,'v')]`, `[@a]`) — and unions of
/// them. One walk of the tree answers any number of these at once, where libxml2 walks the whole tree
/// once per expression; anything else is left to libxml2.
struct SimpleSelector {
  enum Test {
    case exists
    case equals([UInt8])
    case contains([UInt8])
    case startsWith([UInt8])
  }

  /// nil matches any element.
  let name: [UInt8]?
  /// nil: no namespace; for a prefixed name, the namespace URI the prefix stands for.
  let namespaceURI: [UInt8]?
  let anyNamespace: Bool
  let attribute: [UInt8]?
  let test: Test?

  /// The selectors of a union such as `//h2 | //h3`, or nil when any part is not a simple form.
  static func parseUnion(_ expression: String, namespaces: [String: String]) -> [SimpleSelector]? {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    var depth = 0
    for character in expression {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == "[" {
        depth += 1
      } else if character == "]" {
        depth -= 1
      } else if character == "|" && depth == 0 {
        parts.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    parts.append(current)
    var selectors: [SimpleSelector] = []
    for part in parts {
      guard let selector = parse(part.trimmingSpaces(), namespaces: namespaces) else { return nil }
      selectors.append(selector)
    }
    return selectors
  }

  static func parse(_ expression: String, namespaces: [String: String]) -> SimpleSelector? {
    var scanner = Scanner(Array(expression.utf8))
    guard scanner.consume("//") else { return nil }
    var name: [UInt8]?
    var namespaceURI: [UInt8]?
    var anyNamespace = false
    if scanner.consume("*") {
      anyNamespace = true
    } else {
      guard let first = scanner.name() else { return nil }
      if scanner.consume(":") {
        guard let local = scanner.name(), let uri = namespaces[String(decoding: first, as: UTF8.self)] else {
          return nil
        }
        name = local
        namespaceURI = Array(uri.utf8)
      } else {
        name = first
      }
    }
    var attribute: [UInt8]?
    var test: Test?
    if scanner.consume("[") {
      scanner.skipSpaces()
      if scanner.consume("@") {
        guard let attributeName = scanner.name() else { return nil }
        attribute = attributeName
        scanner.skipSpaces()
        if scanner.consume("=") {
          scanner.skipSpaces()
          guard let literal = scanner.literal() else { return nil }
          test = .equals(literal)
        } else {
          test = .exists
        }
      } else {
        let isContains = scanner.consume("contains(")
        guard isContains || scanner.consume("starts-with(") else { return nil }
        scanner.skipSpaces()
        guard scanner.consume("@"), let attributeName = scanner.name() else { return nil }
        scanner.skipSpaces()
        guard scanner.consume(",") else { return nil }
        scanner.skipSpaces()
        // An empty literal is true even without the attribute; leave such oddities to libxml2.
        guard let literal = scanner.literal(), !literal.isEmpty else { return nil }
        scanner.skipSpaces()
        guard scanner.consume(")") else { return nil }
        attribute = attributeName
        test = isContains ? .contains(literal) : .startsWith(literal)
      }
      scanner.skipSpaces()
      guard scanner.consume("]") else { return nil }
    }
    guard scanner.atEnd else { return nil }
    return SimpleSelector(
      name: name, namespaceURI: namespaceURI, anyNamespace: anyNamespace, attribute: attribute, test: test)
  }

  func matches(_ node: xmlNodePtr) -> Bool {
    if let name {
      guard Self.equal(node.pointee.name, name) else { return false }
      if let namespaceURI {
        guard let ns = node.pointee.ns, Self.equal(ns.pointee.href, namespaceURI) else { return false }
      } else if node.pointee.ns != nil {
        return false
      }
    }
    guard let attribute, let test else { return true }
    var property = node.pointee.properties
    while let current = property {
      if current.pointee.ns == nil && Self.equal(current.pointee.name, attribute) {
        return Self.check(current, test)
      }
      property = current.pointee.next
    }
    return false
  }

  private static func check(_ attribute: xmlAttrPtr, _ test: Test) -> Bool {
    if case .exists = test { return true }
    // Attribute values are one text node, except with entity references; read them whole then.
    let child = attribute.pointee.children
    let value: [UInt8]
    if let child, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
      let content = child.pointee.content
    {
      value = Array(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    } else {
      let copy = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1)
      defer { if let copy { evs_free(copy) } }
      value = copy.map { Array(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) } ?? []
    }
    switch test {
    case .exists: return true
    case .equals(let literal): return value == literal
    case .startsWith(let literal): return value.starts(with: literal)
    case .contains(let literal): return contains(value, literal)
    }
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    var start = 0
    let last = haystack.count - needle.count
    while start <= last {
      if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return true
      }
      start += 1
    }
    return false
  }

  private static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
    guard let string else { return false }
    var index = 0
    while index < bytes.count {
      if string[index] != bytes[index] { return false }
      index += 1
    }
    return string[index] == 0
  }

  /// Reads the expression byte by byte.
  private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    mutating func consume(_ text: String) -> Bool {
      let expected = Array(text.utf8)
      guard bytes.count - position >= expected.count,
        bytes[position..<(position + expected.count)].elementsEqual(expected)
      else { return false }
      position += expected.count
      return true
    }

    mutating func skipSpaces() {
      while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
    }

    /// An XML name without a colon: letters, digits, `_`, `-`, `.`, not starting with a digit, `-` or `.`.
    mutating func name() -> [UInt8]? {
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        let isOther = (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E
        guard isLetter || (position > start && isOther) else { break }
        position += 1
      }
      return position > start ? Array(bytes[start..<position]) : nil
    }

    mutating func literal() -> [UInt8]? {
      guard position < bytes.count, bytes[position] == 0x27 || bytes[position] == 0x22 else { return nil }
      let quote = bytes[position]
      let start = position + 1
      var end = start
      while end < bytes.count && bytes[end] != quote { end += 1 }
      guard end < bytes.count else { return nil }
      position = end + 1
      return Array(bytes[start..<end])
    }
  }
}

extension String {
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first == " " { slice = slice.dropFirst() }
    while slice.last == " " { slice = slice.dropLast() }
    return String(slice)
  }
}
