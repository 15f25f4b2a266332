import Foundation
import Markup
import Testing

/// `selectAll` answers simple expressions in one walk; it must agree with libxml2 exactly.
@Suite("Selecting many expressions at once", .serialized)
struct SelectAllTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let expressions = [
    "//li", "//*", "//nav", "//div[contains(@class,'govspeak')]", "//*[contains(@class,'ltx_note_mark')]",
    "//*[@id='toc']", "//sup[starts-with(@id,'fnref')]", "//h1 | //h2 | //h3 | //h4", "//p[@class]",
    "//tei:ref[@type='bibr']", "//tei:head", "//tei:teiHeader | //tei:note",
    "//*[ contains( @class , \"ltx_item\" ) ]",
    "//ref", "//section[@data-section]//h4", "//table//tr[td]", "//li[contains(@class,'')]",
    "//table[.//th]//tr[td]", "/html/body//li", "/html/body/div", "//*[self::h2 or self::h3][@id]",
    "//li[not(contains(@class,'ltx_item'))]",
    "//li[contains(concat(' ',normalize-space(@class),' '),' ltx_item ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' ltx_title ')][not(contains(concat(' ',normalize-space(@class),' '),' ltx_title_document '))]",
    "//h4[starts-with(normalize-space(.),'Measure ')]", "//tei:text/tei:body//tei:p", "/tei:TEI//tei:item",
    "//tei:div[tei:head]", "//div/p[1]", "//tei:div[tei:head='Executive Summary']/tei:list/tei:item",
    // Predicates beyond the attribute forms: sibling axes, child strings, legislation idioms, boolean
    // operators, and ones libxml2 evaluates for the walk (or, with positions or numbers, whole).
    "//tei:text/tei:body/tei:div[starts-with(tei:head/@n,'3.')]/tei:p",
    "//tei:body/tei:div[preceding-sibling::tei:div[starts-with(tei:head,'Appendix B')]]"
      + "[following-sibling::tei:div[starts-with(tei:head,'Appendix C')]]/tei:list/tei:item",
    "//div[@id='bill']//p[preceding-sibling::h6][starts-with(normalize-space(.),'(')]"
      + "[not(substring(normalize-space(.),string-length(normalize-space(.)))=':')]"
      + "[not(contains(substring(normalize-space(.),1,8),'\u{201C}') or contains(substring(normalize-space(.),1,8),'\"'))]",
    "//div[h6[normalize-space(.)='22606.' or normalize-space(.)='11547.6.']]", "//p[following-sibling::p]",
    "//li[preceding-sibling::li[@id]]", "//*[p and not(@class)]", "//section[h2 or h3]",
    "//li[a/@href='#x' or contains(a,'the')]", "//td[normalize-space(.)='']",
    "//p[contains(substring(normalize-space(.),2,5),'e')]",
    "//p[contains(substring(normalize-space(.),0,3),'T')]",
    "//p[substring(normalize-space(.),string-length(normalize-space(.)))='.']", "//h2[starts-with(span,'1')]",
    "//*[count(li) > 3]", "//li[string-length(normalize-space(.)) > 40]", "//li[last()]",
    "//p[position() < 3]",
    "//p[@class and (contains(.,'model') or contains(.,'risk'))]", "//tei:p[tei:ref/@type='bibr']",
    "//div[(@id)]", "//li[not(preceding-sibling::li)]", "//li[not(following-sibling::*)]",
    "//*[self::ul or self::ol][li[contains(., 'a')]]", "//tei:item[contains(tei:hi,'x')]",
    "//div[section and (@class or @id)]", "//p[tei:ref = 'x']",
  ]

  static let documents: [String] = {
    let folders =
      (try? FileManager.default.contentsOfDirectory(
        atPath: packageRoot.appendingPathComponent("frameworks").path)) ?? []
    return folders.sorted().compactMap { folder in
      let base = packageRoot.appendingPathComponent("frameworks/\(folder)")
      for name in ["document.html", "document.xml"]
      where FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path) {
        return base.appendingPathComponent(name).path
      }
      return nil
    }
  }()

  @Test(arguments: documents)
  func agreesWithLibxml2(_ path: String) throws {
    let format: MarkupFormat = path.hasSuffix(".xml") ? .xml : .html
    let document = try Document.parse(
      Array(try Data(contentsOf: URL(fileURLWithPath: path))), options: ParseOptions(format: format))
    let namespaces = ["tei": "http://www.tei-c.org/ns/1.0"]
    let queries = try Self.expressions.map { try XPathQuery($0) }
    let together = try document.selectAll(queries, namespaces: namespaces)
    for (index, query) in queries.enumerated() {
      let alone = try query.select(in: document, context: nil, namespaces: namespaces)
      #expect(together[index] == alone, "\(query.expression) on \(path)")
    }
  }

  /// A predicate libxml2 cannot evaluate fails the same way in the walk.
  @Test func failingPredicatesFailAsInLibxml2() throws {
    let document = try Document.parse(Array("<p>x</p>".utf8), options: ParseOptions(format: .html))
    for expression in ["//p[foo:bar]", "//p[$undefined]", "//p[unknown-function(.)]"] {
      let query = try XPathQuery(expression)
      #expect(throws: MarkupError.self) { try query.select(in: document, context: nil, namespaces: [:]) }
      #expect(throws: MarkupError.self) { try document.selectAll([query]) }
    }
  }

  /// A string value with an entity reference in it is left to libxml2, which expands the entity.
  @Test func entityReferencesGoToLibxml2() throws {
    let xml = """
      <!DOCTYPE r [<!ENTITY e "Ent">]><r><p>&e; text</p><p>Ent text</p><h>x</h><p>y &e;</p></r>
      """
    let document = try Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml))
    let queries = try [
      "//p[normalize-space(.)='Ent text']",
      "//p[substring(normalize-space(.),string-length(normalize-space(.)))='t']",
      "//r[p='Ent text']", "//r[starts-with(p,'Ent')]", "//p[preceding-sibling::h[normalize-space(.)='x']]",
      "//p[starts-with(normalize-space(.),'Ent')]",
    ].map { try XPathQuery($0) }
    let together = try document.selectAll(queries)
    for (index, query) in queries.enumerated() {
      #expect(
        together[index] == (try query.select(in: document, context: nil, namespaces: [:])),
        "\(query.expression)")
    }
  }
}
