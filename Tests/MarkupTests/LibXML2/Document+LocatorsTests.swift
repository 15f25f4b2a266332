import ContentHash
import Foundation
import Markup
import TestSupport
import Testing

/// The batch locators the extractor uses (`Document.locators(of:namespaces:)`) against the one-node
/// `Node.locator(namespaces:)`, which walks every sibling and builds the path from strings, on every
/// element of the fixtures and of the shipped frameworks' documents, asked in several orders.
@Suite("Batch locators")
struct DocumentLocatorsTests {
  static let tei = "http://www.tei-c.org/ns/1.0"

  /// Prefix maps: none (namespaced elements by their own prefix or `local-name()`), the TEI one, and
  /// one that names other namespaces too.
  static let namespaceMaps: [[String: String]] = [
    [:], ["tei": tei], ["t": tei, "m": "http://www.w3.org/1998/Math/MathML", "x": "urn:example:x"],
  ]

  static let fixtureNames = [
    "tei-namespaced.xml", "jats-namespaced.xml", "utf8.html", "malformed.html", "latin1-meta.html",
    "invalid-utf8.html", "utf16-bom.html",
  ]

  static let frameworksFolder = PackagePaths.frameworks

  static var frameworkDocuments: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: frameworksFolder.path)) ?? []
    return names.sorted().flatMap { name in
      ["document.xml", "document.html"].map { "\(name)/\($0)" }.filter {
        FileManager.default.fileExists(atPath: frameworksFolder.appendingPathComponent($0).path)
      }
    }
  }

  /// Awkward shapes written for these tests: one namespace declared again on every element, names
  /// that differ only by namespace among siblings, a prefix the caller does not map, an undeclared
  /// default, runs of one name broken by others, and positions past 9 and 99.
  static let synthetic: [String: String] = [
    "redeclared.xml": """
    <r xmlns="urn:example:x"><a xmlns="urn:example:x"/><a xmlns="urn:example:x"><b xmlns="urn:example:x"/>\
    <b xmlns="urn:example:y"/><b xmlns="urn:example:x"/></a><a xmlns="urn:example:z"/><a/></r>
    """,
    "mixed.xml": """
    <root xmlns:p="urn:example:p" xmlns:q="urn:example:p" xmlns:t="http://www.tei-c.org/ns/1.0">
    <p:a/><q:a/><a/><t:a/><b/><a/><p:a><t:item/><t:item/><item/><t:item/></p:a>
    <c>\((1...120).map { $0 % 7 == 0 ? "<d/>" : "<c/>" }.joined())</c>
    </root>
    """,
    "distinct.xml": """
    <r><s>\((0..<40).map { "<n\($0 % 13)/>" }.joined())</s><s>\((0..<40).map { "<n\($0 % 5)/>" }.joined())</s>\
    <s>\((0..<40).map { "<n\($0 * 7 % 11)><m/><m/></n\($0 * 7 % 11)>" }.joined())</s></r>
    """,
    "list.html": """
    <html><body><ul>\((1...105).map { $0 % 10 == 3 ? "<p>x</p>" : "<li>\($0)</li>" }.joined())</ul>\
    <div><li>lone</li></div><div><span/><span/></div><div><span/></div></body></html>
    """,
  ]

  static func parse(_ name: String) throws -> Document {
    if let text = synthetic[name] {
      let format: MarkupFormat = name.hasSuffix(".xml") ? .xml : .html
      return try Document.parse(Array(text.utf8), options: ParseOptions(format: format, sourceName: name))
    }
    if fixtureNames.contains(name) { return try FixtureLoader.parse(name) }
    let bytes = Array(try Data(contentsOf: frameworksFolder.appendingPathComponent(name)))
    let format: MarkupFormat = name.hasSuffix(".xml") ? .xml : .html
    return try Document.parse(bytes, options: ParseOptions(format: format, sourceName: name))
  }

  static var allDocuments: [String] {
    synthetic.keys.sorted() + fixtureNames + frameworkDocuments
  }

  /// The orders the nodes are asked in: document order (as the extractor asks), backwards, shuffled,
  /// every third one, with repeats and ancestors after their descendants, and the first half interleaved
  /// with the second.
  static func orders(of nodes: [Node]) -> [[Node]] {
    var generator = SplitMix64(seed: UInt64(nodes.count))
    var shuffled = nodes
    shuffled.shuffle(using: &generator)
    let everyThird = nodes.enumerated().filter { $0.offset % 3 == 1 }.map(\.element)
    let repeated = nodes.prefix(40).flatMap { node in [node, node] + (node.parent.map { [$0] } ?? []) }
    let half = nodes.count / 2
    let interleaved = zip(nodes[..<half], nodes[half...]).flatMap { [$0, $1] }
    return [nodes, nodes.reversed(), shuffled, everyThird, repeated, interleaved]
  }

  @Test(arguments: allDocuments)
  func batchLocatorsAreTheSingleNodeOnes(_ name: String) throws {
    let document = try Self.parse(name)
    let elements = try document.select("//*")
    #expect(!elements.isEmpty)
    for namespaces in Self.namespaceMaps {
      for order in Self.orders(of: elements) {
        let batch = document.locators(of: order, namespaces: namespaces)
        let single = order.map { $0.locator(namespaces: namespaces) }
        let differing = zip(order.indices, zip(batch, single)).filter { $0.1.0 != $0.1.1 }
        #expect(
          differing.isEmpty,
          "\(name) \(namespaces): \(differing.prefix(3).map { "\($0.1.0) != \($0.1.1)" })")
      }
    }
  }

  /// Each element's locator must select it and nothing else, where the locator can: one with a prefix
  /// the caller did not register cannot be evaluated with the caller's map, and `*[local-name()='b']`
  /// matches a sibling of the same name in another namespace too (known limits of the format).
  @Test(arguments: allDocuments)
  func batchLocatorsFindTheirElementsAgain(_ name: String) throws {
    let document = try Self.parse(name)
    let elements = Array(try document.select("//*").prefix(800))
    let namespaces = Self.namespaceMaps[2]
    let locators = document.locators(of: elements, namespaces: namespaces)
    var checked = 0
    for (element, locator) in zip(elements, locators) {
      let prefixes = locator.split(separator: "/").compactMap { step in
        step.firstIndex(of: ":").map { String(step[..<$0]) }
      }
      guard !locator.contains("local-name()"), prefixes.allSatisfy({ namespaces[$0] != nil }) else {
        continue
      }
      checked += 1
      let found = try document.select(locator, namespaces: namespaces)
      #expect(found == [element], "\(name): \(locator) selects \(found.count) nodes")
    }
    #expect(checked > 0)
  }

  @Test func positionsPastNineAndNinetyNine() throws {
    let document = try Self.parse("list.html")
    let items = try document.select("//ul/li")
    let locators = document.locators(of: items, namespaces: [:])
    #expect(locators.first == "/html/body/ul/li[1]")
    #expect(locators.contains("/html/body/ul/li[10]"))
    #expect(locators.last == "/html/body/ul/li[\(items.count)]")
    #expect(items.count > 90)
  }

  @Test func redeclaredNamespacesAreWrittenByTheirURI() throws {
    let document = try Self.parse("redeclared.xml")
    let elements = try document.select("//*")
    let locators = document.locators(of: elements, namespaces: ["x": "urn:example:x"])
    #expect(
      locators == [
        "/x:r", "/x:r/x:a[1]", "/x:r/x:a[2]", "/x:r/x:a[2]/x:b[1]", "/x:r/x:a[2]/*[local-name()='b']",
        "/x:r/x:a[2]/x:b[2]", "/x:r/*[local-name()='a']", "/x:r/x:a[3]",
      ])
  }
}
