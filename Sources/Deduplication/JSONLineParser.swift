/// Parses one JSON object of string-valued fields from UTF-8 bytes, fast enough for a million lines: string
/// values (and lists of strings) are kept, null is nil, any other value is skipped after checking its syntax.
/// Errors carry the 1-based column, for messages that point into the line.
struct JSONLineParser {
  enum Value: Equatable {
    case string(String)
    case strings([String])
    case null
    /// A number, true/false, an object, or a list that is not all strings: `kind` says which.
    case other(kind: String)
  }

  struct Failure: Error {
    var column: Int
    var message: String
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The object's keys and values; duplicate keys keep the last value, as most JSON readers do.
  static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [String: Value] {
    var parser = JSONLineParser(bytes)
    parser.skipSpace()
    guard parser.peek() == UInt8(ascii: "{") else {
      throw parser.failure("the line is not a JSON object")
    }
    parser.position += 1
    var fields: [String: Value] = [:]
    parser.skipSpace()
    if parser.peek() == UInt8(ascii: "}") {
      parser.position += 1
    } else {
      while true {
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: "\"") else {
          throw parser.failure("expected a key in double quotes")
        }
        let key = try parser.string()
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: ":") else { throw parser.failure("expected `:` after the key") }
        parser.position += 1
        parser.skipSpace()
        fields[key] = try parser.value()
        parser.skipSpace()
        if parser.peek() == UInt8(ascii: ",") {
          parser.position += 1
          continue
        }
        guard parser.peek() == UInt8(ascii: "}") else { throw parser.failure("expected `,` or `}`") }
        parser.position += 1
        break
      }
    }
    parser.skipSpace()
    guard parser.position == bytes.count else { throw parser.failure("unexpected text after the object") }
    return fields
  }

  private func failure(_ message: String) -> Failure {
    Failure(column: position + 1, message: message)
  }

  private func peek() -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private mutating func skipSpace() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { position += 1 }
  }

  private mutating func value() throws(Failure) -> Value {
    guard let byte = peek() else { throw failure("a value is missing") }
    switch byte {
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "["):
      return try list()
    case UInt8(ascii: "{"):
      try skipObject()
      return .other(kind: "an object")
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "t"):
      try literal("true")
      return .other(kind: "true or false")
    case UInt8(ascii: "f"):
      try literal("false")
      return .other(kind: "true or false")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      return .other(kind: "a number")
    default:
      throw failure("unexpected character")
    }
  }

  private mutating func literal(_ word: StaticString) throws(Failure) {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard position + expected.count <= bytes.count,
      expected.indices.allSatisfy({ bytes[position + $0] == expected[$0] })
    else { throw failure("unexpected word") }
    position += expected.count
  }

  private mutating func number() throws(Failure) {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    var digits = 0
    while let byte = peek(),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "e")
        || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    {
      digits += 1
      position += 1
    }
    if digits == 0 {
      position = start
      throw failure("a malformed number")
    }
  }

  private mutating func list() throws(Failure) -> Value {
    position += 1
    var strings: [String] = []
    var allStrings = true
    skipSpace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return .strings([])
    }
    while true {
      skipSpace()
      switch try value() {
      case .string(let text): strings.append(text)
      default: allStrings = false
      }
      skipSpace()
      if peek() == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard peek() == UInt8(ascii: "]") else { throw failure("expected `,` or `]` in a list") }
      position += 1
      return allStrings ? .strings(strings) : .other(kind: "a list with values other than strings")
    }
  }

  private mutating func skipObject() throws(Failure) {
    position += 1
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      skipSpace()
      guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
      _ = try string()
      skipSpace()
      guard peek() == UInt8(ascii: ":") else { throw failure("expected `:` after the key") }
      position += 1
      skipSpace()
      _ = try value()
      skipSpace()
      if peek() == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard peek() == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
      position += 1
      return
    }
  }

  /// A string starting at the opening quote; escapes decoded, invalid UTF-8 replaced.
  private mutating func string() throws(Failure) -> String {
    let opening = position
    position += 1
    let start = position
    // Fast path: no escapes.
    while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
      guard byte >= 0x20 else { throw failure("a control character inside a string; escape it") }
      position += 1
    }
    guard let stop = peek() else {
      position = opening
      throw failure("a string is never closed")
    }
    if stop == UInt8(ascii: "\"") {
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      position += 1
      return text
    }
    var buffer = Array(bytes[start..<position])
    while true {
      guard let byte = peek() else {
        position = opening
        throw failure("a string is never closed")
      }
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: buffer, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let escape = peek() else { throw failure("a string is never closed") }
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800...0xDBFF).contains(scalar), peek() == UInt8(ascii: "\\"), position + 1 < bytes.count,
            bytes[position + 1] == UInt8(ascii: "u")
          {
            position += 2
            let low = try hex4()
            scalar =
              (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
          }
          buffer.append(
            contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
        default:
          position -= 1
          throw failure("an unknown escape in a string")
        }
      default:
        guard byte >= 0x20 else {
          position -= 1
          throw failure("a control character inside a string; escape it")
        }
        buffer.append(byte)
      }
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count else { throw failure("a short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("a malformed \\u escape")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }
}
