/// One label as a paragraph writes it, such as `(iv)`, with every way it can be read: `(i)` is both
/// the ninth letter and the first roman numeral, and only its place in the outline tells which.
struct OutlineLabel: Equatable {
  enum Kind: String, Equatable {
    case number
    case lowerLetter
    case upperLetter
    case lowerRoman
    case upperRoman
    /// A token none of the others reads, such as `aa` or `1.5`: kept, but never counted.
    case other
  }

  /// One way to read the label: its kind and its place in that kind's sequence (`c` is letter 3).
  struct Reading: Equatable {
    let kind: Kind
    let ordinal: Int
  }

  /// The label as written, such as `(iv)`: what section paths and statement labels show.
  let written: String
  /// What the recipe's label pattern captured, such as `iv`.
  let token: String
  /// Every reading of the token, never empty (an unknown token reads as `.other`).
  let readings: [Reading]

  init(written: String, token: String) {
    self.written = written
    self.token = token
    let readings = Self.readings(of: token)
    self.readings = readings.isEmpty ? [Reading(kind: .other, ordinal: 0)] : readings
  }

  /// Digits are numbers; a single letter is a letter, and `i`, `v`, `x` (either case) are roman numerals
  /// too; longer tokens of roman digits are roman numerals. Single `l`, `c`, `d`, `m` are only letters:
  /// drafting never counts to fifty in roman numerals alone.
  static func readings(of token: String) -> [Reading] {
    if !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(token) {
      return [Reading(kind: .number, ordinal: value)]
    }
    var result: [Reading] = []
    if token.count == 1, let letter = token.unicodeScalars.first, letter.isASCII {
      let value = letter.value
      if (0x61...0x7A).contains(value) {
        result.append(Reading(kind: .lowerLetter, ordinal: Int(value) - 0x60))
      } else if (0x41...0x5A).contains(value) {
        result.append(Reading(kind: .upperLetter, ordinal: Int(value) - 0x40))
      }
    }
    let isSingleLetter = token.count == 1
    if let value = romanValue(token.lowercased()),
      !isSingleLetter || "ivx".contains(token.lowercased())
    {
      let isLower = token == token.lowercased()
      let isUpper = token == token.uppercased()
      if isLower { result.append(Reading(kind: .lowerRoman, ordinal: value)) }
      if isUpper { result.append(Reading(kind: .upperRoman, ordinal: value)) }
    }
    return result
  }

  /// The value of a lower-case roman numeral written the usual way (`iv`, not `iiii`), or nil.
  static func romanValue(_ text: String) -> Int? {
    let digits: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
    let values = text.compactMap { digits[$0] }
    guard !values.isEmpty, values.count == text.count else { return nil }
    var total = 0
    for (index, value) in values.enumerated() {
      if index + 1 < values.count && value < values[index + 1] {
        total -= value
      } else {
        total += value
      }
    }
    // Only the usual spelling counts, so "iiii" or "vx" are not numerals.
    return total > 0 && romanText(total) == text ? total : nil
  }

  static func romanText(_ number: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
      (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var rest = number
    var text = ""
    for (value, letters) in table {
      while rest >= value {
        text += letters
        rest -= value
      }
    }
    return text
  }
}
