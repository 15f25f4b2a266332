import ContentHash
import Markup
import Testing

/// The walk remembers, for each element above the current one, which first steps of which selectors it
/// matches; these documents nest the same names at many depths and share first steps between
/// expressions, so that an answer kept for the wrong element or the wrong expression would show.
@Suite("Selecting many expressions at once, in nested documents")
struct SelectAllNestingTests {
  static let expressions = [
    "//div//div//p", "//div/div//p", "//div//div/p", "/html/body/div/p", "/html//div/p", "//div[@id='a']//p",
    "//div[@id='a']//div[@class='b']//p", "//div[@class='b']/p | //div[@class='b']//span", "//*//p",
    "//*/*/p", "//div[p]//span", "//div[preceding-sibling::div]//p", "//div[following-sibling::div[@id]]/p",
    "//div[count(p) > 1]//span", "//div[@id='a']//p | //div[@id='a']//span | //div[@id='a']/div",
    "//div[@id='a']//span[@class='b']", "//section[h2]//li[contains(@class,'x')]",
    "/html/body//section/ul/li",
    "//ul//ul/li", "//li//li", "//ul/li/ul/li", "//div[not(@class)]//div[@class='b']/span",
    "//section//div//div//span", "//section/div/div/span | //section//div/span", "/div//p", "//html//html",
    "//div[starts-with(normalize-space(.),'Text')]//span", "//div[p[@class='b']]//div[p]//span",
    "//*[self::div or self::section]//*[self::p or self::span]", "//li[preceding-sibling::li]//li",
    "//div[.//span]//p", "//body/*//ul//li[not(li)]", "//*[not(self::div or self::p)][@id='a']",
    "//*[self::div or self::*][@class='b']", "//*[self::li or self::h2] | //li",
    "//*[@id='a'][self::p or self::ul]",
    "//section//*[self::h2 or self::li][contains(@class,'x')]",
    // The same attribute tests in several expressions, and against themselves.
    "//*[contains(@class,'b')][not(contains(@class,'b'))]",
    "//p[contains(@class,'x')] | //span[contains(@class,'x')][not(@id)]",
    "//*[@class='b'][@class='b']",
    "//div[contains(concat(' ',normalize-space(@class),' '),' x ')]//span[@class='b']",
    "//li[contains(concat(' ',normalize-space(@class),' '),' x ')][not(contains(concat(' ',normalize-space(@class),' '),' y '))]",
  ]

  static func element(depth: Int, _ generator: inout SplitMix64) -> String {
    let names = ["div", "p", "span", "section", "ul", "li", "h2"]
    let name = names[Int(generator.next() % UInt64(names.count))]
    var attributes = ""
    switch generator.next() % 5 {
    case 0: attributes = " id='a'"
    case 1: attributes = " class='b'"
    case 2: attributes = " class='x y'"
    default: break
    }
    var children = generator.next() % 3 == 0 ? "Text \(depth) " : ""
    if depth < 7 {
      for _ in 0..<Int(generator.next() % 4) { children += element(depth: depth + 1, &generator) }
    }
    return "<\(name)\(attributes)>\(children)</\(name)>"
  }

  static func document(seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var body = ""
    for _ in 0..<4 { body += element(depth: 0, &generator) }
    return "<html><body>\(body)</body></html>"
  }

  @Test(arguments: 0..<24)
  func agreesWithLibxml2(seed: Int) throws {
    let html = Self.document(seed: UInt64(seed))
    let document = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html))
    let queries = try Self.expressions.map { try XPathQuery($0) }
    let together = try document.selectAll(queries)
    for (index, query) in queries.enumerated() {
      let alone = try query.select(in: document, context: nil, namespaces: [:])
      #expect(together[index] == alone, "\(query.expression) on seed \(seed)")
    }
  }

  /// Expressions that share a first step whose test needs libxml2 on some element (an entity reference
  /// in a string value): each must go to libxml2, not only the first to meet it.
  @Test(arguments: [
    ["//r[p='Ent text']//q", "//r[p='Ent text']/q", "//r[p='Ent text']//s/q"],
    [
      "//s[preceding-sibling::p[normalize-space(.)='Ent text']]/q",
      "//s[preceding-sibling::p[normalize-space(.)='Ent text']]//q",
    ],
    ["//r[starts-with(p,'Ent')]//q", "//r[starts-with(p,'Ent')]/s/q", "//r//q"],
  ])
  func sharedStepsThatNeedLibxml2(_ expressions: [String]) throws {
    let xml = """
      <!DOCTYPE d [<!ENTITY e "Ent">]><d><r><p>&e; text</p><q/><s><q/></s></r>\
      <r><p>Ent text</p><q/><s><q>1</q></s></r><r><p>other</p><s><q/></s></r></d>
      """
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let queries = try expressions.map { try XPathQuery($0) }
    let together = try document.selectAll(queries)
    for (index, query) in queries.enumerated() {
      let alone = try query.select(in: document, context: nil, namespaces: [:])
      #expect(together[index] == alone, "\(query.expression)")
    }
  }

  /// String tests that read only part of `normalize-space(.)`: texts split over several nodes, white
  /// space at the joins, characters of several bytes, and entity references before, inside and after
  /// the part that decides.
  @Test(arguments: [
    "//p[starts-with(normalize-space(.),'(a')]", "//p[normalize-space(.)='(a) b']",
    "//p[starts-with(normalize-space(.),'(a) b c')]",
    "//p[substring(normalize-space(.),string-length(normalize-space(.)))=':']",
    "//p[substring(normalize-space(.),string-length(normalize-space(.)))='\u{00E9}']",
    "//p[not(substring(normalize-space(.),string-length(normalize-space(.)))='')]",
    "//p[contains(substring(normalize-space(.),1,4),'\u{201C}')]",
    "//p[contains(substring(normalize-space(.),2,3),'a')]",
    "//p[contains(substring(normalize-space(.),0,3),'(')]",
    "//p[contains(substring(normalize-space(.),-2,6),'b')]",
    "//p[contains(substring(normalize-space(.),3),'e')]", "//p[contains(normalize-space(.),'b c')]",
    "//p[starts-with(normalize-space(.),'(')][not(substring(normalize-space(.),string-length(normalize-space(.)))=':')]"
      + "[not(contains(substring(normalize-space(.),1,8),'\u{201C}'))]",
  ])
  func partialStringValues(_ expression: String) throws {
    let xml = """
      <!DOCTYPE d [<!ENTITY e "Ent">]><d><p>  (a)  <i> b </i>c:</p><p>(a) b</p><p>(a) b </p><p>(a)<b/> b</p>\
      <p> \u{201C}x\u{201D} caf\u{00E9}</p><p>&e; (a) b</p><p>(a) &e;</p><p>(a) b &e; c:  </p><p>(a) b c: &e;</p>\
      <p><i>(</i><i>a</i>)<i>   </i>b<![CDATA[ c ]]>:</p><p>   </p><p/><p>\u{00E9}</p><p>(a)\u{00E9}<i> </i></p></d>
      """
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let query = try XPathQuery(expression)
    let together = try document.selectAll([query])
    #expect(together[0] == (try query.select(in: document, context: nil, namespaces: [:])), "\(expression)")
  }

  /// Namespaced steps over two documents whose namespaces differ only in URI.
  @Test(arguments: ["urn:one", "urn:two"])
  func namespacesAreComparedByURI(_ uri: String) throws {
    let xml = """
      <a:d xmlns:a="urn:one"><a:r><b:r xmlns:b="urn:two"><a:q/><b:q/></b:r><a:q/></a:r>\
      <r xmlns="\(uri)"><q/></r></a:d>
      """
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let namespaces = ["x": "urn:one", "y": "urn:two"]
    let queries = try ["//x:r//x:q", "//y:r/x:q", "//x:r/y:r/y:q", "//x:d//y:q | //x:r/x:q", "/x:d/x:r/x:q"]
      .map { try XPathQuery($0) }
    let together = try document.selectAll(queries, namespaces: namespaces)
    for (index, query) in queries.enumerated() {
      let alone = try query.select(in: document, context: nil, namespaces: namespaces)
      #expect(together[index] == alone, "\(query.expression)")
    }
  }
}
