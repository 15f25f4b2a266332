/// Reads the XPath subset `SimpleSelector` answers; returns nil for anything outside it, which then
/// goes to libxml2 unchanged.
struct SimpleSelectorParser {
  private let bytes: [UInt8]
  private var position = 0
  private let namespaces: [String: String]

  private init(_ expression: String, namespaces: [String: String]) {
    bytes = Array(expression.utf8)
    self.namespaces = namespaces
  }

  /// The selectors of a union such as `//h2 | //h3`, or nil when any part is outside the subset.
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
      } else if character == "[" || character == "(" {
        depth += 1
      } else if character == "]" || character == ")" {
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
      var parser = SimpleSelectorParser(part, namespaces: namespaces)
      guard let selector = parser.path() else { return nil }
      selectors.append(selector)
    }
    return selectors
  }

  private mutating func path() -> SimpleSelector? {
    skipSpaces()
    var steps: [SimpleSelector.Step] = []
    while !atEnd {
      let axis: SimpleSelector.Axis
      if consume("//") {
        axis = .descendant
      } else if consume("/") {
        axis = .child
      } else {
        return nil
      }
      guard let name = nameTest() else { return nil }
      var tests: [SimpleSelector.Test] = []
      while consume("[") {
        skipSpaces()
        guard let test = predicate() else { return nil }
        tests.append(test)
        skipSpaces()
        guard consume("]") else { return nil }
      }
      steps.append(SimpleSelector.Step(axis: axis, name: name, tests: tests))
      skipSpaces()
    }
    return steps.isEmpty ? nil : SimpleSelector(steps: steps)
  }

  private mutating func nameTest() -> SimpleSelector.NameTest? {
    if consume("*") { return SimpleSelector.NameTest(name: nil, namespaceURI: nil, anyNamespace: true) }
    guard let first = name() else { return nil }
    if consume(":") {
      guard let local = name(), let uri = namespaces[String(decoding: first, as: UTF8.self)] else {
        return nil
      }
      return SimpleSelector.NameTest(name: local, namespaceURI: Array(uri.utf8), anyNamespace: false)
    }
    return SimpleSelector.NameTest(name: first, namespaceURI: nil, anyNamespace: false)
  }

  private mutating func predicate() -> SimpleSelector.Test? {
    if consume("not(") {
      skipSpaces()
      guard let inner = atom() else { return nil }
      skipSpaces()
      return consume(")") ? .not(inner) : nil
    }
    return atom()
  }

  private mutating func atom() -> SimpleSelector.Test? {
    if lookingAt("self::") {
      var names: [SimpleSelector.NameTest] = []
      repeat {
        skipSpaces()
        guard consume("self::"), let name = nameTest() else { return nil }
        names.append(name)
        skipSpaces()
      } while consume("or ")
      return .selfIsOneOf(names)
    }
    if consume("@") {
      guard let attribute = name() else { return nil }
      skipSpaces()
      guard consume("=") else { return .hasAttribute(attribute) }
      skipSpaces()
      return literal().map { .attributeEquals(attribute, $0) }
    }
    if consume("contains(concat(") {
      // The class-token idiom, exactly: contains(concat(' ', normalize-space(@class), ' '), ' token ').
      guard literalIs(" "), comma(), consume("normalize-space(@class)"), comma(), literalIs(" "), close(),
        comma(), let padded = literal(), close(), padded.count > 2, padded.first == 0x20, padded.last == 0x20
      else { return nil }
      let token = Array(padded.dropFirst().dropLast())
      guard !token.contains(0x20) else { return nil }
      return .classToken(token)
    }
    if consume("starts-with(normalize-space(.)") {
      guard comma(), let text = literal(), !text.isEmpty, close() else { return nil }
      return .textStartsWith(text)
    }
    let isContains = consume("contains(")
    if isContains || consume("starts-with(") {
      skipSpaces()
      guard consume("@"), let attribute = name(), comma(), let text = literal(), !text.isEmpty, close() else {
        return nil
      }
      return isContains ? .attributeContains(attribute, text) : .attributeStartsWith(attribute, text)
    }
    if consume(".//") {
      return nameTest().map { .hasDescendant($0) }
    }
    return nameTest().map { .hasChild($0) }
  }

  // MARK: Scanning

  private var atEnd: Bool { position == bytes.count }

  private func lookingAt(_ text: String) -> Bool {
    let expected = Array(text.utf8)
    return bytes.count - position >= expected.count
      && bytes[position..<(position + expected.count)].elementsEqual(expected)
  }

  private mutating func consume(_ text: String) -> Bool {
    guard lookingAt(text) else { return false }
    position += text.utf8.count
    return true
  }

  private mutating func skipSpaces() {
    while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
  }

  private mutating func comma() -> Bool {
    skipSpaces()
    defer { skipSpaces() }
    return consume(",")
  }

  private mutating func close() -> Bool {
    skipSpaces()
    return consume(")")
  }

  private mutating func literalIs(_ text: String) -> Bool {
    skipSpaces()
    return literal() == Array(text.utf8)
  }

  /// An XML name without a colon.
  private mutating func name() -> [UInt8]? {
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

  private mutating func literal() -> [UInt8]? {
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
