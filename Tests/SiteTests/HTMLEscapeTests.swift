import Testing

@testable import Site

/// Every text reaches the pages through `HTML.escape`; it must turn exactly the five special characters
/// into references and leave everything else, other scripts and emoji included, as it was.
@Suite("Escaping text for HTML")
struct HTMLEscapeTests {
  static let cases: [(String, String)] = [
    ("", ""),
    ("plain text, no specials: é 漢字 🧯", "plain text, no specials: é 漢字 🧯"),
    ("a<b & \"c\" 'd'>", "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"),
    ("&amp; stays escaped once more", "&amp;amp; stays escaped once more"),
    ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
    ("e\u{301} <é>", "e\u{301} &lt;é&gt;"),
  ]

  @Test(arguments: cases)
  func theFiveSpecialCharactersBecomeReferences(text: String, escaped: String) {
    #expect(HTML.escape(text) == escaped)
    #expect(Array(HTML.escape(text).utf8) == Array(escaped.utf8))
  }
}
