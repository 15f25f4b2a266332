/// Reads the fields of a statement line of the usual shape without `JSONSerialization`, which took most of
/// the time to load a million statements: one flat JSON object whose values are strings, `null`, short
/// numbers, `true` or `false`, and for `concepts` a list of strings. Anything else (nested values, long
/// numbers, a known key given twice or with another type, any doubt about the JSON) gives nil, and the
/// caller parses the line with `JSONSerialization`, which also says what is wrong with it.
enum StatementLineScanner {
  /// The known keys' values; nil when absent or null.
  struct Fields {
    var id: String?
    var text: String?
    var framework: String?
    var title: String?
    var primaryCode: String?
    var concepts: [String]?
  }

  static func fields(_ line: UnsafeBufferPointer<UInt8>) -> Fields? {
    var cursor = Cursor(bytes: line)
    var fields = Fields()
    var seen: UInt8 = 0
    cursor.skipSpace()
    guard cursor.take(UInt8(ascii: "{")) else { return nil }
    cursor.skipSpace()
    if !cursor.take(UInt8(ascii: "}")) {
      while true {
        guard let key = cursor.plainKey() else { return nil }
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: ":")) else { return nil }
        cursor.skipSpace()
        if let slot = knownKeys.firstIndex(where: { $0.elementsEqual(key) }) {
          let bit: UInt8 = 1 << UInt8(slot)
          guard seen & bit == 0 else { return nil }
          seen |= bit
          if slot == conceptsSlot {
            if !cursor.takeLiteral("null") {
              guard let list = cursor.stringList() else { return nil }
              fields.concepts = list
            }
          } else if !cursor.takeLiteral("null") {
            guard let value = cursor.string() else { return nil }
            switch slot {
            case 0: fields.id = value
            case 1: fields.text = value
            case 2: fields.framework = value
            case 3: fields.title = value
            default: fields.primaryCode = value
            }
          }
        } else {
          guard cursor.skipScalar() else { return nil }
        }
        cursor.skipSpace()
        if cursor.take(UInt8(ascii: "}")) { break }
        guard cursor.take(UInt8(ascii: ",")) else { return nil }
        cursor.skipSpace()
      }
    }
    cursor.skipSpace()
    return cursor.atEnd ? fields : nil
  }

  /// The keys read, in the order `fields` numbers them.
  private static let knownKeys: [[UInt8]] = ["id", "text", "framework", "title", "primaryCode", "concepts"]
    .map {
      Array($0.utf8)
    }
  private static let conceptsSlot = 5
}

/// A position in a line's bytes, with the few JSON productions the scanner accepts.
private struct Cursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var atEnd: Bool { position == bytes.count }

  mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
      position += 1
    }
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func takeLiteral(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - position >= count else { return false }
    for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
    position += count
    return true
  }

  /// A key without escapes, as its bytes; nil for any other key (the line is then left to
  /// `JSONSerialization`).
  mutating func plainKey() -> UnsafeBufferPointer<UInt8>? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)])
      }
      guard byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\\") else { return nil }
      position += 1
    }
    return nil
  }

  /// A string with its escapes resolved, or nil for anything JSON does not allow in one (a raw control
  /// character, an unknown escape, a lone surrogate, bytes that are not UTF-8).
  mutating func string() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    let start = position
    // The usual string has no escapes and is taken as it stands.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        defer { position += 1 }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return nil }
      position += 1
    }
    var decoded = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(validating: decoded, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard appendEscape(to: &decoded) else { return nil }
      default:
        if byte < 0x20 { return nil }
        decoded.append(byte)
      }
    }
    return nil
  }

  /// Resolves the escape after a backslash into `decoded`; false for one JSON does not allow in a string
  /// (or leaves to `JSONSerialization`).
  private mutating func appendEscape(to decoded: inout [UInt8]) -> Bool {
    guard position < bytes.count else { return false }
    let escape = bytes[position]
    position += 1
    switch escape {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
    case UInt8(ascii: "b"): decoded.append(0x08)
    case UInt8(ascii: "f"): decoded.append(0x0C)
    case UInt8(ascii: "n"): decoded.append(0x0A)
    case UInt8(ascii: "r"): decoded.append(0x0D)
    case UInt8(ascii: "t"): decoded.append(0x09)
    case UInt8(ascii: "u"):
      guard var scalar = hexQuad() else { return false }
      if (0xD800...0xDBFF).contains(scalar) {
        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexQuad(),
          (0xDC00...0xDFFF).contains(low)
        else { return false }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      // NUL is left to JSONSerialization, in case it treats it otherwise.
      guard scalar != 0, let unicode = Unicode.Scalar(scalar), let encoded = UTF8.encode(unicode) else {
        return false
      }
      decoded.append(contentsOf: encoded)
    default:
      return false
    }
    return true
  }

  private mutating func hexQuad() -> UInt32? {
    guard bytes.count - position >= 4 else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  /// `[` strings `]`, or nil.
  mutating func stringList() -> [String]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var list: [String] = []
    skipSpace()
    if take(UInt8(ascii: "]")) { return list }
    while true {
      skipSpace()
      guard let item = string() else { return nil }
      list.append(item)
      skipSpace()
      if take(UInt8(ascii: "]")) { return list }
      guard take(UInt8(ascii: ",")) else { return nil }
    }
  }

  /// Steps over a value of a key the reader ignores: a string, a literal, or a number of at most 15 digits
  /// without an exponent (so that no number is read here that `JSONSerialization` would refuse).
  mutating func skipScalar() -> Bool {
    if position < bytes.count && bytes[position] == UInt8(ascii: "\"") { return string() != nil }
    if takeLiteral("null") || takeLiteral("true") || takeLiteral("false") { return true }
    _ = take(UInt8(ascii: "-"))
    var digits = 0
    let integerStart = position
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
      position += 1
      digits += 1
    }
    guard digits > 0, digits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return false }
    if take(UInt8(ascii: ".")) {
      var fraction = 0
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
        position += 1
        fraction += 1
      }
      guard fraction > 0 else { return false }
      digits += fraction
    }
    return digits <= 15
  }
}
