import Markup
import Testing

@Suite("Text normalisation")
struct TextNormalizerTests {
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
    #expect(TextNormalizer.normalize(input) == expected)
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
