import Foundation
import Testing

@testable import Extraction

/// The byte-level shortcuts of `StatementText` must give what the Character operations they replace give.
@Suite("Statement text on bytes")
struct StatementTextTests {
  static let texts = [
    "", "a", "Measure I.1: text", "Measure I.1", "Measure I.1 — text", "Measure I.1—text", "(a) text",
    "(a)", "(a)\u{301} text", "label.\u{301} rest", "label — \u{301}", "e\u{301} accented", "naïve café",
    "İstanbul ΣΑΣ Straße", "Ⅻ ǅ ῼ", "日本語テキスト", "👍🏽 thumbs", "line\r\nbreak", "a\r", "\r\n",
    "limitations [12] .", "( a ) [ b ] end !", "x ,y ;z :w ?v !u", "GV-1.1-001", "12345678901234567890",
    String(repeating: "é", count: 25), String(repeating: "e\u{301}", count: 25),
  ]

  @Test func lowercasedMatchesTheStandardLibrary() {
    for text in Self.texts + ["ABC", "ÀÉÎ", "\u{130}", "ΑΣ ΟΣ.", "ǅ"] {
      #expect(StatementText.lowercased(text) == text.lowercased(), "\(text)")
    }
    // Every scalar of the Basic Multilingual Plane and a few beyond, in strings with ASCII around them.
    var text = ""
    for value in 0x80..<0x3_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      text.unicodeScalars.append(scalar)
      text += "Ab"
    }
    #expect(StatementText.lowercased(text) == text.lowercased())
  }

  @Test func removingLeadMatchesCharacterOperations() {
    for text in Self.texts {
      for prefix in ["Measure I.1", "(a)", "a", "e", "label", "label.", "İ", "👍", "\r", "x"] {
        let expected =
          text.hasPrefix(prefix) && text.count > prefix.count
          ? StatementText.trimmedLead(text.dropFirst(prefix.count)) : nil
        #expect(StatementText.removingLead(prefix, from: text) == expected, "\(prefix) in \(text)")
      }
    }
  }

  @Test func trimmedLeadMatchesCharacterOperations() {
    for text in Self.texts + [" — . text", "–-:;, x", ".\u{301}x", "—\u{301}x", " ", "—"] {
      var expected = Substring(text)
      while let first = expected.first, ".:;,—–- ".contains(first) { expected = expected.dropFirst() }
      #expect(StatementText.trimmedLead(Substring(text)) == String(expected), "\(text)")
    }
  }

  @Test func trimmedTitleMatchesCharacterOperations() {
    for text in Self.texts + [
      "Title — ", "Title.:;,- –—", "x\u{600}.", "é—", "\u{113}", ". .", "—", "a\u{301}.",
    ] {
      var expected = Substring(text)
      while let last = expected.last, ".:;,—–- ".contains(last) { expected = expected.dropLast() }
      #expect(StatementText.trimmedTitle(text) == String(expected), "\(text)")
    }
  }

  @Test func isShorterMatchesCount() {
    for text in Self.texts {
      for limit in [0, 1, 2, 5, 20, 21, 30] {
        #expect(StatementText.isShorter(text, than: limit) == (text.count < limit), "\(limit): \(text)")
      }
    }
  }

  @Test func prefixMatchesCharacterPrefix() {
    for text in Self.texts + [
      String(repeating: "a", count: 200), String(repeating: "a", count: 160) + "\u{301}",
    ] {
      for count in [0, 1, 3, 20, 160] {
        #expect(StatementText.prefix(text, count) == String(text.prefix(count)), "\(count): \(text)")
      }
    }
  }

  /// The rule `tidiedPunctuation` implements, one byte at a time.
  static func tidiedByRule(_ text: String) -> String {
    var output: [UInt8] = []
    for byte in text.utf8 {
      if Array(".,;:)]!?".utf8).contains(byte) {
        if output.last == 0x20 { output.removeLast() }
      } else if byte == 0x20, let last = output.last, last == 0x28 || last == 0x5B {
        continue
      }
      output.append(byte)
    }
    return String(decoding: output, as: UTF8.self)
  }

  @Test(arguments: texts + [" .", ". ", "( ", " ( .", "a  .", "x (  y", "[ ]", "  ", "end .", "é ."])
  func tidiedPunctuationFollowsTheRule(_ text: String) {
    #expect(StatementText.tidiedPunctuation(text) == Self.tidiedByRule(text))
  }

  @Test(arguments: texts + ["Measure II.4.3", "GV-1.1-001", "(b)", "--a--", "A1 b2", "...", "Z9"])
  func slugMatchesCharacterSlug(_ label: String) {
    #expect(StatementText.slug(label) == StatementText.unicodeSlug(label))
  }

  @Test func slugJoinsLettersAndDigitsWithHyphens() {
    #expect(StatementText.slug("Measure II.4.3") == "measure-ii-4-3")
    #expect(StatementText.slug(" (b) ") == "b")
    #expect(StatementText.slug("Naïve 2") == "naïve-2")
  }

  @Test func foldedHashGroupsTextsEqualUpToCase() {
    let ascii =
      Self.texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + [
        "ABC", "abc", "aBc", "abd", "The Same Text Eight+", "the same text eight+", "[@`{", "{`@[",
        String(repeating: "Z", count: 40), String(repeating: "z", count: 40), "Z\u{7F}", "z\u{7F}",
      ]
    for first in ascii {
      for second in ascii {
        let equal = first.lowercased() == second.lowercased()
        #expect(StatementText.equalFoldingASCII(first, second) == equal, "\(first) / \(second)")
        if equal {
          #expect(StatementText.asciiFoldedHash(first) == StatementText.asciiFoldedHash(second))
        }
      }
      #expect(StatementText.asciiFoldedHash(first) != nil)
    }
    for text in ["é", "naïve café", "K\u{212A}", "日本"] {
      #expect(StatementText.asciiFoldedHash(text) == nil, "\(text)")
    }
  }

  @Test func tidiedPunctuationRemovesSpacesBeforeClosingAndAfterOpening() {
    #expect(StatementText.tidiedPunctuation("limitations [12] .") == "limitations [12].")
    #expect(StatementText.tidiedPunctuation("( a ) [ b ] end !") == "(a) [b] end!")
    #expect(StatementText.tidiedPunctuation("x ,y ;z :w ?v !u") == "x,y;z:w?v!u")
    #expect(StatementText.tidiedPunctuation("( .") == "(.")
    #expect(StatementText.tidiedPunctuation("plain text") == "plain text")
  }
}
