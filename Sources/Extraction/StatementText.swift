/// The string work statement building does for every unit, in Swift's Character operations.
enum StatementText {
  /// Removing a citation or footnote marker leaves the space before it: "limitations [12]." becomes
  /// "limitations ." Closing punctuation never takes a space before it, nor opening brackets after.
  static func tidiedPunctuation(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if isClosing(byte) {
        if output.last == 0x20 { output.removeLast() }
      } else if byte == 0x20, let last = output.last, isOpening(last) {
        continue
      }
      output.append(byte)
    }
    return String(decoding: output, as: UTF8.self)
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
    guard text.hasPrefix(prefix) && text.count > prefix.count else { return nil }
    return trimmedLead(text.dropFirst(prefix.count))
  }

  /// The punctuation, dashes and spaces that `trimmedLead` and `trimmedTitle` take off.
  private static let leadPunctuation: Set<Character> = [".", ":", ";", ",", "—", "–", "-", " "]

  /// The text without leading punctuation, dashes and spaces.
  static func trimmedLead(_ text: Substring) -> String {
    String(text.drop { leadPunctuation.contains($0) })
  }

  /// The title without trailing punctuation, dashes and spaces.
  static func trimmedTitle(_ title: String) -> String {
    var result = Substring(title)
    while let last = result.last, leadPunctuation.contains(last) { result = result.dropLast() }
    return String(result)
  }

  /// `Measure II.4.3` becomes `measure-ii-4-3`: lower case letters and digits joined by hyphens.
  static func slug(_ label: String) -> String {
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
