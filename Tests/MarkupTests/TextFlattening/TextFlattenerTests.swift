import Markup
import Testing

/// Flattened text on awkward input: entities, non-ASCII, CR LF, nesting deeper than the flattener's 64
/// remembered levels, skipped subtrees and joined texts.
@Suite("Text flattening")
struct TextFlattenerTests {
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

  @Test func blockBoundariesSeparateWordsAndInlineMarkupDoesNot() throws {
    let html = "<div><p>One</p><p>two<sup>3</sup> and <em>f</em>our</p><ul><li>a</li><li>b</li></ul></div>"
    let document = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html))
    let root = try #require(try document.select("//div").first)
    #expect(root.text() == "One two3 and four a b")
    let sup = try document.select("//sup")
    #expect(root.text(skipping: NodeSet(sup)) == "One two and four a b")
  }

  @Test func scriptsAndStylesAreNotText() throws {
    let html = "<body><p>visible</p><script>var hidden = 1;</script><style>p{}</style></body>"
    let document = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html))
    #expect(try document.select("//body").first?.text() == "visible")
  }
}
