import ContentHash
import Markup
import Testing

/// Flattened text on awkward input: whitespace of every kind at every offset of the eight-byte runs the
/// normaliser copies, entities, non-ASCII, CR LF, nesting deeper than the flattener's 64 remembered
/// levels, skipped subtrees and joined texts.
@Suite("Text flattening")
struct TextFlatteningTests {
  /// Pieces the generated texts are made of: ASCII words of several lengths, every kind of space and
  /// invisible character the normaliser folds, controls, and two-, three- and four-byte characters.
  static let pieces = [
    "a", "bc", "defghij", "klmnopqrstuvwxyz", "0123456789", "!", "~", "\u{7F}", "\u{01}", "\u{0B}", " ", "  ",
    "\t", "\n", "\r\n", "\u{0C}", "é", "ß", "—", "€", "中文", "😀", "\u{00A0}", "\u{0085}", "\u{00AD}",
    "\u{2002}", "\u{200A}", "\u{200B}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
    "\u{2060}", "\u{2064}", "\u{3000}", "\u{FEFF}", "\u{2030}", "\u{E2}",
  ]

  /// What the normaliser should give, a scalar at a time.
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
  func normalisingMatchesAScalarAtATime(_ seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed))
    for _ in 0..<300 {
      let count = Int.random(in: 0...40, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      #expect(TextNormalizer.normalize(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
    }
  }

  @Test(arguments: 0..<24)
  func everyOffsetOfARun(_ offset: Int) {
    for piece in Self.pieces {
      let text = String(repeating: "x", count: offset) + piece + "abcdefghijklmnopq" + piece + "yz"
      #expect(TextNormalizer.normalize(text) == Self.reference(text))
      #expect(TextNormalizer.normalize(" " + text + " ") == Self.reference(text))
    }
  }

  @Test func entitiesAndCharacterReferences() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE r [<!ENTITY co "Company">]>
      <r><p>The &co; said&#x00A0;&#160;hi&#8203;there — caf&#233; &amp; <![CDATA[<raw>]]>\r\n  end</p></r>
      """
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let paragraph = try #require(try document.select("//p").first)
    #expect(paragraph.text() == "The &co; said hithere — café & <raw> end")
  }

  @Test func htmlWhitespaceAndBlocks() throws {
    let html = """
      <div>  Lead\r\n text <b>bold</b><i> it </i>al<p>para</p>tail&nbsp;end<br>after<script>x</script>\
      <span>in</span>line<li>item</li><style>p{}</style></div>
      """
    let document = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html))
    let div = try #require(try document.select("//div").first)
    // A hidden element is no boundary: the words on either side of the script join.
    #expect(div.text() == "Lead text bold it al para tail end afterinline item")
  }

  /// Blocks and inline elements nested 200 deep, text before and after each: a space wherever a block
  /// starts or ends between two words, however deep.
  @Test(arguments: [3, 5, 7])
  func deepNesting(_ blockEvery: Int) throws {
    var html = "<body><section>"
    var words: [(text: String, spaceBefore: Bool)] = []
    let depth = 200
    // A tag, then a word; the word follows a space when the tag opens or closes a block.
    func add(_ level: Int, closing: Bool, word: String) {
      let isBlock = level % blockEvery == 0
      html += "<\(closing ? "/" : "")\(isBlock ? "div" : "span")>\(word)"
      words.append((word, isBlock))
    }
    for level in 0..<depth { add(level, closing: false, word: "w\(level)") }
    for level in (0..<depth).reversed() { add(level, closing: true, word: "x\(level)") }
    html += "</section></body>"
    let expected = words.enumerated().map {
      ($0.offset > 0 && $0.element.spaceBefore ? " " : "") + $0.element.text
    }
    .joined()
    let document = try Document.parse(
      Array(html.utf8), options: ParseOptions(format: .html))
    let section = try #require(try document.select("//section").first)
    #expect(section.text() == expected)
  }

  @Test func skippedSubtreesAndJoinedTexts() throws {
    let html = """
      <body><div id="a">One <sup>1</sup>two<p>three <em>four</em></p></div><div id="b"> </div>\
      <div id="c">five<ul><li>six</li></ul></div></body>
      """
    let document = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html))
    let divs = try document.select("//div")
    let skipped = NodeSet(try document.select("//sup | //em | //ul") + [divs[0]])
    #expect(divs[0].text(skipping: skipped) == "One two three", "the node itself always counts")
    #expect(divs[2].text(skipping: skipped) == "five")
    #expect(Node.joinedText(of: divs, skipping: skipped) == "One two three five")
    #expect(Node.joinedText(of: divs) == "One 1two three four five six")
    #expect(Node.joinedText(of: []) == "")
    #expect(skipped.containsAncestor(of: try #require(try document.select("//li").first)))
    #expect(!skipped.containsAncestor(of: divs[2]))
  }
}
