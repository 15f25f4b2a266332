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
}
