import Foundation

/// Turns text into tokens for matching and classification: Unicode and case folding, hyphen and space
/// variants, British spellings, stop words, and the Porter2 stemmer. Works on UTF-8 bytes so that it can
/// analyse tens of thousands of statements a second on one core.
public struct TextAnalyzer: Sendable {
  public let stopWords: Set<String>
  private let stemmer = EnglishStemmer()

  public init(stopWords: Set<String> = EnglishStopWords.all) {
    self.stopWords = stopWords
  }

  /// Every word of `text`, stop words included (flagged), in order.
  public func tokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var copy = text
    copy.withUTF8 { bytes in
      Self.forEachWord(in: bytes) { range, isASCII in
        tokens.append(token(bytes, range: range, isASCII: isASCII))
      }
    }
    return tokens
  }

  /// The analysed word at `range` of `bytes`, a range that `forEachWord` gave.
  public func token(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, isASCII: Bool) -> Token {
    let word = UnsafeBufferPointer(rebasing: bytes[range])
    return isASCII ? makeASCIIToken(word, range: range) : makeToken(word, range: range)
  }

  /// Finds the words of UTF-8 text without analysing them: `body` gets each word's byte range and whether
  /// it is plain ASCII. What `tokens` builds on, and what a caller with its own cache of analysed words
  /// uses to skip analysing a word it has seen before.
  public static func forEachWord(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ range: Range<Int>, _ isASCII: Bool) -> Void
  ) {
    var index = 0
    let count = bytes.count
    while index < count {
      let (scalar, width) = decode(bytes, at: index)
      guard isWordCharacter(scalar) else {
        index += width
        continue
      }
      let start = index
      var end = index
      var isASCII = true
      while end < count {
        let (next, nextWidth) = decode(bytes, at: end)
        if isWordCharacter(next) {
          if next.value >= 0x80 { isASCII = false }
          end += nextWidth
        } else if isApostrophe(next), end + nextWidth < count,
          isWordCharacter(decode(bytes, at: end + nextWidth).0)
        {
          // Keep "developer's" whole for the stemmer, which strips the possessive itself.
          isASCII = isASCII && next.value < 0x80
          end += nextWidth
        } else {
          break
        }
      }
      body(start..<end, isASCII)
      index = end
    }
  }

  /// The stems of the words that are not stop words: what the classifier and the matcher compare.
  public func terms(_ text: String) -> [String] {
    tokens(text).compactMap { $0.isStopWord ? nil : $0.stem }
  }

  /// The common case: lower-case the bytes directly, and share one string when the word has no capitals.
  private func makeASCIIToken(_ word: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Token {
    let surface = String(decoding: word, as: UTF8.self)
    let hasCapitals = word.contains { (0x41...0x5A).contains($0) }
    let lowered =
      hasCapitals
      ? String(decoding: word.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self) : surface
    return finish(folded: lowered, surface: surface, range: range)
  }

  private func makeToken(_ word: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Token {
    let surface = String(decoding: word, as: UTF8.self)
    let folded = surface.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
    )
    .lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    return finish(folded: folded, surface: surface, range: range)
  }

  private func finish(folded: String, surface: String, range: Range<Int>) -> Token {
    let word = SpellingVariants.britishToAmerican[folded] ?? folded
    return Token(
      word: word, stem: stemmer.stem(word), surface: surface, utf8Range: range,
      isStopWord: stopWords.contains(word))
  }

  /// Letters and digits make words; hyphens, dashes, slashes and punctuation separate them, so
  /// "red-teaming", "red‑teaming" and "red teaming" all give the same two words.
  private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}"
  }

  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard index + width <= bytes.count, width > 1 else { return ("\u{FFFD}", 1) }
    var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for offset in 1..<width {
      value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
  }
}
