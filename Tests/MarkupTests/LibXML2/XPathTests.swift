import Testing

@testable import Markup

@Suite("XPath and nodes", .serialized)
struct XPathTests {
  static let tei = ["tei": "http://www.tei-c.org/ns/1.0"]

  @Test func namespacedXPathNeedsARegisteredPrefix() throws {
    let document = try FixtureLoader.parse("tei-namespaced.xml")
    #expect(try document.select("//p").isEmpty, "XPath 1.0 has no default namespace")
    let paragraphs = try document.select("//tei:body//tei:p", namespaces: Self.tei)
    #expect(paragraphs.count == 2)
    let footnotes = try document.select("//tei:ref[@type='foot']", namespaces: Self.tei)
    #expect(
      paragraphs[0].text(skipping: NodeSet(footnotes)) == "Developers should red-team models before release.")
  }

  @Test func namespacedLocatorsUseTheCallersPrefixesAndFindTheNodeAgain() throws {
    let document = try FixtureLoader.parse("tei-namespaced.xml")
    let paragraphs = try document.select("//tei:body//tei:p", namespaces: Self.tei)
    let locator = paragraphs[1].locator(namespaces: Self.tei)
    #expect(locator == "/tei:TEI/tei:text/tei:body/tei:div[2]/tei:p")
    #expect(try document.select(locator, namespaces: Self.tei) == [paragraphs[1]])
    let bare = paragraphs[1].locator
    #expect(bare.hasPrefix("/*[local-name()='TEI']"))
    #expect(try document.select(bare) == [paragraphs[1]])
  }

  @Test func relativeQueriesStartAtTheNode() throws {
    let document = try FixtureLoader.parse("tei-namespaced.xml")
    let divisions = try document.select("//tei:body/tei:div", namespaces: Self.tei)
    #expect(divisions.count == 2)
    let heading = try #require(try divisions[1].select("tei:head", namespaces: Self.tei).first)
    #expect(heading.text() == "Monitoring")
    #expect(heading.attribute("n") == "2")
    #expect(
      try divisions[1].select("preceding-sibling::tei:div/tei:head", namespaces: Self.tei).first?.text()
        == "Introduction")
  }

  @Test func prefixedAttributesAndJATS() throws {
    let document = try FixtureLoader.parse("jats-namespaced.xml")
    let links = try document.select(
      "//ext-link[@xlink:href]", namespaces: ["xlink": "http://www.w3.org/1999/xlink"])
    #expect(links.count == 1)
    #expect(try document.select("//sec/title").first?.text() == "Methods")
  }

  @Test func nodesKnowTheirPlace() throws {
    let document = try FixtureLoader.parse("malformed.html")
    let items = try document.select("//li")
    #expect(items.count == 2)
    let second = items[1]
    #expect(second.line == 10)
    #expect(second.locator == "/html/body/div/ul/li[2]")
    #expect(try document.select(second.locator).first == second, "a locator finds its node again")
    #expect(second.parent?.name == "ul")
    #expect(items[0] < items[1])
    #expect(!(items[1] < items[0]))
    #expect(second.isDescendant(of: try #require(document.select("//div[@id='main']").first)))
    let main = try #require(try document.select("//div[@id='main']").first)
    #expect(main.attributes.map(\.name) == ["id"])
    #expect(main.elementChildren.map(\.name) == ["p", "p", "ul"])
  }

  @Test(
    "expressions that do not compile name themselves",
    arguments: ["//p[", "//*[@class='x'", "///", "count(//p"])
  func invalidExpressions(_ expression: String) {
    do {
      _ = try XPathQuery(expression)
      Issue.record("\(expression) compiled")
    } catch let error as MarkupError {
      #expect(error.description.contains(expression))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func valuesAreNotNodeSets() throws {
    let document = try FixtureLoader.parse("malformed.html")
    #expect(throws: MarkupError.self) { try document.select("count(//p)") }
  }

  @Test func unknownPrefixFailsClearly() throws {
    let document = try FixtureLoader.parse("tei-namespaced.xml")
    #expect(throws: MarkupError.self) { try document.select("//undeclared:p") }
  }
}
