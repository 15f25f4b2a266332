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
    var selectors: [SimpleSelector] = []
    for part in unionParts(expression) {
      var parser = SimpleSelectorParser(part, namespaces: namespaces)
      guard let selector = parser.path() else { return nil }
      selectors.append(selector)
    }
    return selectors
  }

  /// The parts of a union, split at the `|` outside brackets and quotes.
  static func unionParts(_ expression: String) -> [String] {
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
    return parts
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
        let start = position
        skipSpaces()
        if let test = predicate(), closesPredicate() {
          tests.append(test)
        } else {
          position = start
          guard let text = rawPredicate() else { return nil }
          tests.append(.delegated(text))
        }
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
    orExpression()
  }

  private mutating func orExpression() -> SimpleSelector.Test? {
    guard let first = andExpression() else { return nil }
    var terms = [first]
    while keyword("or") {
      guard let next = andExpression() else { return nil }
      terms.append(next)
    }
    return terms.count == 1 ? first : .any(terms)
  }

  private mutating func andExpression() -> SimpleSelector.Test? {
    guard let first = unary() else { return nil }
    var terms = [first]
    while keyword("and") {
      guard let next = unary() else { return nil }
      terms.append(next)
    }
    return terms.count == 1 ? first : .all(terms)
  }

  private mutating func unary() -> SimpleSelector.Test? {
    skipSpaces()
    if consume("not(") {
      guard let inner = orExpression(), close() else { return nil }
      return .not(inner)
    }
    if consume("(") {
      guard let inner = orExpression(), close() else { return nil }
      return inner
    }
    let test = atom()
    skipSpaces()
    return test
  }

  /// `and` or `or` as an operator: followed by a space or a parenthesis, never part of a name.
  private mutating func keyword(_ word: String) -> Bool {
    skipSpaces()
    let start = position
    guard consume(word), position < bytes.count,
      bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == UInt8(ascii: "(")
    else {
      position = start
      return false
    }
    return true
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
      if consume("@") {
        guard let attribute = name(), comma(), let text = literal(), !text.isEmpty, close() else {
          return nil
        }
        return isContains ? .attributeContains(attribute, text) : .attributeStartsWith(attribute, text)
      }
      guard let source = stringSource(), comma(), let text = literal(), close() else { return nil }
      return isContains ? .stringContains(source, text) : .stringStartsWith(source, text)
    }
    if consume(".//") {
      return nameTest().map { .hasDescendant($0) }
    }
    let preceding = consume("preceding-sibling::")
    if preceding || consume("following-sibling::") {
      guard let name = nameTest(), let tests = nestedPredicates() else { return nil }
      return .hasSibling(preceding ? .preceding : .following, name, tests)
    }
    if lookingAt("normalize-space(") || lookingAt("substring(") {
      guard let source = stringSource(), equalsLiteral(), let text = literal() else { return nil }
      return .stringEquals(source, text)
    }
    guard let name = nameTest() else { return nil }
    if consume("/@") {
      guard let attribute = self.name(), equalsLiteral(), let text = literal() else { return nil }
      return .stringEquals(.childAttributes(name, attribute), text)
    }
    guard let tests = nestedPredicates() else { return nil }
    if tests.isEmpty && equalsLiteral() {
      return literal().map { .stringEquals(.children(name), $0) }
    }
    return .hasChild(name, tests)
  }

  /// A string-valued argument: `normalize-space(.)`, one of its substrings, `name` or `name/@a`.
  private mutating func stringSource() -> SimpleSelector.StringSource? {
    if consume("normalize-space(.)") { return .normalizedText }
    if consume("substring(") {
      skipSpaces()
      guard consume("normalize-space(.)"), comma() else { return nil }
      if consume("string-length(normalize-space(.))") {
        return close() ? .normalizedTextLastCharacter : nil
      }
      guard let start = integer() else { return nil }
      var length: Int?
      if comma() {
        guard let value = integer() else { return nil }
        length = value
      }
      return close() ? .normalizedTextSubstring(start: start, length: length) : nil
    }
    guard let name = nameTest() else { return nil }
    if consume("/@") {
      return self.name().map { .childAttributes(name, $0) }
    }
    return .children(name)
  }

  /// Predicates of a step inside a predicate; nil when one is outside the subset.
  private mutating func nestedPredicates() -> [SimpleSelector.Test]? {
    var tests: [SimpleSelector.Test] = []
    while consume("[") {
      skipSpaces()
      guard let test = predicate(), closesPredicate() else { return nil }
      tests.append(test)
    }
    return tests
  }

  private mutating func equalsLiteral() -> Bool {
    skipSpaces()
    // `=` and not `!=` (which the caller would not have reached) nor a longer operator.
    guard consume("=") else { return false }
    skipSpaces()
    return true
  }

  /// A whole number without sign, fraction or exponent.
  private mutating func integer() -> Int? {
    let start = position
    while position < bytes.count && (0x30...0x39).contains(bytes[position]) { position += 1 }
    guard position > start, position - start < 10 else { return nil }
    guard
      position == bytes.count
        || (bytes[position] != UInt8(ascii: ".") && bytes[position] != UInt8(ascii: "e"))
    else { return nil }
    return Int(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private mutating func closesPredicate() -> Bool {
    skipSpaces()
    return consume("]")
  }

  /// A predicate outside the subset, up to its closing bracket, for libxml2 to evaluate on each candidate.
  /// Refused when it may depend on the candidate's position among others (`position()`, `last()`, checked
  /// crudely by the words), which a candidate evaluated on its own does not have.
  private mutating func rawPredicate() -> String? {
    let start = position
    var depth = 0
    var quote: UInt8?
    while position < bytes.count {
      let byte = bytes[position]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == 0x27 || byte == 0x22 {
        quote = byte
      } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") {
        depth += 1
      } else if byte == UInt8(ascii: ")") {
        depth -= 1
      } else if byte == UInt8(ascii: "]") {
        if depth == 0 { break }
        depth -= 1
      }
      position += 1
    }
    guard position < bytes.count, quote == nil, depth == 0 else { return nil }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    position += 1
    guard !text.allSatisfy({ $0 == " " || $0 == "\t" }), !text.contains("position"), !text.contains("last")
    else { return nil }
    return text
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
