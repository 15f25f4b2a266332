/// The Snowball English ("Porter2") stemmer, as described by Martin Porter at snowballstem.org
/// (the algorithm shipped with Snowball 2.x, which is what most libraries call Porter2).
///
/// Input is expected to be one lower-cased word. A typographic apostrophe (U+2019) is treated as
/// a straight one, and the result uses the straight one, so "dog’s" and "dog's" stem alike.
/// A word with any other non-ASCII character is returned unchanged, as is a word of one or two
/// characters.
public struct EnglishStemmer: Sendable {
  public init() {}

  public func stem(_ word: String) -> String {
    let utf8 = word.utf8
    if utf8.count <= 2 {
      return word
    }
    guard let bytes = Self.asciiBytes(of: utf8) else {
      return word
    }
    if let exceptional = Self.exceptionalForm(bytes) {
      return exceptional
    }
    if bytes.count <= 2 {
      return String(decoding: bytes, as: UTF8.self)
    }
    var work = StemBuffer(bytes)
    work.run()
    return work.result
  }

  /// Copies the word into the one working buffer the stemmer needs, folding ’ (E2 80 99) into '.
  /// Returns nil for other non-ASCII text: the rules only know English letters.
  private static func asciiBytes(of utf8: String.UTF8View) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var pending = 0
    for byte in utf8 {
      if pending > 0 {
        let expected: UInt8 = pending == 2 ? 0x80 : 0x99
        guard byte == expected else {
          return nil
        }
        pending -= 1
        if pending == 0 {
          bytes.append(Ascii.apostrophe)
        }
      } else if byte < 0x80 {
        bytes.append(byte)
      } else if byte == 0xE2 {
        pending = 2
      } else {
        return nil
      }
    }
    return pending == 0 ? bytes : nil
  }

  /// Whole words that the algorithm maps specially before any other processing. They are
  /// checked before the length test and before a leading apostrophe is removed, as in the
  /// reference definition.
  private static func exceptionalForm(_ bytes: [UInt8]) -> String? {
    guard (3...6).contains(bytes.count) else {
      return nil
    }
    for (word, stem) in exceptionalForms where equals(bytes, word) {
      return stem.description
    }
    return nil
  }

  private static let exceptionalForms: [(word: StaticString, stem: StaticString)] = [
    ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
    ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
    ("singly", "singl"),
    // Left as they are: not plurals (news, atlas, ...) or a name that must not become "how".
    ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
    ("bias", "bias"), ("andes", "andes"),
  ]

  private static func equals(_ bytes: [UInt8], _ text: StaticString) -> Bool {
    guard bytes.count == text.utf8CodeUnitCount else {
      return false
    }
    return text.withUTF8Buffer { expected in bytes.elementsEqual(expected) }
  }
}

/// The word being stemmed plus the region starts (R1 = p1..<count, R2 = p2..<count).
/// Every step edits only the end of the word, so the buffer never grows past the input length.
private struct StemBuffer {
  private var bytes: [UInt8]
  private var p1 = 0
  private var p2 = 0
  private var markedY = false

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var result: String {
    String(decoding: bytes, as: UTF8.self)
  }

  mutating func run() {
    if bytes.first == Ascii.apostrophe {
      bytes.removeFirst()
    }
    markConsonantY()
    markRegions()
    step0()
    step1a()
    // These words would otherwise lose a spurious -ing or -eed (inning -> inn, succeed -> succe).
    if isInvariantAfterStep1a() {
      restoreY()
      return
    }
    step1b()
    step1c()
    step2()
    step3()
    step4()
    step5()
    restoreY()
  }

  // MARK: Preparation

  /// A y that acts as a consonant (word-initial, or after a vowel) becomes Y so that the vowel
  /// tests below skip it; a left-to-right pass sees earlier marks, so "ayy" marks only the first y.
  private mutating func markConsonantY() {
    for index in bytes.indices where bytes[index] == Ascii.lowerY {
      if index == 0 || isVowel(bytes[index - 1]) {
        bytes[index] = Ascii.upperY
        markedY = true
      }
    }
  }

  private mutating func restoreY() {
    // Only undo our own marks' effect when we made some, mirroring the reference postlude.
    guard markedY else {
      return
    }
    for index in bytes.indices where bytes[index] == Ascii.upperY {
      bytes[index] = Ascii.lowerY
    }
  }

  private mutating func markRegions() {
    if hasPrefix("gener") {
      p1 = 5
    } else if hasPrefix("arsen") {
      p1 = 5
    } else if hasPrefix("commun") {
      p1 = 6
    } else {
      p1 = regionStart(after: 0)
    }
    p2 = regionStart(after: p1)
  }

  /// The position just past the first non-vowel that follows a vowel, searching from `start`;
  /// the end of the word when there is none.
  private func regionStart(after start: Int) -> Int {
    var index = start
    while index < bytes.count, !isVowel(bytes[index]) {
      index += 1
    }
    while index < bytes.count, isVowel(bytes[index]) {
      index += 1
    }
    return min(index + 1, bytes.count)
  }

  // MARK: Steps

  /// Possessive and plural-possessive apostrophes.
  private mutating func step0() {
    if hasSuffix("'s'") {
      bytes.removeLast(3)
    } else if hasSuffix("'s") {
      bytes.removeLast(2)
    } else if hasSuffix("'") {
      bytes.removeLast(1)
    }
  }

  private mutating func step1a() {
    if hasSuffix("sses") {
      bytes.removeLast(2)
    } else if hasSuffix("ied") || hasSuffix("ies") {
      // "ties" -> "tie" but "cries" -> "cri": a lone letter before the ending keeps its e.
      let stemLength = bytes.count - 3
      replaceSuffix(length: 3, with: stemLength >= 2 ? "i" : "ie")
    } else if hasSuffix("us") || hasSuffix("ss") {
      return
    } else if hasSuffix("s") {
      // The vowel must come before the letter that precedes the s: "gas" and "this" keep it.
      if bytes.count >= 3, containsVowel(before: bytes.count - 2) {
        bytes.removeLast()
      }
    }
  }

  private func isInvariantAfterStep1a() -> Bool {
    switch bytes.count {
    case 6:
      return equals("inning") || equals("outing") || equals("exceed")
    case 7:
      return equals("canning") || equals("herring") || equals("earring") || equals("proceed")
        || equals("succeed")
    default:
      return false
    }
  }

  private mutating func step1b() {
    let suffixLength: Int
    if hasSuffix("eedly") {
      replaceSuffix(length: 5, with: "ee", ifFrom: p1)
      return
    } else if hasSuffix("ingly") {
      suffixLength = 5
    } else if hasSuffix("edly") {
      suffixLength = 4
    } else if hasSuffix("eed") {
      replaceSuffix(length: 3, with: "ee", ifFrom: p1)
      return
    } else if hasSuffix("ing") {
      suffixLength = 3
    } else if hasSuffix("ed") {
      suffixLength = 2
    } else {
      return
    }
    let stemLength = bytes.count - suffixLength
    guard containsVowel(before: stemLength) else {
      return
    }
    bytes.removeLast(suffixLength)
    if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
      bytes.append(Ascii.lowerE)
    } else if endsWithDouble() {
      bytes.removeLast()
    } else if isShortWord() {
      bytes.append(Ascii.lowerE)
    }
  }

  private mutating func step1c() {
    let count = bytes.count
    // The consonant before the y must not be the first letter, so "by" and "say" survive.
    guard count >= 3, bytes[count - 1] == Ascii.lowerY || bytes[count - 1] == Ascii.upperY,
      !isVowel(bytes[count - 2])
    else {
      return
    }
    bytes[count - 1] = Ascii.lowerI
  }

  private mutating func step2() {
    guard let last = bytes.last else {
      return
    }
    // Grouped by final letter; within a group the longest suffix is tried first, and a
    // longest match outside R1 stops the step rather than falling back to a shorter one.
    switch last {
    case Ascii.lowerL:
      _ = replaceInR1("ational", with: "ate") || replaceInR1("tional", with: "tion")
    case Ascii.lowerN:
      _ = replaceInR1("ization", with: "ize") || replaceInR1("ation", with: "ate")
    case Ascii.lowerR:
      _ = replaceInR1("izer", with: "ize") || replaceInR1("ator", with: "ate")
    case Ascii.lowerM:
      _ = replaceInR1("alism", with: "al")
    case Ascii.lowerS:
      _ =
        replaceInR1("fulness", with: "ful") || replaceInR1("ousness", with: "ous")
        || replaceInR1("iveness", with: "ive")
    case Ascii.lowerI:
      step2EndingInI()
    default:
      return
    }
  }

  private mutating func step2EndingInI() {
    let matched =
      replaceInR1("biliti", with: "ble") || replaceInR1("lessli", with: "less")
      || replaceInR1("aliti", with: "al") || replaceInR1("iviti", with: "ive")
      || replaceInR1("entli", with: "ent") || replaceInR1("ousli", with: "ous")
      || replaceInR1("fulli", with: "ful") || replaceInR1("enci", with: "ence")
      || replaceInR1("anci", with: "ance") || replaceInR1("abli", with: "able")
      || replaceInR1("alli", with: "al") || replaceInR1("bli", with: "ble")
    if matched {
      return
    }
    let count = bytes.count
    if hasSuffix("ogi") {
      if count - 3 >= p1, count >= 4, bytes[count - 4] == Ascii.lowerL {
        bytes.removeLast()
      }
    } else if hasSuffix("li") {
      if count - 2 >= p1, count >= 3, isValidLiEnding(bytes[count - 3]) {
        bytes.removeLast(2)
      }
    }
  }

  private mutating func step3() {
    guard let last = bytes.last else {
      return
    }
    switch last {
    case Ascii.lowerL:
      _ =
        replaceInR1("ational", with: "ate") || replaceInR1("tional", with: "tion")
        || replaceInR1("ical", with: "ic") || replaceInR1("ful", with: "")
    case Ascii.lowerE:
      if hasSuffix("ative") {
        // Unlike the other step 3 endings, -ative must also lie in R2 (Porter's 2001 revision).
        if bytes.count - 5 >= max(p1, p2) {
          bytes.removeLast(5)
        }
      } else {
        _ = replaceInR1("alize", with: "al") || replaceInR1("icate", with: "ic")
      }
    case Ascii.lowerI:
      _ = replaceInR1("iciti", with: "ic")
    case Ascii.lowerS:
      _ = replaceInR1("ness", with: "")
    default:
      return
    }
  }

  private mutating func step4() {
    guard let last = bytes.last else {
      return
    }
    switch last {
    case Ascii.lowerL:
      _ = deleteInR2("al")
    case Ascii.lowerE:
      _ =
        deleteInR2("ance") || deleteInR2("ence") || deleteInR2("able") || deleteInR2("ible")
        || deleteInR2("ate") || deleteInR2("ive") || deleteInR2("ize")
    case Ascii.lowerR:
      _ = deleteInR2("er")
    case Ascii.lowerC:
      _ = deleteInR2("ic")
    case Ascii.lowerT:
      _ = deleteInR2("ement") || deleteInR2("ment") || deleteInR2("ant") || deleteInR2("ent")
    case Ascii.lowerM:
      _ = deleteInR2("ism")
    case Ascii.lowerI:
      _ = deleteInR2("iti")
    case Ascii.lowerS:
      _ = deleteInR2("ous")
    case Ascii.lowerN:
      // -ion goes only after s or t (adoption, decision) and that letter itself stays.
      let count = bytes.count
      if hasSuffix("ion"), count - 3 >= p2, count >= 4,
        bytes[count - 4] == Ascii.lowerS || bytes[count - 4] == Ascii.lowerT
      {
        bytes.removeLast(3)
      }
    default:
      return
    }
  }

  private mutating func step5() {
    guard let last = bytes.last else {
      return
    }
    let start = bytes.count - 1
    if last == Ascii.lowerE {
      if start >= p2 || (start >= p1 && !endsWithShortSyllable(length: start)) {
        bytes.removeLast()
      }
    } else if last == Ascii.lowerL {
      if start >= p2, start >= 1, bytes[start - 1] == Ascii.lowerL {
        bytes.removeLast()
      }
    }
  }

  // MARK: Suffix helpers

  /// Replaces `suffix` with `replacement` if the word ends with it and the suffix lies in R1.
  /// Returns true whenever the suffix was found, so a caller's `||` chain stops at the
  /// longest match even when R1 rejects it.
  private mutating func replaceInR1(_ suffix: StaticString, with replacement: StaticString) -> Bool {
    guard hasSuffix(suffix) else {
      return false
    }
    replaceSuffix(length: suffix.utf8CodeUnitCount, with: replacement, ifFrom: p1)
    return true
  }

  /// Deletes `suffix` if the word ends with it and it lies in R2; true whenever it was found.
  private mutating func deleteInR2(_ suffix: StaticString) -> Bool {
    guard hasSuffix(suffix) else {
      return false
    }
    replaceSuffix(length: suffix.utf8CodeUnitCount, with: "", ifFrom: p2)
    return true
  }

  private mutating func replaceSuffix(length: Int, with replacement: StaticString, ifFrom region: Int = 0) {
    guard length <= bytes.count, bytes.count - length >= region else {
      return
    }
    bytes.removeLast(length)
    replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private func hasSuffix(_ suffix: StaticString) -> Bool {
    let length = suffix.utf8CodeUnitCount
    guard length <= bytes.count else {
      return false
    }
    let offset = bytes.count - length
    return suffix.withUTF8Buffer { expected in
      for index in 0..<length where bytes[offset + index] != expected[index] {
        return false
      }
      return true
    }
  }

  private func hasPrefix(_ prefix: StaticString) -> Bool {
    let length = prefix.utf8CodeUnitCount
    guard length <= bytes.count else {
      return false
    }
    return prefix.withUTF8Buffer { expected in
      for index in 0..<length where bytes[index] != expected[index] {
        return false
      }
      return true
    }
  }

  private func equals(_ word: StaticString) -> Bool {
    word.utf8CodeUnitCount == bytes.count && hasSuffix(word)
  }

  // MARK: Letter classes

  private func containsVowel(before end: Int) -> Bool {
    var index = 0
    while index < end, index < bytes.count {
      if isVowel(bytes[index]) {
        return true
      }
      index += 1
    }
    return false
  }

  private func endsWithDouble() -> Bool {
    let count = bytes.count
    guard count >= 2, bytes[count - 1] == bytes[count - 2] else {
      return false
    }
    switch bytes[count - 1] {
    case Ascii.lowerB, Ascii.lowerD, Ascii.lowerF, Ascii.lowerG, Ascii.lowerM, Ascii.lowerN,
      Ascii.lowerP, Ascii.lowerR, Ascii.lowerT:
      return true
    default:
      return false
    }
  }

  /// A word is short when R1 is empty and it ends in a short syllable ("hop", "shred", "at").
  private func isShortWord() -> Bool {
    p1 >= bytes.count && endsWithShortSyllable(length: bytes.count)
  }

  /// Looks at the first `length` letters: consonant-vowel-consonant where the last consonant is
  /// not w, x or Y, or a vowel-consonant pair that starts the word.
  private func endsWithShortSyllable(length: Int) -> Bool {
    guard length >= 2, length <= bytes.count else {
      return false
    }
    let last = bytes[length - 1]
    let middle = bytes[length - 2]
    guard !isVowel(last), isVowel(middle) else {
      return false
    }
    if length == 2 {
      return true
    }
    return !isVowel(bytes[length - 3]) && last != Ascii.lowerW && last != Ascii.lowerX
      && last != Ascii.upperY
  }

  private func isVowel(_ byte: UInt8) -> Bool {
    switch byte {
    case Ascii.lowerA, Ascii.lowerE, Ascii.lowerI, Ascii.lowerO, Ascii.lowerU, Ascii.lowerY:
      return true
    default:
      return false
    }
  }

  private func isValidLiEnding(_ byte: UInt8) -> Bool {
    switch byte {
    case Ascii.lowerC, Ascii.lowerD, Ascii.lowerE, Ascii.lowerG, Ascii.lowerH, Ascii.lowerK,
      Ascii.lowerM, Ascii.lowerN, Ascii.lowerR, Ascii.lowerT:
      return true
    default:
      return false
    }
  }
}

private enum Ascii {
  static let apostrophe = UInt8(ascii: "'")
  static let upperY = UInt8(ascii: "Y")
  static let lowerA = UInt8(ascii: "a")
  static let lowerB = UInt8(ascii: "b")
  static let lowerC = UInt8(ascii: "c")
  static let lowerD = UInt8(ascii: "d")
  static let lowerE = UInt8(ascii: "e")
  static let lowerF = UInt8(ascii: "f")
  static let lowerG = UInt8(ascii: "g")
  static let lowerH = UInt8(ascii: "h")
  static let lowerI = UInt8(ascii: "i")
  static let lowerK = UInt8(ascii: "k")
  static let lowerL = UInt8(ascii: "l")
  static let lowerM = UInt8(ascii: "m")
  static let lowerN = UInt8(ascii: "n")
  static let lowerO = UInt8(ascii: "o")
  static let lowerP = UInt8(ascii: "p")
  static let lowerR = UInt8(ascii: "r")
  static let lowerS = UInt8(ascii: "s")
  static let lowerT = UInt8(ascii: "t")
  static let lowerU = UInt8(ascii: "u")
  static let lowerW = UInt8(ascii: "w")
  static let lowerX = UInt8(ascii: "x")
  static let lowerY = UInt8(ascii: "y")
}
