/// Undoes what PDF text extraction leaves in words: ligature glyphs, soft hyphens, odd spaces.
enum TextCleaner {
  private static let replacements: [Character: String] = [
    "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
    "\u{FB05}": "st", "\u{FB06}": "st", "\u{00A0}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2009}": " ",
    "\u{00AD}": "",
  ]

  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      if let replacement = replacements[character] {
        result += replacement
      } else if character.unicodeScalars.allSatisfy({ (0xE000...0xF8FF).contains($0.value) }) {
        continue
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// Stands for a hyphen at a line's end before a lower-case letter until the whole document's words are
  /// known: it broke the word ("dis-" + "semination") or is part of it ("third-" + "party"), and only
  /// the words elsewhere in the document tell which (`WordBreaks`). A private-use character, so no PDF
  /// text is mistaken for it (`clean` folds private-use characters away).
  static let lineEndHyphen: Character = "\u{E000}"

  /// The end of a line as it reads joined to the next line, which starts with `next`: a hyphen before a
  /// lower-case letter becomes `lineEndHyphen`; a slash keeps the words together ("and/" + "or");
  /// otherwise the lines meet with one space.
  static func lineEnd(_ line: String, before next: Character?) -> String {
    let head = line.trimmingTrailingSpaces()
    guard !head.isEmpty, let next else { return head }
    if head.hasSuffix("-"), !head.hasSuffix("--"), next.isLowercase, let before = head.dropLast().last,
      before.isLetter
    {
      return String(head.dropLast()) + String(lineEndHyphen)
    }
    // "Human-" + "AI": a hyphen before a capital joins a compound; it stays, without a space.
    if head.hasSuffix("-"), next.isUppercase, head.dropLast().last?.isLetter == true { return head }
    if head.hasSuffix("/") { return head }
    return head + " "
  }
}
