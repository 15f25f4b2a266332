import CLibXML2

/// The XPath forms recipes use most, answered by one walk of the tree for any number of expressions,
/// where libxml2 walks the whole tree once per expression. A path is a chain of element steps joined by
/// `/` or `//`, starting with either; each step is `name`, `prefix:name` or `*` with predicates among:
/// `@a`, `@a='v'`, `contains(@a,'v')`, `starts-with(@a,'v')`, the class-token idiom
/// `contains(concat(' ',normalize-space(@class),' '),' v ')`, `starts-with(normalize-space(.),'v')`,
/// `self::a or self::b`, a child `name` or descendant `.//name` that must exist, and `not(...)` of one of
/// these; unions with `|`. Anything else is left to libxml2.
struct SimpleSelector {
  enum Axis {
    case child
    case descendant
  }

  struct NameTest {
    /// nil matches any element.
    var name: [UInt8]?
    /// The namespace URI a prefixed name stands for; nil means no namespace (unprefixed names).
    var namespaceURI: [UInt8]?
    var anyNamespace: Bool

    func matches(_ node: xmlNodePtr) -> Bool {
      guard node.pointee.type == XML_ELEMENT_NODE else { return false }
      if anyNamespace && name == nil { return true }
      if let name, !SimpleSelector.equal(node.pointee.name, name) { return false }
      if anyNamespace { return true }
      if let namespaceURI {
        guard let ns = node.pointee.ns else { return false }
        return SimpleSelector.equal(ns.pointee.href, namespaceURI)
      }
      return node.pointee.ns == nil
    }
  }

  indirect enum Test {
    case hasAttribute([UInt8])
    case attributeEquals([UInt8], [UInt8])
    case attributeContains([UInt8], [UInt8])
    case attributeStartsWith([UInt8], [UInt8])
    case classToken([UInt8])
    case textStartsWith([UInt8])
    case selfIsOneOf([NameTest])
    case hasChild(NameTest)
    case hasDescendant(NameTest)
    case not(Test)
  }

  struct Step {
    var axis: Axis
    var name: NameTest
    var tests: [Test]
  }

  let steps: [Step]

  // MARK: Matching

  func matches(_ node: xmlNodePtr) -> Bool {
    matches(node, step: steps.count - 1)
  }

  private func matches(_ node: xmlNodePtr, step index: Int) -> Bool {
    let step = steps[index]
    guard step.name.matches(node), step.tests.allSatisfy({ Self.passes(node, $0) }) else { return false }
    let parent = node.pointee.parent
    let parentIsDocument = parent == nil || parent?.pointee.type != XML_ELEMENT_NODE
    if index == 0 {
      return step.axis == .descendant || parentIsDocument
    }
    switch step.axis {
    case .child:
      guard !parentIsDocument, let parent else { return false }
      return matches(parent, step: index - 1)
    case .descendant:
      var ancestor = parentIsDocument ? nil : parent
      while let current = ancestor {
        if matches(current, step: index - 1) { return true }
        let next = current.pointee.parent
        ancestor = next?.pointee.type == XML_ELEMENT_NODE ? next : nil
      }
      return false
    }
  }

  private static func passes(_ node: xmlNodePtr, _ test: Test) -> Bool {
    switch test {
    case .hasAttribute(let name):
      return attribute(node, name) != nil
    case .attributeEquals(let name, let literal):
      return attribute(node, name).map { value(of: $0) == literal } ?? false
    case .attributeContains(let name, let literal):
      return attribute(node, name).map { contains(value(of: $0), literal) } ?? false
    case .attributeStartsWith(let name, let literal):
      return attribute(node, name).map { value(of: $0).starts(with: literal) } ?? false
    case .classToken(let token):
      guard let attribute = attribute(node, Array("class".utf8)) else { return false }
      return value(of: attribute).split(whereSeparator: isXMLSpace).contains { $0.elementsEqual(token) }
    case .textStartsWith(let literal):
      return normalizedStringValue(node, atLeast: literal.count).starts(with: literal)
    case .selfIsOneOf(let names):
      return names.contains { $0.matches(node) }
    case .hasChild(let name):
      var child = node.pointee.children
      while let current = child {
        if name.matches(current) { return true }
        child = current.pointee.next
      }
      return false
    case .hasDescendant(let name):
      return hasDescendant(node, name)
    case .not(let inner):
      return !passes(node, inner)
    }
  }

  private static func hasDescendant(_ root: xmlNodePtr, _ name: NameTest) -> Bool {
    var current = root.pointee.children
    while let node = current {
      if name.matches(node) { return true }
      if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
        current = child
        continue
      }
      var climbing: xmlNodePtr? = node
      current = nil
      while let candidate = climbing, candidate != root {
        if let next = candidate.pointee.next {
          current = next
          break
        }
        climbing = candidate.pointee.parent
        if climbing == root { break }
      }
    }
    return false
  }

  private static func attribute(_ node: xmlNodePtr, _ name: [UInt8]) -> xmlAttrPtr? {
    var property = node.pointee.properties
    while let current = property {
      if current.pointee.ns == nil && equal(current.pointee.name, name) { return current }
      property = current.pointee.next
    }
    return nil
  }

  private static func value(of attribute: xmlAttrPtr) -> [UInt8] {
    // An attribute's value is one text node, except with entity references; read it whole then.
    let child = attribute.pointee.children
    if let child, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
      let content = child.pointee.content
    {
      return Array(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }
    guard let copy = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else {
      return []
    }
    defer { evs_free(copy) }
    return Array(UnsafeBufferPointer(start: copy, count: Int(xmlStrlen(copy))))
  }

  /// XPath's `normalize-space(.)`: the text nodes below, concatenated, with XML white space collapsed and
  /// trimmed; only the first `atLeast` bytes are needed to test a prefix.
  private static func normalizedStringValue(_ root: xmlNodePtr, atLeast: Int) -> [UInt8] {
    var output: [UInt8] = []
    var pendingSpace = false
    var current: xmlNodePtr? = root
    var descending = true
    while let node = current, output.count <= atLeast {
      if descending {
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
          let content = node.pointee.content
        {
          var index = 0
          while content[index] != 0 && output.count <= atLeast {
            let byte = content[index]
            if isXMLSpace(byte) {
              pendingSpace = true
            } else {
              if pendingSpace && !output.isEmpty { output.append(0x20) }
              pendingSpace = false
              output.append(byte)
            }
            index += 1
          }
        } else if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
          current = child
          continue
        }
      }
      if node == root { break }
      if let next = node.pointee.next {
        current = next
        descending = true
      } else {
        current = node.pointee.parent
        descending = false
        if current == root { break }
      }
    }
    return output
  }

  private static func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }

  static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
    guard let string else { return false }
    var index = 0
    while index < bytes.count {
      if string[index] != bytes[index] { return false }
      index += 1
    }
    return string[index] == 0
  }
}
