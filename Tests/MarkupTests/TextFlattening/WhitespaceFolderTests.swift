import ContentHash
import Testing

@testable import Markup

/// The whitespace folder against a reference that folds a scalar at a time, on generated text with
/// whitespace of every kind at every offset of the eight-byte runs it copies.
@Suite("Whitespace folding")
struct WhitespaceFolderTests {
  @Test(
    arguments: [
      ("  a \n\t b  ", "a b"),
      ("no\u{00A0}break", "no break"),
      ("soft\u{00AD}hyphen", "softhyphen"),
      ("zero\u{200B}width\u{200D}joiner\u{2060}word\u{FEFF}", "zerowidthjoinerword"),
      ("thin\u{2009}space\u{202F}narrow\u{3000}ideographic", "thin space narrow ideographic"),
      ("line\u{2028}separator", "line separator"),
      ("naïve café — ok", "naïve café — ok"),
      ("", ""),
      ("\u{00A0}\u{00A0}", ""),
    ])
  func folds(_ input: String, _ expected: String) {
    #expect(WhitespaceFolder.fold(input) == expected)
  }

  /// Pieces the generated texts are made of: ASCII words of several lengths, every kind of space and
  /// invisible character the whitespace folder folds, controls, and two-, three- and four-byte characters.
  static let pieces = [
    "a", "bc", "defghij", "klmnopqrstuvwxyz", "0123456789", "!", "~", "\u{7F}", "\u{01}", "\u{0B}", " ", "  ",
    "\t", "\n", "\r\n", "\u{0C}", "é", "ß", "—", "€", "中文", "😀", "\u{00A0}", "\u{0085}", "\u{00AD}",
    "\u{2002}", "\u{200A}", "\u{200B}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
    "\u{2060}", "\u{2064}", "\u{3000}", "\u{FEFF}", "\u{2030}", "\u{E2}",
  ]

  /// What the whitespace folder should give, a scalar at a time.
  static func reference(_ text: String) -> String {
    var output = ""
    var pending = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x85, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        pending = true
      case 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF:
        break
      default:
        if pending && !output.isEmpty { output.append(" ") }
        pending = false
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  @Test(arguments: 0..<8)
  func foldingMatchesAScalarAtATime(_ seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed))
    for _ in 0..<300 {
      let count = Int.random(in: 0...40, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      #expect(WhitespaceFolder.fold(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
    }
  }

  @Test(arguments: 0..<24)
  func everyOffsetOfARun(_ offset: Int) {
    for piece in Self.pieces {
      let text = String(repeating: "x", count: offset) + piece + "abcdefghijklmnopq" + piece + "yz"
      #expect(WhitespaceFolder.fold(text) == Self.reference(text))
      #expect(WhitespaceFolder.fold(" " + text + " ") == Self.reference(text))
    }
  }
}
