import Foundation

/// The string work statement building repeats for every unit. Swift's Character operations (count,
/// hasPrefix, dropFirst, lowercased) walk grapheme clusters, which cost more than the rest of building a
/// statement; each function here works on UTF-8 bytes where that provably gives the same answer, and
/// falls back to the Character operation where it might not.
enum StatementText {
  /// Removing a citation or footnote marker leaves the space before it: "limitations [12]." becomes
  /// "limitations ." Closing punctuation never takes a space before it, nor opening brackets after.
  static func tidiedPunctuation(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { bytes in
      // Up to the first change the output is the input, so only the rest needs rebuilding. Every change
      // is at a space (one after an opening bracket) or just after one (closing punctuation).
      var first = bytes.count
      var space = 0
      while space < bytes.count {
        if bytes[space] == 0x20 {
          if space > 0 && isOpening(bytes[space - 1]) {
            first = space
            break
          }
          if space + 1 < bytes.count && isClosing(bytes[space + 1]) {
            first = space + 1
            break
          }
        }
        space += 1
      }
      guard first < bytes.count else { return text }
      var output = Array(bytes[0..<first])
      output.reserveCapacity(bytes.count)
      for byte in bytes[first...] {
        if isClosing(byte) {
          if output.last == 0x20 { output.removeLast() }
        } else if byte == 0x20, let last = output.last, isOpening(last) {
          continue
        }
        output.append(byte)
      }
      return String(decoding: output, as: UTF8.self)
    }
  }

  private static func isClosing(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"),
      UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "?"):
      true
    default:
      false
    }
  }

  private static func isOpening(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[")
  }

  /// `text` without its lead `prefix` (a label or title) and the punctuation after it, when `text` starts
  /// with `prefix` and has more after it; nil when it does not.
  static func removingLead(_ prefix: String, from text: String) -> String? {
    let bytes = text.utf8
    let lead = prefix.utf8
    if let last = lead.last, bytes.count >= lead.count, startsWithBytes(text, prefix) {
      if bytes.count == lead.count { return nil }
      let boundary = bytes.index(bytes.startIndex, offsetBy: lead.count)
      let next = bytes[boundary]
      // The byte prefix is also a prefix in Characters, with at least one Character after it.
      if endsCharacter(between: last, and: next) {
        return trimmedLead(text[boundary...])
      }
    }
    guard text.hasPrefix(prefix) && text.count > prefix.count else { return nil }
    return trimmedLead(text.dropFirst(prefix.count))
  }

  /// Between two ASCII scalars other than CR LF a Character always ends.
  private static func endsCharacter(between before: UInt8, and after: UInt8) -> Bool {
    before < 0x80 && after < 0x80 && !(before == 0x0D && after == 0x0A)
  }

  /// The bytes `range` of `text` as a String when both ends fall between two ASCII scalars other than
  /// CR LF (or at an end of the text), where a Character always ends; nil otherwise, for the caller to
  /// check the bounds the slow way.
  static func asciiBounded(_ text: String, _ range: Range<Int>) -> String? {
    var copy = text
    return copy.withUTF8 { bytes in
      func isBoundary(_ index: Int) -> Bool {
        if index == 0 || index == bytes.count { return true }
        return endsCharacter(between: bytes[index - 1], and: bytes[index])
      }
      guard range.lowerBound >= 0, range.upperBound <= bytes.count, isBoundary(range.lowerBound),
        isBoundary(range.upperBound)
      else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
  }

  /// Whether the UTF-8 of `text` starts with that of `prefix`, compared as memory.
  private static func startsWithBytes(_ text: String, _ prefix: String) -> Bool {
    var (whole, lead) = (text, prefix)
    return whole.withUTF8 { bytes in
      lead.withUTF8 { start in
        start.count <= bytes.count
          && (start.isEmpty || memcmp(bytes.baseAddress!, start.baseAddress!, start.count) == 0)
      }
    }
  }

  /// The text without leading punctuation, dashes and spaces.
  static func trimmedLead(_ text: Substring) -> String {
    let bytes = text.utf8
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      var after = bytes.index(after: index)
      if byte == 0xE2 {
        // An en or em dash, E2 80 93 or E2 80 94.
        guard after < bytes.endIndex, bytes[after] == 0x80 else { break }
        let third = bytes.index(after: after)
        guard third < bytes.endIndex, bytes[third] == 0x93 || bytes[third] == 0x94 else { break }
        after = bytes.index(after: third)
      } else if !isLeadPunctuation(byte) {
        break
      }
      // The scalar is one of the set; it is a whole Character unless something non-ASCII follows.
      guard after == bytes.endIndex || bytes[after] < 0x80 else {
        return trimmedLeadCharacters(text[index...])
      }
      index = after
    }
    return String(text[index...])
  }

  private static func isLeadPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "-"),
      UInt8(ascii: " "):
      true
    default:
      false
    }
  }

  private static func trimmedLeadCharacters(_ text: Substring) -> String {
    var result = text
    while let first = result.first, ".:;,—–- ".contains(first) { result = result.dropFirst() }
    return String(result)
  }

  /// The title without trailing punctuation, dashes and spaces.
  static func trimmedTitle(_ title: String) -> String {
    let bytes = title.utf8
    var end = bytes.endIndex
    while end > bytes.startIndex {
      // The last scalar: one ASCII byte, or an en or em dash, E2 80 93 or E2 80 94.
      var start = bytes.index(before: end)
      let last = bytes[start]
      if last == 0x93 || last == 0x94 {
        guard bytes.distance(from: bytes.startIndex, to: start) >= 2 else { break }
        let middle = bytes.index(before: start)
        let lead = bytes.index(before: middle)
        guard bytes[middle] == 0x80 && bytes[lead] == 0xE2 else { break }
        start = lead
      } else if !isLeadPunctuation(last) {
        break
      }
      // One of the set; a whole Character unless what comes before it is not ASCII (a prepended mark
      // would join it).
      guard start == bytes.startIndex || bytes[bytes.index(before: start)] < 0x80 else {
        return trimmedTitleCharacters(title[..<end])
      }
      end = start
    }
    return String(title[..<end])
  }

  private static func trimmedTitleCharacters(_ title: Substring) -> String {
    var result = title
    while let last = result.last, ".:;,—–- ".contains(last) { result = result.dropLast() }
    return String(result)
  }

  /// `String(text.prefix(count))`: the first `count` Characters.
  static func prefix(_ text: String, _ count: Int) -> String {
    if text.utf8.count <= count { return text }
    // As in `isShorter`: ASCII without a CR is one Character a byte, the byte after included.
    var copy = text
    let ascii = copy.withUTF8 { bytes in
      (0...count).allSatisfy { bytes[$0] < 0x80 && bytes[$0] != 0x0D }
    }
    if ascii { return String(text.utf8.prefix(count))! }
    return String(text.prefix(count))
  }

  /// `text.count < limit`, counting Characters only as far as the limit.
  static func isShorter(_ text: String, than limit: Int) -> Bool {
    // Every Character takes at least one byte.
    if text.utf8.count < limit { return true }
    // Between two ASCII scalars other than CR LF a Character always ends, so `limit` leading ASCII bytes
    // without a CR are at least `limit` Characters.
    var copy = text
    let asciiLead = copy.withUTF8 { bytes in
      var index = 0
      while index < limit && bytes[index] < 0x80 && bytes[index] != 0x0D { index += 1 }
      return index == limit
    }
    if asciiLead { return false }
    var count = 0
    for _ in text {
      count += 1
      if count >= limit { return false }
    }
    return true
  }

  /// The same string as `text.lowercased()`, which maps each scalar through its lowercase mapping; when
  /// the text is not all ASCII, the standard library does that for the ASCII scalars too, a table lookup
  /// and a string append each. Here runs of ASCII are lowered in place and only other scalars are mapped.
  static func lowercased(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { bytes in
      if !bytes.contains(where: { $0 >= 0x80 }) {
        return String(unsafeUninitializedCapacity: bytes.count) { output in
          for index in 0..<bytes.count {
            let byte = bytes[index]
            output[index] = byte &- 0x41 < 26 ? byte + 32 : byte
          }
          return bytes.count
        }
      }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + 16)
      var index = 0
      while index < bytes.count {
        var end = index
        while end < bytes.count && bytes[end] < 0x80 { end += 1 }
        if end > index {
          let start = output.count
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
          output.withUnsafeMutableBufferPointer { lowered in
            for position in start..<lowered.count where lowered[position] &- 0x41 < 26 {
              lowered[position] += 32
            }
          }
        }
        guard end < bytes.count else { break }
        let (scalar, width) = decodeScalar(bytes, at: end)
        output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        index = end + width
      }
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// A hash of `lowercased(text)` when the text is all ASCII, nil otherwise: equal texts up to ASCII case
  /// get equal hashes without building the lower-cased copy, eight bytes at a time. (Only for ASCII: a
  /// String compares other scalars by canonical equivalence, which bytes cannot see.)
  static func asciiFoldedHash(_ text: String) -> UInt64? {
    var copy = text
    return copy.withUTF8 { bytes -> UInt64? in
      guard let base = bytes.baseAddress else { return 0 }
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
      var seen: UInt64 = 0
      var index = 0
      while index + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        seen |= word
        hash = (hash ^ foldedASCII(word)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        index += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.count {
        tail |= UInt64(bytes[index]) << shift
        shift += 8
        index += 1
      }
      seen |= tail
      guard seen & 0x8080_8080_8080_8080 == 0 else { return nil }
      hash = (hash ^ foldedASCII(tail)) &* 0x9E37_79B9_7F4A_7C15
      return hash ^ (hash >> 32)
    }
  }

  /// Eight ASCII bytes with A to Z lowered: a byte b < 0x80 is upper case when b + 0x3F reaches 0x80 and
  /// b + 0x25 does not; no sum carries into the next byte.
  @inline(__always)
  private static func foldedASCII(_ word: UInt64) -> UInt64 {
    let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
    let pastZ = word &+ 0x2525_2525_2525_2525
    return word | (((atLeastA & ~pastZ) & 0x8080_8080_8080_8080) >> 2)
  }

  /// `lowercased(a) == lowercased(b)` for two all-ASCII texts.
  static func equalFoldingASCII(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var (first, second) = (a, b)
    return first.withUTF8 { x in
      second.withUTF8 { y in
        guard let left = x.baseAddress, let right = y.baseAddress else { return true }
        var index = 0
        while index + 8 <= x.count {
          let one = UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
          let other = UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
          if one != other && foldedASCII(one) != foldedASCII(other) { return false }
          index += 8
        }
        while index < x.count {
          if x[index] != y[index] && foldedASCII(UInt64(x[index])) != foldedASCII(UInt64(y[index])) {
            return false
          }
          index += 1
        }
        return true
      }
    }
  }

  /// The scalar whose (valid, as in any String) UTF-8 encoding starts at `index`, and its byte count.
  private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    Unicode.Scalar, Int
  ) {
    let lead = UInt32(bytes[index])
    func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
    let value: UInt32
    let width: Int
    if lead >= 0xF0 {
      (value, width) = ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
    } else if lead >= 0xE0 {
      (value, width) = ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
    } else {
      (value, width) = ((lead & 0x1F) << 6 | next(1), 2)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
  }

  /// `Measure II.4.3` becomes `measure-ii-4-3`: lower case letters and digits joined by hyphens.
  static func slug(_ label: String) -> String {
    guard !label.utf8.contains(where: { $0 >= 0x80 }) else { return unicodeSlug(label) }
    // A hyphen stands for at least one byte that wrote nothing, so the slug is never longer than the label.
    return String(unsafeUninitializedCapacity: label.utf8.count) { output in
      var count = 0
      var pendingHyphen = false
      for byte in label.utf8 {
        let lowered: UInt8
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          lowered = byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
          lowered = byte + 32
        default:
          pendingHyphen = true
          continue
        }
        if pendingHyphen && count > 0 {
          output[count] = UInt8(ascii: "-")
          count += 1
        }
        pendingHyphen = false
        output[count] = lowered
        count += 1
      }
      return count
    }
  }

  static func unicodeSlug(_ label: String) -> String {
    var output = ""
    var pendingHyphen = false
    for character in label.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !output.isEmpty { output.append("-") }
        pendingHyphen = false
        output.append(character)
      } else {
        pendingHyphen = true
      }
    }
    return output
  }

  /// An id attribute, made safe to put into a statement id.
  static func safeKey(_ attribute: String) -> String? {
    let trimmed = attribute.trimmingSpaces()
    guard !trimmed.isEmpty else { return nil }
    return String(
      trimmed.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "-" })
  }
}
